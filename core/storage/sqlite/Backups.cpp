#include "Backups.h"

#include "SeatDatabase.h"
#include "SqliteFiles.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QThread>
#include <sys/file.h>
#include <unistd.h>

namespace {

const QString TimeFormat = QStringLiteral("yyyy-MM-dd'T'HHmmss.zzz'Z'");
const QString Suffix = QStringLiteral(".backup");
const QString PartInfix = QStringLiteral(".part-");
// How long a backup waits for the others being written in the same folder.
constexpr int FolderWaitMs = 30000;

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

Error storage(const QString &message)
{
    return Error { ErrorKind::Storage, message };
}

struct Stamp
{
    qint64 sequence = 0;
    QDateTime at;
};

// What a backup's name holds between "seats.db." and ".backup": "000042.2026-11-26T153012.345Z",
// or "2026-11-26T153012.345Z" for a name from before the numbers. Anything else is not a backup.
std::optional<Stamp> parseStamp(QStringView middle)
{
    Stamp stamp;
    int digits = 0;
    while (digits < middle.size() && middle.at(digits) >= QLatin1Char('0') && middle.at(digits) <= QLatin1Char('9'))
        ++digits;
    if (digits > 0 && digits < middle.size() && middle.at(digits) == QLatin1Char('.')) {
        bool ok = false;
        stamp.sequence = middle.left(digits).toLongLong(&ok);
        if (!ok || stamp.sequence <= 0)
            return std::nullopt;
        middle = middle.mid(digits + 1);
    }
    // Date and time apart, in UTC: read as one local time, a name from the hour
    // skipped when summer time starts would not be a time at all.
    if (middle.size() != 22 || middle.at(10) != QLatin1Char('T') || middle.at(21) != QLatin1Char('Z'))
        return std::nullopt;
    const QDate date = QDate::fromString(middle.left(10).toString(), QStringLiteral("yyyy-MM-dd"));
    const QTime time = QTime::fromString(middle.mid(11, 10).toString(), QStringLiteral("HHmmss.zzz"));
    stamp.at = QDateTime(date, time, Qt::UTC);
    if (!stamp.at.isValid() || stamp.at.toString(TimeFormat) != middle)
        return std::nullopt;
    return stamp;
}

// The most recently written first: by number, then (names without one) by time.
bool writtenLater(const BackupInfo &a, const BackupInfo &b)
{
    if (a.sequence != b.sequence)
        return a.sequence > b.sequence;
    if (a.takenAt != b.takenAt)
        return a.takenAt > b.takenAt;
    return a.path > b.path;
}

// Half-written backups left by a crash (with the journal VACUUM INTO writes
// beside them): never listed; removed once clearly abandoned, since a process
// of an older Seatkeeper may be writing one without the folder lock.
void removeStaleParts(const QString &databasePath)
{
    const QFileInfo database(databasePath);
    const QString prefix = database.fileName() + QLatin1Char('.');
    const QString marker = Suffix + PartInfix;
    const QDateTime hourAgo = QDateTime::currentDateTimeUtc().addSecs(-3600);
    const QFileInfoList files = database.absoluteDir().entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo &file : files) {
        const QString name = file.fileName();
        if (!name.startsWith(prefix))
            continue;
        const int at = name.indexOf(marker, prefix.size());
        if (at < 0 || !parseStamp(QStringView(name).mid(prefix.size(), at - prefix.size())))
            continue;
        QStringView rest = QStringView(name).mid(at + marker.size());
        for (const char *companion : { "-journal", "-wal", "-shm" }) {
            if (rest.endsWith(QLatin1String(companion)))
                rest.chop(qsizetype(std::strlen(companion)));
        }
        const bool random = !rest.isEmpty() && std::all_of(rest.begin(), rest.end(), [](QChar c) {
            return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('z'));
        });
        if (random && file.lastModified().toUTC() < hourAgo)
            QFile::remove(file.absoluteFilePath());
    }
}

// Deletes the backups beyond what rotation keeps (see Backups::KeepNewest).
void rotate(const QString &databasePath, const QString &justWritten)
{
    const QVector<BackupInfo> all = Backups::list(databasePath);
    QSet<qint64> days;
    QSet<qint64> weeks;
    for (int i = 0; i < all.size(); ++i) {
        const BackupInfo &b = all.at(i);
        bool keep = i < Backups::KeepNewest || b.path == justWritten;
        const QDate day = b.takenAt.date();
        if (!days.contains(day.toJulianDay()) && days.size() < Backups::KeepDays) {
            days.insert(day.toJulianDay());
            keep = true;
        }
        int year = 0;
        const int week = day.weekNumber(&year);
        const qint64 isoWeek = qint64(year) * 100 + week;
        if (!weeks.contains(isoWeek) && weeks.size() < Backups::KeepWeeks) {
            weeks.insert(isoWeek);
            keep = true;
        }
        if (!keep)
            QFile::remove(b.path);
    }
}

// Backups of the databases of one folder are written one at a time, across
// processes: the numbers are handed out in order, never twice, and a rotation
// never runs into a backup being written. An flock on the folder itself, so no
// file is added beside the databases; a folder that cannot be opened is not
// locked (its backups cannot be listed either).
class FolderLock
{
public:
    explicit FolderLock(const QString &folder)
        : m_fd(::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC))
    {
        QElapsedTimer clock;
        clock.start();
        while (m_fd >= 0 && ::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
            if (errno != EWOULDBLOCK && errno != EINTR)
                break; // a file system without flock: go on, names are still never reused
            if (clock.elapsed() >= FolderWaitMs) {
                m_busy = true;
                break;
            }
            QThread::msleep(20);
        }
    }
    ~FolderLock()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FolderLock(const FolderLock &) = delete;
    FolderLock &operator=(const FolderLock &) = delete;

    // Another process kept writing backups in the folder for the whole wait.
    bool busy() const { return m_busy; }

private:
    int m_fd;
    bool m_busy = false;
};

Error folderBusy(const QString &databasePath)
{
    return storage(Backups::tr("Could not write a backup of %1: another backup in the folder %2 is still being "
                               "written. Try again when it is done.")
                       .arg(shown(databasePath), shown(QFileInfo(databasePath).absolutePath())));
}

// A backup that could not be written leaves nothing behind: the part file and
// the journal VACUUM INTO keeps beside it go.
Error failed(const QString &databasePath, const QString &part, const QString &why)
{
    SqliteFiles::removePrivate(part);
    QString left;
    for (const QString &file : { part, part + QStringLiteral("-journal") }) {
        if (QFileInfo(file).exists() || QFileInfo(file).isSymLink())
            left = file;
    }
    const QString message = Backups::tr("Could not write a backup of %1 in the folder %2: %3")
                                .arg(shown(databasePath), shown(QFileInfo(databasePath).absolutePath()), why);
    const QString after = left.isEmpty()
        ? Backups::tr("The database is unchanged, and nothing of the failed backup was left in the folder.")
        : Backups::tr("The database is unchanged; the unfinished file %1 could not be removed.").arg(shown(left));
    return storage(message + QLatin1Char(' ') + after);
}

// Why VACUUM INTO failed, in words a person can act on.
QString vacuumFailure(const SeatDatabase &db, const QSqlError &error)
{
    // SQLite result codes, primary part: 10 I/O error, 13 full, 14 cannot open.
    switch (error.nativeErrorCode().toInt() & 0xff) {
    case 13:
        return Backups::tr("The disk is full.");
    case 14:
        return Backups::tr("No new file can be created there.");
    case 10:
        return Backups::tr("The copy could not be written (%1).").arg(error.databaseText());
    default:
        return db.storageError(error).message;
    }
}

// The longest file name the folder takes, in bytes.
qint64 maxNameBytes(const QString &folder)
{
    const long max = ::pathconf(QFile::encodeName(folder).constData(), _PC_NAME_MAX);
    return max > 0 ? qint64(max) : qint64(NAME_MAX);
}

// Writes the backup and rotates, with the folder lock held.
Result<BackupInfo> takeLocked(const SeatDatabase &db)
{
    const QString databasePath = db.path();
    const QString folder = QFileInfo(databasePath).absolutePath();
    removeStaleParts(databasePath);
    const QVector<BackupInfo> before = Backups::list(databasePath);
    qint64 sequence = (before.isEmpty() ? 0 : before.first().sequence) + 1;
    const QDateTime at = QDateTime::currentDateTimeUtc();
    QString target = Backups::backupPath(databasePath, sequence, at);
    // A name of its own, so that nothing else is ever written over.
    const QString part
        = target + PartInfix + QString::number(QRandomGenerator::global()->generate64() & 0xffffffffffffULL, 36);
    if (QFile::encodeName(QFileInfo(part + QStringLiteral("-journal")).fileName()).size() > maxNameBytes(folder))
        return failed(databasePath, part,
                      Backups::tr("The database's name is too long to name a backup after it in this folder. "
                                  "Give the database a shorter name."));

    auto vacuum = db.prepare("VACUUM INTO :target");
    if (!vacuum)
        return vacuum.error();
    QSqlQuery &query = vacuum.value();
    query.bindValue(QStringLiteral(":target"), part);
    if (!query.exec()) {
        const QString why = vacuumFailure(db, query.lastError());
        query.finish();
        return failed(databasePath, part, why);
    }
    query.finish();

    // The next number that nothing has: something already there keeps its name.
    for (int attempt = 0;; ++attempt) {
        const int error = SqliteFiles::linkExclusive(part, target);
        if (error == 0)
            break;
        if (error != EEXIST || attempt == 1000)
            return failed(databasePath, part,
                          Backups::tr("The copy could not be put in place as %1 (%2).")
                              .arg(shown(target), QString::fromLocal8Bit(std::strerror(error))));
        target = Backups::backupPath(databasePath, ++sequence, at);
    }
    SqliteFiles::removePrivate(part); // the backup lives on under its own name
    const QFileInfo written(target);
    rotate(databasePath, written.absoluteFilePath());
    return BackupInfo { written.absoluteFilePath(), at, written.size(), sequence };
}

} // namespace

QString Backups::backupPath(const QString &databasePath, qint64 sequence, const QDateTime &at)
{
    const QString number
        = sequence > 0 ? QString::number(sequence).rightJustified(6, QLatin1Char('0')) + QLatin1Char('.') : QString();
    return databasePath + QLatin1Char('.') + number + at.toUTC().toString(TimeFormat) + Suffix;
}

QVector<BackupInfo> Backups::list(const QString &databasePath)
{
    const QFileInfo database(databasePath);
    const QString prefix = database.fileName() + QLatin1Char('.');
    QVector<BackupInfo> found;
    // Every file of the folder, compared by name: a name filter would read the
    // database's own name as a pattern (s?.db, seats[1].db).
    const QFileInfoList files = database.absoluteDir().entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo &file : files) {
        const QString name = file.fileName();
        if (name.size() <= prefix.size() + Suffix.size() || !name.startsWith(prefix) || !name.endsWith(Suffix))
            continue;
        const auto stamp
            = parseStamp(QStringView(name).mid(prefix.size(), name.size() - prefix.size() - Suffix.size()));
        if (!stamp)
            continue;
        found.append(BackupInfo { file.absoluteFilePath(), stamp->at, file.size(), stamp->sequence });
    }
    std::sort(found.begin(), found.end(), writtenLater);
    return found;
}

Result<BackupInfo> Backups::take(const SeatDatabase &db)
{
    FolderLock lock(QFileInfo(db.path()).absolutePath());
    if (lock.busy())
        return folderBusy(db.path());
    return takeLocked(db);
}

Result<std::optional<BackupInfo>> Backups::takeDaily(const SeatDatabase &db)
{
    // Under the folder lock: two processes making the day's first change take one backup, not two.
    FolderLock lock(QFileInfo(db.path()).absolutePath());
    if (lock.busy())
        return folderBusy(db.path());
    const QVector<BackupInfo> all = list(db.path());
    if (!all.isEmpty()) {
        // Dated in the future, the newest one was written while the clock was
        // ahead (or the clock is behind now): a backup dated now sets it right.
        const qint64 age = all.first().takenAt.secsTo(QDateTime::currentDateTimeUtc());
        if (age >= 0 && age < DailyIntervalSecs)
            return std::optional<BackupInfo>();
    }
    auto taken = takeLocked(db);
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
