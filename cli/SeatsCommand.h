#pragma once

#include "Command.h"

#include <QCoreApplication>

// seats list | seats buy TYPE N | seats release TYPE N
class SeatsCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(SeatsCommand)

public:
    QString name() const override { return QStringLiteral("seats"); }
    bool needsOperator(const QStringList &words) const override;
    int run(CommandContext &context) override;

private:
    int list(CommandContext &context);
    int buyOrRelease(CommandContext &context, bool buying);
};
