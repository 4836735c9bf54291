#pragma once

#include "Command.h"

#include <QCoreApplication>

// export users|ledger [--output FILE] [--for-excel]: Users & Teams or the
// ledger as CSV, on standard output or into FILE (never the database's own).
class ExportCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)

public:
    QString name() const override { return QStringLiteral("export"); }
    bool needsOperator(const QStringList &words) const override;
    bool takesFileOptions() const override { return true; }
    int run(CommandContext &context) override;
};
