#pragma once

#include "Command.h"

#include <QCoreApplication>

// check: integrity, seat counts, the ledger's chain and its replay. A database
// that fails is damaged or was edited behind the app's back: exit 3.
class CheckCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(CheckCommand)

public:
    QString name() const override { return QStringLiteral("check"); }
    bool needsOperator(const QStringList &words) const override;
    int run(CommandContext &context) override;
};
