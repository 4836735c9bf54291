#include "Backups.h"

#include "SeatDatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QtEndian>
#include <sqlite3.h>

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

// A database file and the two files SQLite keeps beside it in WAL mode.
const char *const companions[] = { "", "-wal", "-shm" };

// Moves a database and its companions; on failure, puts back what moved.
Status moveDatabase(const QString &from, const QString &to)
{
    QStringList moved;
    for (const char *suffix : companions) {
        const QString source = from + QLatin1String(suffix);
        if (!QFileInfo::exists(source))
            continue;
        const QString target = to + QLatin1String(suffix);
        if (!QFile::rename(source, target)) {
            for (const QString &done : moved)
                QFile::rename(to + done, from + done);
            return storage(Backups::tr("Could not move %1 to %2.").arg(shown(source), shown(target)));
        }
        moved << QLatin1String(suffix);
    }
    return {};
}

void removeDatabase(const QString &path)
{
    for (const char *suffix : companions)
        QFile::remove(path + QLatin1String(suffix));
}

// Copies the backup under a temporary name, flushed to the disk.
Status copyFile(const QString &from, const QString &to)
{
    QFile source(from);
    if (!source.open(QIODevice::ReadOnly))
        return storage(Backups::tr("The backup %1 cannot be read: %2").arg(shown(from), source.errorString()));
    QSaveFile target(to);
    if (!target.open(QIODevice::WriteOnly))
        return storage(Backups::tr("Could not write %1: %2").arg(shown(to), target.errorString()));
    while (!source.atEnd()) {
        const QByteArray chunk = source.read(1 << 20);
        if (chunk.isEmpty() && source.error() != QFileDevice::NoError)
            return storage(Backups::tr("The backup %1 cannot be read: %2").arg(shown(from), source.errorString()));
        if (target.write(chunk) != chunk.size())
            return storage(Backups::tr("Could not write %1: %2").arg(shown(to), target.errorString()));
    }
    if (!target.commit())
        return storage(Backups::tr("Could not write %1: %2").arg(shown(to), target.errorString()));
    return {};
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

// Whether another connection — a window, seatctl — has the database open now.
// Asks SQLite for an exclusive lock without waiting and writes nothing: every
// open WAL connection holds a shared lock, so the exclusive one is refused.
// The database file, and its -wal if it has one, stay byte for byte as they were.
bool inUse(const QString &path)
{
    // Only a file of ours is asked: SQLite could roll back another program's
    // journal, and a file we did not write is never modified.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = file.read(72);
    file.close();
    if (header.size() < 72 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0"))
        || qFromBigEndian<qint32>(header.constData() + 68) != SeatDatabase::ApplicationId)
        return false;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    // A log already there is left as it is; one this probe makes is removed again on close.
    if (QFileInfo::exists(path + QStringLiteral("-wal")))
        sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    sqlite3_busy_timeout(db, 0);
    bool busy = false;
    if (sqlite3_exec(db, "PRAGMA locking_mode = EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK) {
        const int rc = sqlite3_exec(db, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr);
        busy = (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
        if (rc == SQLITE_OK)
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    sqlite3_close(db);
    return busy;
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
    // Moving a file another window still writes to would split the ledger in two.
    if (inUse(databasePath))
        return storage(tr("The database %1 is open in another window or program. Close it there, then restore.")
                           .arg(shown(databasePath)));
    const QString staging = databasePath + QStringLiteral(".restoring");
    removeDatabase(staging); // a leftover of an interrupted restore
    if (Status s = copyFile(backupPath, staging); !s)
        return s.error();
    Status sound;
    {
        // The copy must be a sound Seatkeeper database before anything moves.
        auto opened = SeatDatabase::open(staging, SeatDatabase::MigrationBackup::Skip);
        sound = opened ? opened.value()->quickCheck() : Status(opened.error());
        if (sound)
            sound = opened.value()->execStatement("PRAGMA journal_mode = WAL");
    }
    if (!sound) {
        removeDatabase(staging);
        // The checks spoke of the staging copy; the person chose the backup.
        const QString why = QString(sound.error().message).replace(shown(staging), shown(backupPath));
        return storage(tr("The backup %1 cannot be restored: %2").arg(shown(backupPath), why));
    }
    QString keptAside;
    if (QFileInfo::exists(databasePath)) {
        keptAside = databasePath + QStringLiteral(".replaced-")
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd'T'HHmmss.zzz'Z'"));
        if (Status s = moveDatabase(databasePath, keptAside); !s) {
            removeDatabase(staging);
            return s.error();
        }
    } else {
        // Stray -wal/-shm of a file that is gone would be replayed into the backup.
        if (Status s = moveDatabase(databasePath, databasePath + QStringLiteral(".orphan")); !s)
            return s.error();
    }
    if (Status s = moveDatabase(staging, databasePath); !s) {
        if (!keptAside.isEmpty())
            moveDatabase(keptAside, databasePath);
        removeDatabase(staging);
        return s.error();
    }
    return keptAside;
}
