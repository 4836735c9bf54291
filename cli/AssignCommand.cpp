#include "AssignCommand.h"

#include "SeatLedger.h"

int AssignCommand::run(CommandContext &context)
{
    Output &output = context.output;
    const QStringList &words = context.words;
    if (words.size() != 3)
        return output.usage(tr("Usage: assign EMAIL TYPE"));
    const auto type = seatTypeFromKey(words.at(2));
    if (!type)
        return output.usage(tr("Unknown seat type “%1”.").arg(words.at(2)));
    if (Status s = context.ledger->assignSeat(words.at(1), *type); !s)
        return output.fail(s.error());
    return output.done(tr("Assigned a %1 seat to %2.").arg(seatTypeName(*type), words.at(1)));
}
