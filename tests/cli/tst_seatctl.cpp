// seatctl run as a real process: exit codes, messages, --json. This half is the
// commands themselves (users, seats, ledger, check, usage, operators, language,
// hostile input); the database file, plans, locks and backups are in
// tst_seatctlfiles.

#include "HostileInput.h"
#include "InputText.h"
#include "Language.h"
#include "LedgerText.h"
#include "SeatctlFixture.h"
#include "SeatLedger.h"
#include "TestSupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using SeatctlProcess::json;
using SeatctlProcess::Run;
using SeatctlProcess::seatctl;

using TestSupport::SmallAccount::cat;

class TestSeatctl : public QObject, protected SeatctlFixture
{
    Q_OBJECT

private slots:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void commands_data();
    void commands();
    void seatsListJson();
    void usersListJson();
    void errorsAsJson();
    void initCreatesADatabaseWithItsSuperAdmin();
    void operatorMustBeNamedWhenThereAreSeveralSuperAdmins();
    void speaksFrenchFromTheLocaleOrTheOption();
    void ledgerSpeaksTheWordsOfTheHistoryPage();
    void hostileEmails_data() { HostileInput::emailRows(); }
    void hostileEmails();
    void hostileNames_data() { HostileInput::nameRows(); }
    void hostileNames();
    void purchasedCountsStopAtADocumentedMaximum();
    void emptyDatabaseNameIsAUsageError();
    void readOnlyFolderIsNamedAsTheCause();
    void jsonKeepsItsKeysAndSpeaksTheLanguageInMessages();
    void oneMailboxIsOneUser_data() { HostileInput::sameMailboxRows(); }
    void oneMailboxIsOneUser();
    void teamsFromCreationToDeletion();
};

void TestSeatctl::commands_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exit");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("err");
    const auto row = [](const char *name, const QString &args, int exit, const QString &out, const QString &err) {
        QTest::newRow(name) << args.split(QLatin1Char(' ')) << exit << out << err;
    };
    row("users list", "users list", 0, "bob@example.com +Bob +User +Sales Professional\n", "");
    row("seats list", "seats list", 0, "sales-professional +Sales Professional +2 +1 +1\n", "");
    row("assign a free seat", "assign cat@example.com service-starter", 0,
        "Assigned a Service Starter seat to cat@example\\.com\\.", "");
    row("R7 no free seat", "assign cat@example.com sales-enterprise", 1, "",
        "No free Sales Enterprise seat: 0 purchased, 0 assigned.");
    row("R3 already held", "assign bob@example.com sales-professional", 1, "",
        "bob@example.com already holds a Sales Professional seat.");
    row("unassign", "unassign bob@example.com sales", 0, "Removed the Sales Hub access of bob@example\\.com", "");
    row("unassign nothing held", "unassign cat@example.com service", 1, "", "holds no Service Hub seat");
    row("R9 delete a seat holder", "users delete bob@example.com", 1, "", "still holds a Sales Professional seat");
    row("delete", "users delete cat@example.com", 0, "Deleted cat@example\\.com", "");
    row("add", "users add dan@example.com --first Dan --role admin", 0, "Created dan@example\\.com \\(Admin\\)", "");
    row("R6 duplicate in another case", "users add BOB@EXAMPLE.COM", 1, "", "already exists");
    row("R6 invalid address", "users add dan.example.com", 1, "", "has no @");
    row("R5 a User cannot change", "--as uma@example.com seats buy sales-starter 1", 1, "",
        "uma@example.com is a User");
    row("a User can look", "--as uma@example.com seats list", 0, "Sales Starter", "");
    row("unknown operator", "--as nobody@example.com users list", 1, "", "No user has the email address");
    row("buy", "seats buy sales-starter 3", 0, "Bought 3 Sales Starter seats: 3 purchased, 0 assigned.", "");
    row("R8 release an assigned seat", "seats release sales-professional 2", 1, "",
        "Only 1 Sales Professional seat is free");
    row("R8 release", "seats release sales-professional 1", 0,
        "Released 1 Sales Professional seat: 1 purchased, 1 assigned.", "");
    row("buy zero", "seats buy sales-starter 0", 1, "", "between 1 and");
    row("buy a negative number", "seats buy sales-starter -1", 1, "", "between 1 and");
    row("release a negative number", "seats release sales-professional -5", 1, "", "between 1 and");
    row("buy past 32 bits", "seats buy sales-starter 2147483648", 1, "", "between 1 and 100000");
    row("buy past 64 bits", "seats buy sales-starter 99999999999999999999", 1, "", "between 1 and 100000");
    row("buy one too many", "seats buy sales-starter 100001", 1, "", "between 1 and 100000");
    row("ledger", "ledger", 0,
        "Assigned Sales Professional to bob@example\\.com +bob@example\\.com +— → Sales Professional", "");
    row("check", "check", 0, "The database passed every check", "");
    row("usage: unknown command", "frobnicate", 2, "", "Unknown command “frobnicate”");
    row("usage: unknown seat type", "assign bob@example.com sales-pro", 2, "", "Unknown seat type “sales-pro”");
    row("usage: unknown product", "unassign bob@example.com marketing", 2, "", "Unknown product “marketing”");
    row("usage: not a number", "seats buy sales-starter many", 2, "", "“many” is not a number of seats");
    row("usage: unknown option", "users list --colour", 2, "", "Unknown option 'colour'");
    row("usage: option of another command", "seats list --first Ada", 2, "", "go with “users add”");
    row("usage: unknown role", "users add dan@example.com --role boss", 2, "", "Unknown role “boss”");
    row("usage: missing argument", "assign bob@example.com", 2, "", "Usage: assign EMAIL TYPE");
    // R14 and editing a user.
    row("teams list, none yet", "teams list", 0, "^Team +Members\n$", "");
    row("teams add", "teams add Sales", 0, "Created the team “Sales”\\.", "");
    row("teams add nothing", "teams add", 2, "", "Usage: teams list | teams add NAME");
    row("teams rename no such team", "teams rename Sales Field", 1, "", "No team is named “Sales”");
    row("teams delete no such team", "teams delete Sales", 1, "", "No team is named “Sales”");
    row("R5 a User cannot add a team", "--as uma@example.com teams add Sales", 1, "", "uma@example.com is a User");
    row("users edit names and role", "users edit cat@example.com --first Cathy --last Smith --role admin", 0,
        "Saved cat@example\\.com\\.", "");
    row("users edit nothing", "users edit cat@example.com", 2, "", "needs something to change");
    row("users edit unknown role", "users edit cat@example.com --role boss", 2, "", "Unknown role “boss”");
    row("users edit no such team", "users edit cat@example.com --main-team Sales", 1, "", "No team is named “Sales”");
    row("users edit no such user", "users edit dan@example.com --first Dan", 1, "",
        "No user has the email address “dan@example.com”");
    row("R5 an Admin cannot make a Super admin", "--as ben@example.com users edit cat@example.com --role super-admin",
        1, "", "Only a Super admin can make or unmake a Super admin.");
    row("R5 the last Super admin stays", "users edit ada@example.com --role admin", 1, "",
        "ada@example.com is the only Super admin");
    row("usage: team option of another command", "users add dan@example.com --main-team Sales", 2, "",
        "go with “users edit”");
    // Logins are PostgreSQL's: a file has none to tie, and says so.
    row("users edit --login on SQLite", "users edit cat@example.com --login cat", 1, "",
        "Only a user of a database on a PostgreSQL server can be tied to a login.");
    row("users edit --no-login on SQLite", "users edit cat@example.com --no-login", 1, "",
        "Only a user of a database on a PostgreSQL server can be tied to a login.");
    row("usage: --login and --no-login", "users edit cat@example.com --login cat --no-login", 2, "",
        "--login and --no-login cannot go together");
    row("usage: --no-login with users add", "users add dan@example.com --no-login", 2, "",
        "--no-login goes with “users edit”");
    row("usage: --login with another command", "seats list --login cat", 2, "", "--login goes with “users add”");
}

void TestSeatctl::commands()
{
    QFETCH(QStringList, args);
    QFETCH(int, exit);
    QFETCH(QString, out);
    QFETCH(QString, err);
    const QByteArray before = TestSupport::fileHash(m_path);
    const Run run = seatctl(db(args));
    QVERIFY2(run.exit == exit, qPrintable(QStringLiteral("exit %1\n%2%3").arg(run.exit).arg(run.out, run.err)));
    // Tables are matched as patterns: their columns are padded to the widest cell.
    QVERIFY2(run.out.contains(QRegularExpression(out)), qPrintable(run.out));
    QVERIFY2(run.err.contains(err), qPrintable(run.err));
    if (exit != 0)
        QCOMPARE(TestSupport::fileHash(m_path), before); // a refusal writes nothing
}

void TestSeatctl::seatsListJson()
{
    const Run run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("seats"), QStringLiteral("list") }));
    QCOMPARE(run.exit, 0);
    const QJsonObject doc = json(run);
    QCOMPARE(doc.value(QStringLiteral("ok")).toBool(), true);
    const QJsonArray seats = doc.value(QStringLiteral("seats")).toArray();
    QCOMPARE(seats.size(), 6);
    QStringList types;
    for (const QJsonValue &v : seats)
        types << v.toObject().value(QStringLiteral("type")).toString();
    QCOMPARE(types,
             QStringList({ "sales-starter", "sales-professional", "sales-enterprise", "service-starter",
                           "service-professional", "service-enterprise" }));
    const QJsonObject pro = seats.at(1).toObject();
    QCOMPARE(pro.value(QStringLiteral("purchased")).toInt(), 2);
    QCOMPARE(pro.value(QStringLiteral("assigned")).toInt(), 1);
    QCOMPARE(pro.value(QStringLiteral("free")).toInt(), 1);
    QCOMPARE(seats.at(3).toObject().value(QStringLiteral("free")).toInt(), 1);
}

void TestSeatctl::usersListJson()
{
    const Run run = seatctl(db({ QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--json") }));
    QCOMPARE(run.exit, 0);
    const QJsonArray users = json(run).value(QStringLiteral("users")).toArray();
    QCOMPARE(users.size(), 5);
    const QJsonObject ada = users.at(0).toObject();
    QCOMPARE(ada.value(QStringLiteral("email")).toString(), QStringLiteral("ada@example.com"));
    QCOMPARE(ada.value(QStringLiteral("role")).toString(), QStringLiteral("super-admin"));
    QCOMPARE(ada.value(QStringLiteral("last_name")).toString(), QStringLiteral("Lovelace"));
    QVERIFY(ada.value(QStringLiteral("sales")).isNull());
    const QJsonObject bob = users.at(3).toObject();
    QCOMPARE(bob.value(QStringLiteral("sales")).toString(), QStringLiteral("sales-professional"));
    QVERIFY(QDateTime::fromString(bob.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs).isValid());
    // A file has no logins: the key is there, empty, and the table has no such column.
    QVERIFY(ada.contains(QStringLiteral("login")) && ada.value(QStringLiteral("login")).isNull());
    const Run table = seatctl(db({ QStringLiteral("users"), QStringLiteral("list") }));
    QVERIFY2(!table.out.contains(QStringLiteral("Database login")), qPrintable(table.out));
}

void TestSeatctl::errorsAsJson()
{
    Run run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("assign"), QStringLiteral("cat@example.com"),
                           QStringLiteral("sales-enterprise") }));
    QCOMPARE(run.exit, 1);
    QJsonObject doc = json(run);
    QCOMPARE(doc.value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(doc.value(QStringLiteral("error")).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("no-free-seat"));
    QVERIFY(doc.value(QStringLiteral("error"))
                .toObject()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("No free Sales Enterprise seat")));
    QCOMPARE(run.err, QString());

    run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("nonsense") }));
    QCOMPARE(run.exit, 2);
    QCOMPARE(json(run).value(QStringLiteral("error")).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("usage"));

    run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("seats"), QStringLiteral("buy"),
                       QStringLiteral("service-enterprise"), QStringLiteral("4") }));
    QCOMPARE(run.exit, 0);
    QCOMPARE(json(run).value(QStringLiteral("purchased")).toInt(), 4);
    QCOMPARE(json(run).value(QStringLiteral("free")).toInt(), 4);
}

void TestSeatctl::initCreatesADatabaseWithItsSuperAdmin()
{
    const QString path = m_dir->filePath(QStringLiteral("new.db"));
    Run run = seatctl({ QStringLiteral("--database"), path, QStringLiteral("init"), QStringLiteral("--admin"),
                        QStringLiteral("zoë@exämple.fr") });
    QCOMPARE(run.exit, 0);
    run = seatctl({ QStringLiteral("--database"), path, QStringLiteral("--json"), QStringLiteral("users"),
                    QStringLiteral("list") });
    const QJsonObject first = json(run).value(QStringLiteral("users")).toArray().at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("email")).toString(), QStringLiteral("zoë@exämple.fr"));
    QCOMPARE(first.value(QStringLiteral("role")).toString(), QStringLiteral("super-admin"));
    // --as defaults to that sole Super admin.
    run = seatctl({ QStringLiteral("--database"), path, QStringLiteral("seats"), QStringLiteral("buy"),
                    QStringLiteral("sales-starter"), QStringLiteral("2") });
    QCOMPARE(run.exit, 0);
    run = seatctl({ QStringLiteral("--database"), path, QStringLiteral("--json"), QStringLiteral("ledger") });
    QCOMPARE(json(run).value(QStringLiteral("ledger")).toArray().at(1).toObject().value(QStringLiteral("actor")),
             QStringLiteral("zoë@exämple.fr"));

    // Never over an existing file; and init needs its admin.
    const QByteArray before = TestSupport::fileHash(path);
    run = seatctl({ QStringLiteral("--database"), path, QStringLiteral("init"), QStringLiteral("--admin"),
                    QStringLiteral("eve@example.com") });
    QCOMPARE(run.exit, 1);
    QVERIFY(run.err.contains(QStringLiteral("already exists")));
    QCOMPARE(TestSupport::fileHash(path), before);
    run = seatctl(
        { QStringLiteral("--database"), m_dir->filePath(QStringLiteral("other.db")), QStringLiteral("init") });
    QCOMPARE(run.exit, 2);
    QVERIFY(run.err.contains(QStringLiteral("init needs --admin EMAIL")));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("other.db"))));
}

void TestSeatctl::operatorMustBeNamedWhenThereAreSeveralSuperAdmins()
{
    QCOMPARE(seatctl(db({ QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("sue@example.com"),
                          QStringLiteral("--role"), QStringLiteral("super-admin") }))
                 .exit,
             0);
    Run run = seatctl(
        db({ QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("sales-starter"), QStringLiteral("1") }));
    QCOMPARE(run.exit, 2);
    QVERIFY2(run.err.contains(QStringLiteral("This database has 2 Super admins; name the operator with --as.")),
             qPrintable(run.err));
    run = seatctl(db({ QStringLiteral("--as"), QStringLiteral("sue@example.com"), QStringLiteral("seats"),
                       QStringLiteral("buy"), QStringLiteral("sales-starter"), QStringLiteral("1") }));
    QCOMPARE(run.exit, 0);
    // Reading needs no operator.
    QCOMPARE(seatctl(db({ QStringLiteral("seats"), QStringLiteral("list") })).exit, 0);
}

// seatctl ledger says each change as the History page does, in the language
// asked for; --json keeps the stored keys whatever the language.
void TestSeatctl::ledgerSpeaksTheWordsOfTheHistoryPage()
{
    QVector<LedgerEntry> entries;
    {
        auto ledger = SeatLedger::open(m_path);
        QVERIFY(ledger);
        entries = ledger.value()->entries().value();
    }
    const LedgerEntry &assigned = entries.last();
    QCOMPARE(assigned.action, LedgerAction::SeatAssigned);
    for (const QString &language : { QStringLiteral("en"), QStringLiteral("fr") }) {
        Language::install(language);
        const Run run = seatctl(db({ QStringLiteral("--language"), language, QStringLiteral("ledger") }));
        QCOMPARE(run.exit, 0);
        for (const LedgerEntry &e : entries) {
            QVERIFY2(run.out.contains(LedgerText::what(e)), qPrintable(LedgerText::what(e) + '\n' + run.out));
            if (!LedgerText::change(e).isEmpty())
                QVERIFY2(run.out.contains(LedgerText::change(e)), qPrintable(run.out));
        }
        // The language of the locale, too.
        const Run byLocale
            = seatctl(db({ QStringLiteral("ledger") }), {},
                      language == QLatin1String("fr") ? QStringLiteral("fr_FR.UTF-8") : QStringLiteral("C.UTF-8"));
        QCOMPARE(byLocale.out, run.out);
    }
    Language::install(QStringLiteral("en"));
    QCOMPARE(LedgerText::what(assigned), QStringLiteral("Assigned Sales Professional to bob@example.com"));
    const Run english = seatctl(db({ QStringLiteral("ledger") }));
    QVERIFY(english.out.startsWith(QStringLiteral("#")));
    QVERIFY(english.out.contains(QStringLiteral("For whom")));
    QVERIFY(english.out.contains(QStringLiteral("0 → 2 purchased")));

    // --json: the stored keys, never words, in any language.
    const Run json = seatctl(
        db({ QStringLiteral("--json"), QStringLiteral("--language"), QStringLiteral("fr"), QStringLiteral("ledger") }));
    const QJsonObject last = SeatctlProcess::json(json).value(QStringLiteral("ledger")).toArray().last().toObject();
    QCOMPARE(
        last.keys(),
        (QStringList { QStringLiteral("action"), QStringLiteral("actor"), QStringLiteral("after"), QStringLiteral("at"),
                       QStringLiteral("before"), QStringLiteral("hash"), QStringLiteral("id"), QStringLiteral("login"),
                       QStringLiteral("seat_type"), QStringLiteral("subject") }));
    QCOMPARE(last.value(QStringLiteral("action")).toString(), QStringLiteral("seat-assigned"));
    QCOMPARE(last.value(QStringLiteral("after")).toString(), QStringLiteral("sales-professional"));
    QCOMPARE(last.value(QStringLiteral("before")).toString(), QString());

    const Run french = seatctl(db({ QStringLiteral("--language"), QStringLiteral("fr"), QStringLiteral("ledger") }));
    QVERIFY(english.out.contains(QStringLiteral("Bought 2 Sales Professional seats")));
    QVERIFY2(french.out.contains(QStringLiteral("Sales Pro attribué à bob@example.com")), qPrintable(french.out));
    QVERIFY2(french.out.contains(QStringLiteral("2 sièges Sales Pro achetés")), qPrintable(french.out));
    QVERIFY2(french.out.contains(QStringLiteral("— → Sales Pro")), qPrintable(french.out));
}

void TestSeatctl::speaksFrenchFromTheLocaleOrTheOption()
{
    const QString nbsp(QChar(0x00a0));
    const QStringList assign = db({ QStringLiteral("assign"), cat, QStringLiteral("sales-enterprise") });
    Run run = seatctl(assign, {}, QStringLiteral("fr_FR.UTF-8"));
    QCOMPARE(run.exit, 1);
    QCOMPARE(run.err,
             QStringLiteral("seatctl") + nbsp + QStringLiteral(": Aucun siège Sales Entreprise libre") + nbsp
                 + QStringLiteral(": 0 achetés, 0 attribués. Achetez d’abord un autre siège.\n"));
    run = seatctl(QStringList { QStringLiteral("--language"), QStringLiteral("fr") } + assign, {},
                  QStringLiteral("C.UTF-8"));
    QVERIFY2(run.err.contains(QStringLiteral("Aucun siège Sales Entreprise libre")), qPrintable(run.err));
    run = seatctl(QStringList { QStringLiteral("--language"), QStringLiteral("en") } + assign, {},
                  QStringLiteral("fr_FR.UTF-8"));
    QVERIFY2(run.err.contains(QStringLiteral("No free Sales Enterprise seat")), qPrintable(run.err));

    // Plurals and numbers in French.
    run = seatctl(db({ QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("service-enterprise"),
                       QStringLiteral("1500") }),
                  {}, QStringLiteral("fr_CA.UTF-8"));
    QCOMPARE(run.out,
             QStringLiteral("1500 sièges Service Entreprise achetés") + nbsp
                 + QStringLiteral(": 1500 achetés, 0 attribués.\n"));
    run = seatctl(db({ QStringLiteral("seats"), QStringLiteral("list") }), {}, QStringLiteral("fr_FR.UTF-8"));
    QVERIFY2(run.out.contains(QStringLiteral("1") + QChar(0x202f) + QStringLiteral("500")), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("Achetés")));

    // --json stays the same whatever the language: keys, types and kinds.
    run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("assign"), cat, QStringLiteral("sales-enterprise") }),
                  {}, QStringLiteral("fr_FR.UTF-8"));
    QCOMPARE(json(run).value(QStringLiteral("error")).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("no-free-seat"));
    run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("list") }), {},
                  QStringLiteral("fr_FR.UTF-8"));
    QCOMPARE(json(run).value(QStringLiteral("users")).toArray().at(0).toObject().value(QStringLiteral("role")),
             QStringLiteral("super-admin"));

    run = seatctl(QStringList { QStringLiteral("--language"), QStringLiteral("de") } + assign);
    QCOMPARE(run.exit, 2);
    QVERIFY(run.err.contains(QStringLiteral("Unknown language “de”")));
}

// The users as seatctl lists them, by e-mail.
QHash<QString, QJsonObject> listedUsers(const QStringList &databaseArgs)
{
    QHash<QString, QJsonObject> users;
    const Run run = seatctl(
        databaseArgs + QStringList { QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("list") });
    for (const QJsonValue &u : json(run).value(QStringLiteral("users")).toArray())
        users.insert(u.toObject().value(QStringLiteral("email")).toString(), u.toObject());
    return users;
}

void TestSeatctl::hostileEmails()
{
    QFETCH(QString, email);
    QFETCH(QString, refusal);
    if (email.contains(QChar(0)))
        QSKIP("a command line cannot carry a NUL character (the core refuses it: tst_seatledger)");
    const QByteArray before = TestSupport::fileHash(m_path);
    const Run run = seatctl(db({ QStringLiteral("users"), QStringLiteral("add"), email }));
    if (refusal.isEmpty()) {
        QVERIFY2(run.exit == 0, qPrintable(run.err));
        QVERIFY(listedUsers(db({})).contains(email)); // stored and listed exactly as given
    } else {
        QCOMPARE(run.exit, 1);
        QVERIFY2(run.err.contains(refusal), qPrintable(run.err));
        QVERIFY2(!InputText::firstHidden(run.err.trimmed()), qPrintable(run.err)); // nothing echoed raw
        QCOMPARE(TestSupport::fileHash(m_path), before);
        QCOMPARE(listedUsers(db({})).size(), 5);
    }
}

void TestSeatctl::hostileNames()
{
    QFETCH(QString, name);
    QFETCH(QString, refusal);
    if (name.contains(QChar(0)))
        QSKIP("a command line cannot carry a NUL character (the core refuses it: tst_seatledger)");
    const QString email = QStringLiteral("named@example.com");
    const QByteArray before = TestSupport::fileHash(m_path);
    const Run run = seatctl(db({ QStringLiteral("users"), QStringLiteral("add"), email, QStringLiteral("--first"), name,
                                 QStringLiteral("--last"), name }));
    if (refusal.isEmpty()) {
        QVERIFY2(run.exit == 0, qPrintable(run.err));
        const QJsonObject stored = listedUsers(db({})).value(email);
        QCOMPARE(stored.value(QStringLiteral("first_name")).toString(), name);
        QCOMPARE(stored.value(QStringLiteral("last_name")).toString(), name);
    } else {
        QCOMPARE(run.exit, 1);
        QVERIFY2(run.err.contains(refusal), qPrintable(run.err));
        QVERIFY2(!InputText::firstHidden(run.err.trimmed()), qPrintable(run.err)); // nothing echoed raw
        QCOMPARE(TestSupport::fileHash(m_path), before);
        QVERIFY(!listedUsers(db({})).contains(email));
    }
}

void TestSeatctl::oneMailboxIsOneUser()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    const auto run = [this](const QStringList &args, const QByteArray &input = {}) {
        return seatctl(db(args), input);
    };
    const auto sales = [this](const QString &email) {
        return listedUsers(db({})).value(email).value(QStringLiteral("sales")).toString();
    };
    QCOMPARE(run({ QStringLiteral("users"), QStringLiteral("add"), first, QStringLiteral("--role"),
                   QStringLiteral("admin") })
                 .exit,
             0);
    const QByteArray before = TestSupport::fileHash(m_path);
    Run r = run({ QStringLiteral("users"), QStringLiteral("add"), second });
    QCOMPARE(r.exit, 1);
    QVERIFY2(r.err.contains(QStringLiteral("“%1” already exists").arg(first)), qPrintable(r.err));
    QCOMPARE(TestSupport::fileHash(m_path), before);

    // Every way seatctl names a user finds the one stored, whichever spelling is typed.
    r = run({ QStringLiteral("assign"), second, QStringLiteral("sales-professional") });
    QVERIFY2(r.exit == 0, qPrintable(r.err));
    QCOMPARE(sales(first), QStringLiteral("sales-professional"));
    r = run({ QStringLiteral("apply"), QStringLiteral("-") },
            (QStringLiteral("unassign ") + second + " sales\n").toUtf8());
    QVERIFY2(r.exit == 0, qPrintable(r.err));
    QCOMPARE(sales(first), QString());
    r = run({ QStringLiteral("--as"), second, QStringLiteral("seats"), QStringLiteral("buy"),
              QStringLiteral("sales-starter"), QStringLiteral("1") });
    QVERIFY2(r.exit == 0, qPrintable(r.err));
    r = run({ QStringLiteral("--json"), QStringLiteral("ledger") });
    const QJsonArray entries = json(r).value(QStringLiteral("ledger")).toArray();
    QCOMPARE(entries.last().toObject().value(QStringLiteral("actor")).toString(), first); // as stored
    r = run({ QStringLiteral("users"), QStringLiteral("delete"), second });
    QVERIFY2(r.exit == 0, qPrintable(r.err));
    QCOMPARE(listedUsers(db({})).size(), 5);
    QCOMPARE(run({ QStringLiteral("check") }).exit, 0);
}

void TestSeatctl::purchasedCountsStopAtADocumentedMaximum()
{
    // 32-bit counts used to wrap after 21,476 purchases of 100,000 (2147400000 → -2147467296).
    {
        auto ledger = SeatLedger::open(m_path);
        QVERIFY(ledger);
        QVERIFY(ledger.value()->setActor(TestSupport::SmallAccount::ada));
        for (int bought = 0; bought < SeatLedger::MaxPurchasedSeats; bought += SeatLedger::MaxSeatsPerPurchase)
            QVERIFY(ledger.value()->buySeats(SeatType::SalesStarter, SeatLedger::MaxSeatsPerPurchase));
    }
    const QByteArray before = TestSupport::fileHash(m_path);
    const Run one = seatctl(
        db({ QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("sales-starter"), QStringLiteral("1") }));
    QCOMPARE(one.exit, 1);
    QVERIFY2(one.err.contains(QStringLiteral("at most 10000000 Sales Starter seats; 10000000 are purchased, so at "
                                             "most 0 more")),
             qPrintable(one.err));
    QCOMPARE(TestSupport::fileHash(m_path), before);
    const Run list = seatctl(db({ QStringLiteral("--json"), QStringLiteral("seats"), QStringLiteral("list") }));
    QCOMPARE(json(list)
                 .value(QStringLiteral("seats"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("purchased"))
                 .toInteger(),
             qint64(SeatLedger::MaxPurchasedSeats));
    QCOMPARE(seatctl(db({ QStringLiteral("check") })).exit, 0);
    // Other types are not held back by this one.
    QCOMPARE(seatctl(db({ QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("sales-enterprise"),
                          QStringLiteral("100000") }))
                 .exit,
             0);
}

void TestSeatctl::emptyDatabaseNameIsAUsageError()
{
    // It used to print "Created  with …", exit 0 and leave no file.
    QTemporaryDir cwd;
    for (const QStringList &args :
         { QStringList { QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("ada@example.com") },
           QStringList { QStringLiteral("users"), QStringLiteral("list") } }) {
        QProcess p;
        p.setWorkingDirectory(cwd.path());
        p.start(QStringLiteral(SEATCTL_PATH), QStringList { QStringLiteral("--database"), QString() } + args);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY2(p.readAllStandardError().contains("--database needs the name of a database file"),
                 qPrintable(args.join(QLatin1Char(' '))));
        QCOMPARE(QDir(cwd.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
    }
}

void TestSeatctl::readOnlyFolderIsNamedAsTheCause()
{
    // A writable database in a folder its user cannot write: SQLite cannot
    // make its journal files, even to read. It used to say "attempt to write a
    // readonly database Unable to execute statement", in French too.
    QTemporaryDir base;
    QVERIFY(QFile::setPermissions(base.path(),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                      | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
    const QString folder = base.filePath(QStringLiteral("shared"));
    QVERIFY(QDir().mkdir(folder));
    const QString path = QDir(folder).filePath(QStringLiteral("seats.db"));
    QVERIFY(QFile::copy(m_path, path));
    // As root, permissions stop nobody: the test runs seatctl as an unprivileged user.
    const bool root = ::geteuid() == 0;
    if (root)
        QCOMPARE(::chown(QFile::encodeName(path).constData(), 65534, 65534), 0);
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0644), 0);
    QCOMPARE(::chmod(QFile::encodeName(folder).constData(), 0555), 0);
    const QByteArray before = TestSupport::fileHash(path);
    const auto run = [&](const QStringList &args) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        p.setProcessEnvironment(env);
        const QStringList full = QStringList { QStringLiteral("--database"), path } + args;
        if (root)
            p.start(QStringLiteral("setpriv"),
                    QStringList { QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                  QStringLiteral("--clear-groups"), QStringLiteral(SEATCTL_PATH) }
                        + full);
        else
            p.start(QStringLiteral(SEATCTL_PATH), full);
        p.waitForFinished(30000);
        return Run { p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                     QString::fromUtf8(p.readAllStandardError()) };
    };
    Run r = run({ QStringLiteral("users"), QStringLiteral("list") });
    QCOMPARE(r.exit, 3);
    QVERIFY2(r.err.contains(QStringLiteral("The folder %1 that holds the database %2 is read-only")
                                .arg(QDir::toNativeSeparators(folder), QDir::toNativeSeparators(path))),
             qPrintable(r.err));
    QVERIFY2(!r.err.contains(QStringLiteral("Unable to")), qPrintable(r.err));
    r = run({ QStringLiteral("--language"), QStringLiteral("fr"), QStringLiteral("seats"), QStringLiteral("buy"),
              QStringLiteral("sales-starter"), QStringLiteral("1") });
    QCOMPARE(r.exit, 3);
    QVERIFY2(r.err.contains(QStringLiteral("est en lecture seule")), qPrintable(r.err));
    QVERIFY2(!r.err.contains(QStringLiteral("Impossible d")) && !r.err.contains(QStringLiteral("Unable")),
             qPrintable(r.err));
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList { QStringLiteral("seats.db") });
    QCOMPARE(TestSupport::fileHash(path), before);
    QCOMPARE(::chmod(QFile::encodeName(folder).constData(), 0755), 0);
}

void TestSeatctl::jsonKeepsItsKeysAndSpeaksTheLanguageInMessages()
{
    // The README's choice: with --json every key and code (kind, type, role,
    // action) is the same in every language; "message" is for a person and
    // follows the language, like the text output.
    const QStringList assign
        = db({ QStringLiteral("--json"), QStringLiteral("assign"), cat, QStringLiteral("sales-enterprise") });
    const Run en = seatctl(QStringList { QStringLiteral("--language"), QStringLiteral("en") } + assign);
    const Run fr = seatctl(QStringList { QStringLiteral("--language"), QStringLiteral("fr") } + assign);
    QCOMPARE(en.exit, 1);
    QCOMPARE(fr.exit, 1);
    const QJsonObject enError = json(en).value(QStringLiteral("error")).toObject();
    const QJsonObject frError = json(fr).value(QStringLiteral("error")).toObject();
    QCOMPARE(enError.keys(), frError.keys());
    QCOMPARE(frError.value(QStringLiteral("kind")).toString(), QStringLiteral("no-free-seat"));
    QVERIFY(enError.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("No free")));
    QVERIFY(frError.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("Aucun siège")));
    const QStringList list = db({ QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("list") });
    QCOMPARE(seatctl(QStringList { QStringLiteral("--language"), QStringLiteral("fr") } + list).out,
             seatctl(QStringList { QStringLiteral("--language"), QStringLiteral("en") } + list).out);
}

// R14 from a script: teams made, joined, renamed and deleted by separate
// seatctl processes, read back as JSON, each change in the ledger, check clean.
void TestSeatctl::teamsFromCreationToDeletion()
{
    const auto run = [this](const QStringList &args) {
        const Run r = seatctl(db(QStringList { QStringLiteral("--json") } + args));
        if (r.exit != 0)
            qWarning().noquote() << args << r.out << r.err;
        return r;
    };
    QCOMPARE(run({ "teams", "add", " Sales " }).exit, 0);
    QCOMPARE(run({ "teams", "add", "Support" }).exit, 0);
    Run r = run({ "teams", "add", "SALES" });
    QCOMPARE(r.exit, 1);
    QCOMPARE(json(r).value("error").toObject().value("kind").toString(), QStringLiteral("duplicate"));
    r = run({ "teams", "add", "Ops\u202E" });
    QCOMPARE(r.exit, 1);
    QVERIFY(json(r).value("error").toObject().value("message").toString().contains(QStringLiteral("U+202E")));

    r = run({ "users", "edit", "bob@example.com", "--main-team", "sales", "--add-team", "support", "--last", "Dylan" });
    QCOMPARE(r.exit, 0);
    QJsonObject bob = json(r).value("user").toObject();
    QCOMPARE(bob.value("main_team").toString(), QStringLiteral("Sales"));
    QCOMPARE(bob.value("teams").toArray(), QJsonArray { "Support" });
    QCOMPARE(bob.value("last_name").toString(), QStringLiteral("Dylan"));
    QCOMPARE(run({ "users", "edit", "cat@example.com", "--add-team", "Sales", "--add-team", "Support" }).exit, 0);

    r = run({ "teams", "list" });
    QCOMPARE(r.exit, 0);
    const QJsonArray teams = json(r).value("teams").toArray();
    QCOMPARE(teams.size(), 2);
    QCOMPARE(teams.at(0).toObject().value("name").toString(), QStringLiteral("Sales"));
    QCOMPARE(teams.at(0).toObject().value("members").toInt(), 2);

    QCOMPARE(run({ "teams", "rename", "sales", "Field sales" }).exit, 0);
    r = run({ "users", "list" });
    for (const QJsonValue &v : json(r).value("users").toArray()) {
        const QJsonObject u = v.toObject();
        if (u.value("email").toString() == QLatin1String("bob@example.com"))
            QCOMPARE(u.value("main_team").toString(), QStringLiteral("Field sales"));
        else if (u.value("email").toString() == QLatin1String("cat@example.com"))
            QCOMPARE(u.value("teams").toArray(), (QJsonArray { "Field sales", "Support" }));
        else
            QVERIFY(u.value("main_team").isNull() && u.value("teams").toArray().isEmpty());
    }
    // Leaving a team, and the main team: cat leaves Support, bob his main team.
    QCOMPARE(run({ "users", "edit", "cat@example.com", "--remove-team", "support" }).exit, 0);
    r = run({ "users", "edit", "bob@example.com", "--main-team", "" });
    QCOMPARE(r.exit, 0);
    QVERIFY(json(r).value("user").toObject().value("main_team").isNull());

    // Deleting a team with members leaves them without it, and says how many.
    const Run text = seatctl(db({ QStringLiteral("teams"), QStringLiteral("delete"), QStringLiteral("FIELD SALES") }));
    QCOMPARE(text.exit, 0);
    // (The English plural form comes from seatkeeper_en.ts once it has this string.)
    QVERIFY2(text.out.contains(QRegularExpression(QStringLiteral("^Deleted the team “Field sales”; 1 member(\\(s\\))? "
                                                                 "left it\\.\n$"))),
             qPrintable(text.out));
    r = run({ "users", "list" });
    for (const QJsonValue &v : json(r).value("users").toArray()) {
        const QJsonObject u = v.toObject();
        QVERIFY(!u.value("teams").toArray().contains(QJsonValue("Field sales")));
        QCOMPARE(u.value("teams").toArray().size(), u.value("email").toString() == QLatin1String("bob@example.com"));
    }

    r = run({ "ledger" });
    QStringList actions;
    for (const QJsonValue &v : json(r).value("ledger").toArray())
        actions << v.toObject().value("action").toString();
    QCOMPARE(actions.count("team-created"), 2);
    QCOMPARE(actions.count("team-renamed"), 1);
    QCOMPARE(actions.count("team-deleted"), 1);
    QCOMPARE(actions.count("user-teams-changed"), 5);
    QCOMPARE(actions.count("user-edited"), 1);
    r = run({ "check" });
    QCOMPARE(r.exit, 0);
    QCOMPARE(json(r).value("problems").toArray(), QJsonArray());
}

QTEST_GUILESS_MAIN(TestSeatctl)
#include "tst_seatctl.moc"
