#include "DataFiles.h"

#include "SqliteFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

Status DataFiles::notTheDatabase(const QString &path, const QString &database)
{
    if (database.isEmpty())
        return {};
    const QString target = QFileInfo(path).absoluteFilePath();
    for (const char *suffix : { "", "-wal", "-shm", "-journal" }) {
        const QString file = database + QLatin1String(suffix);
        if (QFileInfo(file).absoluteFilePath() == target || SqliteFiles::sameFile(path, file))
            return Error {
                ErrorKind::Invalid,
                tr("%1 is the database (or one of its files); choose another file.").arg(QDir::toNativeSeparators(path))
            };
    }
    return {};
}

Result<QByteArray> DataFiles::read(const QString &path, const QString &database, qint64 maxBytes)
{
    if (Status s = notTheDatabase(path, database); !s)
        return s.error();
    QString why;
    if (SqliteFiles::kindOf(path, &why) != SqliteFiles::Header::Read)
        return Error { ErrorKind::Invalid,
                       tr("Cannot read %1: it is not a file that can be read.").arg(QDir::toNativeSeparators(path)) };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { ErrorKind::Invalid,
                       tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()) };
    if (file.size() > maxBytes)
        return Error { ErrorKind::Invalid,
                       tr("%1 is %2 MB; a file may be at most %3 MB.")
                           .arg(QDir::toNativeSeparators(path))
                           .arg(file.size() / (1024 * 1024))
                           .arg(maxBytes / (1024 * 1024)) };
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Error { ErrorKind::Invalid,
                       tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()) };
    return bytes;
}

Status DataFiles::write(const QString &path, const QByteArray &bytes, const QString &database)
{
    if (Status s = notTheDatabase(path, database); !s)
        return s;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error { ErrorKind::Invalid,
                       tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()) };
    return {};
}
