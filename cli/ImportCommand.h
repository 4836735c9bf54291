#pragma once

#include "Command.h"
#include "UserCsv.h"

#include <QCoreApplication>

// import users FILE [--dry-run]: users from a CSV file, all or nothing in one
// transaction (R15). --dry-run prints the preview and changes nothing; it
// exits 1 when the import would be refused (bad rows, seats short).
class ImportCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)

public:
    QString name() const override { return QStringLiteral("import"); }
    bool needsOperator(const QStringList &words) const override;
    bool takesFileOptions() const override { return true; }
    // Reads the file whole before the database opens, as apply does its plan.
    std::optional<int> prepare(CommandContext &context) override;
    int run(CommandContext &context) override;

private:
    ImportFile m_file;
};
