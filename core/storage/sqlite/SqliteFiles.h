#pragma once

#include "Result.h"

#include <functional>
#include <memory>
#include <QByteArray>
#include <QCoreApplication>
#include <QString>

struct sqlite3;

// Rule R13 lives here: the only code that touches a database file, its -wal,
// -shm and -journal, or the files that stand in for it while it is created or
// restored.
//
// POSIX locks belong to a process, and closing *any* descriptor of a file drops
// all of them ("How To Corrupt An SQLite Database File", §2.2): a process that
// reads its own open database with a plain file handle lets another process
// believe it is the last one, and that process deletes the -wal the first one
// still writes to. So, here:
// - a database is read only through SQLite's own VFS, which shares one inode
//   record per file with every connection of the process and never closes a
//   descriptor that still holds their locks;
// - opening never creates a file (connections open with mode=rw); a new
//   database is built under a name of its own and linked into place only if
//   nothing is there, and a process removes only files it created itself;
// - a restore replaces a database in place under SQLite's exclusive lock, so no
//   reader or writer of any process sees it half done, or goes on writing to a
//   file moved aside; a lock file beside it tells other processes to come back.
class SqliteFiles
{
    Q_DECLARE_TR_FUNCTIONS(SqliteFiles)

public:
    static constexpr int HeaderSize = 100;

    // What SQLite's VFS reads of a file that may be a database, without opening
    // it as one (which could create, recover or checkpoint it).
    struct Header
    {
        enum State
        {
            Read,
            Missing, // the file, or its folder, does not exist
            NotAFile, // a folder, a device, a pipe…
            Unreadable
        };
        State state = Missing;
        QString error; // Unreadable: why
        QByteArray bytes; // the first HeaderSize bytes, fewer if the file is shorter
        qint64 size = 0;
        bool walPending = false; // a non-empty -wal beside it
    };
    static Header readHeader(const QString &path);
    // What is at `path`, without opening it (a pipe would block, a device could
    // answer anything): Read for a regular file, or Missing, NotAFile, Unreadable.
    static Header::State kindOf(const QString &path, QString *error = nullptr);
    // Whether the header names this application (PRAGMA application_id).
    static bool isOurs(const QByteArray &header, qint32 applicationId);

    // The name Qt's SQLite driver opens (QSQLITE_OPEN_URI): the path as a file:
    // URI that SQLite never creates, whatever is in the path (?, #, %, spaces).
    static QString connectionUri(const QString &path, bool create = false);

    // Fails when the file a connection holds is no longer the one at its path
    // (moved, replaced or deleted): writing on would write to a file nobody reads.
    static Status checkNotMoved(sqlite3 *handle, const QString &path);

    // Builds a new database with `build` under a temporary name of its own in the
    // same folder, then links it to `path` only if nothing is there. Two processes
    // creating the same path at once: one wins, the other is refused and leaves
    // the winner's file alone.
    static Status createExclusive(const QString &path, const std::function<Status(const QString &)> &build);

    // A restore of `path` is under way in some process (see RestoreLock).
    static bool restoreUnderWay(const QString &path);
    static Error restoreUnderWayError(const QString &path);

    // Held for the whole of a restore (an flock on database.restore-lock, removed
    // when done): other processes that open the database meanwhile are told to
    // come back, and two restores never interleave.
    class RestoreLock
    {
    public:
        static Result<std::unique_ptr<RestoreLock>> acquire(const QString &databasePath);
        ~RestoreLock();
        RestoreLock(const RestoreLock &) = delete;
        RestoreLock &operator=(const RestoreLock &) = delete;

    private:
        RestoreLock(int fd, const QByteArray &name)
            : m_fd(fd)
            , m_name(name)
        {
        }
        int m_fd;
        QByteArray m_name;
    };

    // A name next to `path` that nothing has yet: path + infix + a random suffix.
    static QString freshSibling(const QString &path, const QString &infix);

    // Puts the database file `replacement` (closed, private to this process) in
    // place of `path`, with a RestoreLock held. Returns where the file it replaced
    // is kept (empty if there was none):
    // - a file of ours is replaced in place, under SQLite's exclusive lock (after
    //   waiting up to `waitMs` for other connections to finish): its bytes are
    //   copied aside first and its -wal and -shm moved aside with them, so a
    //   process that had opened it just before sees the restored content, never a
    //   mix; while any connection keeps it open, it is refused;
    // - a file that is not ours (damaged beyond its header, another program's)
    //   cannot be open in Seatkeeper: it is moved aside whole, never modified;
    // - no file: the replacement is linked into place only if nothing is there.
    static Result<QString> replace(const QString &path, const QString &replacement, qint32 applicationId, int waitMs);

    // Removes a database file that this process created and nobody else knows of
    // (a staging copy, a half-built new database), with its companions.
    static void removePrivate(const QString &path);

    // Copies a file this process holds no connection to (a backup) to a new,
    // private file, flushed to disk. Anything but a regular file is refused
    // without waiting on it (a pipe with no writer would block forever).
    static Status copyToPrivate(const QString &from, const QString &to);

    // Links `from` to `to` only if nothing is at `to` (never replaces a file):
    // 0, or the errno of the failure (EEXIST when something is there).
    static int linkExclusive(const QString &from, const QString &to);

    // Whether two paths name the same file (same device and inode).
    static bool sameFile(const QString &a, const QString &b);

    // Whether this process may write the folder a database is in (SQLite makes
    // its -wal and -shm there), and the file itself. Permission checks only:
    // nothing is opened.
    static bool canWriteFolderOf(const QString &path);
    static bool canWrite(const QString &path);
};
