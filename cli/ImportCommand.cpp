#include "ImportCommand.h"

#include "DataFiles.h"
#include "ImportPreview.h"
#include "SeatLedger.h"

#include <QJsonArray>
#include <QJsonObject>

namespace {

QJsonObject previewJson(const ImportPreview &p)
{
    QJsonArray problems;
    for (const ImportProblem &problem : p.problems)
        problems.append(
            QJsonObject { { QStringLiteral("line"), problem.line }, { QStringLiteral("message"), problem.message } });
    QJsonArray create;
    for (const ImportRow &row : p.toCreate)
        create.append(row.email);
    QJsonArray change;
    for (const ImportPreview::Change &c : p.toChange)
        change.append(c.before.email);
    QJsonArray seats;
    for (SeatType type : allSeatTypes())
        seats.append(QJsonObject { { QStringLiteral("type"), seatTypeKey(type) },
                                   { QStringLiteral("needed"), p.needed[seatTypeIndex(type)] },
                                   { QStringLiteral("free"), p.free[seatTypeIndex(type)] },
                                   { QStringLiteral("to_buy"), p.toBuy(type) } });
    return { { QStringLiteral("problems"), problems },
             { QStringLiteral("create"), create },
             { QStringLiteral("change"), change },
             { QStringLiteral("unchanged"), p.unchanged },
             { QStringLiteral("teams_to_create"), QJsonArray::fromStringList(p.teamsToCreate) },
             { QStringLiteral("seats"), seats } };
}

} // namespace

bool ImportCommand::needsOperator(const QStringList &) const
{
    return true;
}

std::optional<int> ImportCommand::prepare(CommandContext &context)
{
    if (context.words.size() != 3 || context.words.at(1) != QLatin1String("users"))
        return context.output.usage(tr("Usage: import users FILE [--dry-run]"));
    if (context.outputFile || context.forExcel)
        return context.output.usage(tr("--output and --for-excel go with export."));
    auto bytes = DataFiles::read(context.words.at(2), context.database, Csv::MaxBytes);
    if (!bytes)
        return context.output.usage(bytes.error().message);
    auto file = UserCsv::read(bytes.value());
    if (!file)
        return context.output.fail(file.error());
    m_file = file.takeValue();
    return std::nullopt;
}

int ImportCommand::run(CommandContext &context)
{
    Output &output = context.output;
    if (context.dryRun) {
        auto preview = context.ledger->previewImport(m_file);
        if (!preview)
            return output.fail(preview.error());
        const ImportPreview &p = preview.value();
        const QString text = ImportPlanner::summary(p);
        if (!p.canImport()) {
            // The whole preview, then the refusal (exit 1).
            if (!output.json())
                output.out() << text << '\n' << Qt::flush;
            return output.fail(
                Error { p.problems.isEmpty() ? ErrorKind::NoFreeSeat : ErrorKind::Invalid, ImportPlanner::refusal(p) });
        }
        return output.done(text, { { QStringLiteral("preview"), previewJson(p) } });
    }
    auto done = context.ledger->importUsers(m_file);
    if (!done)
        return output.fail(done.error());
    return output.done(
        tr("Imported: %n user(s) created", nullptr, done.value().created)
            + tr(", %n changed.", nullptr, done.value().changed),
        { { QStringLiteral("created"), done.value().created }, { QStringLiteral("changed"), done.value().changed } });
}
