#include "UnassignCommand.h"

#include "SeatLedger.h"

int UnassignCommand::run(CommandContext &context)
{
    Output &output = context.output;
    const QStringList &words = context.words;
    if (words.size() != 3)
        return output.usage(tr("Usage: unassign EMAIL PRODUCT"));
    const auto product = productFromKey(words.at(2));
    if (!product)
        return output.usage(tr("Unknown product “%1”; expected sales or service.").arg(words.at(2)));
    if (Status s = context.ledger->removeSeat(words.at(1), *product); !s)
        return output.fail(s.error());
    return output.done(tr("Removed the %1 access of %2.").arg(productName(*product), words.at(1)));
}
