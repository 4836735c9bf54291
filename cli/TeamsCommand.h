#pragma once

#include "Command.h"

#include <QCoreApplication>

// teams list | teams add NAME | teams rename NAME NEW | teams delete NAME (R14)
class TeamsCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(TeamsCommand)

public:
    QString name() const override { return QStringLiteral("teams"); }
    bool needsOperator(const QStringList &words) const override;
    int run(CommandContext &context) override;

private:
    int list(CommandContext &context);
    int add(CommandContext &context);
    int rename(CommandContext &context);
    int remove(CommandContext &context);
};
