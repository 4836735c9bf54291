// R14 (teams) and the edits of a user's name and role (R5), as SeatLedger
// changes: checked, applied in one write transaction and ledgered in it.

#include "InputText.h"
#include "LedgerRules.h"
#include "SeatLedger.h"
#include "Validation.h"

using LedgerRules::refused;
using LedgerRules::teamsJson;
using LedgerRules::userJson;

namespace {

bool sameTeam(const QString &a, const QString &b)
{
    return Validation::teamKey(a) == Validation::teamKey(b);
}

qsizetype indexOfTeam(const QStringList &teams, const QString &name)
{
    for (qsizetype i = 0; i < teams.size(); ++i) {
        if (sameTeam(teams.at(i), name))
            return i;
    }
    return -1;
}

} // namespace

Result<QVector<Team>> SeatLedger::teams() const
{
    return m_store->teams();
}

Result<Team> SeatLedger::createTeam(const QString &name)
{
    if (Status s = Validation::checkTeamName(name); !s)
        return s.error();
    const QString trimmed = name.trimmed();
    Team created;
    auto made = change([&](StoreTransaction &tx, Role) -> Status {
        if (auto existing = m_store->findTeam(trimmed); existing)
            return Error { ErrorKind::Duplicate,
                           tr("A team named “%1” already exists.").arg(InputText::escaped(existing.value().name)) };
        else if (existing.error().kind != ErrorKind::NotFound)
            return existing.error();
        auto id = m_store->insertTeam(trimmed);
        if (!id)
            return id.error();
        created = Team { id.value(), trimmed, 0 };
        return tx.append({ LedgerAction::TeamCreated, {}, {}, {}, trimmed });
    });
    if (!made)
        return made.error();
    return created;
}

Result<qint64> SeatLedger::renameTeam(const QString &name, const QString &newName)
{
    if (Status s = Validation::checkTeamName(newName); !s)
        return s.error();
    const QString trimmed = newName.trimmed();
    return change([&](StoreTransaction &tx, Role) -> Status {
        auto team = m_store->findTeam(name);
        if (!team)
            return team.error();
        if (team.value().name == trimmed)
            return {}; // nothing to change
        if (!sameTeam(team.value().name, trimmed)) {
            if (auto other = m_store->findTeam(trimmed); other)
                return Error { ErrorKind::Duplicate,
                               tr("A team named “%1” already exists.").arg(InputText::escaped(other.value().name)) };
            else if (other.error().kind != ErrorKind::NotFound)
                return other.error();
        }
        if (Status s = m_store->renameTeam(team.value().id, trimmed); !s)
            return s;
        return tx.append({ LedgerAction::TeamRenamed, {}, {}, team.value().name, trimmed });
    });
}

Result<qint64> SeatLedger::deleteTeam(const QString &name, const std::optional<QString> &moveMembersTo)
{
    return change([&](StoreTransaction &tx, Role) -> Status {
        auto team = m_store->findTeam(name);
        if (!team)
            return team.error();
        const QString gone = team.value().name;
        QString target;
        if (moveMembersTo) {
            auto to = m_store->findTeam(*moveMembersTo);
            if (!to)
                return to.error();
            if (to.value().id == team.value().id)
                return Error {
                    ErrorKind::Invalid,
                    tr("The members of “%1” cannot be moved to the team being deleted.").arg(InputText::escaped(gone))
                };
            target = to.value().name;
        }
        auto members = m_store->teamMembers(team.value().id);
        if (!members)
            return members.error();
        for (const QString &email : members.value()) {
            auto member = m_store->user(email);
            if (!member)
                return member.error();
            const User &u = member.value();
            QString main = u.mainTeam;
            QStringList additional = u.additionalTeams;
            const bool wasMain = sameTeam(main, gone);
            if (wasMain)
                main.clear();
            if (const qsizetype at = indexOfTeam(additional, gone); at >= 0)
                additional.removeAt(at);
            if (!target.isEmpty()) {
                if (wasMain) {
                    main = target;
                    if (const qsizetype at = indexOfTeam(additional, target); at >= 0)
                        additional.removeAt(at);
                } else if (!sameTeam(main, target) && indexOfTeam(additional, target) < 0) {
                    additional.append(target);
                }
            }
            if (Status s = setTeams(tx, u, main, additional); !s)
                return s;
        }
        if (Status s = m_store->deleteTeam(team.value().id); !s)
            return s;
        return tx.append({ LedgerAction::TeamDeleted, {}, {}, gone, {} });
    });
}

Result<qint64> SeatLedger::editUser(const QString &email, const UserEdit &edit)
{
    if (edit.firstName) {
        if (Status s = Validation::checkName(*edit.firstName, Validation::NamePart::First); !s)
            return s.error();
    }
    if (edit.lastName) {
        if (Status s = Validation::checkName(*edit.lastName, Validation::NamePart::Last); !s)
            return s.error();
    }
    for (const QString &added : edit.addTeams) {
        if (indexOfTeam(edit.removeTeams, added) >= 0)
            return Error { ErrorKind::Invalid,
                           tr("The team “%1” is both to join and to leave.").arg(InputText::escaped(added)) };
    }
    if (edit.login) {
        if (m_store->login().isEmpty())
            return Error { ErrorKind::Invalid,
                           tr("Only a user of a database on a PostgreSQL server can be tied to a login.") };
        if (edit.login->toUtf8().size() > 63 || edit.login->contains(QChar(0)))
            return Error { ErrorKind::Invalid, tr("“%1” cannot be a PostgreSQL login.").arg(*edit.login) };
    }
    return change([&](StoreTransaction &tx, Role actorRole) -> Status {
        auto stored = m_store->user(email);
        if (!stored)
            return stored.error();
        const User &current = stored.value();

        // Name and role.
        const QString first = edit.firstName.value_or(current.firstName);
        const QString last = edit.lastName.value_or(current.lastName);
        const Role role = edit.role.value_or(current.role);
        if (role != current.role) {
            // R5: only a Super admin makes or unmakes one.
            if ((role == Role::SuperAdmin || current.role == Role::SuperAdmin) && actorRole != Role::SuperAdmin)
                return Error { ErrorKind::NotAuthorized, tr("Only a Super admin can make or unmake a Super admin.") };
            if (current.role == Role::SuperAdmin) {
                auto supers = m_store->superAdmins();
                if (!supers)
                    return supers.error();
                if (supers.value().size() <= 1)
                    return refused(tr("%1 is the only Super admin: their role cannot change. Make another user "
                                      "Super admin first.")
                                       .arg(current.email));
            }
        }
        // On a server the operator is the login, and a login writes only as
        // an Admin or a Super admin: made a User, its own change could not be
        // written.
        if (role == Role::User && current.role != Role::User && !current.login.isEmpty()
            && Validation::emailKey(current.email) == Validation::emailKey(m_actor))
            return refused(tr("You cannot make yourself a User on a server: your login writes the change, and a "
                              "User's login writes nothing. Ask another Admin or a Super admin."));
        // The login (PostgreSQL): the operator is the login, so only a Super
        // admin moves one, and never their own — the change would leave the
        // login writing it tied to nobody (the server refuses both anyway).
        const QString login = edit.login.value_or(current.login);
        if (login != current.login) {
            if (actorRole != Role::SuperAdmin)
                return Error { ErrorKind::NotAuthorized,
                               tr("Only a Super admin can tie a user to a login, change it or untie it.") };
            if (Validation::emailKey(current.email) == Validation::emailKey(m_actor))
                return refused(tr("You cannot change or untie your own login: this window or seatctl acts through "
                                  "it. Ask another Super admin."));
        }
        const bool detailsChanged = first != current.firstName || last != current.lastName || role != current.role;
        if (detailsChanged || login != current.login) {
            if (detailsChanged) {
                if (Status s = m_store->updateUser(current.id, first, last, role); !s)
                    return s;
            }
            if (login != current.login) {
                if (Status s = m_store->setUserLogin(current.id, login); !s)
                    return s;
            }
            if (Status s = tx.append({ LedgerAction::UserEdited,
                                       current.email,
                                       {},
                                       userJson(current.firstName, current.lastName, current.role, current.login),
                                       userJson(first, last, role, login) });
                !s)
                return s;
        }

        // Teams: the main team first, then what is left and what is joined.
        QString main = current.mainTeam;
        QStringList additional = current.additionalTeams;
        const auto named = [this](const QString &name) {
            return m_store->findTeam(name);
        };
        if (edit.mainTeam) {
            if (edit.mainTeam->trimmed().isEmpty()) {
                main.clear();
            } else {
                auto team = named(*edit.mainTeam);
                if (!team)
                    return team.error();
                main = team.value().name;
                if (const qsizetype at = indexOfTeam(additional, main); at >= 0)
                    additional.removeAt(at);
            }
        }
        for (const QString &name : edit.removeTeams) {
            auto team = named(name);
            if (!team)
                return team.error();
            if (!main.isEmpty() && sameTeam(main, team.value().name))
                main.clear();
            else if (const qsizetype at = indexOfTeam(additional, team.value().name); at >= 0)
                additional.removeAt(at);
            else
                return refused(
                    tr("%1 is not in the team “%2”.").arg(current.email, InputText::escaped(team.value().name)));
        }
        for (const QString &name : edit.addTeams) {
            auto team = named(name);
            if (!team)
                return team.error();
            if (!main.isEmpty() && sameTeam(main, team.value().name))
                return refused(tr("“%1” is the main team of %2; a team is either their main team or an "
                                  "additional one.")
                                   .arg(InputText::escaped(team.value().name), current.email));
            if (indexOfTeam(additional, team.value().name) < 0)
                additional.append(team.value().name);
        }
        return setTeams(tx, current, main, additional);
    });
}

Result<qint64> SeatLedger::setMainTeam(const QStringList &emails, const QString &team)
{
    return change([&](StoreTransaction &tx, Role) -> Status {
        QString main;
        if (!team.trimmed().isEmpty()) {
            auto found = m_store->findTeam(team);
            if (!found)
                return found.error();
            main = found.value().name;
        }
        for (const QString &email : emails) {
            auto stored = m_store->user(email);
            if (!stored)
                return stored.error();
            QStringList additional = stored.value().additionalTeams;
            if (!main.isEmpty()) {
                if (const qsizetype at = indexOfTeam(additional, main); at >= 0)
                    additional.removeAt(at);
            }
            if (Status s = setTeams(tx, stored.value(), main, additional); !s)
                return s;
        }
        return {};
    });
}

Status SeatLedger::setTeams(StoreTransaction &tx, const User &user, const QString &mainTeam,
                            const QStringList &additionalTeams)
{
    QStringList sorted = additionalTeams;
    std::sort(sorted.begin(), sorted.end(),
              [](const QString &a, const QString &b) { return Validation::teamKey(a) < Validation::teamKey(b); });
    if (mainTeam == user.mainTeam && sorted == user.additionalTeams)
        return {};
    qint64 mainId = 0;
    if (!mainTeam.isEmpty()) {
        auto team = m_store->findTeam(mainTeam);
        if (!team)
            return team.error();
        mainId = team.value().id;
    }
    QVector<qint64> ids;
    for (const QString &name : sorted) {
        auto team = m_store->findTeam(name);
        if (!team)
            return team.error();
        ids.append(team.value().id);
    }
    if (Status s = m_store->setUserTeams(user.id, mainId, ids); !s)
        return s;
    return tx.append({ LedgerAction::UserTeamsChanged,
                       user.email,
                       {},
                       teamsJson(user.mainTeam, user.additionalTeams),
                       teamsJson(mainTeam, sorted) });
}
