#pragma once

#include "Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// The files a person imports from and exports to (CSV), read and written
// while a database is open. Rule R13: such a file must never be the
// database, nor its -wal, -shm or -journal — reading or writing it by hand
// would drop SQLite's locks (or overwrite the data). Both calls refuse those
// before they open anything.
class DataFiles
{
    Q_DECLARE_TR_FUNCTIONS(DataFiles)

public:
    // Reads a whole file of at most `maxBytes`. `database`: the open
    // database's location (a file, or a server's URI, which no file can be).
    static Result<QByteArray> read(const QString &path, const QString &database, qint64 maxBytes);
    // Writes `bytes` to `path` whole or not at all (a temporary file renamed into place).
    static Status write(const QString &path, const QByteArray &bytes, const QString &database);

private:
    static Status notTheDatabase(const QString &path, const QString &database);
};
