#pragma once

#include "SeatStore.h"
#include "SqlText.h"

#include <functional>
#include <QCoreApplication>
#include <QSqlQuery>

class SeatDatabase;

// The embedded backend: one SQLite file (SeatDatabase), its backups beside it
// (Backups), and the rule of who may touch its files (SqliteFiles, R13).
class SqliteStore : public SeatStore
{
    Q_DECLARE_TR_FUNCTIONS(SqliteStore)

public:
    // An existing database; an older schema is migrated after a backup.
    static Result<std::unique_ptr<SqliteStore>> open(const QString &path);
    // A new database, filled by `populate` before it appears under its name.
    static Result<std::unique_ptr<SqliteStore>> create(const QString &path,
                                                       const std::function<Status(SeatStore &)> &populate);
    ~SqliteStore() override;

    // The connection underneath, for the SQLite-only tests.
    const SeatDatabase &database() const { return *m_db; }

    QString location() const override;
    Result<std::unique_ptr<SeatStore>> openAnother() const override;

    Result<qint64> revision() const override;
    Result<UsersAtRevision> users() const override;
    Result<User> user(const QString &email) const override;
    Result<StoredUser> findUser(const QString &email) const override;
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
    explicit SqliteStore(std::unique_ptr<SeatDatabase> db);
    explicit SqliteStore(SeatDatabase &borrowed);
    // A statement prepared once and run many times (a plan of 10,000 lines looks
    // up 10,000 users); made on first use, finished before the connection closes.
    // Finish it after each use: an SQLite statement left running keeps its read
    // transaction, and the connection would go on reading an old snapshot.
    Result<QSqlQuery *> reused(std::unique_ptr<QSqlQuery> &slot, const SqlText &sql) const;

    std::unique_ptr<SeatDatabase> m_owned;
    SeatDatabase *m_db;
    mutable std::unique_ptr<QSqlQuery> m_findUser;
    mutable std::unique_ptr<QSqlQuery> m_userByEmail;
    // Prepared once: an import inserts up to 100,000 users in one go.
    std::unique_ptr<QSqlQuery> m_insertUser;
};
