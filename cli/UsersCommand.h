#pragma once

#include "Command.h"

#include <QCoreApplication>

// users list | users add EMAIL [--first NAME] [--last NAME] [--role ROLE] | users delete EMAIL
// | users edit EMAIL [--first NAME] [--last NAME] [--role ROLE] [--main-team TEAM] [--add-team TEAM]…
//   [--remove-team TEAM]…
class UsersCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(UsersCommand)

public:
    QString name() const override { return QStringLiteral("users"); }
    bool needsOperator(const QStringList &words) const override;
    bool takesPersonOptions(const QStringList &words) const override;
    bool takesLoginOption(const QStringList &words) const override;
    bool takesTeamOptions(const QStringList &words) const override;
    int run(CommandContext &context) override;

private:
    int list(CommandContext &context);
    int add(CommandContext &context);
    int remove(CommandContext &context);
    int edit(CommandContext &context);
};
