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

struct sqlite3;

// One connection to one Seatkeeper database file: checks that a file is ours
// before touching it, migrates the schema forward, and offers checked SQL and
// write transactions to the ledger. Every failure comes back as an Error.
class SeatDatabase
{
    Q_DECLARE_TR_FUNCTIONS(SeatDatabase)

public:
    // Version 1: users, seat types with counters, assignments, append-only ledger.
    // Version 2: ledger hash chain, revision counter.
    // Version 3: R3 and R9 held by triggers too, which no connection can switch
    // off (foreign keys are off unless a connection turns them on).
    // Version 4: users.email_key as Validation::emailKey makes it now (NFC,
    // IDNA, width) instead of case folding alone; the keys are recomputed.
    // Version 5: teams and team members (R14).
    static constexpr int SchemaVersion = 5;
    // PRAGMA application_id of every Seatkeeper file: "SETK".
    static constexpr qint32 ApplicationId = 0x5345544B;
    static constexpr int BusyTimeoutMs = 5000;

    // Opens an existing database. A file that is missing, empty, not SQLite,
    // another application's, truncated or of a newer schema is refused before
    // SQLite opens it for writing, and left byte-for-byte as it was.
    // An older schema is migrated forward, after `beforeMigration` (the store
    // takes a backup there: no backup, no upgrade).
    using BeforeMigration = std::function<Status(const SeatDatabase &)>;
    static Result<std::unique_ptr<SeatDatabase>> open(const QString &path, const BeforeMigration &beforeMigration = {});
    // Creates a new database at the current schema, filled by `populate` in the
    // same go, and opens it. Refuses an existing file; never leaves half a file.
    static Result<std::unique_ptr<SeatDatabase>> create(const QString &path,
                                                        const std::function<Status(SeatDatabase &)> &populate = {});

    ~SeatDatabase();
    SeatDatabase(const SeatDatabase &) = delete;
    SeatDatabase &operator=(const SeatDatabase &) = delete;

    const QString &path() const { return m_path; }
    QSqlDatabase connection() const { return m_db; }
    // The sqlite3 handle Qt's driver holds.
    sqlite3 *handle() const;

    Result<QSqlQuery> prepare(const SqlText &sql) const;
    Status exec(QSqlQuery &query) const;
    // A statement that carries no values (DDL, pragmas, transaction control).
    Status execStatement(const SqlText &sql) const;
    // The one number a statement that carries no values reads (a count, the revision).
    Result<qint64> scalar(const SqlText &sql) const;
    Error storageError(const QSqlError &error) const;

    // BEGIN IMMEDIATE: takes the write lock now, waiting up to the busy timeout,
    // so two writers queue instead of failing halfway through.
    Status beginWrite() const;
    Status commit() const;
    void rollback() const;

    int schemaVersion() const { return m_version; }
    // SQLite's quick_check: every page readable and well formed (not the indexes'
    // contents). A damaged database comes back as an error saying so.
    Status quickCheck() const;

private:
    explicit SeatDatabase(const QString &path);
    static Result<std::unique_ptr<SeatDatabase>> openExisting(const QString &path,
                                                              const BeforeMigration &beforeMigration);
    enum class Connect
    {
        Existing,
        Create
    };
    Status connect(Connect how);
    Status readVersion();
    Status checkSchema() const;
    Status migrate();
    // Adds the ledger's History indexes a database lacks (written before them).
    void keepLedgerIndexes();
    Status migrateStep(int toVersion);
    // Before version 4: each user whose key changes, and the key it gets.
    // Refused, naming both, if two users turn out to share one mailbox.
    struct NewEmailKey
    {
        qint64 id;
        QString key;
    };
    Result<QVector<NewEmailKey>> newEmailKeys() const;
    Status rewriteEmailKeys();

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    int m_version = 0;
};

// Qt binds a null QString as SQL NULL; the schema wants '' for "none".
inline QString sqlText(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

// Rolls back unless committed, so an early return never leaves a write open.
class WriteTransaction
{
public:
    explicit WriteTransaction(const SeatDatabase &db)
        : m_db(db)
        , m_status(db.beginWrite())
    {
    }
    ~WriteTransaction()
    {
        if (m_status.ok() && !m_done)
            m_db.rollback();
    }
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    const Status &started() const { return m_status; }
    Status commit()
    {
        m_done = true;
        return m_db.commit();
    }

private:
    const SeatDatabase &m_db;
    Status m_status;
    bool m_done = false;
};
