#pragma once

// What the rules of the seat ledger share between their source files: the one
// way a change is made, and the shapes of their messages. Internal to core/ledger/.

#include "SeatLedger.h"
#include "SeatStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace LedgerRules {

inline Error refused(const QString &message)
{
    return Error { ErrorKind::Refused, message };
}

// Who a user is, as the ledger keeps it (user-created after, user-deleted before).
// On a server, the login the user was tied to as well.
inline QString userJson(const QString &first, const QString &last, Role role, const QString &login = {})
{
    QJsonObject o { { QStringLiteral("first"), first },
                    { QStringLiteral("last"), last },
                    { QStringLiteral("role"), roleKey(role) } };
    if (!login.isEmpty())
        o.insert(QStringLiteral("login"), login);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// A user's teams, as the ledger keeps them (user-teams-changed before and after).
inline QString teamsJson(const QString &mainTeam, const QStringList &additionalTeams)
{
    const QJsonObject o { { QStringLiteral("main"), mainTeam },
                          { QStringLiteral("additional"), QJsonArray::fromStringList(additionalTeams) } };
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

inline QString optionalKey(const std::optional<SeatType> &type)
{
    return type ? seatTypeKey(*type) : QStringLiteral("");
}

} // namespace LedgerRules

template<typename Body> Result<qint64> SeatLedger::change(Body body)
{
    auto tx = m_store->beginWrite(m_actor);
    if (!tx) {
        // A server that lets only Admins' logins write refuses the others at
        // once: the reason in the ledger's own words (a User, a login tied to
        // nobody) when it has one.
        if (tx.error().kind == ErrorKind::NotAuthorized) {
            if (auto role = requireAdmin(); !role)
                return role.error();
        }
        return tx.error();
    }
    auto role = requireAdmin();
    if (!role)
        return role.error();
    if (Status s = body(*tx.value(), role.value()); !s)
        return s.error();
    auto revision = tx.value()->commit();
    if (revision) {
        m_lastChange = revision.value();
        m_lastChangePosition = tx.value()->lastEntryId();
    }
    return revision;
}
