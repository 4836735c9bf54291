#pragma once

#include "Backup.h"
#include "LedgerEntry.h"
#include "Result.h"
#include "SeatEdit.h"
#include "Team.h"
#include "User.h"
#include "Validation.h"

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

// A user as the rules need to see them inside a change: who, their role, and the
// seat they hold of each product.
struct StoredUser
{
    qint64 id = 0;
    QString email;
    QString firstName;
    QString lastName;
    Role role = Role::User;
    std::optional<SeatType> seats[ProductCount];
};

// Every user, as of one revision.
struct UsersAtRevision
{
    qint64 revision = 0;
    QVector<User> users;
};

// One write transaction. Its contract, on every backend: it serializes writers on
// the ledger (one write transaction at a time per database, across processes and
// machines), so the hash chain stays linear; everything written through it is
// committed together or not at all; without commit() it rolls back.
class StoreTransaction
{
public:
    virtual ~StoreTransaction() = default;
    // Appends to the ledger, chained to the entry before (R11).
    virtual Status append(const LedgerDraft &entry) = 0;
    // The entries of a big batch: their hashes may be computed while the batch's
    // other statements run; appendDrafted() then writes them, in order.
    virtual Status draft(QVector<LedgerDraft> entries) = 0;
    virtual Status appendDrafted() = 0;
    // Commits, and returns the revision this change made (unchanged if it wrote
    // no ledger entry).
    virtual Result<qint64> commit() = 0;
    // The id of the last ledger entry this change wrote (its feed position).
    virtual qint64 lastEntryId() const = 0;
};

// Where the seat ledger lives. The rules (SeatLedger) sit above this interface
// and contain no SQL; each backend holds everything dialect-specific, R13 (who
// may touch the files) included.
class SeatStore
{
public:
    virtual ~SeatStore() = default;

    // The database as a person would name it (a file path, a server URI).
    virtual QString location() const = 0;
    // Another connection to the same database (a worker thread's, the audit's).
    virtual Result<std::unique_ptr<SeatStore>> openAnother() const = 0;
    // Another connection to the same database, opened at its first use on the
    // thread that uses it rather than now (a server's: made on a worker that
    // checked the database, handed to the window, which then waits on nothing).
    // A file is opened now: there is nothing to wait for.
    virtual Result<std::unique_ptr<SeatStore>> openLater() const { return openAnother(); }
    // On a server whose logins are the operators (PostgreSQL): this connection's
    // login, and the e-mail of the user tied to it (none: an empty optional).
    // An empty login: the backend has none, and the operator is chosen freely.
    virtual QString login() const { return {}; }
    virtual Result<std::optional<QString>> userOfLogin() const { return std::optional<QString>(); }

    // Changes others commit are announced (PostgreSQL's LISTEN/NOTIFY):
    // `notified` then runs on this connection's thread, from its event loop.
    // False: nothing is announced, and only the revision tells (SQLite).
    virtual bool subscribeToChanges(const std::function<void()> &notified)
    {
        Q_UNUSED(notified);
        return false;
    }
    // After the connection was lost (a server restarted, the network came
    // back): it is opened afresh before its next statement, not now, so that
    // whoever marks it (the window's thread) never waits on the network for
    // it. A file is always there: nothing to do.
    virtual void reconnectLater() { }

    // Reads: each is consistent on its own.
    virtual Result<qint64> revision() const = 0;
    virtual Result<UsersAtRevision> users() const = 0;
    // By e-mail, whatever its letter case (Validation::emailKey); NotFound names `email`.
    virtual Result<User> user(const QString &email) const = 0;
    virtual Result<StoredUser> findUser(const QString &email) const = 0;
    // Several users as user() reads them, those that exist, in any order. A
    // server answers in one round trip; a file looks each one up.
    virtual Result<QVector<User>> usersNamed(const QStringList &emails) const
    {
        QVector<User> found;
        for (const QString &email : emails) {
            auto one = user(email);
            if (one)
                found.append(one.takeValue());
            else if (one.error().kind != ErrorKind::NotFound)
                return one.error();
        }
        return found;
    }
    // Several at once, by their e-mail key (Validation::emailKey): those that
    // exist. A server answers in one round trip; a file looks each one up.
    virtual Result<QHash<QString, StoredUser>> findUsers(const QStringList &emails) const
    {
        QHash<QString, StoredUser> found;
        for (const QString &email : emails) {
            auto user = findUser(email);
            if (user)
                found.insert(Validation::emailKey(email), user.takeValue());
            else if (user.error().kind != ErrorKind::NotFound)
                return user.error();
        }
        return found;
    }
    virtual Result<QStringList> superAdmins() const = 0;
    virtual Result<std::array<SeatCount, SeatTypeCount>> seatCounts() const = 0;
    // The ledger, from the entry after `afterId` on (0: all of it), and the id of its last entry.
    virtual Result<QVector<LedgerEntry>> entries(qint64 afterId = 0) const = 0;
    virtual Result<qint64> lastEntryId() const = 0;
    // One page of the entries `filter` matches, newest first: at most `limit`
    // of those older than `beforeId` (0: from the newest). Served by indexes, so
    // a page costs about the same at a million entries as at ten.
    virtual Result<QVector<LedgerEntry>> entriesPage(const LedgerFilter &filter, qint64 beforeId, int limit) const = 0;
    // What storage holds now of one user's product: nothing if the user is gone;
    // an empty optional inside if they hold no seat of it.
    virtual Result<std::optional<std::optional<SeatType>>> storedSeat(qint64 userId, Product product) const = 0;
    // R14. Every team with its member count, in name order (Validation::teamKey).
    virtual Result<QVector<Team>> teams() const = 0;
    // By name, whatever its letter case or Unicode form; NotFound names `name`.
    virtual Result<Team> findTeam(const QString &name) const = 0;
    // The e-mails of a team's members (main or additional), in id order.
    virtual Result<QStringList> teamMembers(qint64 teamId) const = 0;

    // Writes: only between beginWrite() and its commit().
    virtual Result<std::unique_ptr<StoreTransaction>> beginWrite(const QString &actor) = 0;
    virtual Result<qint64> insertUser(const User &user) = 0;
    // Takes the user out of their teams too.
    virtual Status deleteUser(qint64 id) = 0;
    virtual Status updateUser(qint64 id, const QString &firstName, const QString &lastName, Role role) = 0;
    // On a server whose logins are the operators: ties the user to `login` (an
    // existing login tied to nobody else; storage refuses others, saying why),
    // or unties them (empty). A backend without logins refuses it.
    virtual Status setUserLogin(qint64 id, const QString &login)
    {
        Q_UNUSED(id);
        Q_UNUSED(login);
        return Error { ErrorKind::Invalid,
                       QCoreApplication::translate("SeatLedger",
                                                   "Only a user of a database on a PostgreSQL server "
                                                   "can be tied to a login.") };
    }
    // A name already taken (by its key) is refused by storage.
    virtual Result<qint64> insertTeam(const QString &name) = 0;
    virtual Status renameTeam(qint64 id, const QString &name) = 0;
    // Refused by storage while the team has members.
    virtual Status deleteTeam(qint64 id) = 0;
    // Replaces a user's teams: the main one (0: none) and the additional ones.
    // Storage holds R14: one main team at most, a team once per user.
    virtual Status setUserTeams(qint64 userId, qint64 mainTeamId, const QVector<qint64> &additionalTeamIds) = 0;
    virtual Status addPurchased(SeatType type, qint64 count) = 0;
    // Lowers the purchased count unless that would leave fewer than are assigned
    // (R8, upheld by storage): false, and nothing changed, then.
    virtual Result<bool> releasePurchased(SeatType type, qint64 count) = 0;
    // A batch of seat edits: staged, then (if asked) checked against what storage
    // holds (R12: the edits whose `from` no longer matches come back), then applied.
    virtual Status stageEdits(const QVector<const SeatEdit *> &edits) = 0;
    virtual Result<QVector<QPair<qint64, Product>>> staleStagedEdits() = 0;
    virtual Status applyStagedEdits() = 0;
    // Moves a type's assigned count unless it would pass the purchased count (R2,
    // upheld by storage so two processes never take the last seat twice).
    virtual Result<bool> moveAssigned(SeatType type, int delta) = 0;

    // Maintenance.
    virtual Result<QStringList> check() const = 0;
    virtual Status quickCheck() const = 0;
    virtual Result<BackupInfo> backup() const = 0;
    virtual Result<std::optional<BackupInfo>> dailyBackup() const = 0;
};
