#pragma once

#include "Command.h"

#include <QCoreApplication>

// unassign EMAIL PRODUCT: takes away the user's seat of that product.
class UnassignCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(UnassignCommand)

public:
    QString name() const override { return QStringLiteral("unassign"); }
    int run(CommandContext &context) override;
};
