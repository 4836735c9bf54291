#include "TeamsCommand.h"

#include "Formats.h"
#include "SeatLedger.h"
#include "Validation.h"

#include <optional>
#include <QJsonArray>

bool TeamsCommand::needsOperator(const QStringList &words) const
{
    return !(words.size() >= 2 && words.at(1) == QLatin1String("list"));
}

int TeamsCommand::run(CommandContext &context)
{
    const QStringList &words = context.words;
    const QString sub = words.value(1);
    if (sub == QLatin1String("list") && words.size() == 2)
        return list(context);
    if (sub == QLatin1String("add") && words.size() == 3)
        return add(context);
    if (sub == QLatin1String("rename") && words.size() == 4)
        return rename(context);
    if (sub == QLatin1String("delete") && words.size() == 3)
        return remove(context);
    return context.output.usage(tr("Usage: teams list | teams add NAME | teams rename NAME NEW | teams delete NAME"));
}

int TeamsCommand::list(CommandContext &context)
{
    auto teams = context.ledger->teams();
    if (!teams)
        return context.output.fail(teams.error());
    QJsonArray array;
    for (const Team &t : teams.value())
        array.append(Formats::teamJson(t));
    return context.output.done(Formats::teamsTable(teams.value()), { { QStringLiteral("teams"), array } });
}

int TeamsCommand::add(CommandContext &context)
{
    auto created = context.ledger->createTeam(context.words.at(2));
    if (!created)
        return context.output.fail(created.error());
    return context.output.done(tr("Created the team “%1”.").arg(created.value().name),
                               { { QStringLiteral("team"), Formats::teamJson(created.value()) } });
}

namespace {

// The team as stored, for messages that name it as the window shows it.
std::optional<Team> storedTeam(const SeatLedger &ledger, const QString &name)
{
    if (auto teams = ledger.teams()) {
        for (const Team &t : teams.value()) {
            if (Validation::teamKey(t.name) == Validation::teamKey(name.trimmed()))
                return t;
        }
    }
    return std::nullopt;
}

} // namespace

int TeamsCommand::rename(CommandContext &context)
{
    const std::optional<Team> before = storedTeam(*context.ledger, context.words.at(2));
    if (auto renamed = context.ledger->renameTeam(context.words.at(2), context.words.at(3)); !renamed)
        return context.output.fail(renamed.error());
    const QString to = context.words.at(3).trimmed();
    return context.output.done(
        tr("Renamed the team “%1” to “%2”.").arg(before ? before->name : context.words.at(2), to),
        { { QStringLiteral("team"), Formats::teamJson(storedTeam(*context.ledger, to).value_or(Team { 0, to, 0 })) } });
}

int TeamsCommand::remove(CommandContext &context)
{
    // Its members are left without it: say how many, as the window does.
    const std::optional<Team> team = storedTeam(*context.ledger, context.words.at(2));
    if (auto deleted = context.ledger->deleteTeam(context.words.at(2)); !deleted)
        return context.output.fail(deleted.error());
    const int members = team ? team->members : 0;
    return context.output.done(tr("Deleted the team “%1”; %n member(s) left it.", nullptr, members)
                                   .arg(team ? team->name : context.words.at(2)),
                               { { QStringLiteral("members"), members } });
}
