#pragma once

#include "Backup.h"
#include "LedgerEntry.h"
#include "Plan.h"
#include "Result.h"
#include "SeatEdit.h"
#include "Team.h"
#include "User.h"

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

class SeatStore;
class StoreTransaction;
struct UsersAtRevision;
struct ImportFile;
struct ImportPreview;
struct StoredUser;

// The seat ledger: the one API both front ends use. Every change is made by the
// operator set with setActor(), checked against the rules of DESIGN.md (R2–R12),
// applied in one write transaction and recorded in the ledger in that same
// transaction, and returns the revision it made. Refusals come back as values
// with a translated message. The rules live here and hold no SQL: storage is a
// SeatStore (core/storage/), whichever backend the location names.
class SeatLedger
{
    Q_DECLARE_TR_FUNCTIONS(SeatLedger)

public:
    static constexpr int MaxSeatsPerPurchase = 100000;
    // The most seats of one type an account can hold: far beyond any company,
    // and far from where a 32-bit count would overflow.
    static constexpr int MaxPurchasedSeats = 10000000;

    static Result<std::unique_ptr<SeatLedger>> open(const QString &location);
    // A new database whose first user, adminEmail, is its Super admin and its operator.
    static Result<std::unique_ptr<SeatLedger>> create(const QString &location, const QString &adminEmail,
                                                      const QString &firstName = {}, const QString &lastName = {});
    // The backups of a database, newest first, and putting one back in its place
    // (returns where the replaced file is kept); both work when it cannot be opened.
    static QVector<BackupInfo> backups(const QString &location);
    // Refused for a database on a server, whose backups are the server's business.
    static Status backupsKept(const QString &location);
    // restore() also records, in the restored database's own ledger, who put
    // which backup back (recordedBy: an operator's e-mail, or loginLabel()).
    static Result<QString> restore(const QString &location, const QString &backup, const QString &recordedBy);
    // Whether `location` can name a database at all: a server's address that
    // is malformed or carries a password is refused before anything connects.
    static Status checkLocation(const QString &location);
    // Whether `location` names a database on a server rather than a file.
    static bool isServer(const QString &location);
    // A password for the server database at `location`, typed by the person in
    // the window: this process keeps it in memory and never writes it anywhere.
    static void setSessionPassword(const QString &location, const QString &password);
    // Whether opening `location` failed because the server wants a password.
    static bool wantsPassword(const QString &location);
    // Who is at the keyboard when no Seatkeeper user is known: "login:NAME".
    static QString loginLabel();

    explicit SeatLedger(std::unique_ptr<SeatStore> store);
    ~SeatLedger();

    // The database as a person would name it (a file path, a server URI).
    QString path() const;
    // Changes committed elsewhere are announced on a server (LISTEN/NOTIFY):
    // `notified` runs on this ledger's thread each time. False: they are not
    // announced; the revision tells (SQLite).
    bool subscribeToChanges(const std::function<void()> &notified);
    // After the connection to a server was lost: it is opened afresh at its
    // next use, not now (nothing here waits on the network).
    void reconnectLater();
    // Another connection to the same database, with the same operator (a worker's).
    Result<std::unique_ptr<SeatLedger>> openAnother() const;
    // The same, with the same operator, but on a server connected at its first
    // use (on the thread that uses it), not now: callable on a worker whose
    // connection checked the database, for a window that waits on nothing.
    Result<std::unique_ptr<SeatLedger>> openLater() const;

    // The operator (R5). Any existing user may be the operator; only admins can change anything.
    Status setActor(const QString &email);
    const QString &actor() const { return m_actor; }
    // The e-mail of the only Super admin, or an error when there are none or several.
    Result<QString> soleSuperAdmin() const;
    // On a PostgreSQL server the operator is the login: this connection's
    // login (empty on SQLite, where the operator is chosen freely), and the
    // user tied to it — an empty optional on SQLite, a Refused error saying how
    // to tie it when the login is tied to nobody.
    QString login() const;
    Result<std::optional<QString>> loginOperator() const;
    // The operator's place when the login is tied to nobody: a window opens
    // read-only, with no operator, and every change is refused saying how to
    // tie the login (untiedLoginMessage()).
    bool untiedLogin() const;
    QString untiedLoginMessage() const;
    // On a server, makes the operator the user tied to the login now (none if
    // it was untied): a Super admin may have tied or untied it meanwhile.
    // True when the operator changed.
    Result<bool> followLogin();
    // followLogin() in two steps, for a window whose reads run on a worker's
    // connection (same server, same login): who the login is tied to now
    // (none: nobody, or SQLite), read there; then that user made the
    // operator here, which reads nothing. True when the operator changed.
    Result<std::optional<QString>> loginTiedTo() const;
    bool followLoginTo(const std::optional<QString> &tied);

    enum class UserOrder
    {
        Created,
        Email
    };
    // Every user with their seats.
    Result<QVector<User>> users(UserOrder order = UserOrder::Created) const;
    // The users as of one revision, read in one go.
    struct UsersSnapshot
    {
        qint64 revision = -1;
        UserOrder order = UserOrder::Created;
        QVector<User> users;
    };
    Result<UsersSnapshot> usersSnapshot(UserOrder order = UserOrder::Created) const;
    Result<User> user(const QString &email) const;
    Result<std::array<SeatCount, SeatTypeCount>> seatCounts() const;
    Result<QVector<LedgerEntry>> entries() const;
    // The History page's read: a page of the entries `filter` matches, newest
    // first, older than `beforeId` (0: from the newest). Anyone may read it.
    Result<QVector<LedgerEntry>> entriesPage(const LedgerFilter &filter, qint64 beforeId, int limit) const;
    // Grows with every committed change, from any window or process (R12).
    Result<qint64> revision() const;

    // The change feed: what the ledger's entries after `position` did, as the
    // users they touched are now — so a view updates only those rows, whether
    // the change came from this window or elsewhere. Start from feedPosition()
    // read before the first full read; ask again from `position` each time.
    struct Changes
    {
        qint64 position = 0; // the last entry seen: ask again from here
        // The database was replaced (a restore) and every row must be read
        // again: the ledger is shorter than the position asked from, or holds
        // the record of a restore after it. A position is only compared within
        // one history: no connection stays open across a restore (R13), so a
        // view reads everything again whenever it opens the database anyway.
        bool replaced = false;
        QVector<User> users; // created or changed, as stored now
        QStringList removed; // e-mails of users deleted (and not there now)
        bool seatCountsChanged = false; // seats bought, released, assigned or removed
        int entries = 0;
        // Teams were created, renamed or deleted, or their members changed
        // (R14): the list of teams and their member counts are to be read again.
        bool teamsChanged = false;
        // More users touched than asked to read one by one (a big batch): they
        // are not read; read everything instead.
        bool many = false;
    };
    Result<qint64> feedPosition() const;
    Result<Changes> changesSince(qint64 position, int maxUsers = 2000) const;

    Result<User> createUser(const NewUser &newUser);
    // Several users and their seats in one transaction: all of them or none.
    Result<QVector<User>> createUsers(const QVector<NewUser> &newUsers);
    // The changes below return the revision they made.
    Result<qint64> deleteUser(const QString &email);
    // Several users in one transaction, all or none: refused, with how many,
    // while any of them holds a seat (R9).
    Result<qint64> deleteUsers(const QStringList &emails);
    // Assigns a seat; a user holding another tier of the same product moves to this one in one step (R3).
    Result<qint64> assignSeat(const QString &email, SeatType type);
    Result<qint64> removeSeat(const QString &email, Product product);
    Result<qint64> buySeats(SeatType type, int count);
    Result<qint64> releaseSeats(SeatType type, int count);
    // R10: all edits or none. Each edit's `from` must still be what storage holds (R12).
    Result<qint64> applyEdits(const QVector<SeatEdit> &edits);
    // The lines of a plan, in order, as one batch: all or nothing.
    Result<qint64> applyPlan(const QVector<PlanLine> &plan);
    // Teams (R14), in name order, with their member counts.
    Result<QVector<Team>> teams() const;
    // A team's name is required, valid as a person's name is (Validation::
    // checkTeamName) and unique whatever its letter case or Unicode form;
    // spaces around it are dropped.
    Result<Team> createTeam(const QString &name);
    Result<qint64> renameTeam(const QString &name, const QString &newName);
    // Its members first leave it (each change ledgered), or move to
    // `moveMembersTo`: its main team members get that team as main team, its
    // additional ones as additional team. Then the team goes.
    Result<qint64> deleteTeam(const QString &name, const std::optional<QString> &moveMembersTo = std::nullopt);
    // Names, role (R5: only a Super admin makes or unmakes a Super admin, and
    // the last Super admin keeps that role) and teams (R14), in one change.
    Result<qint64> editUser(const QString &email, const UserEdit &edit);
    // Gives every one of `emails` the main team `team` (an existing team; empty:
    // no main team), in one change, each user's change ledgered (R14). The team
    // leaves their additional teams if it was one.
    Result<qint64> setMainTeam(const QStringList &emails, const QString &team);

    // R15: what importing `file` would do now, changing nothing (the Preview, --dry-run).
    Result<ImportPreview> previewImport(const ImportFile &file) const;
    // Imports `file` in one transaction, all or nothing, ledgered: refused
    // (nothing changed) when any row is bad or seats are short. `progress` is
    // called now and then with (rows done, rows in all) from the importing
    // thread; returning false cancels the import, and nothing is changed.
    using ImportProgress = std::function<bool(int done, int total)>;
    struct ImportDone
    {
        int created = 0;
        int changed = 0;
        qint64 revision = 0;
    };
    Result<ImportDone> importUsers(const ImportFile &file, const ImportProgress &progress = {});
    // The revision the last change through this ledger made (createUsers
    // included), and the feed position of its last ledger entry.
    qint64 lastChange() const { return m_lastChange; }
    qint64 lastChangePosition() const { return m_lastChangePosition; }

    // Integrity check, R2/R3 invariants, ledger hash chain, replay = current state.
    // Returns the problems found; an empty list means all is well.
    Result<QStringList> check() const;
    // SQLite's quick_check only: fast enough for every start of the window.
    Status quickCheck() const;
    // A backup now, or one unless the newest is younger than a day (see Backups).
    Result<BackupInfo> backup() const;
    Result<std::optional<BackupInfo>> dailyBackup() const;

private:
    // A ledger on `store` (another connection to this database) with this one's operator.
    Result<std::unique_ptr<SeatLedger>> sameOperatorOn(Result<std::unique_ptr<SeatStore>> store) const;
    // Runs one change: a write transaction, the operator's check (R5), `body`
    // (given the transaction and the operator's role), commit. The one place a
    // change is made.
    template<typename Body> Result<qint64> change(Body body);
    Result<Role> requireAdmin() const;
    Result<StoredUser> findHeld(const QString &email) const;
    // One attempt of importUsers over `users`; `stale` when they changed meanwhile.
    Result<ImportDone> importOver(const ImportFile &file, const UsersAtRevision &users, const ImportProgress &progress,
                                  bool &stale);
    // Where the edits' `from` seats come from: read inside this very write
    // transaction (nobody can have changed them since), or from a window that
    // loaded them earlier — then each is checked against storage first (R12).
    enum class Froms
    {
        ReadInThisTransaction,
        FromTheCaller
    };
    Status applyEditsInTransaction(const QVector<SeatEdit> &edits, StoreTransaction &tx, Froms froms);
    QString describeConflict(const SeatEdit &edit) const;
    // Writes a user's teams (by name, each an existing team) and ledgers the
    // change, if it is one.
    Status setTeams(StoreTransaction &tx, const User &user, const QString &mainTeam,
                    const QStringList &additionalTeams);
    Status noFreeSeat(SeatType type, int wanted) const;

    std::unique_ptr<SeatStore> m_store;
    QString m_actor;
    qint64 m_lastChange = 0;
    qint64 m_lastChangePosition = 0;
};
