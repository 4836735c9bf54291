// seatctl run as a real process: exit codes, messages, --json.

#include "HostileInput.h"
#include "SeatLedger.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString cat = QStringLiteral("cat@example.com");

struct Run
{
    int exit = -1;
    QString out;
    QString err;
};

Run seatctl(const QStringList &args, const QByteArray &input = {}, const QString &locale = {})
{
    QProcess p;
    if (!locale.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), locale);
        env.insert(QStringLiteral("LANG"), locale);
        p.setProcessEnvironment(env);
    }
    p.start(QStringLiteral(SEATCTL_PATH), args);
    if (!p.waitForStarted())
        return {};
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
             QString::fromUtf8(p.readAllStandardError()) };
}

QJsonObject json(const Run &run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

} // namespace

class TestSeatctl : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void commands_data();
    void commands();
    void seatsListJson();
    void usersListJson();
    void errorsAsJson();
    void initCreatesADatabaseWithItsSuperAdmin();
    void operatorMustBeNamedWhenThereAreSeveralSuperAdmins();
    void storageErrorsExitThreeAndChangeNothing_data();
    void storageErrorsExitThreeAndChangeNothing();
    void applyIsAllOrNothing();
    void applyReadsStandardInput();
    void badPlansChangeNothing_data();
    void badPlansChangeNothing();
    void checkReportsTampering();
    void lockedDatabaseExitsThree();
    void speaksFrenchFromTheLocaleOrTheOption();
    void backupListAndRestore();
    void hostileEmails_data() { HostileInput::emailRows(); }
    void hostileEmails();
    void hostileNames_data() { HostileInput::nameRows(); }
    void hostileNames();
    void dailyBackupComesBeforeTheFirstChange();
    void restoreRefusesWhatIsNotABackup();

private:
    QStringList db(const QStringList &args) const
    {
        return QStringList { QStringLiteral("--database"), m_path } + args;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestSeatctl::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("seats.db"));
    QVERIFY(TestSupport::smallAccount(m_path));
}

void TestSeatctl::cleanup()
{
    m_dir.reset();
}

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
    row("ledger", "ledger", 0, "seat-assigned +bob@example.com +sales-professional +→ sales-professional", "");
    row("check", "check", 0, "The database passed every check", "");
    row("usage: unknown command", "frobnicate", 2, "", "Unknown command “frobnicate”");
    row("usage: unknown seat type", "assign bob@example.com sales-pro", 2, "", "Unknown seat type “sales-pro”");
    row("usage: unknown product", "unassign bob@example.com marketing", 2, "", "Unknown product “marketing”");
    row("usage: not a number", "seats buy sales-starter many", 2, "", "“many” is not a number of seats");
    row("usage: unknown option", "users list --colour", 2, "", "Unknown option 'colour'");
    row("usage: option of another command", "seats list --first Ada", 2, "", "go with “users add”");
    row("usage: unknown role", "users add dan@example.com --role boss", 2, "", "Unknown role “boss”");
    row("usage: missing argument", "assign bob@example.com", 2, "", "Usage: assign EMAIL TYPE");
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

void TestSeatctl::storageErrorsExitThreeAndChangeNothing_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("random bytes") << QByteArray(4096, '\x5a') << "is not a Seatkeeper database";
    QTest::newRow("empty file") << QByteArray() << "is empty";
    QTest::newRow("missing file") << QByteArray("-") << "does not exist";
    QTest::newRow("missing folder") << QByteArray("missing folder") << "The folder";
    QTest::newRow("another application's") << QByteArray("foreign") << "another application";
    QTest::newRow("newer schema") << QByteArray("newer") << "newer version of Seatkeeper";
    QTest::newRow("truncated") << QByteArray("truncated") << "is damaged";
}

void TestSeatctl::storageErrorsExitThreeAndChangeNothing()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const QString path
        = m_dir->filePath(content == "missing folder" ? QStringLiteral("gone/other.db") : QStringLiteral("other.db"));
    if (content != "-" && content != "missing folder")
        QVERIFY(TestSupport::writeUnusableFile(path, content));
    const QStringList folder = QDir(m_dir->path()).entryList(QDir::Files, QDir::Name);
    const QByteArray before = TestSupport::fileHash(path);
    for (const QStringList &command : { QStringList { QStringLiteral("users"), QStringLiteral("list") },
                                        QStringList { QStringLiteral("seats"), QStringLiteral("buy"),
                                                      QStringLiteral("sales-starter"), QStringLiteral("1") } }) {
        const Run run = seatctl(QStringList { QStringLiteral("--database"), path } + command);
        QCOMPARE(run.exit, 3);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(TestSupport::fileHash(path), before);
    }
    QCOMPARE(QFile::exists(path), content != "-" && content != "missing folder");
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("gone"))));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files, QDir::Name), folder); // no backup, journal or log left behind
}

void TestSeatctl::applyIsAllOrNothing()
{
    const QString plan = m_dir->filePath(QStringLiteral("plan.txt"));
    const auto writePlan = [&](const QByteArray &text) {
        QFile f(plan);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    };
    writePlan("assign cat@example.com sales-professional\r\n"
              "assign uma@example.com service-starter\r\n"
              "assign ada@example.com sales-professional\r\n");
    const QByteArray before = TestSupport::fileHash(m_path);
    Run run = seatctl(db({ QStringLiteral("apply"), plan }));
    QCOMPARE(run.exit, 1);
    QVERIFY2(run.err.contains(QStringLiteral("Sales Professional: 2 purchased, 3 would be assigned. Buy 1 more")),
             qPrintable(run.err));
    QCOMPARE(TestSupport::fileHash(m_path), before);

    writePlan("assign cat@example.com sales-professional\nassign uma@example.com service-strter\n");
    run = seatctl(db({ QStringLiteral("apply"), plan }));
    QCOMPARE(run.exit, 1);
    QVERIFY2(run.err.contains(QStringLiteral("Line 2: unknown seat type “service-strter”")), qPrintable(run.err));
    QCOMPARE(TestSupport::fileHash(m_path), before);

    writePlan("\xEF\xBB\xBF# Q3 seats\nassign cat@example.com sales-professional\nassign uma@example.com "
              "service-starter\nunassign bob@example.com sales\n");
    run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("apply"), plan }));
    QCOMPARE(run.exit, 0);
    QCOMPARE(json(run).value(QStringLiteral("applied")).toInt(), 3);
    run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("list") }));
    const QJsonArray users = json(run).value(QStringLiteral("users")).toArray();
    QCOMPARE(users.at(2).toObject().value(QStringLiteral("service")).toString(), QStringLiteral("service-starter"));
    QVERIFY(users.at(3).toObject().value(QStringLiteral("sales")).isNull());
    QCOMPARE(users.at(4).toObject().value(QStringLiteral("sales")).toString(), QStringLiteral("sales-professional"));

    run = seatctl(db({ QStringLiteral("apply"), m_dir->filePath(QStringLiteral("missing.txt")) }));
    QCOMPARE(run.exit, 2);
    QVERIFY(run.err.contains(QStringLiteral("Cannot read the plan")));
}

void TestSeatctl::badPlansChangeNothing_data()
{
    QTest::addColumn<QByteArray>("plan");
    QTest::addColumn<QString>("message");
    const QByteArray good("assign cat@example.com service-starter\r\n");
    QTest::newRow("malformed line after good ones") << good + "assign uma@example.com\r\n"
                                                    << "Line 2: expected “assign";
    QTest::newRow("unknown type") << good + QByteArray(good).replace("cat", "uma").replace("starter", "strter")
                                  << "Line 2: unknown seat type “service-strter”";
    QTest::newRow("BOM then an unknown command")
        << QByteArray("\xEF\xBB\xBFgive cat@example.com sales\n") << "Line 1: unknown command “give”";
    QTest::newRow("NUL byte") << good + QByteArray("assign uma@example.com sales-starter\0\n", 37)
                              << "Line 2: the line contains a NUL character";
    QTest::newRow("not UTF-8") << good + QByteArray("assign \xff@example.com sales-starter\n")
                               << "Line 2: the text is not valid UTF-8";
    QByteArray huge;
    huge.reserve(50 * 1024 * 1024 + 64);
    while (huge.size() < 50 * 1024 * 1024)
        huge += good;
    QTest::newRow("50 MB") << huge << "The plan is 50 MB; a plan may be at most 32 MB.";
}

void TestSeatctl::badPlansChangeNothing()
{
    QFETCH(QByteArray, plan);
    QFETCH(QString, message);
    const QString file = m_dir->filePath(QStringLiteral("bad.plan"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(plan);
    }
    const QByteArray before = TestSupport::fileHash(m_path);
    const Run run = seatctl(db({ QStringLiteral("apply"), file }));
    QCOMPARE(run.exit, 1);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QCOMPARE(TestSupport::fileHash(m_path), before);
}

void TestSeatctl::applyReadsStandardInput()
{
    const Run run
        = seatctl(db({ QStringLiteral("apply"), QStringLiteral("-") }), "assign cat@example.com service-starter\n");
    QCOMPARE(run.exit, 0);
    QVERIFY(run.out.contains(QStringLiteral("Applied 1 change.")));
}

void TestSeatctl::checkReportsTampering()
{
    {
        TestSupport::RawConnection raw(m_path);
        QCOMPARE(raw.exec(QStringLiteral("DROP TRIGGER ledger_no_update")), QString());
        QCOMPARE(raw.exec(QStringLiteral("UPDATE ledger SET new_value = '9' WHERE action = 'seats-bought'")),
                 QString());
    }
    Run run = seatctl(db({ QStringLiteral("check") }));
    QCOMPARE(run.exit, 3);
    QVERIFY2(run.err.contains(QStringLiteral("was altered")), qPrintable(run.err));
    run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("check") }));
    QCOMPARE(run.exit, 3);
    QCOMPARE(json(run).value(QStringLiteral("ok")).toBool(true), false);
    QVERIFY(json(run).value(QStringLiteral("problems")).toArray().size() >= 2); // the chain and the replay
}

void TestSeatctl::lockedDatabaseExitsThree()
{
    TestSupport::RawConnection other(m_path);
    QCOMPARE(other.exec(QStringLiteral("BEGIN IMMEDIATE")), QString());
    const Run run = seatctl(
        db({ QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("sales-starter"), QStringLiteral("1") }));
    QCOMPARE(run.exit, 3);
    QVERIFY2(run.err.contains(QStringLiteral("is locked by another program")), qPrintable(run.err));
    QCOMPARE(other.exec(QStringLiteral("ROLLBACK")), QString());
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

void TestSeatctl::backupListAndRestore()
{
    Run run = seatctl(db({ QStringLiteral("backup"), QStringLiteral("list") }));
    QCOMPARE(run.exit, 0);
    QVERIFY2(run.out.contains(QStringLiteral("There is no backup")), qPrintable(run.out));

    run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("backup") }));
    QCOMPARE(run.exit, 0);
    const QString backup
        = json(run).value(QStringLiteral("backup")).toObject().value(QStringLiteral("path")).toString();
    QVERIFY(QFile::exists(backup));
    const QString before = seatctl(db({ QStringLiteral("users"), QStringLiteral("list") })).out;

    // A change after the backup, then the file is damaged: every command exits 3.
    QCOMPARE(seatctl(db({ QStringLiteral("assign"), cat, QStringLiteral("sales-professional") })).exit, 0);
    {
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(4096));
        f.write(QByteArray(int(f.size()) - 4096, '\x33'));
    }
    QCOMPARE(seatctl(db({ QStringLiteral("check") })).exit, 3);

    run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("backup"), QStringLiteral("list") }));
    QCOMPARE(run.exit, 0);
    const QJsonArray listed = json(run).value(QStringLiteral("backups")).toArray();
    QVERIFY(listed.size() >= 1);
    QCOMPARE(listed.first().toObject().value(QStringLiteral("path")).toString(), backup);
    QVERIFY(
        QDateTime::fromString(listed.first().toObject().value(QStringLiteral("taken_at")).toString(), Qt::ISODateWithMs)
            .isValid());

    const QByteArray damaged = TestSupport::fileHash(m_path);
    run = seatctl(db({ QStringLiteral("restore"), QStringLiteral("latest") }));
    QCOMPARE(run.exit, 0);
    QVERIFY2(run.out.contains(QStringLiteral("Restored")), qPrintable(run.out));
    const QRegularExpression kept(QStringLiteral("kept as (\\S+)\\."));
    const auto match = kept.match(run.out);
    QVERIFY2(match.hasMatch(), qPrintable(run.out));
    QCOMPARE(TestSupport::fileHash(match.captured(1)), damaged);
    QCOMPARE(seatctl(db({ QStringLiteral("check") })).exit, 0);
    QCOMPARE(seatctl(db({ QStringLiteral("users"), QStringLiteral("list") })).out, before);
}

void TestSeatctl::dailyBackupComesBeforeTheFirstChange()
{
    // Reading commands write nothing, not even a backup.
    QCOMPARE(seatctl(db({ QStringLiteral("users"), QStringLiteral("list") })).exit, 0);
    QCOMPARE(seatctl(db({ QStringLiteral("check") })).exit, 0);
    QCOMPARE(json(seatctl(db({ QStringLiteral("--json"), QStringLiteral("backup"), QStringLiteral("list") })))
                 .value(QStringLiteral("backups"))
                 .toArray()
                 .size(),
             0);

    QCOMPARE(seatctl(db({ QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("sales-starter"),
                          QStringLiteral("4") }))
                 .exit,
             0);
    QCOMPARE(seatctl(db({ QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("sales-starter"),
                          QStringLiteral("1") }))
                 .exit,
             0);
    Run run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("backup"), QStringLiteral("list") }));
    const QJsonArray listed = json(run).value(QStringLiteral("backups")).toArray();
    QCOMPARE(listed.size(), 1); // once a day, not once a command
    // The backup holds the state from before the day's first change.
    const QString copy = m_dir->filePath(QStringLiteral("copy.db"));
    QCOMPARE(seatctl({ QStringLiteral("--database"), copy, QStringLiteral("restore"),
                       listed.first().toObject().value(QStringLiteral("path")).toString() })
                 .exit,
             0);
    run = seatctl({ QStringLiteral("--database"), copy, QStringLiteral("--json"), QStringLiteral("seats"),
                    QStringLiteral("list") });
    int seen = 0;
    for (const QJsonValue &seat : json(run).value(QStringLiteral("seats")).toArray()) {
        if (seat.toObject().value(QStringLiteral("type")).toString() == QLatin1String("sales-starter")) {
            QCOMPARE(seat.toObject().value(QStringLiteral("purchased")).toInt(), 0);
            ++seen;
        }
    }
    QCOMPARE(seen, 1);
}

void TestSeatctl::restoreRefusesWhatIsNotABackup()
{
    const QByteArray before = TestSupport::fileHash(m_path);
    Run run = seatctl(db({ QStringLiteral("restore"), m_dir->filePath(QStringLiteral("nothing.backup")) }));
    QCOMPARE(run.exit, 2);
    QVERIFY2(run.err.contains(QStringLiteral("does not exist")), qPrintable(run.err));
    run = seatctl(db({ QStringLiteral("restore"), QStringLiteral("latest") }));
    QCOMPARE(run.exit, 1);
    QVERIFY2(run.err.contains(QStringLiteral("There is no backup")), qPrintable(run.err));
    const QString text = m_dir->filePath(QStringLiteral("notes.txt"));
    {
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a database\n");
    }
    run = seatctl(db({ QStringLiteral("restore"), text }));
    QCOMPARE(run.exit, 3);
    QVERIFY2(run.err.contains(QStringLiteral("cannot be restored")), qPrintable(run.err));
    QCOMPARE(TestSupport::fileHash(m_path), before);
    QCOMPARE(seatctl(db({ QStringLiteral("restore") })).exit, 2);
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
        QCOMPARE(TestSupport::fileHash(m_path), before);
        QVERIFY(!listedUsers(db({})).contains(email));
    }
}

QTEST_GUILESS_MAIN(TestSeatctl)
#include "tst_seatctl.moc"
