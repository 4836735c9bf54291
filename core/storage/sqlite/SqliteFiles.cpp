#include "SqliteFiles.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QtEndian>
#include <QThread>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// The files SQLite keeps beside a database.
const char *const companions[] = { "-wal", "-shm", "-journal" };

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

Error storage(const QString &message)
{
    return Error { ErrorKind::Storage, message };
}

QByteArray encoded(const QString &path)
{
    return QFile::encodeName(path);
}

QString systemError(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

// One file opened through SQLite's default VFS. Closing it never drops a lock
// that another connection of this process holds on the same file: the VFS keeps
// such a descriptor open until the last lock is gone.
class VfsFile
{
public:
    VfsFile()
        : m_vfs(sqlite3_vfs_find(nullptr))
    {
    }
    ~VfsFile() { close(); }
    VfsFile(const VfsFile &) = delete;
    VfsFile &operator=(const VfsFile &) = delete;

    // flags: SQLITE_OPEN_READONLY or SQLITE_OPEN_READWRITE; never SQLITE_OPEN_CREATE.
    int open(const QString &path, int flags)
    {
        close();
        if (!m_vfs)
            return SQLITE_ERROR;
        m_name = sqlite3_create_filename(encoded(QFileInfo(path).absoluteFilePath()).constData(), "", "", 0, nullptr);
        m_file = static_cast<sqlite3_file *>(sqlite3_malloc(m_vfs->szOsFile));
        if (!m_name || !m_file)
            return SQLITE_NOMEM;
        std::memset(m_file, 0, size_t(m_vfs->szOsFile));
        int outFlags = 0;
        return m_vfs->xOpen(m_vfs, m_name, m_file, flags | SQLITE_OPEN_MAIN_DB, &outFlags);
    }
    void close()
    {
        if (m_file) {
            if (m_locked)
                m_file->pMethods->xUnlock(m_file, SQLITE_LOCK_NONE);
            if (m_file->pMethods)
                m_file->pMethods->xClose(m_file);
            sqlite3_free(m_file);
        }
        sqlite3_free_filename(m_name);
        m_file = nullptr;
        m_name = nullptr;
        m_locked = false;
    }
    sqlite3_file *file() const { return m_file; }
    qint64 size() const
    {
        sqlite3_int64 size = 0;
        return m_file->pMethods->xFileSize(m_file, &size) == SQLITE_OK ? qint64(size) : -1;
    }
    // Reads up to `length` bytes at `offset`; fewer at the end of the file.
    bool read(qint64 offset, int length, QByteArray &out) const
    {
        out.resize(length);
        const int rc = m_file->pMethods->xRead(m_file, out.data(), length, offset);
        if (rc == SQLITE_IOERR_SHORT_READ) {
            // Only the end of the file may come up short.
            const qint64 left = size() - offset;
            if (left >= length)
                return false;
            out.resize(int(qMax<qint64>(0, left)));
            return true;
        }
        return rc == SQLITE_OK;
    }
    // Takes SQLite's exclusive lock (SHARED, then PENDING, then EXCLUSIVE), as a
    // writer of the rollback journal does, retrying for up to waitMs. While it is
    // pending, no new connection can start reading; while it is held, nobody reads.
    bool lockExclusive(int waitMs)
    {
        QElapsedTimer clock;
        clock.start();
        for (int level : { SQLITE_LOCK_SHARED, SQLITE_LOCK_EXCLUSIVE }) {
            for (;;) {
                const int rc = m_file->pMethods->xLock(m_file, level);
                if (rc == SQLITE_OK) {
                    m_locked = true;
                    break;
                }
                if ((rc & 0xff) != SQLITE_BUSY || clock.elapsed() >= waitMs)
                    return false;
                QThread::msleep(10);
            }
        }
        return true;
    }

private:
    sqlite3_vfs *m_vfs;
    sqlite3_filename m_name = nullptr;
    sqlite3_file *m_file = nullptr;
    bool m_locked = false;
};

QString lockPath(const QString &databasePath)
{
    return databasePath + QStringLiteral(".restore-lock");
}

// Links `from` to `to` only if nothing is at `to`: a hard link, or a rename that
// refuses to replace where the file system has no hard links.
int linkNew(const QString &from, const QString &to)
{
    if (::link(encoded(from).constData(), encoded(to).constData()) == 0)
        return 0;
    const int linkError = errno;
    if (linkError == EEXIST)
        return EEXIST;
    if (::renameat2(AT_FDCWD, encoded(from).constData(), AT_FDCWD, encoded(to).constData(), RENAME_NOREPLACE) == 0)
        return 0;
    return errno == EINVAL || errno == ENOSYS ? linkError : errno;
}

// Moves a database's companions (-wal, -shm, -journal) to the same names beside `to`.
Status moveCompanions(const QString &from, const QString &to)
{
    for (const char *suffix : companions) {
        const QString source = from + QLatin1String(suffix);
        struct stat st;
        if (::lstat(encoded(source).constData(), &st) != 0)
            continue;
        const QString target = to + QLatin1String(suffix);
        if (::rename(encoded(source).constData(), encoded(target).constData()) != 0)
            return storage(
                SqliteFiles::tr("Could not move %1 to %2: %3").arg(shown(source), shown(target), systemError(errno)));
    }
    return {};
}

// Writes `data` chunk by chunk into a new file only this process knows, flushed to disk.
Status writeNewFile(const QString &to, const std::function<bool(qint64, QByteArray &)> &chunkAt, qint64 size)
{
    QSaveFile target(to);
    if (!target.open(QIODevice::WriteOnly))
        return storage(SqliteFiles::tr("Could not write %1: %2").arg(shown(to), target.errorString()));
    QByteArray chunk;
    for (qint64 offset = 0; offset < size; offset += chunk.size()) {
        if (!chunkAt(offset, chunk) || chunk.isEmpty())
            return storage(SqliteFiles::tr("Could not read what %1 should hold.").arg(shown(to)));
        if (target.write(chunk) != chunk.size())
            return storage(SqliteFiles::tr("Could not write %1: %2").arg(shown(to), target.errorString()));
    }
    if (!target.commit())
        return storage(SqliteFiles::tr("Could not write %1: %2").arg(shown(to), target.errorString()));
    return {};
}

// The unix VFS reads and writes at most 128 KiB - 1 bytes a call (it masks the
// length with 0x1ffff): copy a page-aligned 64 KiB at a time.
constexpr int ChunkBytes = 1 << 16;

} // namespace

SqliteFiles::Header::State SqliteFiles::kindOf(const QString &path, QString *error)
{
    struct stat st;
    if (::stat(encoded(path).constData(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return Header::Missing;
        if (error)
            *error = systemError(errno);
        return Header::Unreadable;
    }
    return S_ISREG(st.st_mode) ? Header::Read : Header::NotAFile;
}

SqliteFiles::Header SqliteFiles::readHeader(const QString &path)
{
    Header header;
    header.state = kindOf(path, &header.error);
    if (header.state != Header::Read)
        return header;
    VfsFile file;
    if (const int rc = file.open(path, SQLITE_OPEN_READONLY); rc != SQLITE_OK) {
        header.state = Header::Unreadable;
        header.error = QString::fromUtf8(sqlite3_errstr(rc));
        return header;
    }
    header.size = file.size();
    if (!file.read(0, HeaderSize, header.bytes)) {
        header.state = Header::Unreadable;
        header.error = QString::fromUtf8(sqlite3_errstr(SQLITE_IOERR));
        return header;
    }
    struct stat wal;
    header.walPending = ::stat(encoded(path + QStringLiteral("-wal")).constData(), &wal) == 0 && wal.st_size > 0;
    header.state = Header::Read;
    return header;
}

bool SqliteFiles::isOurs(const QByteArray &header, qint32 applicationId)
{
    return header.size() >= 72 && header.startsWith(QByteArrayLiteral("SQLite format 3\0"))
        && qFromBigEndian<qint32>(header.constData() + 68) == applicationId;
}

QString SqliteFiles::connectionUri(const QString &path, bool create)
{
    const QByteArray absolute = encoded(QFileInfo(path).absoluteFilePath());
    QByteArray uri = "file:";
    for (const char c : absolute) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/'
            || c == '-' || c == '.' || c == '_' || c == '~';
        if (plain) {
            uri += c;
        } else {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", unsigned(uchar(c)));
            uri += escaped;
        }
    }
    uri += create ? "?mode=rwc" : "?mode=rw";
    return QString::fromLatin1(uri);
}

Status SqliteFiles::checkNotMoved(sqlite3 *handle, const QString &path)
{
    int moved = 0;
    if (!handle || sqlite3_file_control(handle, "main", SQLITE_FCNTL_HAS_MOVED, &moved) != SQLITE_OK || !moved)
        return {};
    if (restoreUnderWay(path))
        return restoreUnderWayError(path);
    return storage(
        tr("The database %1 was moved, replaced or deleted while it was open. Open it again.").arg(shown(path)));
}

QString SqliteFiles::freshSibling(const QString &path, const QString &infix)
{
    for (;;) {
        const QString candidate
            = path + infix + QString::number(QRandomGenerator::global()->generate64() & 0xffffffffffffULL, 36);
        struct stat st;
        if (::lstat(encoded(candidate).constData(), &st) != 0 && errno == ENOENT)
            return candidate;
    }
}

Status SqliteFiles::createExclusive(const QString &path, const std::function<Status(const QString &)> &build)
{
    const QString temporary = freshSibling(path, QStringLiteral(".creating-"));
    Status built = build(temporary);
    // The builder closed its connection: a log left beside the file would hold
    // part of it, and would not follow it under its new name.
    struct stat wal;
    if (built && ::stat(encoded(temporary + QStringLiteral("-wal")).constData(), &wal) == 0 && wal.st_size > 0)
        built = storage(tr("Could not create %1: its new content was not written in full.").arg(shown(path)));
    if (built) {
        const int error = linkNew(temporary, path);
        if (error == EEXIST)
            built = Error {
                ErrorKind::Refused,
                tr("The file %1 already exists; a new database is never written over a file.").arg(shown(path))
            };
        else if (error != 0)
            built = storage(tr("Could not create %1: %2").arg(shown(path), systemError(error)));
    }
    removePrivate(temporary); // after a link, the database lives on under `path`
    return built;
}

bool SqliteFiles::restoreUnderWay(const QString &path)
{
    const int fd = ::open(encoded(lockPath(path)).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return false;
    const bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd); // closing drops this shared lock only (flock locks belong to the descriptor)
    return held;
}

Error SqliteFiles::restoreUnderWayError(const QString &path)
{
    return storage(tr("The database %1 is being restored from a backup. Try again in a moment.").arg(shown(path)));
}

Result<std::unique_ptr<SqliteFiles::RestoreLock>> SqliteFiles::RestoreLock::acquire(const QString &databasePath)
{
    const QByteArray name = encoded(lockPath(databasePath));
    for (;;) {
        const int fd = ::open(name.constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (fd < 0)
            return storage(tr("Could not restore %1: %2 cannot be written (%3).")
                               .arg(shown(databasePath), shown(lockPath(databasePath)), systemError(errno)));
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            ::close(fd);
            return storage(tr("The database %1 is already being restored by another window or program. Try again "
                              "when it is done.")
                               .arg(shown(databasePath)));
        }
        // The holder before us removes the file when it is done: a lock on the
        // file it removed locks nothing, so take it again on the one there now.
        struct stat held;
        struct stat named;
        if (::fstat(fd, &held) == 0 && ::stat(name.constData(), &named) == 0 && held.st_dev == named.st_dev
            && held.st_ino == named.st_ino)
            return std::unique_ptr<RestoreLock>(new RestoreLock(fd, name));
        ::close(fd);
    }
}

SqliteFiles::RestoreLock::~RestoreLock()
{
    ::unlink(m_name.constData()); // while still held, so nobody locks a file on its way out
    ::close(m_fd);
}

void SqliteFiles::removePrivate(const QString &path)
{
    ::unlink(encoded(path).constData());
    for (const char *suffix : companions)
        ::unlink(encoded(path + QLatin1String(suffix)).constData());
}

Status SqliteFiles::copyToPrivate(const QString &from, const QString &to)
{
    // Opened without blocking, then checked: what is at the path may have
    // changed since anybody looked.
    const int fd = ::open(encoded(from).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        return storage(error == ENOENT ? tr("The backup %1 does not exist.").arg(shown(from))
                                       : tr("The backup %1 cannot be read: %2").arg(shown(from), systemError(error)));
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || ::fcntl(fd, F_SETFL, 0) != 0) {
        ::close(fd);
        return storage(tr("The backup %1 is not a file (it is a folder, a device or a pipe); nothing was restored.")
                           .arg(shown(from)));
    }
    QFile source;
    if (!source.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return storage(tr("The backup %1 cannot be read: %2").arg(shown(from), source.errorString()));
    }
    const qint64 size = source.size();
    return writeNewFile(
        to,
        [&source](qint64, QByteArray &chunk) {
            chunk = source.read(ChunkBytes);
            return source.error() == QFileDevice::NoError;
        },
        size);
}

int SqliteFiles::linkExclusive(const QString &from, const QString &to)
{
    return linkNew(from, to);
}

bool SqliteFiles::sameFile(const QString &a, const QString &b)
{
    struct stat sa;
    struct stat sb;
    return ::stat(encoded(a).constData(), &sa) == 0 && ::stat(encoded(b).constData(), &sb) == 0
        && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

Result<QString> SqliteFiles::replace(const QString &path, const QString &replacement, qint32 applicationId, int waitMs)
{
    const QString aside
        = freshSibling(path,
                       QStringLiteral(".replaced-")
                           + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd'T'HHmmss'Z'-")));
    const Header header = readHeader(path);
    if (header.state == Header::NotAFile)
        return storage(tr("%1 is not a file; nothing was restored.").arg(shown(path)));
    if (header.state == Header::Unreadable)
        return storage(tr("The file %1 cannot be read: %2").arg(shown(path), header.error));

    if (header.state == Header::Missing || !isOurs(header.bytes, applicationId)) {
        // No Seatkeeper connection can hold such a file: it is moved aside whole
        // (another program's file, or one damaged past its header), and so are
        // the stray -wal and -shm of a file that is gone, so they are never
        // replayed into the restored one.
        const bool present = header.state == Header::Read;
        if (present && ::rename(encoded(path).constData(), encoded(aside).constData()) != 0)
            return storage(tr("Could not move %1 to %2: %3").arg(shown(path), shown(aside), systemError(errno)));
        if (Status s = moveCompanions(path, aside); !s)
            return s.error();
        const int error = linkNew(replacement, path);
        if (error != 0) {
            if (present)
                ::rename(encoded(aside).constData(), encoded(path).constData()); // put it back
            return error == EEXIST
                ? storage(tr("Another program created %1 meanwhile; nothing was restored.").arg(shown(path)))
                : storage(tr("Could not put the backup in place of %1: %2").arg(shown(path), systemError(error)));
        }
        return present ? aside : QString();
    }

    // A file of ours, which other connections may open at any moment: its inode
    // stays, its content changes, all under SQLite's exclusive lock.
    VfsFile live;
    if (const int rc = live.open(path, SQLITE_OPEN_READWRITE); rc != SQLITE_OK)
        return storage(tr("The file %1 cannot be written: %2").arg(shown(path), QString::fromUtf8(sqlite3_errstr(rc))));
    if (!live.lockExclusive(waitMs))
        return storage(
            tr("The database %1 is open in another window or program. Close it there, then restore.").arg(shown(path)));
    const qint64 oldSize = live.size();
    if (Status s = writeNewFile(
            aside, [&live](qint64 offset, QByteArray &chunk) { return live.read(offset, ChunkBytes, chunk); }, oldSize);
        !s)
        return s.error();
    if (Status s = moveCompanions(path, aside); !s)
        return s.error();

    QFile source(replacement);
    if (!source.open(QIODevice::ReadOnly))
        return storage(tr("The backup copy %1 cannot be read: %2").arg(shown(replacement), source.errorString()));
    sqlite3_file *file = live.file();
    const auto writeAll = [file](QIODevice &from) -> int {
        qint64 offset = 0;
        while (!from.atEnd()) {
            const QByteArray chunk = from.read(ChunkBytes);
            if (chunk.isEmpty())
                return SQLITE_IOERR_READ;
            if (const int rc = file->pMethods->xWrite(file, chunk.constData(), int(chunk.size()), offset);
                rc != SQLITE_OK)
                return rc;
            offset += chunk.size();
        }
        if (const int rc = file->pMethods->xTruncate(file, offset); rc != SQLITE_OK)
            return rc;
        return file->pMethods->xSync(file, SQLITE_SYNC_FULL);
    };
    if (const int rc = writeAll(source); rc != SQLITE_OK) {
        // Put the old content back; it is kept aside in any case.
        QFile old(aside);
        const bool putBack
            = old.open(QIODevice::ReadOnly) && writeAll(old) == SQLITE_OK && moveCompanions(aside, path).ok();
        return storage(tr("Could not write the backup into %1: %2. %3")
                           .arg(shown(path), QString::fromUtf8(sqlite3_errstr(rc)),
                                putBack ? tr("The database was left as it was.")
                                        : tr("The file as it was is kept as %1.").arg(shown(aside))));
    }
    return aside;
}

bool SqliteFiles::canWriteFolderOf(const QString &path)
{
    return ::access(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), W_OK | X_OK) == 0;
}

bool SqliteFiles::canWrite(const QString &path)
{
    return ::access(QFile::encodeName(path).constData(), R_OK | W_OK) == 0;
}
