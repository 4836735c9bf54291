#include "Seatctl.h"

#include "ApplyCommand.h"
#include "AssignCommand.h"
#include "BackupCommand.h"
#include "CheckCommand.h"
#include "ExportCommand.h"
#include "ImportCommand.h"
#include "InitCommand.h"
#include "Language.h"
#include "LedgerCommand.h"
#include "RestoreCommand.h"
#include "SeatLedger.h"
#include "SeatsCommand.h"
#include "TeamsCommand.h"
#include "UnassignCommand.h"
#include "UsersCommand.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace {
// Stands for a negative number while the options are parsed: no argument a
// person types starts with a NUL.
const QString NegativeMarker = QStringLiteral("\u0000negative-");
} // namespace

Seatctl::Seatctl()
{
    m_commands.push_back(std::make_unique<InitCommand>());
    m_commands.push_back(std::make_unique<UsersCommand>());
    m_commands.push_back(std::make_unique<TeamsCommand>());
    m_commands.push_back(std::make_unique<SeatsCommand>());
    m_commands.push_back(std::make_unique<AssignCommand>());
    m_commands.push_back(std::make_unique<UnassignCommand>());
    m_commands.push_back(std::make_unique<ApplyCommand>());
    m_commands.push_back(std::make_unique<LedgerCommand>());
    m_commands.push_back(std::make_unique<ExportCommand>());
    m_commands.push_back(std::make_unique<ImportCommand>());
    m_commands.push_back(std::make_unique<CheckCommand>());
    m_commands.push_back(std::make_unique<BackupCommand>());
    m_commands.push_back(std::make_unique<RestoreCommand>());
}

Seatctl::~Seatctl() = default;

Command *Seatctl::find(const QString &name) const
{
    for (const auto &command : m_commands)
        if (command->name() == name)
            return command.get();
    return nullptr;
}

int Seatctl::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption database(
        QStringLiteral("database"),
        tr("The database: a file, or postgresql://[user@]host[:port]/dbname on a PostgreSQL server."),
        QStringLiteral("FILE|URI"));
    const QCommandLineOption as(QStringLiteral("as"), tr("The operator (an existing user)."), QStringLiteral("EMAIL"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON document."));
    const QCommandLineOption admin(QStringLiteral("admin"), tr("The first Super admin (init)."),
                                   QStringLiteral("EMAIL"));
    const QCommandLineOption first(QStringLiteral("first"), tr("First name (users add, users edit)."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption last(QStringLiteral("last"), tr("Last name (users add, users edit)."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption role(QStringLiteral("role"), tr("Role (users add, users edit)."), QStringLiteral("ROLE"));
    const QCommandLineOption login(QStringLiteral("login"),
                                   tr("An existing PostgreSQL login to tie to the user (users add, users edit)."),
                                   QStringLiteral("PGROLE"));
    const QCommandLineOption noLogin(QStringLiteral("no-login"), tr("Untie the user from their login (users edit)."));
    const QCommandLineOption mainTeam(QStringLiteral("main-team"),
                                      tr("Main team (users edit); an empty name for none."), QStringLiteral("TEAM"));
    const QCommandLineOption addTeam(QStringLiteral("add-team"), tr("An additional team to join (users edit)."),
                                     QStringLiteral("TEAM"));
    const QCommandLineOption removeTeam(QStringLiteral("remove-team"), tr("A team to leave (users edit)."),
                                        QStringLiteral("TEAM"));
    const QCommandLineOption help(QStringList { QStringLiteral("h"), QStringLiteral("help") }, tr("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version."));
    const QCommandLineOption language(QStringLiteral("language"), tr("Language of messages: en or fr."),
                                      QStringLiteral("LANGUAGE"));
    const QCommandLineOption outputFile(QStringLiteral("output"), tr("Write to FILE (export)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption forExcel(
        QStringLiteral("for-excel"), tr("For Excel: headers in the language of messages, a byte order mark (export)."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), tr("Show the preview; change nothing (import)."));
    parser.addOptions({ database, as, json, admin, first, last, role, login, noLogin, mainTeam, addTeam, removeTeam,
                        language, help, version, outputFile, forExcel, dryRun });
    // A negative number ("seats buy TYPE -1") is a value, not an option: it is
    // hidden from the parser and given back where it stood.
    QStringList hidden = arguments;
    QStringList negatives;
    static const QRegularExpression negativeNumber(QStringLiteral("^-[0-9]"));
    for (int i = 1; i < hidden.size(); ++i) {
        if (negativeNumber.match(hidden.at(i)).hasMatch()) {
            negatives.append(hidden.at(i));
            hidden[i] = NegativeMarker + QString::number(negatives.size() - 1);
        }
    }
    const auto unhide = [&negatives](const QString &value) {
        return value.startsWith(NegativeMarker) ? negatives.value(value.mid(NegativeMarker.size()).toInt()) : value;
    };
    const bool parsed = parser.parse(hidden);
    m_output.setJson(parser.isSet(json));
    // Messages follow LC_ALL / LANG unless --language says otherwise; --json
    // keys and values (types, roles, error kinds) never change with it.
    Language::install(Language::system());
    if (parsed && parser.isSet(language) && !Language::install(unhide(parser.value(language))))
        return m_output.usage(tr("Unknown language “%1”; expected en or fr.").arg(unhide(parser.value(language))));
    if (!parsed)
        return m_output.usage(parser.errorText());
    if (parser.isSet(help)) {
        m_output.out() << Output::usageText();
        return Output::Done;
    }
    if (parser.isSet(version)) {
        m_output.out() << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        return Output::Done;
    }
    QStringList words = parser.positionalArguments();
    for (QString &word : words)
        word = unhide(word);
    if (!parser.isSet(database))
        return m_output.usage(tr("--database FILE is required."));
    if (parser.value(database).trimmed().isEmpty())
        return m_output.usage(tr("--database needs the name of a database file; it was empty."));
    if (words.isEmpty())
        return m_output.usage(tr("No command given."));
    // A malformed server address, or one with a password: a usage error, before anything connects.
    if (Status s = SeatLedger::checkLocation(unhide(parser.value(database))); !s)
        return m_output.usage(s.error().message);

    const auto given = [&parser, &unhide](const QCommandLineOption &option) {
        return parser.isSet(option) ? std::optional<QString>(unhide(parser.value(option))) : std::nullopt;
    };
    CommandContext context { words,
                             unhide(parser.value(database)),
                             given(admin),
                             given(first),
                             given(last),
                             given(role),
                             given(login),
                             given(as),
                             m_output,
                             nullptr,
                             given(mainTeam),
                             {},
                             {} };
    for (const QString &team : parser.values(addTeam))
        context.addTeams << unhide(team);
    for (const QString &team : parser.values(removeTeam))
        context.removeTeams << unhide(team);
    // Null for an unknown command: that is reported once the database is open
    // and the operator set, as for a command that changes something.
    Command *command = find(words.first());
    if ((context.first || context.last || context.role) && !(command && command->takesPersonOptions(words)))
        return m_output.usage(tr("--first, --last and --role go with “users add” and “users edit”."));
    context.noLogin = parser.isSet(noLogin);
    if ((context.login || context.noLogin) && !(command && command->takesLoginOption(words)))
        return m_output.usage(tr("--login goes with “users add” and “users edit”, --no-login with “users edit”."));
    if (context.login && context.noLogin)
        return m_output.usage(tr("--login and --no-login cannot go together."));
    if ((context.mainTeam || !context.addTeams.isEmpty() || !context.removeTeams.isEmpty())
        && !(command && command->takesTeamOptions(words)))
        return m_output.usage(tr("--main-team, --add-team and --remove-team go with “users edit”."));
    context.outputFile = given(outputFile);
    context.forExcel = parser.isSet(forExcel);
    context.dryRun = parser.isSet(dryRun);
    if ((context.outputFile || context.forExcel || context.dryRun) && !(command && command->takesFileOptions()))
        return m_output.usage(tr("--output, --for-excel and --dry-run go with export and import."));
    if (context.admin && !(command && command->takesAdminOption()))
        return m_output.usage(tr("--admin goes with init."));

    // These work on files, not on an open database: a damaged one cannot be opened.
    if (command && command->worksOnFiles(words))
        return command->run(context);
    // What a command reads before the database opens (apply's plan, rule R13).
    if (command) {
        if (const std::optional<int> stop = command->prepare(context))
            return *stop;
    }

    auto opened = SeatLedger::open(context.database);
    if (!opened)
        return m_output.fail(opened.error());
    SeatLedger &ledger = *opened.value();
    const bool changes = !command || command->needsOperator(words);
    // On a PostgreSQL server the operator is the login's user: --as may only
    // name that user, and a login tied to nobody changes nothing.
    auto loginOperator = ledger.loginOperator();
    if (!ledger.login().isEmpty()) {
        const std::optional<QString> mine = loginOperator ? loginOperator.value() : std::nullopt;
        if (parser.isSet(as)) {
            const QString named = unhide(parser.value(as));
            auto namedUser = ledger.user(named);
            if (!mine || !namedUser || namedUser.value().email != *mine)
                return m_output.fail(Error {
                    ErrorKind::NotAuthorized,
                    mine ? tr("On a PostgreSQL database the operator is the login: this connection is the login "
                              "“%1”, which is %2, not %3. Connect as %3’s login to act as them.")
                               .arg(ledger.login(), *mine, named)
                         : tr("On a PostgreSQL database the operator is the login: this connection is the login "
                              "“%1”, which is tied to no Seatkeeper user, so --as %2 is refused.")
                               .arg(ledger.login(), named) });
        }
        if (mine) {
            if (Status s = ledger.setActor(*mine); !s)
                return m_output.fail(s.error());
        } else if (changes) {
            return m_output.fail(loginOperator.error());
        }
    } else if (parser.isSet(as)) {
        if (Status s = ledger.setActor(unhide(parser.value(as))); !s)
            return m_output.fail(s.error());
    } else if (changes) {
        auto sole = ledger.soleSuperAdmin();
        if (!sole)
            return m_output.usage(sole.error().message);
        if (Status s = ledger.setActor(sole.value()); !s)
            return m_output.fail(s.error());
    }
    // Once a day, before the first change, a backup; a backup that cannot be
    // written is worth a warning, not a refusal.
    if (changes) {
        if (auto daily = ledger.dailyBackup(); !daily)
            m_output.warn(daily.error().message);
    }
    if (!command)
        return m_output.usage(tr("Unknown command “%1”.").arg(words.first()));
    context.ledger = &ledger;
    return command->run(context);
}
