#include "LedgerAudit.h"

#include "LedgerChain.h"
#include "LedgerEntry.h"
#include "LedgerRow.h"
#include "Role.h"
#include "SeatType.h"
#include "Validation.h"

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <utility>

namespace {

struct Person
{
    QString email;
    QString first;
    QString last;
    QString role;
    QString seats[ProductCount];
    QString mainTeam; // R14
    QStringList additionalTeams; // in key order

    bool operator==(const Person &o) const
    {
        return email == o.email && first == o.first && last == o.last && role == o.role && seats[0] == o.seats[0]
            && seats[1] == o.seats[1] && mainTeam == o.mainTeam && additionalTeams == o.additionalTeams;
    }
};

void sortTeams(QStringList &names)
{
    std::sort(names.begin(), names.end(),
              [](const QString &a, const QString &b) { return Validation::teamKey(a) < Validation::teamKey(b); });
}

struct State
{
    QMap<QString, Person> people; // by e-mail key
    QMap<QString, QString> teams; // names by team key
    std::array<qint64, SeatTypeCount> purchased {};
};

// The people the ledger gives, by e-mail key. Before schema v4 two spellings
// of one mailbox could be two users at once (one deleted since, or the
// upgrade would have refused): a key holds each of them, and an entry is
// about the one its subject names exactly — or, if none is, the one there.
struct Replayed
{
    QMap<QString, QVector<Person>> people;
    std::array<qint64, SeatTypeCount> purchased {};
    QMap<QString, QString> teams; // names by team key

    const Person *find(const QString &key, const QString &email) const
    {
        const auto it = people.constFind(key);
        if (it == people.cend() || it->isEmpty())
            return nullptr;
        for (const Person &p : *it) {
            if (p.email == email)
                return &p;
        }
        return &it->last();
    }
    Person *find(const QString &key, const QString &email)
    {
        const Person *p = std::as_const(*this).find(key, email);
        if (!p)
            return nullptr;
        QVector<Person> &same = people[key];
        return same.data() + (p - std::as_const(same).data());
    }
    void remove(const QString &key, const QString &email)
    {
        if (Person *p = find(key, email)) {
            QVector<Person> &same = people[key];
            same.removeAt(p - same.data());
            if (same.isEmpty())
                people.remove(key);
        }
    }
};

QString describe(const Person &p)
{
    QString text = QStringLiteral("%1 (%2, %3 %4; %5 / %6")
                       .arg(p.email, p.role, p.first, p.last, p.seats[0].isEmpty() ? QStringLiteral("-") : p.seats[0],
                            p.seats[1].isEmpty() ? QStringLiteral("-") : p.seats[1]);
    if (!p.mainTeam.isEmpty() || !p.additionalTeams.isEmpty())
        text += QStringLiteral("; %1 + [%2]").arg(p.mainTeam, p.additionalTeams.join(QStringLiteral(", ")));
    return text + QLatin1Char(')');
}

// A team renamed or deleted, as every replayed person's teams see it (to: empty when deleted).
void renameTeamOfPeople(QMap<QString, QVector<Person>> &people, const QString &from, const QString &to)
{
    const QString key = Validation::teamKey(from);
    for (QVector<Person> &same : people) {
        for (Person &p : same) {
            if (!p.mainTeam.isEmpty() && Validation::teamKey(p.mainTeam) == key)
                p.mainTeam = to;
            for (int i = int(p.additionalTeams.size()) - 1; i >= 0; --i) {
                if (Validation::teamKey(p.additionalTeams.at(i)) != key)
                    continue;
                if (to.isEmpty())
                    p.additionalTeams.removeAt(i);
                else
                    p.additionalTeams[i] = to;
            }
            sortTeams(p.additionalTeams);
        }
    }
}

} // namespace

Result<QStringList> LedgerAudit::run(const Collect &collect, bool withLogin)
{
    QStringList problems;

    // 1. R2 and the counters: assigned = number of assignments <= purchased.
    State stored;
    std::array<qint64, SeatTypeCount> counted {};
    std::array<qint64, SeatTypeCount> assignedCounter {};
    if (Status s = collect(("SELECT seat_type, COUNT(*) FROM assignments GROUP BY seat_type"),
                           [&](const QSqlQuery &q) {
                               if (auto t = seatTypeFromKey(q.value(0).toString()))
                                   counted[seatTypeIndex(*t)] = q.value(1).toLongLong();
                               else
                                   problems << tr("Unknown seat type %1 in assignments.").arg(q.value(0).toString());
                           });
        !s)
        return s.error();
    if (Status s = collect(("SELECT type, purchased, assigned FROM seat_types"),
                           [&](const QSqlQuery &q) {
                               if (auto t = seatTypeFromKey(q.value(0).toString())) {
                                   stored.purchased[seatTypeIndex(*t)] = q.value(1).toLongLong();
                                   assignedCounter[seatTypeIndex(*t)] = q.value(2).toLongLong();
                               }
                           });
        !s)
        return s.error();
    for (SeatType t : allSeatTypes()) {
        const int i = seatTypeIndex(t);
        if (assignedCounter[i] != counted[i])
            problems << tr("%1: the assigned count says %2 but %3 users hold one.")
                            .arg(seatTypeKey(t))
                            .arg(assignedCounter[i])
                            .arg(counted[i]);
        if (counted[i] > stored.purchased[i])
            problems << tr("%1: %2 assigned but only %3 purchased.")
                            .arg(seatTypeKey(t))
                            .arg(counted[i])
                            .arg(stored.purchased[i]);
    }

    // 2. The current state, and R3: each assignment's type belongs to its product.
    if (Status s = collect(("SELECT email, first_name, last_name, role, email_key FROM users"),
                           [&](const QSqlQuery &q) {
                               Person p { q.value(0).toString(),
                                          q.value(1).toString(),
                                          q.value(2).toString(),
                                          q.value(3).toString(),
                                          {},
                                          {},
                                          {} };
                               const QString key = Validation::emailKey(p.email);
                               // A key that is not the address's own lets a second user in for the same mailbox.
                               if (q.value(4).toString() != key)
                                   problems << tr("%1 is stored under the key “%2” instead of “%3”.")
                                                   .arg(p.email, q.value(4).toString(), key);
                               stored.people.insert(key, p);
                           });
        !s)
        return s.error();
    if (Status s = collect(("SELECT u.email, a.product, a.seat_type FROM assignments a "
                            "JOIN users u ON u.id = a.user_id"),
                           [&](const QSqlQuery &q) {
                               const auto product = productFromKey(q.value(1).toString());
                               const auto type = seatTypeFromKey(q.value(2).toString());
                               if (!product || !type || productOf(*type) != *product) {
                                   problems
                                       << tr("%1 holds %2 as a %3 seat.")
                                              .arg(q.value(0).toString(), q.value(2).toString(), q.value(1).toString());
                                   return;
                               }
                               stored.people[Validation::emailKey(q.value(0).toString())].seats[productIndex(*product)]
                                   = seatTypeKey(*type);
                           });
        !s)
        return s.error();

    // R14: the teams, and who is in which.
    if (Status s = collect("SELECT name, name_key FROM teams",
                           [&](const QSqlQuery &q) {
                               const QString name = q.value(0).toString();
                               const QString key = Validation::teamKey(name);
                               if (q.value(1).toString() != key)
                                   problems << tr("The team %1 is stored under the key “%2” instead of “%3”.")
                                                   .arg(name, q.value(1).toString(), key);
                               stored.teams.insert(key, name);
                           });
        !s)
        return s.error();
    if (Status s = collect("SELECT u.email, t.name, m.is_main FROM team_members m "
                           "JOIN users u ON u.id = m.user_id JOIN teams t ON t.id = m.team_id",
                           [&](const QSqlQuery &q) {
                               Person &p = stored.people[Validation::emailKey(q.value(0).toString())];
                               if (q.value(2).toInt() == 1)
                                   p.mainTeam = q.value(1).toString();
                               else
                                   p.additionalTeams << q.value(1).toString();
                           });
        !s)
        return s.error();
    for (Person &p : stored.people)
        sortTeams(p.additionalTeams);

    // 3. The hash chain, and 4. the replay.
    Replayed replayed;
    QString prevHash;
    qint64 prevId = 0;
    if (Status s = collect(
            withLogin ? SqlText("SELECT id, at_utc, actor, action, subject, seat_type, old_value, new_value, "
                                "prev_hash, hash, login FROM ledger ORDER BY id")
                      : SqlText("SELECT id, at_utc, actor, action, subject, seat_type, old_value, new_value, "
                                "prev_hash, hash FROM ledger ORDER BY id"),
            [&](const QSqlQuery &q) {
                const LedgerEntry e = ledgerEntryFrom(q, withLogin);
                if (e.prevHash != prevHash || e.id != prevId + 1 || LedgerChain::hashOf(e) != e.hash
                    || LedgerChain::timeText(e.at) != q.value(1).toString())
                    problems << tr("Ledger entry %1 was altered or the entry before it was removed.").arg(e.id);
                prevHash = e.hash;
                prevId = e.id;

                const QString key = Validation::emailKey(e.subject);
                const auto type = seatTypeFromKey(e.seatType);
                if (e.action == LedgerAction::UserCreated || e.action == LedgerAction::UserDeleted) {
                    if (e.action == LedgerAction::UserDeleted) {
                        replayed.remove(key, e.subject);
                        return;
                    }
                    const QJsonObject o = QJsonDocument::fromJson(e.after.toUtf8()).object();
                    replayed.people[key].append(Person { e.subject,
                                                         o.value(QStringLiteral("first")).toString(),
                                                         o.value(QStringLiteral("last")).toString(),
                                                         o.value(QStringLiteral("role")).toString(),
                                                         {},
                                                         {},
                                                         {} });
                } else if ((e.action == LedgerAction::SeatAssigned || e.action == LedgerAction::SeatRemoved) && type
                           && replayed.find(key, e.subject)) {
                    replayed.find(key, e.subject)->seats[productIndex(productOf(*type))]
                        = e.action == LedgerAction::SeatAssigned ? e.seatType : QString();
                } else if ((e.action == LedgerAction::SeatsBought || e.action == LedgerAction::SeatsReleased) && type) {
                    replayed.purchased[seatTypeIndex(*type)] = e.after.toLongLong();
                } else if (e.action == LedgerAction::TeamCreated) {
                    replayed.teams.insert(Validation::teamKey(e.after), e.after);
                } else if (e.action == LedgerAction::TeamRenamed) {
                    replayed.teams.remove(Validation::teamKey(e.before));
                    replayed.teams.insert(Validation::teamKey(e.after), e.after);
                    renameTeamOfPeople(replayed.people, e.before, e.after);
                } else if (e.action == LedgerAction::TeamDeleted) {
                    replayed.teams.remove(Validation::teamKey(e.before));
                    renameTeamOfPeople(replayed.people, e.before, QString());
                } else if (e.action == LedgerAction::UserEdited && replayed.find(key, e.subject)) {
                    const QJsonObject o = QJsonDocument::fromJson(e.after.toUtf8()).object();
                    Person *p = replayed.find(key, e.subject);
                    p->first = o.value(QStringLiteral("first")).toString();
                    p->last = o.value(QStringLiteral("last")).toString();
                    p->role = o.value(QStringLiteral("role")).toString();
                } else if (e.action == LedgerAction::UserTeamsChanged && replayed.find(key, e.subject)) {
                    const QJsonObject o = QJsonDocument::fromJson(e.after.toUtf8()).object();
                    Person *p = replayed.find(key, e.subject);
                    p->mainTeam = o.value(QStringLiteral("main")).toString();
                    p->additionalTeams.clear();
                    for (const QJsonValue &v : o.value(QStringLiteral("additional")).toArray())
                        p->additionalTeams << v.toString();
                    sortTeams(p->additionalTeams);
                } else if (e.action == LedgerAction::DatabaseRestored) {
                    // A record of a restore: the rows before it are the backup's own.
                } else {
                    problems << tr("Ledger entry %1 (%2) cannot be replayed.").arg(e.id).arg(e.action);
                }
            });
        !s)
        return s.error();

    for (SeatType t : allSeatTypes()) {
        if (replayed.purchased[seatTypeIndex(t)] != stored.purchased[seatTypeIndex(t)])
            problems << tr("%1: the ledger gives %2 purchased, the database holds %3.")
                            .arg(seatTypeKey(t))
                            .arg(replayed.purchased[seatTypeIndex(t)])
                            .arg(stored.purchased[seatTypeIndex(t)]);
    }
    if (replayed.teams != stored.teams)
        problems << tr("The teams differ from the ledger: the database holds %1, the ledger gives %2.")
                        .arg(QStringList(stored.teams.values()).join(QStringLiteral(", ")),
                             QStringList(replayed.teams.values()).join(QStringLiteral(", ")));
    for (auto it = stored.people.cbegin(); it != stored.people.cend(); ++it) {
        const Person *other = std::as_const(replayed).find(it.key(), it->email);
        if (!other)
            problems << tr("%1 is in the database but not in the ledger.").arg(it->email);
        else if (!(*other == *it))
            problems << tr("%1 differs from the ledger: the database holds %2, the ledger gives %3.")
                            .arg(it->email, describe(*it), describe(*other));
    }
    for (auto it = replayed.people.cbegin(); it != replayed.people.cend(); ++it) {
        const auto kept = stored.people.constFind(it.key());
        const Person *match
            = kept == stored.people.cend() ? nullptr : std::as_const(replayed).find(it.key(), kept->email);
        for (const Person &p : *it) {
            if (&p != match)
                problems << tr("%1 is in the ledger but not in the database.").arg(p.email);
        }
    }
    return problems;
}
