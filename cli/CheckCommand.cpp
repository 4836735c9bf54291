#include "CheckCommand.h"

#include "InputText.h"
#include "SeatLedger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

bool CheckCommand::needsOperator(const QStringList &) const
{
    return false;
}

int CheckCommand::run(CommandContext &context)
{
    Output &output = context.output;
    if (context.words.size() != 1)
        return output.usage(tr("check takes no arguments."));
    auto problems = context.ledger->check();
    if (!problems)
        return output.fail(problems.error());
    // Problems quote what the database holds, which may be anything.
    QStringList list = problems.value();
    for (QString &p : list)
        p = InputText::escapedLines(p);
    if (output.json()) {
        output.out() << QJsonDocument(QJsonObject { { QStringLiteral("ok"), list.isEmpty() },
                                                    { QStringLiteral("problems"), QJsonArray::fromStringList(list) } })
                            .toJson(QJsonDocument::Indented);
    } else if (list.isEmpty()) {
        output.out() << tr("The database passed every check: integrity, seat counts, ledger chain and replay.") << '\n';
    } else {
        output.err() << tr("The database failed %n check(s):", nullptr, int(list.size())) << '\n';
        for (const QString &p : list)
            output.err() << "  - " << p << '\n';
    }
    // A database that fails its checks is damaged or was edited behind the app's back.
    return list.isEmpty() ? Output::Done : Output::StorageFailure;
}
