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
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <utility>

namespace {

// One user as the database holds them or the ledger gives them. Kept small:
// the check holds one per user of the account (100,000 in a large one) while
// the window is open. Names, roles and teams are shared copies (Strings).
struct Person
{
    QString email;
    QString first;
    QString last;
    QString role;
    std::array<qint8, ProductCount> seats { -1, -1 }; // seat type index, -1: none
    QString mainTeam; // R14
    QStringList additionalTeams; // in key order
    bool matched = false; // the database's user of that address was compared with this one

    bool sameAs(const Person &o) const
    {
        return email == o.email && first == o.first && last == o.last && role == o.role && seats == o.seats
            && mainTeam == o.mainTeam && additionalTeams == o.additionalTeams;
    }
};

// Equal texts read from many rows (first names, roles, team names), kept once.
class Strings
{
public:
    QString operator()(const QString &text)
    {
        if (text.isEmpty())
            return {};
        const auto kept = m_kept.constFind(text);
        if (kept != m_kept.cend())
            return *kept;
        m_kept.insert(text);
        return text;
    }

private:
    QSet<QString> m_kept;
};

// An address's key, sharing the address's own text when it is its own key (most are).
QString keyOf(const QString &email)
{
    const QString key = Validation::emailKey(email);
    return key == email ? email : key;
}

void sortTeams(QStringList &names)
{
    std::sort(names.begin(), names.end(),
              [](const QString &a, const QString &b) { return Validation::teamKey(a) < Validation::teamKey(b); });
}

// The people the ledger gives, by e-mail key. Before schema v4 two spellings
// of one mailbox could be two users at once (one deleted since, or the
// upgrade would have refused): a key holds each of them, and an entry is
// about the one its subject names exactly — or, if none is, the latest.
struct Replayed
{
    QHash<QString, Person> people; // the latest user of each key
    QHash<QString, QVector<Person>> earlier; // older users of the same key (before v4 only)
    std::array<qint64, SeatTypeCount> purchased {};
    QMap<QString, QString> teams; // names by team key

    Person *find(const QString &key, const QString &email)
    {
        const auto latest = people.find(key);
        if (latest == people.end())
            return nullptr;
        if (latest->email != email) {
            const auto older = earlier.find(key);
            if (older != earlier.end()) {
                for (Person &p : *older) {
                    if (p.email == email)
                        return &p;
                }
            }
        }
        return &*latest;
    }
    void add(const QString &key, Person p)
    {
        const auto latest = people.find(key);
        if (latest == people.end()) {
            people.insert(key, std::move(p));
            return;
        }
        earlier[key].append(std::move(*latest));
        *latest = std::move(p);
    }
    void remove(const QString &key, const QString &email)
    {
        const auto latest = people.find(key);
        if (latest == people.end())
            return;
        const auto older = earlier.find(key);
        if (latest->email != email && older != earlier.end()) {
            for (int i = 0; i < older->size(); ++i) {
                if (older->at(i).email == email) {
                    older->removeAt(i);
                    if (older->isEmpty())
                        earlier.erase(older);
                    return;
                }
            }
        }
        if (older == earlier.end()) {
            people.erase(latest);
            return;
        }
        *latest = older->takeLast();
        if (older->isEmpty())
            earlier.erase(older);
    }
    template<typename F> void forEach(F f)
    {
        for (Person &p : people)
            f(p);
        for (QVector<Person> &same : earlier) {
            for (Person &p : same)
                f(p);
        }
    }
};

QString seatText(qint8 seat)
{
    return seat < 0 ? QStringLiteral("-") : seatTypeKey(allSeatTypes()[size_t(seat)]);
}

QString describe(const Person &p)
{
    QString text = QStringLiteral("%1 (%2, %3 %4; %5 / %6")
                       .arg(p.email, p.role, p.first, p.last, seatText(p.seats[0]), seatText(p.seats[1]));
    if (!p.mainTeam.isEmpty() || !p.additionalTeams.isEmpty())
        text += QStringLiteral("; %1 + [%2]").arg(p.mainTeam, p.additionalTeams.join(QStringLiteral(", ")));
    return text + QLatin1Char(')');
}

// A team renamed or deleted, as every replayed person's teams see it (to: empty when deleted).
void renameTeamOfPeople(Replayed &replayed, const QString &from, const QString &to)
{
    const QString key = Validation::teamKey(from);
    replayed.forEach([&](Person &p) {
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
    });
}

} // namespace

Result<QStringList> LedgerAudit::run(const Collect &collect, bool withLogin)
{
    QStringList problems;

    // 1. R2 and the counters: assigned = number of assignments <= purchased.
    std::array<qint64, SeatTypeCount> purchased {};
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
                                   purchased[seatTypeIndex(*t)] = q.value(1).toLongLong();
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
        if (counted[i] > purchased[i])
            problems
                << tr("%1: %2 assigned but only %3 purchased.").arg(seatTypeKey(t)).arg(counted[i]).arg(purchased[i]);
    }

    // 2. R3: each assignment's type belongs to its product.
    if (Status s = collect(("SELECT u.email, a.product, a.seat_type FROM assignments a "
                            "JOIN users u ON u.id = a.user_id"),
                           [&](const QSqlQuery &q) {
                               const auto product = productFromKey(q.value(1).toString());
                               const auto type = seatTypeFromKey(q.value(2).toString());
                               if (!product || !type || productOf(*type) != *product)
                                   problems
                                       << tr("%1 holds %2 as a %3 seat.")
                                              .arg(q.value(0).toString(), q.value(2).toString(), q.value(1).toString());
                           });
        !s)
        return s.error();

    // R14: the teams.
    QMap<QString, QString> storedTeams; // names by team key
    if (Status s = collect("SELECT name, name_key FROM teams",
                           [&](const QSqlQuery &q) {
                               const QString name = q.value(0).toString();
                               const QString key = Validation::teamKey(name);
                               if (q.value(1).toString() != key)
                                   problems << tr("The team %1 is stored under the key “%2” instead of “%3”.")
                                                   .arg(name, q.value(1).toString(), key);
                               storedTeams.insert(key, name);
                           });
        !s)
        return s.error();

    // 3. The hash chain, and 4. the replay.
    Replayed replayed;
    Strings strings;
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
                    Person p;
                    p.email = e.subject;
                    p.first = strings(o.value(QStringLiteral("first")).toString());
                    p.last = strings(o.value(QStringLiteral("last")).toString());
                    p.role = strings(o.value(QStringLiteral("role")).toString());
                    replayed.add(keyOf(e.subject), std::move(p));
                } else if ((e.action == LedgerAction::SeatAssigned || e.action == LedgerAction::SeatRemoved) && type
                           && replayed.find(key, e.subject)) {
                    replayed.find(key, e.subject)->seats[productIndex(productOf(*type))]
                        = e.action == LedgerAction::SeatAssigned ? qint8(seatTypeIndex(*type)) : qint8(-1);
                } else if ((e.action == LedgerAction::SeatsBought || e.action == LedgerAction::SeatsReleased) && type) {
                    replayed.purchased[seatTypeIndex(*type)] = e.after.toLongLong();
                } else if (e.action == LedgerAction::TeamCreated) {
                    replayed.teams.insert(Validation::teamKey(e.after), e.after);
                } else if (e.action == LedgerAction::TeamRenamed) {
                    replayed.teams.remove(Validation::teamKey(e.before));
                    replayed.teams.insert(Validation::teamKey(e.after), e.after);
                    renameTeamOfPeople(replayed, e.before, strings(e.after));
                } else if (e.action == LedgerAction::TeamDeleted) {
                    replayed.teams.remove(Validation::teamKey(e.before));
                    renameTeamOfPeople(replayed, e.before, QString());
                } else if (e.action == LedgerAction::UserEdited && replayed.find(key, e.subject)) {
                    const QJsonObject o = QJsonDocument::fromJson(e.after.toUtf8()).object();
                    Person *p = replayed.find(key, e.subject);
                    p->first = strings(o.value(QStringLiteral("first")).toString());
                    p->last = strings(o.value(QStringLiteral("last")).toString());
                    p->role = strings(o.value(QStringLiteral("role")).toString());
                } else if (e.action == LedgerAction::UserTeamsChanged && replayed.find(key, e.subject)) {
                    const QJsonObject o = QJsonDocument::fromJson(e.after.toUtf8()).object();
                    Person *p = replayed.find(key, e.subject);
                    p->mainTeam = strings(o.value(QStringLiteral("main")).toString());
                    p->additionalTeams.clear();
                    for (const QJsonValue &v : o.value(QStringLiteral("additional")).toArray())
                        p->additionalTeams << strings(v.toString());
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
        if (replayed.purchased[seatTypeIndex(t)] != purchased[seatTypeIndex(t)])
            problems << tr("%1: the ledger gives %2 purchased, the database holds %3.")
                            .arg(seatTypeKey(t))
                            .arg(replayed.purchased[seatTypeIndex(t)])
                            .arg(purchased[seatTypeIndex(t)]);
    }
    if (replayed.teams != storedTeams)
        problems << tr("The teams differ from the ledger: the database holds %1, the ledger gives %2.")
                        .arg(QStringList(storedTeams.values()).join(QStringLiteral(", ")),
                             QStringList(replayed.teams.values()).join(QStringLiteral(", ")));

    // 5. The database's users, one at a time, against the replay: the current
    // state is never held beside it. Their additional teams first (few).
    QHash<qint64, QStringList> additional;
    if (Status s = collect("SELECT m.user_id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id "
                           "WHERE m.is_main = 0",
                           [&](const QSqlQuery &q) { additional[q.value(0).toLongLong()] << q.value(1).toString(); });
        !s)
        return s.error();
    if (Status s
        = collect("SELECT u.id, u.email, u.first_name, u.last_name, u.role, u.email_key,"
                  " (SELECT a.seat_type FROM assignments a WHERE a.user_id = u.id AND a.product = 'sales'),"
                  " (SELECT a.seat_type FROM assignments a WHERE a.user_id = u.id AND a.product = 'service'),"
                  " (SELECT t.name FROM team_members m JOIN teams t ON t.id = m.team_id"
                  "  WHERE m.user_id = u.id AND m.is_main = 1) "
                  "FROM users u ORDER BY u.email_key",
                  [&](const QSqlQuery &q) {
                      Person p;
                      p.email = q.value(1).toString();
                      p.first = q.value(2).toString();
                      p.last = q.value(3).toString();
                      p.role = q.value(4).toString();
                      const QString key = Validation::emailKey(p.email);
                      // A key that is not the address's own lets a second user in for the same mailbox.
                      if (q.value(5).toString() != key)
                          problems << tr("%1 is stored under the key “%2” instead of “%3”.")
                                          .arg(p.email, q.value(5).toString(), key);
                      for (Product product : { Product::Sales, Product::Service }) {
                          const auto type = seatTypeFromKey(q.value(product == Product::Sales ? 6 : 7).toString());
                          if (type && productOf(*type) == product) // a mismatch is told above (R3)
                              p.seats[productIndex(product)] = qint8(seatTypeIndex(*type));
                      }
                      p.mainTeam = q.value(8).toString();
                      p.additionalTeams = additional.value(q.value(0).toLongLong());
                      sortTeams(p.additionalTeams);
                      Person *other = replayed.find(key, p.email);
                      if (!other) {
                          problems << tr("%1 is in the database but not in the ledger.").arg(p.email);
                      } else {
                          if (!other->sameAs(p))
                              problems << tr("%1 differs from the ledger: the database holds %2, the ledger gives %3.")
                                              .arg(p.email, describe(p), describe(*other));
                          other->matched = true;
                      }
                  });
        !s)
        return s.error();
    QStringList unmatched;
    replayed.forEach([&unmatched](const Person &p) {
        if (!p.matched)
            unmatched << p.email;
    });
    std::sort(unmatched.begin(), unmatched.end());
    for (const QString &email : std::as_const(unmatched))
        problems << tr("%1 is in the ledger but not in the database.").arg(email);
    return problems;
}
