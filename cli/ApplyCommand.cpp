#include "ApplyCommand.h"

#include "SeatLedger.h"

#include <cstdio>
#include <QFile>

std::optional<int> ApplyCommand::prepare(CommandContext &context)
{
    // With the wrong number of words run() says how to use it, once the database is open.
    if (context.words.size() != 2)
        return std::nullopt;
    bool unreadable = false;
    auto plan = readPlan(context.words.at(1), unreadable);
    if (!plan)
        return unreadable ? context.output.usage(plan.error().message) : context.output.fail(plan.error());
    m_plan = plan.takeValue();
    return std::nullopt;
}

int ApplyCommand::run(CommandContext &context)
{
    Output &output = context.output;
    if (context.words.size() != 2)
        return output.usage(tr("Usage: apply PLAN"));
    if (Status s = context.ledger->applyPlan(m_plan); !s)
        return output.fail(s.error());
    return output.done(tr("Applied %n change(s).", nullptr, int(m_plan.size())),
                       { { QStringLiteral("applied"), int(m_plan.size()) } });
}

Result<QVector<PlanLine>> ApplyCommand::readPlan(const QString &planPath, bool &unreadable)
{
    unreadable = true;
    QFile file;
    if (planPath == QLatin1String("-")) {
        if (!file.open(stdin, QIODevice::ReadOnly))
            return Error { ErrorKind::Invalid, tr("Cannot read the plan from standard input.") };
    } else {
        file.setFileName(planPath);
        if (!file.open(QIODevice::ReadOnly))
            return Error { ErrorKind::Invalid, tr("Cannot read the plan %1: %2").arg(planPath, file.errorString()) };
    }
    unreadable = false;
    auto plan = Plan::read(file);
    if (file.error() != QFileDevice::NoError) {
        unreadable = true;
        return Error { ErrorKind::Invalid, tr("Cannot read the plan %1: %2").arg(planPath, file.errorString()) };
    }
    return plan;
}
