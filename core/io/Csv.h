#pragma once

#include "Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

// One record of a CSV file: its fields, and the line of the file it starts on
// (a quoted field may run over several lines). A record that cannot be read
// (bad UTF-8, a NUL, a stray quote) keeps its line and says why in `problem`;
// the reader goes on with the next one, so that every bad row is reported.
struct CsvRecord
{
    int line = 0;
    QStringList fields;
    QString problem; // empty when the record was read

    // Every field empty: a blank line, or one a spreadsheet wrote as ";;;;".
    bool isBlank() const;
};

// A small RFC 4180 reader and writer: quoted fields, doubled quotes, line breaks
// inside quotes, CRLF or LF, an optional UTF-8 byte order mark, and `,` or `;`
// as the delimiter (a spreadsheet in French writes `;`). Written here rather
// than taken from a library because the importer needs each record's line
// number and a per-record refusal, which libcsv's callbacks do not give.
class Csv
{
    Q_DECLARE_TR_FUNCTIONS(Csv)

public:
    // Far above 100,000 users (about 8 MB), far below what would exhaust memory.
    static constexpr qint64 MaxBytes = 64 * 1024 * 1024;

    struct Table
    {
        char delimiter = ',';
        QVector<CsvRecord> records; // the header line first
    };

    // The delimiter of a file, from its first line: `;` when it has more
    // semicolons than commas outside quotes, else `,`.
    static char detectDelimiter(QByteArrayView data);
    // Reads a whole file, with `delimiter`, or the one detectDelimiter() finds
    // when it is 0. Refused only when it is too large; every other problem
    // stays with its record.
    static Result<Table> parse(const QByteArray &data, qint64 maxBytes = MaxBytes, char delimiter = 0);

    struct Format
    {
        char delimiter = ',';
        bool byteOrderMark = false;
    };
    // Writes records with CRLF line ends, quoting the fields that need it.
    static QByteArray write(const QVector<QStringList> &records, Format format);
    static void appendRecord(QByteArray &out, const QStringList &fields, char delimiter);

    // OWASP's CSV injection defence: a cell a spreadsheet would run as a
    // formula (starting with = + - @, a tab or a carriage return) gets a `'`
    // in front. Cells that already start with quotes before such a character
    // get one more, so that unneutralized() gives back exactly what was written.
    static QString neutralized(const QString &cell);
    static QString unneutralized(const QString &cell);
};
