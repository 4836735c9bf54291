#include "Command.h"

Command::~Command() = default;

bool Command::worksOnFiles(const QStringList &) const
{
    return false;
}

bool Command::needsOperator(const QStringList &) const
{
    return true;
}

bool Command::takesPersonOptions(const QStringList &) const
{
    return false;
}

bool Command::takesLoginOption(const QStringList &) const
{
    return false;
}

bool Command::takesTeamOptions(const QStringList &) const
{
    return false;
}

bool Command::takesAdminOption() const
{
    return false;
}

std::optional<int> Command::prepare(CommandContext &)
{
    return std::nullopt;
}

bool Command::takesFileOptions() const
{
    return false;
}
