#include "UsersCommand.h"

#include "Formats.h"
#include "SeatLedger.h"

#include <QJsonArray>

bool UsersCommand::needsOperator(const QStringList &words) const
{
    return !(words.size() >= 2 && words.at(1) == QLatin1String("list"));
}

bool UsersCommand::takesPersonOptions(const QStringList &words) const
{
    return words.size() >= 2 && (words.at(1) == QLatin1String("add") || words.at(1) == QLatin1String("edit"));
}

bool UsersCommand::takesTeamOptions(const QStringList &words) const
{
    return words.size() >= 2 && words.at(1) == QLatin1String("edit");
}

bool UsersCommand::takesLoginOption(const QStringList &words) const
{
    return takesPersonOptions(words);
}

int UsersCommand::run(CommandContext &context)
{
    const QStringList &words = context.words;
    const QString sub = words.value(1);
    if (sub == QLatin1String("list") && words.size() == 2)
        return list(context);
    if (sub == QLatin1String("add") && words.size() == 3)
        return add(context);
    if (sub == QLatin1String("delete") && words.size() == 3)
        return remove(context);
    if (sub == QLatin1String("edit") && words.size() == 3)
        return edit(context);
    return context.output.usage(tr("Usage: users list | users add EMAIL | users edit EMAIL [OPTIONS] | users delete "
                                   "EMAIL"));
}

int UsersCommand::list(CommandContext &context)
{
    auto users = context.ledger->users();
    if (!users)
        return context.output.fail(users.error());
    QJsonArray array;
    for (const User &u : users.value())
        array.append(Formats::userJson(u));
    // On a server, who is tied to which login (the operator is the login).
    const bool withLogin = !context.ledger->login().isEmpty();
    return context.output.done(Formats::usersTable(users.value(), withLogin), { { QStringLiteral("users"), array } });
}

int UsersCommand::add(CommandContext &context)
{
    NewUser user;
    user.email = context.words.at(2);
    user.firstName = context.first.value_or(QString());
    user.lastName = context.last.value_or(QString());
    user.login = context.login.value_or(QString());
    if (context.noLogin)
        return context.output.usage(tr("--no-login goes with “users edit”: a new user is tied to no login unless "
                                       "--login names one."));
    if (context.login && user.login.isEmpty())
        return context.output.usage(tr("--login needs the name of a PostgreSQL login; it was empty."));
    if (context.role) {
        const auto r = roleFromKey(*context.role);
        if (!r)
            return context.output.usage(
                tr("Unknown role “%1”; expected user, admin or super-admin.").arg(*context.role));
        user.role = *r;
    }
    auto created = context.ledger->createUser(user);
    if (!created)
        return context.output.fail(created.error());
    if (!user.login.isEmpty())
        return context.output.done(tr("Created %1 (%2), tied to the login “%3”.")
                                       .arg(created.value().email, roleName(created.value().role), user.login),
                                   { { QStringLiteral("user"), Formats::userJson(created.value()) },
                                     { QStringLiteral("login"), user.login } });
    return context.output.done(tr("Created %1 (%2).").arg(created.value().email, roleName(created.value().role)),
                               { { QStringLiteral("user"), Formats::userJson(created.value()) } });
}

int UsersCommand::remove(CommandContext &context)
{
    const QString &email = context.words.at(2);
    if (Status s = context.ledger->deleteUser(email); !s)
        return context.output.fail(s.error());
    return context.output.done(tr("Deleted %1.").arg(email));
}

int UsersCommand::edit(CommandContext &context)
{
    const QString &email = context.words.at(2);
    UserEdit edit;
    edit.firstName = context.first;
    edit.lastName = context.last;
    if (context.role) {
        const auto r = roleFromKey(*context.role);
        if (!r)
            return context.output.usage(
                tr("Unknown role “%1”; expected user, admin or super-admin.").arg(*context.role));
        edit.role = *r;
    }
    edit.mainTeam = context.mainTeam;
    edit.addTeams = context.addTeams;
    edit.removeTeams = context.removeTeams;
    if (context.login && context.login->isEmpty())
        return context.output.usage(tr("--login needs the name of a PostgreSQL login; it was empty. --no-login "
                                       "unties the user."));
    if (context.login)
        edit.login = *context.login;
    else if (context.noLogin)
        edit.login = QString();
    if (edit.isEmpty())
        return context.output.usage(tr("users edit needs something to change: --first, --last, --role, --main-team, "
                                       "--add-team, --remove-team, --login or --no-login."));
    auto before = context.ledger->user(email);
    if (auto changed = context.ledger->editUser(email, edit); !changed)
        return context.output.fail(changed.error());
    auto user = context.ledger->user(email);
    if (!user)
        return context.output.fail(user.error());
    const User &now = user.value();
    const QJsonObject json { { QStringLiteral("user"), Formats::userJson(now) } };
    if (edit.login && before && before.value().login != now.login) {
        if (now.login.isEmpty())
            return context.output.done(
                tr("Saved %1: no longer tied to the login “%2”.").arg(now.email, before.value().login), json);
        return context.output.done(tr("Saved %1, tied to the login “%2”.").arg(now.email, now.login), json);
    }
    return context.output.done(tr("Saved %1.").arg(now.email), json);
}
