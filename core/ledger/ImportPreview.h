#pragma once

#include "Role.h"
#include "SeatType.h"
#include "Team.h"
#include "User.h"
#include "UserCsv.h"

#include <array>
#include <optional>
#include <QCoreApplication>
#include <QHash>
#include <QStringList>
#include <QVector>

// What an import would do, computed from the file and the database's users
// and seat counts and nothing else: pure data, so that seatctl's --dry-run,
// the window's Preview and the import itself (inside its transaction) all
// decide the same way (R15).
struct ImportPreview
{
    // A user of the file who exists already: only their seats and teams
    // follow the file (names and role stay as they are).
    struct Change
    {
        ImportRow row;
        User before;
    };

    QVector<ImportProblem> problems; // every bad row, in line order
    QStringList teamsToCreate; // named by the file and not in the database yet, in name order
    QVector<ImportRow> toCreate;
    QVector<Change> toChange;
    int unchanged = 0; // existing users whose seats already are what the file says
    // Per seat type (R1 order): how many more the file would assign, net, and how many are free now.
    std::array<int, SeatTypeCount> needed {};
    std::array<int, SeatTypeCount> free {};

    int toBuy(SeatType type) const { return std::max(0, needed[seatTypeIndex(type)] - free[seatTypeIndex(type)]); }
    bool short_() const
    {
        for (SeatType type : allSeatTypes())
            if (toBuy(type) > 0)
                return true;
        return false;
    }
    // Nothing stands in the way: no bad row and enough seats of every type.
    bool canImport() const { return problems.isEmpty() && !short_(); }
};

class ImportPlanner
{
    Q_DECLARE_TR_FUNCTIONS(ImportPlanner)

public:
    // `operatorRole`: who imports (a row that creates a Super admin needs a Super admin).
    static ImportPreview preview(const ImportFile &file, const QVector<User> &users, const QVector<Team> &teams,
                                 const std::array<SeatCount, SeatTypeCount> &counts, Role operatorRole);
    // The main team and additional teams `before` has once `row` is imported,
    // spelt as `teamNames` (team key → name) spells them, or as the file does.
    static std::pair<QString, QStringList> teamsAfter(const ImportRow &row, const User &before,
                                                      const QHash<QString, QString> &teamNames);
    // The preview as text: bad rows, users to create and change, seats needed
    // against those free with what to buy. What `seatctl import --dry-run` prints.
    static QString summary(const ImportPreview &preview);
    // Why an import cannot go ahead, in one message (its first bad rows, or the seats to buy).
    static QString refusal(const ImportPreview &preview);
};
