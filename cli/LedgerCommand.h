#pragma once

#include "Command.h"

#include <QCoreApplication>

// ledger: every entry of the ledger, oldest first.
class LedgerCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(LedgerCommand)

public:
    QString name() const override { return QStringLiteral("ledger"); }
    bool needsOperator(const QStringList &words) const override;
    int run(CommandContext &context) override;
};
