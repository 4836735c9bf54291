#include "LedgerText.h"

#include "LedgerEntry.h"
#include "Role.h"
#include "SeatType.h"

#include <cstdlib>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace {

// A seat type's display name, or its key when this version does not know it.
QString seatName(const QString &key)
{
    const auto type = seatTypeFromKey(key);
    return type ? seatTypeName(*type) : key;
}

// Who a user was, as the ledger keeps it ({"first", "last", "role"}): "Admin, Bea Smith".
QString personText(const QString &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    if (o.isEmpty())
        return json;
    const auto role = roleFromKey(o.value(QStringLiteral("role")).toString());
    QString name = o.value(QStringLiteral("first")).toString();
    const QString last = o.value(QStringLiteral("last")).toString();
    if (!last.isEmpty())
        name = name.isEmpty() ? last : name + QLatin1Char(' ') + last;
    const QString roleText = role ? roleName(*role) : o.value(QStringLiteral("role")).toString();
    const QString person = name.isEmpty() ? roleText : LedgerText::tr("%1, %2", "role, name").arg(roleText, name);
    // On a PostgreSQL server, the login the user was tied to.
    const QString login = o.value(QStringLiteral("login")).toString();
    return login.isEmpty() ? person : LedgerText::tr("%1, database login “%2”", "person, login").arg(person, login);
}

// The login in a user's JSON, and whether anything else differs between two.
QString loginOf(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object().value(QStringLiteral("login")).toString();
}

bool onlyLoginChanged(const QString &before, const QString &after)
{
    QJsonObject b = QJsonDocument::fromJson(before.toUtf8()).object();
    QJsonObject a = QJsonDocument::fromJson(after.toUtf8()).object();
    if (b.isEmpty() || a.isEmpty() || b.value(QStringLiteral("login")) == a.value(QStringLiteral("login")))
        return false;
    b.remove(QStringLiteral("login"));
    a.remove(QStringLiteral("login"));
    return a == b;
}

// A user's teams, as the ledger keeps them ({"main", "additional"}):
// "Main team: Sales; also Support, Ops", or "No team".
QString teamsText(const QString &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    if (o.isEmpty())
        return json;
    const QString main = o.value(QStringLiteral("main")).toString();
    QStringList additional;
    for (const QJsonValue &v : o.value(QStringLiteral("additional")).toArray())
        additional << v.toString();
    QString text = main.isEmpty() ? LedgerText::tr("No main team") : LedgerText::tr("Main team: %1").arg(main);
    if (!additional.isEmpty())
        text = LedgerText::tr("%1; also %2", "main team; additional teams")
                   .arg(text, additional.join(LedgerText::tr(", ", "between team names")));
    return text;
}

QString count(const QString &stored)
{
    bool ok = false;
    const qlonglong n = stored.toLongLong(&ok);
    return ok ? QLocale().toString(n) : stored;
}

QString arrow(const QString &before, const QString &after)
{
    const QString none = LedgerText::tr("—", "no value before or after a change");
    return (before.isEmpty() ? none : before) + QStringLiteral(" → ") + (after.isEmpty() ? none : after);
}

} // namespace

QStringList LedgerText::actions()
{
    return { LedgerAction::UserCreated,      LedgerAction::UserDeleted, LedgerAction::SeatAssigned,
             LedgerAction::SeatRemoved,      LedgerAction::SeatsBought, LedgerAction::SeatsReleased,
             LedgerAction::DatabaseRestored, LedgerAction::UserEdited,  LedgerAction::UserTeamsChanged,
             LedgerAction::TeamCreated,      LedgerAction::TeamRenamed, LedgerAction::TeamDeleted };
}

QString LedgerText::actionName(const QString &action)
{
    if (action == LedgerAction::UserCreated)
        return tr("User created");
    if (action == LedgerAction::UserDeleted)
        return tr("User deleted");
    if (action == LedgerAction::SeatAssigned)
        return tr("Seat assigned");
    if (action == LedgerAction::SeatRemoved)
        return tr("Access removed");
    if (action == LedgerAction::SeatsBought)
        return tr("Seats bought");
    if (action == LedgerAction::SeatsReleased)
        return tr("Seats released");
    if (action == LedgerAction::DatabaseRestored)
        return tr("Database restored");
    if (action == LedgerAction::UserEdited)
        return tr("User edited");
    if (action == LedgerAction::UserTeamsChanged)
        return tr("Teams of a user changed");
    if (action == LedgerAction::TeamCreated)
        return tr("Team created");
    if (action == LedgerAction::TeamRenamed)
        return tr("Team renamed");
    if (action == LedgerAction::TeamDeleted)
        return tr("Team deleted");
    return action;
}

QString LedgerText::what(const LedgerEntry &e)
{
    if (e.action == LedgerAction::UserCreated)
        return tr("Created the user %1").arg(e.subject);
    if (e.action == LedgerAction::UserDeleted)
        return tr("Deleted the user %1").arg(e.subject);
    if (e.action == LedgerAction::SeatAssigned) {
        if (!e.before.isEmpty() && e.before != e.after)
            return tr("Moved %1 from %2 to %3").arg(e.subject, seatName(e.before), seatName(e.after));
        return tr("Assigned %1 to %2").arg(seatName(e.seatType), e.subject);
    }
    if (e.action == LedgerAction::SeatRemoved) {
        const auto type = seatTypeFromKey(e.seatType);
        return tr("Removed the %1 access of %2").arg(type ? productName(productOf(*type)) : e.seatType, e.subject);
    }
    if (e.action == LedgerAction::SeatsBought || e.action == LedgerAction::SeatsReleased) {
        bool known = false;
        const qlonglong n = std::abs(e.after.toLongLong(&known) - e.before.toLongLong());
        if (!known)
            return e.action;
        // %n takes an int; a purchase is at most SeatLedger::MaxSeatsPerPurchase.
        return (e.action == LedgerAction::SeatsBought ? tr("Bought %n %1 seat(s)", nullptr, int(n))
                                                      : tr("Released %n %1 seat(s)", nullptr, int(n)))
            .arg(seatName(e.seatType));
    }
    if (e.action == LedgerAction::DatabaseRestored)
        return tr("Restored the database from the backup %1").arg(e.before);
    if (e.action == LedgerAction::UserEdited) {
        if (onlyLoginChanged(e.before, e.after)) {
            const QString before = loginOf(e.before);
            const QString after = loginOf(e.after);
            if (after.isEmpty())
                return tr("Untied %1 from the database login “%2”").arg(e.subject, before);
            if (before.isEmpty())
                return tr("Tied %1 to the database login “%2”").arg(e.subject, after);
            return tr("Tied %1 to the database login “%2” instead of “%3”").arg(e.subject, after, before);
        }
        return tr("Edited the user %1").arg(e.subject);
    }
    if (e.action == LedgerAction::UserTeamsChanged)
        return tr("Changed the teams of %1").arg(e.subject);
    if (e.action == LedgerAction::TeamCreated)
        return tr("Created the team “%1”").arg(e.after);
    if (e.action == LedgerAction::TeamRenamed)
        return tr("Renamed the team “%1” to “%2”").arg(e.before, e.after);
    if (e.action == LedgerAction::TeamDeleted)
        return tr("Deleted the team “%1”").arg(e.before);
    return e.action;
}

QString LedgerText::change(const LedgerEntry &e)
{
    if (e.action == LedgerAction::UserCreated)
        return arrow({}, personText(e.after));
    if (e.action == LedgerAction::UserDeleted)
        return arrow(personText(e.before), {});
    if (e.action == LedgerAction::UserEdited)
        return arrow(personText(e.before), personText(e.after));
    if (e.action == LedgerAction::UserTeamsChanged)
        return arrow(teamsText(e.before), teamsText(e.after));
    if (e.action == LedgerAction::SeatAssigned || e.action == LedgerAction::SeatRemoved)
        return arrow(e.before.isEmpty() ? QString() : seatName(e.before),
                     e.after.isEmpty() ? QString() : seatName(e.after));
    if (e.action == LedgerAction::SeatsBought || e.action == LedgerAction::SeatsReleased)
        return tr("%1 → %2 purchased").arg(count(e.before), count(e.after));
    if (e.action == LedgerAction::DatabaseRestored)
        return tr("the replaced file is kept as %1").arg(e.after);
    if (e.before.isEmpty() && e.after.isEmpty())
        return {};
    return arrow(e.before, e.after);
}
