#pragma once

#include "Command.h"
#include "Plan.h"

#include <QCoreApplication>
#include <QVector>

// apply PLAN: the plan's lines, in order, as one transaction (all or nothing).
// PLAN is a file, or "-" for standard input.
class ApplyCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ApplyCommand)

public:
    QString name() const override { return QStringLiteral("apply"); }
    // Reads the plan whole, before the database opens: then no descriptor of
    // this process on a file it reads can ever belong to the database (rule
    // R13), even if the plan named is the database itself.
    std::optional<int> prepare(CommandContext &context) override;
    int run(CommandContext &context) override;

private:
    // Reads a plan file, or standard input for "-", to its end. `unreadable`: the
    // file could not be read at all (a usage error) rather than being a bad plan.
    Result<QVector<PlanLine>> readPlan(const QString &planPath, bool &unreadable);

    QVector<PlanLine> m_plan;
};
