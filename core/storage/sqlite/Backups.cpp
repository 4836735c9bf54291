#include "Backups.h"

#include "SeatDatabase.h"
#include "SqliteFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

namespace {

const QString TimeFormat = QStringLiteral("yyyy-MM-dd'T'HHmmss.zzz'Z'");
const QString Suffix = QStringLiteral(".backup");

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

Error storage(const QString &message)
{
    return Error { ErrorKind::Storage, message };
}

QString backupPath(const QString &databasePath, const QDateTime &at)
{
    return databasePath + QLatin1Char('.') + at.toString(TimeFormat) + Suffix;
}

// Half-written backups left by a crash: never listed, removed once clearly abandoned.
void removeStaleParts(const QString &databasePath)
{
    const QFileInfo database(databasePath);
    const QFileInfoList parts = database.absoluteDir().entryInfoList(
        { database.fileName() + QLatin1Char('.') + QLatin1Char('*') + Suffix + QStringLiteral(".part-*") },
        QDir::Files);
    const QDateTime hourAgo = QDateTime::currentDateTimeUtc().addSecs(-3600);
    for (const QFileInfo &part : parts) {
        if (part.lastModified().toUTC() < hourAgo)
            QFile::remove(part.absoluteFilePath());
    }
}

} // namespace

QVector<BackupInfo> Backups::list(const QString &databasePath)
{
    const QFileInfo database(databasePath);
    const QString prefix = database.fileName() + QLatin1Char('.');
    const QDir dir = database.absoluteDir();
    QVector<BackupInfo> found;
    const QFileInfoList files = dir.entryInfoList({ prefix + QLatin1Char('*') + Suffix }, QDir::Files);
    for (const QFileInfo &file : files) {
        const QString name = file.fileName();
        const QString stamp = name.mid(prefix.size(), name.size() - prefix.size() - Suffix.size());
        QDateTime at = QDateTime::fromString(stamp, TimeFormat);
        if (!at.isValid())
            continue;
        at.setTimeSpec(Qt::UTC);
        found.append(BackupInfo { file.absoluteFilePath(), at, file.size() });
    }
    std::sort(found.begin(), found.end(),
              [](const BackupInfo &a, const BackupInfo &b) { return a.takenAt > b.takenAt; });
    return found;
}

Result<BackupInfo> Backups::take(const SeatDatabase &db)
{
    QDateTime at = QDateTime::currentDateTimeUtc();
    QString target = backupPath(db.path(), at);
    while (QFileInfo::exists(target)) {
        at = at.addMSecs(1);
        target = backupPath(db.path(), at);
    }
    // A name of its own, so two processes backing up at once never share a file.
    const QString part
        = target + QStringLiteral(".part-") + QString::number(QRandomGenerator::global()->generate64(), 36);
    removeStaleParts(db.path());
    auto vacuum = db.prepare("VACUUM INTO :target");
    if (!vacuum)
        return vacuum.error();
    vacuum.value().bindValue(QStringLiteral(":target"), part);
    if (Status s = db.exec(vacuum.value()); !s) {
        QFile::remove(part);
        return storage(
            tr("Could not write a backup of %1 to %2: %3").arg(shown(db.path()), shown(target), s.error().message));
    }
    if (!QFile::rename(part, target)) {
        QFile::remove(part);
        return storage(tr("Could not write a backup of %1 to %2.").arg(shown(db.path()), shown(target)));
    }
    const QVector<BackupInfo> all = list(db.path());
    for (int i = Keep; i < all.size(); ++i)
        QFile::remove(all.at(i).path);
    return BackupInfo { QFileInfo(target).absoluteFilePath(), at, QFileInfo(target).size() };
}

Result<std::optional<BackupInfo>> Backups::takeDaily(const SeatDatabase &db)
{
    const QVector<BackupInfo> all = list(db.path());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!all.isEmpty()) {
        const qint64 age = all.first().takenAt.secsTo(now);
        if (age >= 0 && age < DailyIntervalSecs)
            return std::optional<BackupInfo>();
    }
    auto taken = take(db);
    if (!taken)
        return taken.error();
    return std::optional<BackupInfo>(taken.takeValue());
}

Result<QString> Backups::restore(const QString &databasePath, const QString &backupPath)
{
    // Only regular files, checked before anything is created, locked or moved:
    // a folder or a device is no backup and no database, and a pipe would block.
    QString why;
    switch (SqliteFiles::kindOf(backupPath, &why)) {
    case SqliteFiles::Header::Missing:
        return storage(tr("The backup %1 does not exist.").arg(shown(backupPath)));
    case SqliteFiles::Header::NotAFile:
        return storage(tr("The backup %1 is not a file (it is a folder, a device or a pipe); nothing was restored.")
                           .arg(shown(backupPath)));
    case SqliteFiles::Header::Unreadable:
        return storage(tr("The backup %1 cannot be read: %2").arg(shown(backupPath), why));
    case SqliteFiles::Header::Read:
        break;
    }
    if (SqliteFiles::kindOf(databasePath) == SqliteFiles::Header::NotAFile)
        return storage(tr("The database %1 is not a file (it is a folder, a device or a pipe); nothing was restored.")
                           .arg(shown(databasePath)));
    // From here to the end, other processes that open the database are told to
    // come back, and no other restore of it can start.
    auto lock = SqliteFiles::RestoreLock::acquire(databasePath);
    if (!lock)
        return lock.error();
    if (SqliteFiles::sameFile(backupPath, databasePath))
        return storage(tr("%1 is the database itself, not one of its backups.").arg(shown(backupPath)));
    const QString staging = SqliteFiles::freshSibling(databasePath, QStringLiteral(".restoring-"));
    if (Status s = SqliteFiles::copyToPrivate(backupPath, staging); !s) {
        SqliteFiles::removePrivate(staging);
        return s.error();
    }
    Status sound;
    {
        // The copy must be a sound Seatkeeper database before anything changes.
        auto opened = SeatDatabase::open(staging);
        sound = opened ? opened.value()->quickCheck() : Status(opened.error());
        if (sound)
            sound = opened.value()->execStatement("PRAGMA journal_mode = WAL");
    }
    if (!sound) {
        SqliteFiles::removePrivate(staging);
        // The checks spoke of the staging copy; the person chose the backup.
        const QString why = QString(sound.error().message).replace(shown(staging), shown(backupPath));
        return storage(tr("The backup %1 cannot be restored: %2").arg(shown(backupPath), why));
    }
    auto replaced
        = SqliteFiles::replace(databasePath, staging, SeatDatabase::ApplicationId, SeatDatabase::BusyTimeoutMs);
    SqliteFiles::removePrivate(staging); // linked into place, or copied into the database
    return replaced;
}
