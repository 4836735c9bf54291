#pragma once

#include "Command.h"

#include <QCoreApplication>

// init --admin EMAIL [--first NAME] [--last NAME]: a new database, its first
// user its Super admin. Only ever creates a file; it never opens one.
class InitCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(InitCommand)

public:
    QString name() const override { return QStringLiteral("init"); }
    bool worksOnFiles(const QStringList &words) const override;
    bool takesPersonOptions(const QStringList &words) const override;
    bool takesAdminOption() const override { return true; }
    int run(CommandContext &context) override;
};
