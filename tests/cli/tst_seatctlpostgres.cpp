// seatctl and the window on a shared PostgreSQL database (issue 13, first
// part): the whole round trip from init to check, what it refuses, real
// processes racing for the last seat, and the real window beside seatctl. Runs
// on the server scripts/with-postgres.sh starts.

#include "Language.h"
#include "PostgresServer.h"
#include "Processes.h"
#include "SeatctlFixture.h"
#include "SeatLedger.h"

#include <QJsonArray>

using SeatctlProcess::json;
using SeatctlProcess::Run;
using SeatctlProcess::seatctl;

class TestSeatctlPostgres : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void fromInitToCheck();
    void aDatabaseOfAnotherApplicationIsLeftAlone();
    void passwordsStayOutOfTheAddress();
    void backupsAreTheServersBusiness();
    void twoProcessesRaceForTheLastSeat();
    void theWindowAndSeatctlShareTheDatabase();
    void teamsAndEditsOnTheServer();

private:
    QStringList db(const QStringList &args) const { return QStringList { QStringLiteral("--database"), m_uri } + args; }

    QString m_uri;
};

void TestSeatctlPostgres::initTestCase()
{
    Language::install(QStringLiteral("en"));
    if (!PostgresServer::available())
        QSKIP(PostgresServer::unavailable);
}

void TestSeatctlPostgres::init()
{
    m_uri = PostgresServer::createDatabase();
}

void TestSeatctlPostgres::cleanup()
{
    PostgresServer::dropDatabase(m_uri);
}

void TestSeatctlPostgres::fromInitToCheck()
{
    Run run = seatctl(db({ QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("ada@example.com") }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(m_uri));
    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("bob@example.com"),
                       QStringLiteral("--first"), QStringLiteral("Bob") }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    run = seatctl(db(
        { QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("sales-professional"), QStringLiteral("1") }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    run = seatctl(
        db({ QStringLiteral("assign"), QStringLiteral("bob@example.com"), QStringLiteral("sales-professional") }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    QVERIFY(run.err.isEmpty()); // no warning about backups, no server notice

    run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("seats"), QStringLiteral("list") }));
    QCOMPARE(run.exit, 0);
    bool found = false;
    for (const QJsonValue &v : json(run).value(QStringLiteral("seats")).toArray()) {
        const QJsonObject seat = v.toObject();
        if (seat.value(QStringLiteral("type")).toString() != QLatin1String("sales-professional"))
            continue;
        found = true;
        QCOMPARE(seat.value(QStringLiteral("purchased")).toInt(), 1);
        QCOMPARE(seat.value(QStringLiteral("assigned")).toInt(), 1);
    }
    QVERIFY2(found, qPrintable(run.out));

    // A second Sales seat for nobody: R7 on the server too.
    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("cat@example.com") }));
    QCOMPARE(run.exit, 0);
    run = seatctl(
        db({ QStringLiteral("assign"), QStringLiteral("cat@example.com"), QStringLiteral("sales-professional") }));
    QCOMPARE(run.exit, 1);

    run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("ledger") }));
    QCOMPARE(run.exit, 0);
    const QJsonArray ledger = json(run).value(QStringLiteral("ledger")).toArray();
    QCOMPARE(ledger.size(), 5); // ada, bob, 1 seat bought, bob's seat, cat
    QCOMPARE(ledger.at(3).toObject().value(QStringLiteral("action")).toString(), QStringLiteral("seat-assigned"));
    QCOMPARE(ledger.at(3).toObject().value(QStringLiteral("actor")).toString(), QStringLiteral("ada@example.com"));

    run = seatctl(db({ QStringLiteral("check") }));
    QVERIFY2(run.exit == 0, qPrintable(run.out + run.err));

    // A second init over it: refused, nothing changed.
    run = seatctl(db({ QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("eve@example.com") }));
    QCOMPARE(run.exit, 1);
    QVERIFY2(run.err.contains(QStringLiteral("already holds Seatkeeper data")), qPrintable(run.err));
    run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("list") }));
    QCOMPARE(json(run).value(QStringLiteral("users")).toArray().size(), 3);

    // A server change that breaks the chain is found by check.
    QCOMPARE(PostgresServer::exec(m_uri,
                                  QStringLiteral("UPDATE seat_types SET purchased = 7 WHERE type = "
                                                 "'service-starter'")),
             QString());
    run = seatctl(db({ QStringLiteral("check") }));
    QCOMPARE(run.exit, 3);
    QVERIFY2(run.out.contains(QStringLiteral("service-starter")) || run.err.contains(QStringLiteral("service-starter")),
             qPrintable(run.out + run.err));
}

void TestSeatctlPostgres::aDatabaseOfAnotherApplicationIsLeftAlone()
{
    QCOMPARE(PostgresServer::exec(m_uri, QStringLiteral("CREATE TABLE invoices (id INT)")), QString());
    QCOMPARE(PostgresServer::exec(m_uri, QStringLiteral("INSERT INTO invoices VALUES (1)")), QString());
    Run run = seatctl(db({ QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("ada@example.com") }));
    QCOMPARE(run.exit, 1);
    QVERIFY2(run.err.contains(QStringLiteral("another application")), qPrintable(run.err));
    // Only its own table, as it was.
    QVERIFY(!PostgresServer::exec(m_uri, QStringLiteral("SELECT 1 FROM users")).isEmpty());
    QCOMPARE(PostgresServer::exec(m_uri, QStringLiteral("DELETE FROM invoices WHERE id = 1")), QString());

    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("list") }));
    QCOMPARE(run.exit, 3);
    QVERIFY2(run.err.contains(QStringLiteral("not a Seatkeeper database")), qPrintable(run.err));

    const QString empty = PostgresServer::createDatabase();
    run = seatctl({ QStringLiteral("--database"), empty, QStringLiteral("users"), QStringLiteral("list") });
    PostgresServer::dropDatabase(empty);
    QCOMPARE(run.exit, 3);
    QVERIFY2(run.err.contains(QStringLiteral("is empty")), qPrintable(run.err));
}

void TestSeatctlPostgres::passwordsStayOutOfTheAddress()
{
    QString withPassword = m_uri;
    withPassword.replace(QStringLiteral("seatkeeper@"), QStringLiteral("seatkeeper:hunter2@"));
    QVERIFY(withPassword != m_uri);
    Run run = seatctl({ QStringLiteral("--database"), withPassword, QStringLiteral("init"), QStringLiteral("--admin"),
                        QStringLiteral("ada@example.com") });
    QVERIFY(run.exit != 0);
    QVERIFY2(run.err.contains(QStringLiteral("carries a password")), qPrintable(run.err));
    QVERIFY(!run.err.contains(QStringLiteral("hunter2")));
    run = seatctl({ QStringLiteral("--database"), m_uri + QStringLiteral("?password=hunter2"), QStringLiteral("users"),
                    QStringLiteral("list") });
    QVERIFY(run.exit != 0);
    QVERIFY2(run.err.contains(QStringLiteral("carries a password")), qPrintable(run.err));
    // Nothing was created.
    QVERIFY(!PostgresServer::exec(m_uri, QStringLiteral("SELECT 1 FROM users")).isEmpty());
}

void TestSeatctlPostgres::backupsAreTheServersBusiness()
{
    QCOMPARE(seatctl(db({ QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("ada@example.com") })).exit,
             0);
    for (const QStringList &args :
         { QStringList { QStringLiteral("backup") }, QStringList { QStringLiteral("backup"), QStringLiteral("list") },
           QStringList { QStringLiteral("restore"), QStringLiteral("latest") },
           QStringList { QStringLiteral("restore"), QStringLiteral("/tmp/x.backup") } }) {
        const Run run = seatctl(db(args));
        QVERIFY2(run.exit == 1, qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") + run.err));
        QVERIFY2(run.err.contains(QStringLiteral("pg_dump")), qPrintable(run.err));
    }
}

// Exactly one of two processes gets the last seat, every time, and the ledger
// stays one chain.
void TestSeatctlPostgres::twoProcessesRaceForTheLastSeat()
{
    const int rounds = 20;
    QCOMPARE(seatctl(db({ QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("ada@example.com") })).exit,
             0);
    auto ledger = SeatLedger::open(m_uri);
    QVERIFY2(ledger, ledger ? "" : qPrintable(ledger.error().message));
    QVERIFY(ledger.value()->setActor(QStringLiteral("ada@example.com")).ok());
    QVector<NewUser> people;
    for (int i = 0; i < 2 * rounds; ++i)
        people.append(NewUser { QStringLiteral("racer%1@example.com").arg(i), {}, {}, Role::User, {}, {} });
    QVERIFY(ledger.value()->createUsers(people).ok());

    int firstWins = 0;
    for (int round = 0; round < rounds; ++round) {
        QVERIFY(ledger.value()->buySeats(SeatType::ServiceEnterprise, 1).ok());
        QProcess a, b;
        const auto start = [this](QProcess &p, int who) {
            p.start(QStringLiteral(SEATCTL_PATH),
                    db({ QStringLiteral("--json"), QStringLiteral("assign"),
                         QStringLiteral("racer%1@example.com").arg(who), QStringLiteral("service-enterprise") }));
        };
        start(a, 2 * round);
        start(b, 2 * round + 1);
        QVERIFY(a.waitForFinished(60000));
        QVERIFY(b.waitForFinished(60000));
        const QByteArray errA = a.readAllStandardError() + a.readAllStandardOutput();
        const QByteArray errB = b.readAllStandardError() + b.readAllStandardOutput();
        const QList<int> exits { a.exitCode(), b.exitCode() };
        QVERIFY2(exits.contains(0) && exits.contains(1),
                 qPrintable(QStringLiteral("round %1: exits %2 and %3\n%4\n%5")
                                .arg(round)
                                .arg(exits.at(0))
                                .arg(exits.at(1))
                                .arg(QString::fromUtf8(errA), QString::fromUtf8(errB))));
        const QByteArray loser = exits.at(0) == 1 ? errA : errB;
        QVERIFY2(loser.contains("no-free-seat"), loser.constData());
        firstWins += exits.at(0) == 0;
    }
    qInfo("%d races for the last seat: the first process won %d, the second %d", rounds, firstWins, rounds - firstWins);
    const auto counts = ledger.value()->seatCounts().value()[seatTypeIndex(SeatType::ServiceEnterprise)];
    QCOMPARE(counts.purchased, rounds);
    QCOMPARE(counts.assigned, rounds);
    QCOMPARE(ledger.value()->check().value(), QStringList());
}

// The real window on the server, with seatctl writing beside it: what either
// saves, the other reads; the window notices seatctl's change by itself.
void TestSeatctlPostgres::theWindowAndSeatctlShareTheDatabase()
{
    QCOMPARE(seatctl(db({ QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("ada@example.com") })).exit,
             0);
    QCOMPARE(seatctl(db({ QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("sales-starter"),
                          QStringLiteral("1") }))
                 .exit,
             0);
    QTemporaryDir home;
    Processes::Window window(QStringLiteral(SEATKEEPER_PATH), m_uri, home.path(), QStringLiteral("ada@example.com"));
    QVERIFY2(window.ready(), window.errors().constData());
    QCOMPARE(window.command("create bob@example.com"), QByteArray("saved create bob@example.com"));
    QCOMPARE(window.command("grid bob@example.com sales-starter on"),
             QByteArray("saved grid bob@example.com sales-starter on"));
    Run run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("list") }));
    QVERIFY2(run.out.contains(QStringLiteral("bob@example.com")), qPrintable(run.out));

    QCOMPARE(seatctl(db({ QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("cat@example.com") })).exit,
             0);
    QTRY_VERIFY_WITH_TIMEOUT(window.users().contains(QStringLiteral("cat@example.com")), 15000);
    // The last seat is bob's: the window is refused too, and says so.
    QVERIFY(window.command("grid cat@example.com sales-starter on").startsWith("refused"));
    run = seatctl(db({ QStringLiteral("check") }));
    QVERIFY2(run.exit == 0, qPrintable(run.out + run.err));
    QVERIFY(window.quit());
}

// R14 and user edits through seatctl on the server: separate processes, one
// ledger, check replays it.
void TestSeatctlPostgres::teamsAndEditsOnTheServer()
{
    const auto ok = [this](const QStringList &args) {
        const Run run = seatctl(db(args));
        QVERIFY2(run.exit == 0, qPrintable(args.join(QLatin1Char(' ')) + QLatin1Char('\n') + run.out + run.err));
    };
    ok({ "init", "--admin", "ada@example.com" });
    ok({ "users", "add", "bob@example.com" });
    ok({ "teams", "add", "Sales" });
    ok({ "teams", "add", "Support" });
    ok({ "users", "edit", "bob@example.com", "--main-team", "SALES", "--add-team", "support", "--role", "admin" });
    Run run = seatctl(db({ "teams", "add", "sales" }));
    QCOMPARE(run.exit, 1);
    run = seatctl(db({ "users", "edit", "ada@example.com", "--role", "user" }));
    QCOMPARE(run.exit, 1);
    QVERIFY(run.err.contains(QStringLiteral("the only Super admin")));
    ok({ "teams", "rename", "Sales", "Field sales" });
    run = seatctl(db({ "--json", "users", "list" }));
    const QJsonObject bob = json(run).value("users").toArray().at(1).toObject();
    QCOMPARE(bob.value("main_team").toString(), QStringLiteral("Field sales"));
    QCOMPARE(bob.value("teams").toArray(), QJsonArray { "Support" });
    QCOMPARE(bob.value("role").toString(), QStringLiteral("admin"));
    ok({ "teams", "delete", "support" });
    run = seatctl(db({ "--json", "teams", "list" }));
    QCOMPARE(json(run).value("teams").toArray().size(), 1);
    QCOMPARE(json(run).value("teams").toArray().at(0).toObject().value("members").toInt(), 1);
    run = seatctl(db({ "check" }));
    QVERIFY2(run.exit == 0, qPrintable(run.out + run.err));
}

QTEST_GUILESS_MAIN(TestSeatctlPostgres)
#include "tst_seatctlpostgres.moc"
