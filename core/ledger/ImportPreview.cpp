#include "ImportPreview.h"

#include "InputText.h"
#include "Validation.h"

#include <algorithm>
#include <QHash>

namespace {

QStringList teamKeys(const QStringList &names)
{
    QStringList keys;
    for (const QString &name : names)
        keys << Validation::teamKey(name);
    keys.sort();
    return keys;
}

} // namespace

std::pair<QString, QStringList> ImportPlanner::teamsAfter(const ImportRow &row, const User &before,
                                                          const QHash<QString, QString> &teamNames)
{
    const auto spelt = [&](const QString &name) {
        return teamNames.value(Validation::teamKey(name), name);
    };
    QString main = row.hasMainTeam ? (row.mainTeam.isEmpty() ? QString() : spelt(row.mainTeam)) : before.mainTeam;
    QStringList additional;
    for (const QString &name : row.hasAdditionalTeams ? row.additionalTeams : before.additionalTeams) {
        if (main.isEmpty() || Validation::teamKey(name) != Validation::teamKey(main))
            additional << spelt(name);
    }
    return { main, additional };
}

ImportPreview ImportPlanner::preview(const ImportFile &file, const QVector<User> &users, const QVector<Team> &teams,
                                     const std::array<SeatCount, SeatTypeCount> &counts, Role operatorRole)
{
    ImportPreview p;
    QHash<QString, QString> teamNames;
    for (const Team &team : teams)
        teamNames.insert(Validation::teamKey(team.name), team.name);
    const auto noteTeams = [&](const ImportRow &row) {
        QStringList names = row.additionalTeams;
        if (!row.mainTeam.isEmpty())
            names.prepend(row.mainTeam);
        for (const QString &name : names) {
            const QString key = Validation::teamKey(name);
            if (!teamNames.contains(key)) {
                teamNames.insert(key, name);
                p.teamsToCreate << name;
            }
        }
    };
    p.problems = file.problems;
    for (SeatType type : allSeatTypes())
        p.free[seatTypeIndex(type)] = counts[seatTypeIndex(type)].free();

    QHash<QString, qsizetype> byKey;
    byKey.reserve(users.size());
    for (qsizetype i = 0; i < users.size(); ++i)
        byKey.insert(Validation::emailKey(users.at(i).email), i);

    for (const ImportRow &row : file.rows) {
        const auto found = byKey.constFind(Validation::emailKey(row.email));
        if (found == byKey.constEnd()) {
            if (row.role == Role::SuperAdmin && operatorRole != Role::SuperAdmin) {
                p.problems.append(
                    { row.line,
                      tr("Line %1: %2").arg(row.line).arg(tr("only a Super admin can create another Super admin.")) });
                continue;
            }
            for (Product product : allProducts()) {
                if (const auto seat = row.seat(product); seat && *seat)
                    ++p.needed[seatTypeIndex(**seat)];
            }
            noteTeams(row);
            p.toCreate.append(row);
            continue;
        }
        const User &before = users.at(found.value());
        bool changes = false;
        for (Product product : allProducts()) {
            const auto seat = row.seat(product);
            if (!seat || *seat == before.seat(product))
                continue;
            changes = true;
            if (const auto from = before.seat(product))
                --p.needed[seatTypeIndex(*from)];
            if (*seat)
                ++p.needed[seatTypeIndex(**seat)];
        }
        const auto [main, additional] = teamsAfter(row, before, teamNames);
        if (Validation::teamKey(main) != Validation::teamKey(before.mainTeam)
            || teamKeys(additional) != teamKeys(before.additionalTeams))
            changes = true;
        if (changes) {
            noteTeams(row);
            p.toChange.append({ row, before });
        } else
            ++p.unchanged;
    }
    std::sort(p.teamsToCreate.begin(), p.teamsToCreate.end(),
              [](const QString &a, const QString &b) { return Validation::teamKey(a) < Validation::teamKey(b); });
    std::stable_sort(p.problems.begin(), p.problems.end(),
                     [](const ImportProblem &a, const ImportProblem &b) { return a.line < b.line; });
    return p;
}

QString ImportPlanner::summary(const ImportPreview &p)
{
    QStringList lines;
    if (!p.problems.isEmpty()) {
        lines << tr("%n bad row(s); nothing will be imported until they are fixed:", nullptr, int(p.problems.size()));
        for (const ImportProblem &problem : p.problems)
            lines << QStringLiteral("  ") + problem.message;
    }
    if (!p.teamsToCreate.isEmpty()) {
        QStringList names;
        for (const QString &name : p.teamsToCreate)
            names << InputText::escaped(name);
        lines << tr("Teams to create: %1.").arg(names.join(QStringLiteral(", ")));
    }
    lines << tr("%n user(s) to create.", nullptr, int(p.toCreate.size()));
    lines << tr("%n user(s) to change.", nullptr, int(p.toChange.size()));
    if (p.unchanged > 0)
        lines << tr("%n user(s) already as in the file.", nullptr, p.unchanged);
    bool anySeat = false;
    for (SeatType type : allSeatTypes()) {
        const int needed = p.needed[seatTypeIndex(type)];
        if (needed <= 0)
            continue;
        if (!anySeat)
            lines << tr("Seats:");
        anySeat = true;
        QString line
            = tr("  %1: %2 needed, %3 free.").arg(seatTypeName(type)).arg(needed).arg(p.free[seatTypeIndex(type)]);
        if (const int buy = p.toBuy(type))
            line += QLatin1Char(' ') + tr("Buy %n.", nullptr, buy);
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

QString ImportPlanner::refusal(const ImportPreview &p)
{
    if (!p.problems.isEmpty()) {
        QStringList lines;
        lines << tr("%n bad row(s); nothing was imported.", nullptr, int(p.problems.size()));
        for (qsizetype i = 0; i < std::min<qsizetype>(p.problems.size(), 20); ++i)
            lines << p.problems.at(i).message;
        if (p.problems.size() > 20)
            lines << tr("… and %n more.", nullptr, int(p.problems.size() - 20));
        return lines.join(QLatin1Char('\n'));
    }
    QStringList lines;
    lines << tr("Not enough seats; nothing was imported.");
    for (SeatType type : allSeatTypes()) {
        if (const int buy = p.toBuy(type))
            lines << tr("%1: %2 needed, %3 free. Buy %n more.", nullptr, buy)
                         .arg(seatTypeName(type))
                         .arg(p.needed[seatTypeIndex(type)])
                         .arg(p.free[seatTypeIndex(type)]);
    }
    return lines.join(QLatin1Char('\n'));
}
