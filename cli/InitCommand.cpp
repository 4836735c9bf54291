#include "InitCommand.h"

#include "SeatLedger.h"

bool InitCommand::worksOnFiles(const QStringList &) const
{
    return true;
}

bool InitCommand::takesPersonOptions(const QStringList &) const
{
    return true;
}

int InitCommand::run(CommandContext &context)
{
    Output &output = context.output;
    if (context.words.size() != 1)
        return output.usage(tr("init takes no arguments; name the Super admin with --admin EMAIL."));
    if (!context.admin)
        return output.usage(tr("init needs --admin EMAIL."));
    if (context.role)
        return output.usage(tr("The first user of a database is always its Super admin."));
    const QString &path = context.database;
    const QString &admin = *context.admin;
    auto created = SeatLedger::create(path, admin, context.first.value_or(QString()), context.last.value_or(QString()));
    if (!created)
        return output.fail(created.error());
    if (const QString login = created.value()->login(); !login.isEmpty())
        return output.done(tr("Created %1 with %2 as its Super admin, tied to the login “%3”.").arg(path, admin, login),
                           { { QStringLiteral("database"), path },
                             { QStringLiteral("admin"), admin },
                             { QStringLiteral("login"), login } });
    return output.done(tr("Created %1 with %2 as its Super admin.").arg(path, admin),
                       { { QStringLiteral("database"), path }, { QStringLiteral("admin"), admin } });
}
