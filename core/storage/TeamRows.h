#pragma once

// Teams and memberships (R14) in plain SQL that both backends speak, over
// either backend's connection (SeatDatabase or PostgresDatabase: the same
// prepare/exec/storageError), as ledgerEntriesAfter() does for the ledger.

#include "InputText.h"
#include "Result.h"
#include "SqlText.h"
#include "Team.h"
#include "User.h"
#include "Validation.h"

#include <algorithm>
#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVector>

namespace TeamRows {

inline Error notFound(const QString &name)
{
    return Error { ErrorKind::NotFound,
                   QCoreApplication::translate("SeatLedger", "No team is named “%1”.").arg(InputText::escaped(name)) };
}

// Teams in name order, as people read them: by key, whatever the server's collation.
inline void sortByName(QVector<Team> &teams)
{
    std::sort(teams.begin(), teams.end(),
              [](const Team &a, const Team &b) { return Validation::teamKey(a.name) < Validation::teamKey(b.name); });
}

inline void sortByName(QStringList &names)
{
    std::sort(names.begin(), names.end(),
              [](const QString &a, const QString &b) { return Validation::teamKey(a) < Validation::teamKey(b); });
}

template<typename Database> Result<QVector<Team>> all(const Database &db)
{
    auto q = db.prepare("SELECT t.id, t.name, (SELECT COUNT(*) FROM team_members m WHERE m.team_id = t.id) "
                        "FROM teams t");
    if (!q)
        return q.error();
    if (Status s = db.exec(q.value()); !s)
        return s.error();
    QVector<Team> teams;
    while (q.value().next())
        teams.append(
            Team { q.value().value(0).toLongLong(), q.value().value(1).toString(), q.value().value(2).toInt() });
    if (q.value().lastError().isValid())
        return db.storageError(q.value().lastError());
    sortByName(teams);
    return teams;
}

template<typename Database> Result<Team> byName(const Database &db, const QString &name)
{
    auto q = db.prepare("SELECT t.id, t.name, (SELECT COUNT(*) FROM team_members m WHERE m.team_id = t.id) "
                        "FROM teams t WHERE t.name_key = :key");
    if (!q)
        return q.error();
    q.value().bindValue(QStringLiteral(":key"), Validation::teamKey(name.trimmed()));
    if (Status s = db.exec(q.value()); !s)
        return s.error();
    if (q.value().next())
        return Team { q.value().value(0).toLongLong(), q.value().value(1).toString(), q.value().value(2).toInt() };
    if (q.value().lastError().isValid())
        return db.storageError(q.value().lastError());
    return notFound(name);
}

template<typename Database> Result<QStringList> members(const Database &db, qint64 teamId)
{
    auto q = db.prepare("SELECT u.email FROM team_members m JOIN users u ON u.id = m.user_id "
                        "WHERE m.team_id = :id ORDER BY u.id");
    if (!q)
        return q.error();
    q.value().bindValue(QStringLiteral(":id"), teamId);
    if (Status s = db.exec(q.value()); !s)
        return s.error();
    QStringList emails;
    while (q.value().next())
        emails << q.value().value(0).toString();
    if (q.value().lastError().isValid())
        return db.storageError(q.value().lastError());
    return emails;
}

// Every user's teams, onto users read in any order.
template<typename Database> Status addTo(const Database &db, QVector<User> &users)
{
    auto q = db.prepare("SELECT m.user_id, t.name, m.is_main FROM team_members m JOIN teams t ON t.id = m.team_id");
    if (!q)
        return q.error();
    if (Status s = db.exec(q.value()); !s)
        return s;
    QHash<qint64, int> rowOf;
    rowOf.reserve(users.size());
    for (int i = 0; i < users.size(); ++i)
        rowOf.insert(users[i].id, i);
    QSet<int> touched;
    while (q.value().next()) {
        const int row = rowOf.value(q.value().value(0).toLongLong(), -1);
        if (row < 0)
            continue;
        User &u = users[row];
        if (q.value().value(2).toInt() == 1)
            u.mainTeam = q.value().value(1).toString();
        else
            u.additionalTeams << q.value().value(1).toString();
        touched.insert(row);
    }
    if (q.value().lastError().isValid())
        return db.storageError(q.value().lastError());
    for (int row : touched)
        sortByName(users[row].additionalTeams);
    return {};
}

template<typename Database> Status addTo(const Database &db, User &user)
{
    auto q = db.prepare("SELECT t.name, m.is_main FROM team_members m JOIN teams t ON t.id = m.team_id "
                        "WHERE m.user_id = :id");
    if (!q)
        return q.error();
    q.value().bindValue(QStringLiteral(":id"), user.id);
    if (Status s = db.exec(q.value()); !s)
        return s;
    user.mainTeam.clear();
    user.additionalTeams.clear();
    while (q.value().next()) {
        if (q.value().value(1).toInt() == 1)
            user.mainTeam = q.value().value(0).toString();
        else
            user.additionalTeams << q.value().value(0).toString();
    }
    if (q.value().lastError().isValid())
        return db.storageError(q.value().lastError());
    sortByName(user.additionalTeams);
    return {};
}

template<typename Database>
Status updateUser(const Database &db, qint64 id, const QString &first, const QString &last, Role role)
{
    auto q = db.prepare("UPDATE users SET first_name = :first, last_name = :last, role = :role WHERE id = :id");
    if (!q)
        return q.error();
    q.value().bindValue(QStringLiteral(":first"), first.isNull() ? QStringLiteral("") : first);
    q.value().bindValue(QStringLiteral(":last"), last.isNull() ? QStringLiteral("") : last);
    q.value().bindValue(QStringLiteral(":role"), roleKey(role));
    q.value().bindValue(QStringLiteral(":id"), id);
    return db.exec(q.value());
}

template<typename Database> Status rename(const Database &db, qint64 id, const QString &name)
{
    auto q = db.prepare("UPDATE teams SET name = :name, name_key = :key WHERE id = :id");
    if (!q)
        return q.error();
    q.value().bindValue(QStringLiteral(":name"), name);
    q.value().bindValue(QStringLiteral(":key"), Validation::teamKey(name));
    q.value().bindValue(QStringLiteral(":id"), id);
    return db.exec(q.value());
}

template<typename Database> Status remove(const Database &db, qint64 id)
{
    auto q = db.prepare("DELETE FROM teams WHERE id = :id");
    if (!q)
        return q.error();
    q.value().bindValue(QStringLiteral(":id"), id);
    return db.exec(q.value());
}

template<typename Database> Status leaveAll(const Database &db, qint64 userId)
{
    auto q = db.prepare("DELETE FROM team_members WHERE user_id = :id");
    if (!q)
        return q.error();
    q.value().bindValue(QStringLiteral(":id"), userId);
    return db.exec(q.value());
}

template<typename Database>
Status setUserTeams(const Database &db, qint64 userId, qint64 mainTeamId, const QVector<qint64> &additional)
{
    if (Status s = leaveAll(db, userId); !s)
        return s;
    auto q = db.prepare("INSERT INTO team_members (team_id, user_id, is_main) VALUES (:team, :user, :main)");
    if (!q)
        return q.error();
    const auto join = [&](qint64 team, bool main) -> Status {
        q.value().bindValue(QStringLiteral(":team"), team);
        q.value().bindValue(QStringLiteral(":user"), userId);
        q.value().bindValue(QStringLiteral(":main"), main ? 1 : 0);
        return db.exec(q.value());
    };
    if (mainTeamId > 0) {
        if (Status s = join(mainTeamId, true); !s)
            return s;
    }
    for (qint64 team : additional) {
        if (Status s = join(team, false); !s)
            return s;
    }
    return {};
}

} // namespace TeamRows
