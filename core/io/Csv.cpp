#include "Csv.h"

#include <QStringDecoder>

namespace {

bool startsFormula(QStringView cell)
{
    qsizetype i = 0;
    while (i < cell.size() && cell.at(i) == QLatin1Char('\''))
        ++i;
    if (i == cell.size())
        return false;
    const QChar c = cell.at(i);
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@')
        || c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

} // namespace

bool CsvRecord::isBlank() const
{
    for (const QString &field : fields) {
        if (!field.trimmed().isEmpty())
            return false;
    }
    return true;
}

char Csv::detectDelimiter(QByteArrayView data)
{
    if (data.startsWith("\xEF\xBB\xBF"))
        data = data.sliced(3);
    int commas = 0;
    int semicolons = 0;
    bool quoted = false;
    for (char c : data) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted && c == ',')
            ++commas;
        else if (!quoted && c == ';')
            ++semicolons;
    }
    return semicolons > commas ? ';' : ',';
}

Result<Csv::Table> Csv::parse(const QByteArray &data, qint64 maxBytes, char delimiter)
{
    if (data.size() > maxBytes)
        return Error { ErrorKind::Invalid,
                       tr("The file is %1 MB; a file may be at most %2 MB.")
                           .arg(data.size() / (1024 * 1024))
                           .arg(maxBytes / (1024 * 1024)) };
    Table table;
    table.delimiter = delimiter ? delimiter : detectDelimiter(data);
    delimiter = table.delimiter;
    const char *p = data.constData();
    const char *const end = p + data.size();
    if (data.startsWith("\xEF\xBB\xBF"))
        p += 3;

    int line = 1;
    QByteArray field;
    // A byte order mark inside a field is text like any other: only the
    // file's first one (skipped above) is not.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    while (p < end) {
        CsvRecord record;
        record.line = line;
        const auto finishField = [&] {
            QString text = decoder(field);
            if (decoder.hasError() && record.problem.isEmpty())
                record.problem = tr("the text is not valid UTF-8.");
            decoder.resetState();
            if (text.contains(QChar(0)) && record.problem.isEmpty())
                record.problem = tr("the line contains a NUL character.");
            record.fields.append(std::move(text));
            field.clear();
        };
        // One record: fields until an unquoted line end or the end of the data.
        bool endOfRecord = false;
        while (!endOfRecord) {
            if (p < end && *p == '"') {
                const int opened = line;
                ++p;
                bool closed = false;
                while (p < end) {
                    if (*p == '"') {
                        if (p + 1 < end && p[1] == '"') {
                            field.append('"');
                            p += 2;
                            continue;
                        }
                        ++p;
                        closed = true;
                        break;
                    }
                    if (*p == '\n')
                        ++line;
                    field.append(*p++);
                }
                if (!closed && record.problem.isEmpty())
                    record.problem = tr("the quote opened on line %1 is never closed.").arg(opened);
                // Text between the closing quote and the next delimiter.
                if (p < end && *p != delimiter && *p != '\n' && *p != '\r') {
                    if (record.problem.isEmpty())
                        record.problem
                            = tr("there is text after the closing quote of field %1.").arg(record.fields.size() + 1);
                    while (p < end && *p != delimiter && *p != '\n' && *p != '\r')
                        field.append(*p++);
                }
            } else {
                while (p < end && *p != delimiter && *p != '\n' && *p != '\r') {
                    if (*p == '"' && record.problem.isEmpty())
                        record.problem
                            = tr("field %1 has a quote inside it; quote the whole field and double the quote.")
                                  .arg(record.fields.size() + 1);
                    field.append(*p++);
                }
            }
            finishField();
            if (p < end && *p == delimiter) {
                ++p;
                continue;
            }
            // A line end (CRLF, LF, or a lone CR) or the end of the data.
            if (p < end && *p == '\r')
                ++p;
            if (p < end && *p == '\n')
                ++p;
            ++line;
            endOfRecord = true;
        }
        table.records.append(std::move(record));
    }
    return table;
}

void Csv::appendRecord(QByteArray &out, const QStringList &fields, char delimiter)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out.append(delimiter);
        const QByteArray bytes = fields.at(i).toUtf8();
        const bool quote = bytes.contains(delimiter) || bytes.contains('"') || bytes.contains('\n')
            || bytes.contains('\r') || bytes.startsWith(' ') || bytes.endsWith(' ');
        if (!quote) {
            out.append(bytes);
            continue;
        }
        out.append('"');
        for (char c : bytes) {
            if (c == '"')
                out.append('"');
            out.append(c);
        }
        out.append('"');
    }
    out.append("\r\n");
}

QByteArray Csv::write(const QVector<QStringList> &records, Format format)
{
    QByteArray out;
    if (format.byteOrderMark)
        out.append("\xEF\xBB\xBF");
    for (const QStringList &fields : records)
        appendRecord(out, fields, format.delimiter);
    return out;
}

QString Csv::neutralized(const QString &cell)
{
    return startsFormula(cell) ? QLatin1Char('\'') + cell : cell;
}

QString Csv::unneutralized(const QString &cell)
{
    return cell.startsWith(QLatin1Char('\'')) && startsFormula(QStringView(cell).sliced(1)) ? cell.mid(1) : cell;
}
