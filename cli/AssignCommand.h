#pragma once

#include "Command.h"

#include <QCoreApplication>

// assign EMAIL TYPE: gives a seat, or moves the user to that tier (R3).
class AssignCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(AssignCommand)

public:
    QString name() const override { return QStringLiteral("assign"); }
    int run(CommandContext &context) override;
};
