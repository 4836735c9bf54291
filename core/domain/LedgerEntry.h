#pragma once

#include <QDateTime>
#include <QString>

// Ledger actions (R11); the keys are stored and printed by seatctl --json.
namespace LedgerAction {
inline const QString UserCreated = QStringLiteral("user-created");
inline const QString UserDeleted = QStringLiteral("user-deleted");
inline const QString SeatAssigned = QStringLiteral("seat-assigned");
inline const QString SeatRemoved = QStringLiteral("seat-removed");
inline const QString SeatsBought = QStringLiteral("seats-bought");
inline const QString SeatsReleased = QStringLiteral("seats-released");
// The database was put back as a backup had it: before holds the backup's file
// name, after the name the replaced file is kept under. Changes no user or seat.
inline const QString DatabaseRestored = QStringLiteral("database-restored");
// R14. Teams have no subject (it names users): before and after hold the
// team's name — none before its creation, none after its deletion.
inline const QString TeamCreated = QStringLiteral("team-created");
inline const QString TeamRenamed = QStringLiteral("team-renamed");
inline const QString TeamDeleted = QStringLiteral("team-deleted");
// A user's name or role changed: before and after hold the person as JSON,
// as user-created does.
inline const QString UserEdited = QStringLiteral("user-edited");
// A user's teams changed: before and after hold {"main": NAME, "additional":
// [NAMES]} (a team's members leave it, or move, before it is deleted).
inline const QString UserTeamsChanged = QStringLiteral("user-teams-changed");
} // namespace LedgerAction

// One append-only record of a change: when, who, what, for whom, before and after.
struct LedgerEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    QString action;
    QString subject;
    QString seatType;
    QString before;
    QString after;
    QString prevHash;
    QString hash;
    // On a PostgreSQL server, the login that wrote the entry (set by the server,
    // covered by the hash); empty on SQLite and in entries older than logins.
    QString login {};
};

// A ledger entry about to be written: its id, time, actor and hashes are the store's.
struct LedgerDraft
{
    QString action;
    QString subject;
    QString seatType;
    QString before;
    QString after;
};

// Which ledger entries a person wants to see (the History page, a user's own
// history). Every part left empty matches everything; the parts that are set
// must all match. Addresses compare without regard to the case of ASCII letters.
struct LedgerFilter
{
    enum class Match
    {
        Prefix, // "bea" finds bea@example.com
        Exact
    };
    QString user; // the entry's subject (for whom)
    Match userMatch = Match::Prefix;
    QString actor; // the operator, exactly (any letter case)
    QString action; // a LedgerAction key
    QDateTime from; // at or after (when valid)
    QDateTime to; // before (when valid)
    qint64 afterId = 0; // only entries with a greater id

    bool isEmpty() const
    {
        return user.isEmpty() && actor.isEmpty() && action.isEmpty() && !from.isValid() && !to.isValid()
            && afterId == 0;
    }
};
