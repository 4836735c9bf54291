#pragma once

#include "Command.h"

#include <QCoreApplication>

// restore BACKUP|latest: puts a backup in place of the database; the file it
// replaces is kept. Works on files: a damaged database cannot be opened.
class RestoreCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(RestoreCommand)

public:
    QString name() const override { return QStringLiteral("restore"); }
    bool worksOnFiles(const QStringList &words) const override;
    int run(CommandContext &context) override;
};
