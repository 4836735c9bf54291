#include "SeatsCommand.h"

#include "Formats.h"
#include "SeatLedger.h"

#include <limits>
#include <QJsonArray>
#include <QRegularExpression>

bool SeatsCommand::needsOperator(const QStringList &words) const
{
    return !(words.size() >= 2 && words.at(1) == QLatin1String("list"));
}

int SeatsCommand::run(CommandContext &context)
{
    const QStringList &words = context.words;
    const QString sub = words.value(1);
    if (sub == QLatin1String("list") && words.size() == 2)
        return list(context);
    if ((sub == QLatin1String("buy") || sub == QLatin1String("release")) && words.size() == 4)
        return buyOrRelease(context, sub == QLatin1String("buy"));
    return context.output.usage(tr("Usage: seats list | seats buy TYPE N | seats release TYPE N"));
}

int SeatsCommand::list(CommandContext &context)
{
    auto counts = context.ledger->seatCounts();
    if (!counts)
        return context.output.fail(counts.error());
    QJsonArray array;
    for (const SeatCount &c : counts.value())
        array.append(Formats::seatCountJson(c));
    const QVector<SeatCount> all(counts.value().begin(), counts.value().end());
    return context.output.done(Formats::seatCountsTable(all), { { QStringLiteral("seats"), array } });
}

int SeatsCommand::buyOrRelease(CommandContext &context, bool buying)
{
    Output &output = context.output;
    const QStringList &words = context.words;
    const auto type = seatTypeFromKey(words.at(2));
    if (!type)
        return output.usage(tr("Unknown seat type “%1”.").arg(words.at(2)));
    // A whole number, however large or negative, is a count the ledger judges
    // (exit 1, with the range); anything else is not a count at all (exit 2).
    static const QRegularExpression wholeNumber(QStringLiteral("^[+-]?[0-9]+$"));
    const QString given = words.at(3).trimmed();
    if (!wholeNumber.match(given).hasMatch())
        return output.usage(tr("“%1” is not a number of seats.").arg(words.at(3)));
    bool fits = false;
    const qlonglong asked = given.toLongLong(&fits);
    const int count = !fits || asked > std::numeric_limits<int>::max() ? std::numeric_limits<int>::max()
        : asked < std::numeric_limits<int>::min()                      ? std::numeric_limits<int>::min()
                                                                       : int(asked);
    SeatLedger &ledger = *context.ledger;
    const Status s = buying ? ledger.buySeats(*type, count) : ledger.releaseSeats(*type, count);
    if (!s)
        return output.fail(s.error());
    auto counts = ledger.seatCounts();
    if (!counts)
        return output.fail(counts.error());
    const SeatCount c = counts.value()[seatTypeIndex(*type)];
    const QString what = buying ? tr("Bought %n %1 seat(s)", nullptr, count).arg(seatTypeName(*type))
                                : tr("Released %n %1 seat(s)", nullptr, count).arg(seatTypeName(*type));
    return output.done(tr("%1: %2 purchased, %3 assigned.").arg(what).arg(c.purchased).arg(c.assigned),
                       Formats::seatCountJson(c));
}
