#pragma once

#include "Result.h"
#include "SqlText.h"

#include <functional>
#include <memory>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

// Where a server database is, as `postgresql://[user@]host[:port]/dbname[?sslmode=…]`
// names it. Never a password: libpq reads PGPASSWORD, ~/.pgpass or PGSERVICE itself.
struct PostgresAddress
{
    QString host; // empty: libpq's PGHOST or its default socket
    int port = -1; // -1: PGPORT or 5432
    QString user; // empty: PGUSER or the system login
    QString database;
    QString sslMode; // empty: libpq's default (prefer)
};

// One connection to one Seatkeeper database on a PostgreSQL server, through
// Qt's QPSQL driver: checks that a database is ours before touching it, creates
// the schema only in an empty database, and offers checked SQL and write
// transactions that serialize writers on the ledger.
class PostgresDatabase
{
    Q_DECLARE_TR_FUNCTIONS(PostgresDatabase)

public:
    // Version 1: users, seat types with counters, assignments, the append-only
    // chained ledger, the revision; R2, R3, R9 and R11 held by the server.
    // Version 2: users tied to logins, the login in each ledger entry, and the
    // rights of each login held by the server (R5 too). An older database is
    // brought forward by its owner when opened, in one transaction.
    // Version 3: teams and team members (R14), a step of its own from version 2.
    // Version 4: entries dated by the server, and each entry checked at COMMIT
    // against the data as committed: no entry describes a change that did not happen.
    // Version 5: the same rules for each ledger entry, checked for all the
    // entries of a statement at once.
    static constexpr int SchemaVersion = 7;
    // The libpq options of every connection: bounded waits on the network.
    // - connect_timeout=5: a server that does not complete the start-up within
    //   5 s is given up (libpq's minimum is 2 s; 5 s leaves room for a slow
    //   TLS handshake over a VPN).
    // - keepalives_idle=3, keepalives_interval=1, keepalives_count=3: an idle
    //   connection whose peer stops answering (cable pulled, VPN down) is
    //   declared lost 3 + 3 × 1 = 6 s after its last traffic. A live server's
    //   kernel answers the probes even while a long query runs, so they never
    //   cut a slow statement short.
    // - tcp_user_timeout=6000: data sent and not acknowledged for 6 s (the
    //   same network gone away while a statement is on its way) ends the
    //   connection; acknowledgements come from the server's kernel within a
    //   round trip, so a busy server is never mistaken for a lost one.
    // A statement cut off so says "The server … did not answer".
    static constexpr const char *ConnectOptions
        = "connect_timeout=5;application_name=seatkeeper;keepalives=1;keepalives_idle=3;keepalives_interval=1;"
          "keepalives_count=3;tcp_user_timeout=6000";
    // How long a writer waits for another one before it gives up.
    static constexpr int LockTimeoutMs = 15000;

    // Whether a --database value names a server rather than a file.
    static bool isUri(const QString &location);
    static Result<PostgresAddress> parse(const QString &uri);
    // Why an address with a password is refused, and where passwords come from.
    static QString passwordRefused();

    // An existing Seatkeeper database. Anything else (no such database, another
    // application's tables, a newer schema) is refused and left untouched.
    static Result<std::unique_ptr<PostgresDatabase>> open(const QString &uri);
    // Another connection to this database, as this login, that connects at its
    // first statement, on the thread that makes it — not now: a worker that
    // opened and checked the database hands the window a connection of its own
    // that waits on nothing (and, if nothing ever uses it, never connects).
    std::unique_ptr<PostgresDatabase> openLater() const;
    // The schema in an empty database, filled by `populate`, all in one
    // transaction: nobody sees half a database, and of two processes creating
    // it, one wins and the other is refused.
    // `version`: the schema as this version of Seatkeeper had it (tests of the migrations).
    static Result<std::unique_ptr<PostgresDatabase>>
    create(const QString &uri, const std::function<Status(PostgresDatabase &)> &populate, int version = SchemaVersion);

    // A password for `uri` typed in the window, for this process only: kept in
    // memory, never written anywhere, used by every connection to `uri`.
    // Empty: forget it (libpq's own sources apply again).
    static void setSessionPassword(const QString &uri, const QString &password);
    // Whether the last attempt to connect to `uri` failed for want of a
    // password (none given, or a wrong one): the window then asks for one.
    static bool wantsPassword(const QString &uri);

    ~PostgresDatabase();
    PostgresDatabase(const PostgresDatabase &) = delete;
    PostgresDatabase &operator=(const PostgresDatabase &) = delete;

    const QString &uri() const { return m_uri; }
    // The login this connection has on the server (session_user).
    const QString &login() const { return m_login; }
    bool creating() const { return m_creating; }

    Result<QSqlQuery> prepare(const SqlText &sql) const;
    Status exec(QSqlQuery &query) const;
    Status execStatement(const SqlText &sql) const;
    Result<qint64> scalar(const SqlText &sql) const;
    Error storageError(const QSqlError &error) const;

    // The channel every commit that appends to the ledger notifies, with the id
    // of its last entry: other windows look at the change feed at once.
    static constexpr const char *LedgerChannel = "seatkeeper_ledger";
    // Listens on LedgerChannel; `notified` runs on this connection's thread.
    // Subscribed again by reconnect().
    bool subscribe(const std::function<void()> &notified);
    // Connects again (after a lost connection), with the same address.
    Status reconnect();
    // reconnect() before the next statement rather than now: whoever asks
    // waits on nothing. One that fails is tried again at the next statement.
    void reconnectLater();
    // Runs as reconnect() begins, the old connection still there: statements
    // prepared on it are let go on it, never on the new one (where a DEALLOCATE
    // of a name it never had would fail, and abort the transaction it ran in).
    void setBeforeReconnect(std::function<void()> letGo) { m_beforeReconnect = std::move(letGo); }
    // Moves on at every (re)connection, and when one is asked for: statements
    // prepared on an earlier one are gone.
    quint64 generation() const { return m_generation; }

    // Starts a write transaction and takes the ledger's lock (the revision row),
    // so writers queue, across processes and machines. A deadlock or
    // serialization failure while taking it is retried here, never shown.
    // Inside create(), the write joins create's own transaction.
    Status beginWrite();
    Status commit();
    void rollback();
    // A read-only snapshot, for reads that must agree with each other; nothing
    // when a write transaction is already open (it sees its own writes).
    Status beginSnapshot() const;
    void endSnapshot() const;
    bool inWrite() const { return m_inWrite; }

private:
    explicit PostgresDatabase(const QString &uri);
    Status connect(const PostgresAddress &address);
    // The driver's connection, set up (not opened) on the thread that opens it.
    Status configure();
    Status checkOurs() const;
    Status createSchema();
    // The steps after `version`, in the transaction already open.
    Status migrateFrom(qint64 version, int target = SchemaVersion);
    // Brings a database of an older schema forward, if this login owns it.
    Status migrate(qint64 version);
    // Adds the ledger's History indexes a database lacks (created before them).
    void keepLedgerIndexes();
    // After a failed statement inside a write: PostgreSQL has aborted the
    // transaction; roll it back now and go on in a doomed one (see the .cpp).
    void abandonWrite() const;
    // The reconnect() reconnectLater() asked for, before a statement.
    Status reopenIfAsked() const;

    QString m_uri;
    quint64 m_generation = 0; // reconnections so far (statements prepared before are gone)
    QString m_connectionName;
    PostgresAddress m_address;
    bool m_configured = false; // configure() made m_db (openLater(): not before its first statement)
    QString m_login;
    QSqlDatabase m_db;
    mutable int m_version = 0; // as checkOurs() read it
    bool m_inWrite = false;
    bool m_subscribed = false;
    mutable bool m_reopen = false; // reconnectLater() asked for a reconnect() not made yet
    std::function<void()> m_beforeReconnect;
    bool m_creating = false; // inside create(): writes join its transaction
    mutable bool m_doomed = false; // a statement of this write failed: it never commits
};

// Rolls back unless committed, so an early return never leaves a write open.
class PostgresWrite
{
public:
    explicit PostgresWrite(PostgresDatabase &db)
        : m_db(db)
        , m_status(db.beginWrite())
    {
    }
    ~PostgresWrite()
    {
        if (m_status.ok() && !m_done)
            m_db.rollback();
    }
    PostgresWrite(const PostgresWrite &) = delete;
    PostgresWrite &operator=(const PostgresWrite &) = delete;

    const Status &started() const { return m_status; }
    Status commit()
    {
        m_done = true;
        return m_db.commit();
    }

private:
    PostgresDatabase &m_db;
    Status m_status;
    bool m_done = false;
};
