// Importing users from a file (R15): the preview decided inside the write
// transaction, over what storage holds then, and applied whole or not at all.

#include "ImportPreview.h"
#include "LedgerRules.h"
#include "SeatLedger.h"
#include "SeatStore.h"
#include "Validation.h"

#include <QHash>

using LedgerRules::userJson;

Result<ImportPreview> SeatLedger::previewImport(const ImportFile &file) const
{
    auto users = m_store->users();
    if (!users)
        return users.error();
    auto counts = m_store->seatCounts();
    if (!counts)
        return counts.error();
    auto teams = m_store->teams();
    if (!teams)
        return teams.error();
    Role role = Role::User;
    if (!m_actor.isEmpty()) {
        if (auto actor = findHeld(m_actor))
            role = actor.value().role;
    }
    return ImportPlanner::preview(file, users.value().users, teams.value(), counts.value(), role);
}

Result<SeatLedger::ImportDone> SeatLedger::importUsers(const ImportFile &file, const ImportProgress &progress)
{
    // The users are read in one snapshot before the write transaction (a read
    // cannot nest in it); inside, the revision says whether that snapshot is
    // still what storage holds. If another change came in between, read again.
    for (int attempt = 0;; ++attempt) {
        auto users = m_store->users();
        if (!users)
            return users.error();
        bool stale = false;
        auto done = importOver(file, users.value(), progress, stale);
        if (done || !stale || attempt == 4)
            return done;
    }
}

Result<SeatLedger::ImportDone> SeatLedger::importOver(const ImportFile &file, const UsersAtRevision &users,
                                                      const ImportProgress &progress, bool &stale)
{
    ImportDone done;
    auto made = change([&](StoreTransaction &tx, Role actorRole) -> Status {
        auto revision = m_store->revision();
        if (!revision)
            return revision.error();
        if (revision.value() != users.revision) {
            stale = true;
            return Error {
                ErrorKind::Conflict,
                tr("Another admin kept changing users during the import; nothing was imported. Try again.")
            };
        }
        auto counts = m_store->seatCounts();
        if (!counts)
            return counts.error();
        auto teams = m_store->teams();
        if (!teams)
            return teams.error();
        const ImportPreview preview
            = ImportPlanner::preview(file, users.users, teams.value(), counts.value(), actorRole);
        if (!preview.problems.isEmpty())
            return Error { ErrorKind::Invalid, ImportPlanner::refusal(preview) };
        if (preview.short_())
            return Error { ErrorKind::NoFreeSeat, ImportPlanner::refusal(preview) };

        const int total = int(preview.toCreate.size() + preview.toChange.size());
        int step = 0;
        const auto stillWanted = [&]() {
            ++step;
            return !progress || step % 1000 != 0 || progress(step, total);
        };
        const Error cancelled { ErrorKind::Refused, tr("The import was cancelled; nothing was changed.") };

        // Teams the file names that do not exist yet, ledgered as createTeam does (R14).
        QHash<QString, QString> teamNames;
        for (const Team &team : teams.value())
            teamNames.insert(Validation::teamKey(team.name), team.name);
        for (const QString &name : preview.teamsToCreate) {
            if (auto id = m_store->insertTeam(name); !id)
                return id.error();
            if (Status s = tx.append({ LedgerAction::TeamCreated, {}, {}, {}, name }); !s)
                return s;
            teamNames.insert(Validation::teamKey(name), name);
        }

        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVector<SeatEdit> edits;
        edits.reserve(total);
        for (const ImportRow &row : preview.toCreate) {
            if (!stillWanted())
                return cancelled;
            User u;
            u.email = row.email;
            u.firstName = row.firstName;
            u.lastName = row.lastName;
            u.role = row.role.value_or(Role::User);
            u.createdAt = now;
            auto id = m_store->insertUser(u);
            if (!id)
                return id.error();
            if (Status s
                = tx.append({ LedgerAction::UserCreated, u.email, {}, {}, userJson(u.firstName, u.lastName, u.role) });
                !s)
                return s;
            u.id = id.value();
            const auto [main, additional] = ImportPlanner::teamsAfter(row, u, teamNames);
            if (Status s = setTeams(tx, u, main, additional); !s)
                return s;
            for (Product product : allProducts()) {
                if (const auto seat = row.seat(product); seat && *seat)
                    edits.append(SeatEdit { id.value(), u.email, product, std::nullopt, *seat });
            }
        }
        for (const ImportPreview::Change &c : preview.toChange) {
            if (!stillWanted())
                return cancelled;
            const auto [main, additional] = ImportPlanner::teamsAfter(c.row, c.before, teamNames);
            if (Status s = setTeams(tx, c.before, main, additional); !s)
                return s;
            for (Product product : allProducts()) {
                const auto seat = c.row.seat(product);
                if (seat && *seat != c.before.seat(product))
                    edits.append(SeatEdit { c.before.id, c.before.email, product, c.before.seat(product), *seat });
            }
        }
        if (progress && !progress(total, total))
            return cancelled;
        done.created = int(preview.toCreate.size());
        done.changed = int(preview.toChange.size());
        return applyEditsInTransaction(edits, tx, Froms::ReadInThisTransaction);
    });
    if (!made)
        return made.error();
    done.revision = made.value();
    return done;
}
