#include "LedgerCommand.h"

#include "Formats.h"
#include "SeatLedger.h"

#include <QJsonArray>

bool LedgerCommand::needsOperator(const QStringList &) const
{
    return false;
}

int LedgerCommand::run(CommandContext &context)
{
    Output &output = context.output;
    if (context.words.size() != 1)
        return output.usage(tr("ledger takes no arguments."));
    auto entries = context.ledger->entries();
    if (!entries)
        return output.fail(entries.error());
    QJsonArray array;
    for (const LedgerEntry &e : entries.value())
        array.append(Formats::ledgerEntryJson(e));
    return output.done(Formats::ledgerTable(entries.value()), { { QStringLiteral("ledger"), array } });
}
