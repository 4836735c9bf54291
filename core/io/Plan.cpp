#include "Plan.h"

#include "InputText.h"
#include "Validation.h"

#include <algorithm>
#include <QIODevice>
#include <QStringDecoder>

namespace {

Error lineError(int line, const QString &message)
{
    return Error { ErrorKind::Invalid, Plan::tr("Line %1: %2").arg(line).arg(message) };
}

Error tooLarge(qint64 bytes, qint64 maxBytes)
{
    return Error { ErrorKind::Invalid,
                   Plan::tr("The plan is %1 MB; a plan may be at most %2 MB.")
                       .arg(bytes / (1024 * 1024))
                       .arg(maxBytes / (1024 * 1024)) };
}

} // namespace

Result<QVector<PlanLine>> Plan::read(QIODevice &device, qint64 maxBytes)
{
    if (!device.isSequential() && device.size() > maxBytes)
        return tooLarge(device.size(), maxBytes);
    // A pipe hands its data over in pieces: read until the end of the input,
    // not just what has arrived so far. A device with nothing for now (one
    // that is not blocking) is waited on; one that cannot wait is at its end.
    QByteArray data;
    for (;;) {
        const qint64 wanted = std::min<qint64>(64 * 1024, maxBytes + 1 - data.size());
        const qsizetype had = data.size();
        data.resize(had + wanted);
        const qint64 got = device.read(data.data() + had, wanted);
        data.resize(had + std::max<qint64>(got, 0));
        if (got < 0)
            return Error { ErrorKind::Invalid, tr("The plan could not be read: %1").arg(device.errorString()) };
        if (data.size() > maxBytes)
            return tooLarge(data.size(), maxBytes);
        if (got == 0 && !device.waitForReadyRead(-1))
            break;
    }
    return parse(data, maxBytes);
}

Result<QVector<PlanLine>> Plan::parse(const QByteArray &data, qint64 maxBytes)
{
    if (data.size() > maxBytes)
        return tooLarge(data.size(), maxBytes);
    QVector<PlanLine> lines;
    QByteArrayView rest(data);
    if (rest.startsWith("\xEF\xBB\xBF"))
        rest = rest.sliced(3);
    int lineNumber = 0;
    while (!rest.isEmpty()) {
        ++lineNumber;
        const qsizetype nl = rest.indexOf('\n');
        QByteArrayView raw = nl < 0 ? rest : rest.first(nl);
        rest = nl < 0 ? QByteArrayView() : rest.sliced(nl + 1);
        if (raw.endsWith('\r'))
            raw.chop(1);
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString text = decoder(raw);
        if (decoder.hasError())
            return lineError(lineNumber, tr("the text is not valid UTF-8."));
        const QString line = text.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.contains(QChar(0)))
            return lineError(lineNumber, tr("the line contains a NUL character."));
        const QStringList words = line.simplified().split(QLatin1Char(' '));
        const QString &command = words.first();
        PlanLine parsed;
        parsed.lineNumber = lineNumber;
        if (command == QLatin1String("assign")) {
            parsed.kind = PlanLine::Kind::Assign;
            if (words.size() != 3)
                return lineError(lineNumber, tr("expected “assign EMAIL TYPE”."));
            const auto type = seatTypeFromKey(words.at(2));
            if (!type)
                return lineError(lineNumber,
                                 tr("unknown seat type “%1”; expected one of sales-starter, "
                                    "sales-professional, sales-enterprise, service-starter, "
                                    "service-professional, service-enterprise.")
                                     .arg(InputText::escaped(words.at(2))));
            parsed.type = *type;
            parsed.product = productOf(*type);
        } else if (command == QLatin1String("unassign")) {
            parsed.kind = PlanLine::Kind::Unassign;
            if (words.size() != 3)
                return lineError(lineNumber, tr("expected “unassign EMAIL PRODUCT”."));
            const auto product = productFromKey(words.at(2));
            if (!product)
                return lineError(
                    lineNumber,
                    tr("unknown product “%1”; expected sales or service.").arg(InputText::escaped(words.at(2))));
            parsed.product = *product;
        } else {
            return lineError(lineNumber,
                             tr("unknown command “%1”; expected assign or unassign.").arg(InputText::escaped(command)));
        }
        parsed.email = words.at(1);
        if (const Status valid = Validation::checkEmail(parsed.email); !valid)
            return lineError(lineNumber, valid.error().message);
        lines.append(parsed);
    }
    return lines;
}
