#include "Seatctl.h"

#include "Backups.h"
#include "Language.h"
#include "Plan.h"
#include "SeatLedger.h"

#include <cstdio>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace {

QJsonValue seatJson(const std::optional<SeatType> &type)
{
    return type ? QJsonValue(seatTypeKey(*type)) : QJsonValue(QJsonValue::Null);
}

QJsonObject userJson(const User &u)
{
    return QJsonObject { { QStringLiteral("email"), u.email },
                         { QStringLiteral("first_name"), u.firstName },
                         { QStringLiteral("last_name"), u.lastName },
                         { QStringLiteral("role"), roleKey(u.role) },
                         { QStringLiteral("created_at"), u.createdAt.toString(Qt::ISODateWithMs) },
                         { QStringLiteral("sales"), seatJson(u.sales) },
                         { QStringLiteral("service"), seatJson(u.service) } };
}

// Lays rows out in columns padded to the widest cell.
QString table(const QStringList &header, const QVector<QStringList> &rows)
{
    QVector<int> widths(header.size());
    for (int c = 0; c < header.size(); ++c)
        widths[c] = int(header.at(c).size());
    for (const QStringList &row : rows)
        for (int c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], int(row.at(c).size()));
    QString text;
    const auto line = [&](const QStringList &cells) {
        QString out;
        for (int c = 0; c < cells.size(); ++c)
            out += c + 1 < cells.size() ? cells.at(c).leftJustified(widths[c] + 2) : cells.at(c);
        text += out.trimmed() + QLatin1Char('\n');
    };
    line(header);
    for (const QStringList &row : rows)
        line(row);
    return text;
}

QString usageText()
{
    return Seatctl::tr("Usage:\n"
                       "  seatctl --database FILE init --admin EMAIL\n"
                       "  seatctl --database FILE [--as EMAIL] [--json] [--language en|fr] COMMAND\n"
                       "\n"
                       "Commands:\n"
                       "  users list\n"
                       "  users add EMAIL [--first NAME] [--last NAME] [--role user|admin|super-admin]\n"
                       "  users delete EMAIL\n"
                       "  seats list\n"
                       "  seats buy TYPE N\n"
                       "  seats release TYPE N\n"
                       "  assign EMAIL TYPE\n"
                       "  unassign EMAIL PRODUCT\n"
                       "  apply PLAN\n"
                       "  ledger\n"
                       "  check\n"
                       "  backup | backup list\n"
                       "  restore BACKUP|latest\n"
                       "\n"
                       "TYPE: sales-starter, sales-professional, sales-enterprise, service-starter,\n"
                       "      service-professional, service-enterprise\n"
                       "PRODUCT: sales, service\n"
                       "Exit status: 0 done, 1 refused by a rule, 2 usage error, 3 storage error.\n");
}

} // namespace

Seatctl::Seatctl()
    : m_out(stdout)
    , m_err(stderr)
{
}

int Seatctl::usage(const QString &message)
{
    if (m_json) {
        const QJsonObject error { { QStringLiteral("kind"), QStringLiteral("usage") },
                                  { QStringLiteral("message"), message } };
        m_out << QJsonDocument(QJsonObject { { QStringLiteral("ok"), false }, { QStringLiteral("error"), error } })
                     .toJson(QJsonDocument::Indented);
    } else {
        m_err << tr("seatctl: %1").arg(message) << '\n' << '\n' << usageText();
    }
    return Usage;
}

int Seatctl::fail(const Error &error)
{
    const int code = error.kind == ErrorKind::Storage ? StorageFailure : Refused;
    if (m_json) {
        const QJsonObject e { { QStringLiteral("kind"), errorKindKey(error.kind) },
                              { QStringLiteral("message"), error.message } };
        m_out << QJsonDocument(QJsonObject { { QStringLiteral("ok"), false }, { QStringLiteral("error"), e } })
                     .toJson(QJsonDocument::Indented);
    } else {
        m_err << tr("seatctl: %1").arg(error.message) << '\n';
    }
    return code;
}

int Seatctl::done(const QString &text, const QJsonObject &json)
{
    if (m_json) {
        QJsonObject doc { { QStringLiteral("ok"), true } };
        for (auto it = json.begin(); it != json.end(); ++it)
            doc.insert(it.key(), it.value());
        m_out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    } else if (!text.isEmpty()) {
        m_out << text;
        if (!text.endsWith(QLatin1Char('\n')))
            m_out << '\n';
    }
    return Done;
}

int Seatctl::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption database(QStringLiteral("database"), tr("The database file."), QStringLiteral("FILE"));
    const QCommandLineOption as(QStringLiteral("as"), tr("The operator (an existing user)."), QStringLiteral("EMAIL"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON document."));
    const QCommandLineOption admin(QStringLiteral("admin"), tr("The first Super admin (init)."),
                                   QStringLiteral("EMAIL"));
    const QCommandLineOption first(QStringLiteral("first"), tr("First name (users add)."), QStringLiteral("NAME"));
    const QCommandLineOption last(QStringLiteral("last"), tr("Last name (users add)."), QStringLiteral("NAME"));
    const QCommandLineOption role(QStringLiteral("role"), tr("Role (users add)."), QStringLiteral("ROLE"));
    const QCommandLineOption help(QStringList { QStringLiteral("h"), QStringLiteral("help") }, tr("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version."));
    const QCommandLineOption language(QStringLiteral("language"), tr("Language of messages: en or fr."),
                                      QStringLiteral("LANGUAGE"));
    parser.addOptions({ database, as, json, admin, first, last, role, language, help, version });
    const bool parsed = parser.parse(arguments);
    m_json = parser.isSet(json);
    // Messages follow LC_ALL / LANG unless --language says otherwise; --json
    // keys and values (types, roles, error kinds) never change with it.
    Language::install(Language::system());
    if (parsed && parser.isSet(language) && !Language::install(parser.value(language)))
        return usage(tr("Unknown language “%1”; expected en or fr.").arg(parser.value(language)));
    if (!parsed)
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        m_out << usageText();
        return Done;
    }
    if (parser.isSet(version)) {
        m_out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        return Done;
    }
    const QStringList words = parser.positionalArguments();
    if (!parser.isSet(database))
        return usage(tr("--database FILE is required."));
    if (words.isEmpty())
        return usage(tr("No command given."));
    m_hasFirst = parser.isSet(first);
    m_hasLast = parser.isSet(last);
    m_hasRole = parser.isSet(role);
    m_first = parser.value(first);
    m_last = parser.value(last);
    m_role = parser.value(role);
    const bool isUsersAdd
        = words.size() >= 2 && words.at(0) == QLatin1String("users") && words.at(1) == QLatin1String("add");
    if ((m_hasFirst || m_hasLast || m_hasRole) && !isUsersAdd && words.first() != QLatin1String("init"))
        return usage(tr("--first, --last and --role go with “users add”."));
    const QString path = parser.value(database);

    if (words.first() == QLatin1String("init")) {
        if (words.size() != 1)
            return usage(tr("init takes no arguments; name the Super admin with --admin EMAIL."));
        if (!parser.isSet(admin))
            return usage(tr("init needs --admin EMAIL."));
        if (m_hasRole)
            return usage(tr("The first user of a database is always its Super admin."));
        auto created = SeatLedger::create(path, parser.value(admin), m_first, m_last);
        if (!created)
            return fail(created.error());
        return done(tr("Created %1 with %2 as its Super admin.").arg(path, parser.value(admin)),
                    { { QStringLiteral("database"), path }, { QStringLiteral("admin"), parser.value(admin) } });
    }
    if (parser.isSet(admin))
        return usage(tr("--admin goes with init."));

    // These two work on files, not on an open database: a damaged one cannot be opened.
    if (words.first() == QLatin1String("restore"))
        return restore(path, words);
    if (words.first() == QLatin1String("backup") && words.size() >= 2) {
        if (words.size() != 2 || words.at(1) != QLatin1String("list"))
            return usage(tr("Usage: backup | backup list"));
        return listBackups(path);
    }

    // A plan is read whole before the database opens: then no descriptor of this
    // process on a file it reads can ever belong to the database (rule R13), even
    // if the plan named is the database itself.
    if (words.first() == QLatin1String("apply") && words.size() == 2) {
        bool unreadable = false;
        auto plan = readPlan(words.at(1), unreadable);
        if (!plan)
            return unreadable ? usage(plan.error().message) : fail(plan.error());
        m_plan = plan.takeValue();
    }
    auto opened = SeatLedger::open(path);
    if (!opened)
        return fail(opened.error());
    SeatLedger &ledger = *opened.value();
    const bool changes = needsOperator(words);
    if (parser.isSet(as)) {
        if (Status s = ledger.setActor(parser.value(as)); !s)
            return fail(s.error());
    } else if (changes) {
        auto sole = ledger.soleSuperAdmin();
        if (!sole)
            return usage(sole.error().message);
        if (Status s = ledger.setActor(sole.value()); !s)
            return fail(s.error());
    }
    // Once a day, before the first change, a backup; a backup that cannot be
    // written is worth a warning, not a refusal.
    if (changes) {
        if (auto daily = ledger.dailyBackup(); !daily && !m_json)
            m_err << tr("seatctl: warning: %1").arg(daily.error().message) << '\n';
    }
    return runCommand(ledger, words);
}

bool Seatctl::needsOperator(const QStringList &words) const
{
    const QString &command = words.first();
    if (command == QLatin1String("ledger") || command == QLatin1String("check") || command == QLatin1String("backup"))
        return false;
    if ((command == QLatin1String("users") || command == QLatin1String("seats")) && words.size() >= 2
        && words.at(1) == QLatin1String("list"))
        return false;
    return true;
}

int Seatctl::runCommand(SeatLedger &ledger, const QStringList &words)
{
    const QString &command = words.first();
    if (command == QLatin1String("users"))
        return usersCommand(ledger, words);
    if (command == QLatin1String("seats"))
        return seatsCommand(ledger, words);
    if (command == QLatin1String("assign")) {
        if (words.size() != 3)
            return usage(tr("Usage: assign EMAIL TYPE"));
        const auto type = seatTypeFromKey(words.at(2));
        if (!type)
            return usage(tr("Unknown seat type “%1”.").arg(words.at(2)));
        if (Status s = ledger.assignSeat(words.at(1), *type); !s)
            return fail(s.error());
        return done(tr("Assigned a %1 seat to %2.").arg(seatTypeName(*type), words.at(1)));
    }
    if (command == QLatin1String("unassign")) {
        if (words.size() != 3)
            return usage(tr("Usage: unassign EMAIL PRODUCT"));
        const auto product = productFromKey(words.at(2));
        if (!product)
            return usage(tr("Unknown product “%1”; expected sales or service.").arg(words.at(2)));
        if (Status s = ledger.removeSeat(words.at(1), *product); !s)
            return fail(s.error());
        return done(tr("Removed the %1 access of %2.").arg(productName(*product), words.at(1)));
    }
    if (command == QLatin1String("apply")) {
        if (words.size() != 2)
            return usage(tr("Usage: apply PLAN"));
        return apply(ledger, m_plan);
    }
    if (command == QLatin1String("ledger")) {
        if (words.size() != 1)
            return usage(tr("ledger takes no arguments."));
        return showLedger(ledger);
    }
    if (command == QLatin1String("check")) {
        if (words.size() != 1)
            return usage(tr("check takes no arguments."));
        return check(ledger);
    }
    if (command == QLatin1String("backup"))
        return backup(ledger, words);
    return usage(tr("Unknown command “%1”.").arg(command));
}

int Seatctl::usersCommand(SeatLedger &ledger, const QStringList &words)
{
    const QString sub = words.value(1);
    if (sub == QLatin1String("list") && words.size() == 2)
        return listUsers(ledger);
    if (sub == QLatin1String("add") && words.size() == 3) {
        NewUser user;
        user.email = words.at(2);
        user.firstName = m_first;
        user.lastName = m_last;
        if (m_hasRole) {
            const auto r = roleFromKey(m_role);
            if (!r)
                return usage(tr("Unknown role “%1”; expected user, admin or super-admin.").arg(m_role));
            user.role = *r;
        }
        auto created = ledger.createUser(user);
        if (!created)
            return fail(created.error());
        return done(tr("Created %1 (%2).").arg(created.value().email, roleName(created.value().role)),
                    { { QStringLiteral("user"), userJson(created.value()) } });
    }
    if (sub == QLatin1String("delete") && words.size() == 3) {
        if (Status s = ledger.deleteUser(words.at(2)); !s)
            return fail(s.error());
        return done(tr("Deleted %1.").arg(words.at(2)));
    }
    return usage(tr("Usage: users list | users add EMAIL | users delete EMAIL"));
}

int Seatctl::seatsCommand(SeatLedger &ledger, const QStringList &words)
{
    const QString sub = words.value(1);
    if (sub == QLatin1String("list") && words.size() == 2)
        return listSeats(ledger);
    if ((sub == QLatin1String("buy") || sub == QLatin1String("release")) && words.size() == 4) {
        const auto type = seatTypeFromKey(words.at(2));
        if (!type)
            return usage(tr("Unknown seat type “%1”.").arg(words.at(2)));
        bool isNumber = false;
        const int count = words.at(3).toInt(&isNumber);
        if (!isNumber)
            return usage(tr("“%1” is not a number of seats.").arg(words.at(3)));
        const bool buying = sub == QLatin1String("buy");
        const Status s = buying ? ledger.buySeats(*type, count) : ledger.releaseSeats(*type, count);
        if (!s)
            return fail(s.error());
        auto counts = ledger.seatCounts();
        if (!counts)
            return fail(counts.error());
        const SeatCount c = counts.value()[seatTypeIndex(*type)];
        const QString what = buying ? tr("Bought %n %1 seat(s)", nullptr, count).arg(seatTypeName(*type))
                                    : tr("Released %n %1 seat(s)", nullptr, count).arg(seatTypeName(*type));
        return done(tr("%1: %2 purchased, %3 assigned.").arg(what).arg(c.purchased).arg(c.assigned),
                    { { QStringLiteral("type"), seatTypeKey(*type) },
                      { QStringLiteral("purchased"), c.purchased },
                      { QStringLiteral("assigned"), c.assigned },
                      { QStringLiteral("free"), c.free() } });
    }
    return usage(tr("Usage: seats list | seats buy TYPE N | seats release TYPE N"));
}

int Seatctl::listUsers(SeatLedger &ledger)
{
    auto users = ledger.users();
    if (!users)
        return fail(users.error());
    QJsonArray array;
    QVector<QStringList> rows;
    for (const User &u : users.value()) {
        array.append(userJson(u));
        rows.append({ u.email, u.fullName(), roleName(u.role), u.sales ? seatTypeName(*u.sales) : QString(),
                      u.service ? seatTypeName(*u.service) : QString() });
    }
    return done(table({ tr("Email address"), tr("Name"), tr("Role"), tr("Sales seat"), tr("Service seat") }, rows),
                { { QStringLiteral("users"), array } });
}

int Seatctl::listSeats(SeatLedger &ledger)
{
    auto counts = ledger.seatCounts();
    if (!counts)
        return fail(counts.error());
    QJsonArray array;
    QVector<QStringList> rows;
    const QLocale locale;
    for (const SeatCount &c : counts.value()) {
        array.append(QJsonObject { { QStringLiteral("type"), seatTypeKey(c.type) },
                                   { QStringLiteral("purchased"), c.purchased },
                                   { QStringLiteral("assigned"), c.assigned },
                                   { QStringLiteral("free"), c.free() } });
        rows.append({ seatTypeKey(c.type), seatTypeName(c.type), locale.toString(c.purchased),
                      locale.toString(c.assigned), locale.toString(c.free()) });
    }
    return done(table({ tr("Type"), tr("Seat"), tr("Purchased"), tr("Assigned"), tr("Free") }, rows),
                { { QStringLiteral("seats"), array } });
}

int Seatctl::showLedger(SeatLedger &ledger)
{
    auto entries = ledger.entries();
    if (!entries)
        return fail(entries.error());
    QJsonArray array;
    QVector<QStringList> rows;
    for (const LedgerEntry &e : entries.value()) {
        array.append(QJsonObject { { QStringLiteral("id"), e.id },
                                   { QStringLiteral("at"), e.at.toString(Qt::ISODateWithMs) },
                                   { QStringLiteral("actor"), e.actor },
                                   { QStringLiteral("action"), e.action },
                                   { QStringLiteral("subject"), e.subject },
                                   { QStringLiteral("seat_type"), e.seatType },
                                   { QStringLiteral("before"), e.before },
                                   { QStringLiteral("after"), e.after },
                                   { QStringLiteral("hash"), e.hash } });
        rows.append(
            { QString::number(e.id), e.at.toString(Qt::ISODate), e.actor, e.action, e.subject, e.seatType,
              e.before.isEmpty() && e.after.isEmpty() ? QString() : e.before + QStringLiteral(" → ") + e.after });
    }
    return done(
        table({ tr("#"), tr("When (UTC)"), tr("Who"), tr("What"), tr("For"), tr("Seat type"), tr("Before → after") },
              rows),
        { { QStringLiteral("ledger"), array } });
}

int Seatctl::check(SeatLedger &ledger)
{
    auto problems = ledger.check();
    if (!problems)
        return fail(problems.error());
    const QStringList &list = problems.value();
    if (m_json) {
        m_out << QJsonDocument(QJsonObject { { QStringLiteral("ok"), list.isEmpty() },
                                             { QStringLiteral("problems"), QJsonArray::fromStringList(list) } })
                     .toJson(QJsonDocument::Indented);
    } else if (list.isEmpty()) {
        m_out << tr("The database passed every check: integrity, seat counts, ledger chain and replay.") << '\n';
    } else {
        m_err << tr("The database failed %n check(s):", nullptr, int(list.size())) << '\n';
        for (const QString &p : list)
            m_err << "  - " << p << '\n';
    }
    // A database that fails its checks is damaged or was edited behind the app's back.
    return list.isEmpty() ? Done : StorageFailure;
}

Result<QVector<PlanLine>> Seatctl::readPlan(const QString &planPath, bool &unreadable)
{
    unreadable = true;
    QFile file;
    if (planPath == QLatin1String("-")) {
        if (!file.open(stdin, QIODevice::ReadOnly))
            return Error { ErrorKind::Invalid, tr("Cannot read the plan from standard input.") };
    } else {
        file.setFileName(planPath);
        if (!file.open(QIODevice::ReadOnly))
            return Error { ErrorKind::Invalid, tr("Cannot read the plan %1: %2").arg(planPath, file.errorString()) };
    }
    const auto tooLarge = [](qint64 bytes) {
        return Error { ErrorKind::Invalid,
                       Plan::tr("The plan is %1 MB; a plan may be at most %2 MB.")
                           .arg(bytes / (1024 * 1024))
                           .arg(Plan::MaxBytes / (1024 * 1024)) };
    };
    unreadable = false;
    if (file.size() > Plan::MaxBytes && !file.isSequential())
        return tooLarge(file.size());
    // A pipe hands its data over in pieces, as the writer produces them: read
    // until the end of the input, not just what has arrived so far.
    QByteArray data;
    for (;;) {
        const QByteArray chunk = file.read(Plan::MaxBytes + 1 - data.size());
        if (chunk.isEmpty())
            break;
        data += chunk;
        if (data.size() > Plan::MaxBytes)
            return tooLarge(data.size());
    }
    if (file.error() != QFileDevice::NoError) {
        unreadable = true;
        return Error { ErrorKind::Invalid, tr("Cannot read the plan %1: %2").arg(planPath, file.errorString()) };
    }
    unreadable = false;
    return Plan::parse(data);
}

int Seatctl::apply(SeatLedger &ledger, const QVector<PlanLine> &plan)
{
    if (Status s = ledger.applyPlan(plan); !s)
        return fail(s.error());
    return done(tr("Applied %n change(s).", nullptr, int(plan.size())),
                { { QStringLiteral("applied"), int(plan.size()) } });
}

namespace {

QJsonObject backupJson(const BackupInfo &b)
{
    return QJsonObject { { QStringLiteral("path"), b.path },
                         { QStringLiteral("taken_at"), b.takenAt.toString(Qt::ISODateWithMs) },
                         { QStringLiteral("bytes"), b.bytes } };
}

QString backupLine(const BackupInfo &b)
{
    const QLocale locale;
    return QStringLiteral("%1  %2  %3")
        .arg(locale.toString(b.takenAt.toLocalTime().date(), QLocale::ShortFormat) + QLatin1Char(' ')
                 + locale.toString(b.takenAt.toLocalTime().time(), QLocale::LongFormat),
             locale.formattedDataSize(b.bytes), QDir::toNativeSeparators(b.path));
}

} // namespace

int Seatctl::backup(SeatLedger &ledger, const QStringList &words)
{
    if (words.size() != 1)
        return usage(tr("Usage: backup | backup list"));
    auto taken = ledger.backup();
    if (!taken)
        return fail(taken.error());
    return done(tr("Wrote the backup %1.").arg(QDir::toNativeSeparators(taken.value().path)),
                { { QStringLiteral("backup"), backupJson(taken.value()) } });
}

int Seatctl::listBackups(const QString &path)
{
    const QVector<BackupInfo> all = Backups::list(path);
    QJsonArray json;
    QString text;
    for (const BackupInfo &b : all) {
        json.append(backupJson(b));
        text += backupLine(b) + QLatin1Char('\n');
    }
    if (all.isEmpty())
        text = tr("There is no backup of %1 yet.").arg(QDir::toNativeSeparators(path));
    return done(text, { { QStringLiteral("backups"), json } });
}

int Seatctl::restore(const QString &path, const QStringList &words)
{
    if (words.size() != 2)
        return usage(tr("Usage: restore BACKUP|latest"));
    QString chosen = words.at(1);
    if (chosen == QLatin1String("latest")) {
        const QVector<BackupInfo> all = Backups::list(path);
        if (all.isEmpty())
            return fail(Error { ErrorKind::NotFound,
                                tr("There is no backup of %1 to restore.").arg(QDir::toNativeSeparators(path)) });
        chosen = all.first().path;
    } else if (!QFileInfo(chosen).isFile()) {
        return usage(tr("The backup %1 does not exist.").arg(QDir::toNativeSeparators(chosen)));
    }
    auto restored = Backups::restore(path, chosen);
    if (!restored)
        return fail(restored.error());
    const QString keptAside = restored.value();
    QString text
        = tr("Restored %1 from the backup %2.").arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(chosen));
    if (!keptAside.isEmpty())
        text += QLatin1Char('\n') + tr("The file it replaced is kept as %1.").arg(QDir::toNativeSeparators(keptAside));
    return done(text,
                { { QStringLiteral("restored_from"), chosen },
                  { QStringLiteral("kept_aside"), keptAside.isEmpty() ? QJsonValue() : QJsonValue(keptAside) } });
}
