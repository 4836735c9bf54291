#pragma once

#include "Command.h"

#include <QCoreApplication>

// backup: a backup now, next to the database (which must open).
// backup list: its backups, newest first; works on files, so it lists the
// backups of a database that cannot be opened.
class BackupCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(BackupCommand)

public:
    QString name() const override { return QStringLiteral("backup"); }
    bool worksOnFiles(const QStringList &words) const override;
    bool needsOperator(const QStringList &words) const override;
    int run(CommandContext &context) override;

private:
    int list(CommandContext &context);
};
