#pragma once

#include "SeatStore.h"
#include "SqlText.h"

#include <functional>
#include <memory>
#include <QCoreApplication>
#include <QSqlQuery>

class PostgresDatabase;

// The shared backend: one database on a PostgreSQL server, several admins on
// several machines. The server upholds R2, R3, R9 and R11 itself; writers queue
// on the ledger's lock, so its hash chain stays linear. Backups are the server's
// business (pg_dump), not this store's.
class PostgresStore : public SeatStore
{
    Q_DECLARE_TR_FUNCTIONS(PostgresStore)

public:
    static Result<std::unique_ptr<PostgresStore>> open(const QString &uri);
    // The schema in an empty database, filled by `populate` in the same transaction.
    static Result<std::unique_ptr<PostgresStore>> create(const QString &uri,
                                                         const std::function<Status(SeatStore &)> &populate);
    ~PostgresStore() override;

    // What backups and restores say on a server database.
    static Error noBackups(const QString &uri);

    QString location() const override;
    Result<std::unique_ptr<SeatStore>> openAnother() const override;
    Result<std::unique_ptr<SeatStore>> openLater() const override;
    QString login() const override;
    Result<std::optional<QString>> userOfLogin() const override;

    bool subscribeToChanges(const std::function<void()> &notified) override;
    void reconnectLater() override;

    Result<qint64> revision() const override;
    Result<UsersAtRevision> users() const override;
    Result<User> user(const QString &email) const override;
    Result<StoredUser> findUser(const QString &email) const override;
    Result<QVector<User>> usersNamed(const QStringList &emails) const override;
    Result<QHash<QString, StoredUser>> findUsers(const QStringList &emails) const override;
    Result<QStringList> superAdmins() const override;
    Result<std::array<SeatCount, SeatTypeCount>> seatCounts() const override;
    Result<QVector<LedgerEntry>> entries(qint64 afterId) const override;
    Result<qint64> lastEntryId() const override;
    Result<QVector<LedgerEntry>> entriesPage(const LedgerFilter &filter, qint64 beforeId, int limit) const override;
    Result<std::optional<std::optional<SeatType>>> storedSeat(qint64 userId, Product product) const override;
    Result<QVector<Team>> teams() const override;
    Result<Team> findTeam(const QString &name) const override;
    Result<QStringList> teamMembers(qint64 teamId) const override;

    Result<std::unique_ptr<StoreTransaction>> beginWrite(const QString &actor) override;
    Result<qint64> insertUser(const User &user) override;
    Status deleteUser(qint64 id) override;
    Status updateUser(qint64 id, const QString &firstName, const QString &lastName, Role role) override;
    Status setUserLogin(qint64 id, const QString &login) override;
    Result<qint64> insertTeam(const QString &name) override;
    Status renameTeam(qint64 id, const QString &name) override;
    Status deleteTeam(qint64 id) override;
    Status setUserTeams(qint64 userId, qint64 mainTeamId, const QVector<qint64> &additionalTeamIds) override;
    Status addPurchased(SeatType type, qint64 count) override;
    Result<bool> releasePurchased(SeatType type, qint64 count) override;
    Status stageEdits(const QVector<const SeatEdit *> &edits) override;
    Result<QVector<QPair<qint64, Product>>> staleStagedEdits() override;
    Status applyStagedEdits() override;
    Result<bool> moveAssigned(SeatType type, int delta) override;

    Result<QStringList> check() const override;
    Status quickCheck() const override;
    Result<BackupInfo> backup() const override;
    Result<std::optional<BackupInfo>> dailyBackup() const override;

private:
    explicit PostgresStore(std::unique_ptr<PostgresDatabase> db);
    explicit PostgresStore(PostgresDatabase &borrowed);
    // `login` exists on the server and is tied to no user but `userId` (0: none).
    Status loginFree(const QString &login, qint64 userId) const;

    // A statement prepared once per connection and run again (each prepare is
    // two round trips to the server: PREPARE, and DEALLOCATE when it goes).
    struct Reused
    {
        std::unique_ptr<QSqlQuery> query;
        quint64 generation = 0;
    };
    Result<QSqlQuery *> reused(Reused &slot, const SqlText &sql) const;
    // Before the connection is opened again: what was prepared on it goes with it.
    void letGoOfPrepared() const;

    std::unique_ptr<PostgresDatabase> m_owned;
    PostgresDatabase *m_db;
    mutable Reused m_findUser;
    mutable Reused m_insertUser;
    bool m_someoneInserted = false; // while creating: the first user (tied to the creating login) is in
};
