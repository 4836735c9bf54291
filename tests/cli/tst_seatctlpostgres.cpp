// seatctl and the window on a shared PostgreSQL database (issue 13, first
// part): the whole round trip from init to check, what it refuses, real
// processes racing for the last seat, and the real window beside seatctl. Runs
// on the server scripts/with-postgres.sh starts.

#include "Language.h"
#include "PostgresServer.h"
#include "Processes.h"
#include "SeatctlFixture.h"
#include "SeatLedger.h"

#include <memory>
#include <QDirIterator>
#include <QJsonArray>
#include <QStandardPaths>
#include <QThread>

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
    void eachLoginActsAsItsOwnUser();
    void anOwnerWhoIsNoSuperuserRunsInit();
    void theWindowActsAsItsLogin();
    void aUsersLoginChangesNothingFromPsql();
    void anAdminsLoginCannotBreakTheRulesFromPsql();
    void anAdminsDirectWriteIsLedgeredUnderItsLogin();
    void anAdminsForgedEntriesAreRefusedFromPsql();
    void anEntryTellsWhatItsTransactionDid();
    void aUsersTeamsAreToldFromWhereTheyWere();
    void onlyAdminsLoginsMayMakeWritersWait();
    void entriesAreDatedByTheServer();
    void entriesCarryTheirOwnLoginAndTransaction();
    void anEntryIsNeverDatedBeforeTheOneItFollows();
    void anotherSessionCannotBlockACommit();
    void aClientWithAWrongClockWritesTheServersTime();
    void killedDuringAnApplyAllOrNothing();
    void concurrentWritersKeepOneChain();
    void theWindowSwitchesToAnotherDatabase();
    void teamsAndEditsOnTheServer();
    void aSuperAdminTiesAnExistingUserToALogin();
    void loginChangesAreRefusedWithAReason();
    void aWindowOnAnUntiedLoginIsReadOnlyUntilTied();

private:
    QStringList db(const QStringList &args) const { return QStringList { QStringLiteral("--database"), m_uri } + args; }
    // The test database's address as `login` connects to it.
    QString uriAs(const QString &login) const
    {
        QUrl url(m_uri);
        url.setUserName(login);
        return url.toString();
    }
    QStringList dbAs(const QString &login, const QStringList &args) const
    {
        return QStringList { QStringLiteral("--database"), uriAs(login) } + args;
    }
    // A login of its own for this test (logins belong to the whole server).
    QString makeLogin(const QString &what)
    {
        const QString name = QUrl(m_uri).path().mid(1) + QLatin1Char('_') + what;
        const QString error
            = PostgresServer::exec(PostgresServer::maintenanceUri(), QStringLiteral("CREATE ROLE %1 LOGIN").arg(name));
        if (!error.isEmpty())
            qWarning("CREATE ROLE %s: %s", qPrintable(name), qPrintable(error));
        m_logins << name;
        return name;
    }
    // psql, a real process, as `login`: stops at the first error.
    // `rowsOnly`: the rows' values alone, separated by |.
    Run psql(const QString &login, const QString &sql, bool rowsOnly = false) const
    {
        QProcess p;
        p.start(QStringLiteral("psql"),
                QStringList { QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                              QStringLiteral("ON_ERROR_STOP=1"), uriAs(login), QStringLiteral("-c"), sql }
                    + (rowsOnly ? QStringList { QStringLiteral("-t"), QStringLiteral("-A") } : QStringList()));
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return { -1, {}, QStringLiteral("timed out") };
        }
        return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                 QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()) };
    }
    // psql as `login`, kept open: statements are written to it one by one
    // (a transaction left open, a lock held). Known to the server by `name`.
    std::unique_ptr<QProcess> session(const QString &login, const QString &name) const
    {
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGAPPNAME"), name);
        p->setProcessEnvironment(env);
        p->start(QStringLiteral("psql"),
                 { QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                   uriAs(login) });
        p->waitForStarted();
        return p;
    }
    // The server's process of the session `name` once it waits in the state `state`, else 0.
    QString sessionPid(const QString &name, const QString &state) const
    {
        for (int attempt = 0; attempt < 100; ++attempt) {
            const QString pid = psql(QStringLiteral("seatkeeper"),
                                     QStringLiteral("SELECT pid FROM pg_stat_activity WHERE application_name = '%1' "
                                                    "AND state = '%2'")
                                         .arg(name, state),
                                     true)
                                    .out.trimmed();
            if (!pid.isEmpty())
                return pid;
            QThread::msleep(100);
        }
        return QStringLiteral("0");
    }
    // Sends `sql` to a session now (QProcess writes only from the event loop otherwise).
    static void send(QProcess &p, const QByteArray &sql)
    {
        p.write(sql);
        p.waitForBytesWritten(10000);
    }
    // Ends `p`'s input and waits for it; its exit code.
    static int finish(QProcess &p)
    {
        p.closeWriteChannel();
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return -1;
        }
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

    // What a write from outside could change: every table's rows, as text.
    QString state() const
    {
        return psql(QStringLiteral("seatkeeper"),
                    QStringLiteral("SELECT (SELECT string_agg(id || ':' || email || ':' || role || ':' || "
                                   "COALESCE(login, '-') || ':' || first_name || ':' || last_name, ',' ORDER BY id) "
                                   "FROM users), (SELECT string_agg(type || ':' "
                                   "|| purchased || ':' || assigned, ',' ORDER BY type) FROM seat_types), (SELECT "
                                   "string_agg(user_id || ':' || seat_type, ',' ORDER BY user_id, product) FROM "
                                   "assignments), (SELECT COUNT(*) || ':' || MAX(hash) FROM ledger), (SELECT "
                                   "string_agg(key || '=' || value, ',' ORDER BY key) FROM seatkeeper_meta), (SELECT "
                                   "string_agg(name, ',' ORDER BY name) FROM teams), (SELECT COUNT(*) FROM "
                                   "team_members)"))
            .out;
    }
    // The server's time now, as ledger entries carry it.
    static QString serverTimeSql(const QString &when = QStringLiteral("now()"))
    {
        return QStringLiteral("to_char((%1) AT TIME ZONE 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')").arg(when);
    }
    // bob's ledger entry written by hand from psql, as Seatkeeper writes one:
    // chained to the last entry, hashed with his login, dated `at` (SQL; by
    // default the transaction's time).
    static QString entrySql(const QString &action, const QString &subject, const QString &seatType,
                            const QString &before, const QString &after, const QString &at = serverTimeSql())
    {
        return QStringLiteral(
                   "WITH last AS (SELECT id, hash FROM ledger ORDER BY id DESC LIMIT 1), "
                   "e AS (SELECT last.id + 1 AS id, %1 AS at, last.hash AS prev, $v$%2$v$::text AS action, "
                   "$v$%3$v$::text AS subject, $v$%4$v$::text AS seat, $v$%5$v$::text AS old, $v$%6$v$::text AS new "
                   "FROM last) "
                   "INSERT INTO ledger (id, at_utc, actor, action, subject, seat_type, old_value, new_value, "
                   "prev_hash, hash) SELECT id, at, 'bob@example.com', action, subject, seat, old, new, prev, "
                   "encode(sha256(convert_to(prev || chr(31) || id || chr(31) || at || chr(31) || 'bob@example.com' "
                   "|| chr(31) || action || chr(31) || subject || chr(31) || seat || chr(31) || old || chr(31) || new "
                   "|| chr(31) || session_user, 'UTF8')), 'hex') FROM e; ")
            .arg(at, action, subject, seatType, before, after);
    }
    // bob's transaction from psql: the ledger's lock, `changes` (data and entries), the revision.
    static QString transaction(const QString &changes)
    {
        return QStringLiteral("BEGIN; SELECT value FROM seatkeeper_meta WHERE key = 'revision' FOR UPDATE; ") + changes
            + QStringLiteral("UPDATE seatkeeper_meta SET value = value + 1 WHERE key = 'revision'; COMMIT");
    }
    // ada (the owner's login), bob an Admin with his own login, uma a User with
    // hers; 2 Sales Starter seats, bob holds one.
    void sharedAccount();

    QString m_uri;
    QStringList m_logins;
    QString m_admin; // bob's login
    QString m_user; // uma's login
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
    for (const QString &login : qAsConst(m_logins))
        PostgresServer::exec(PostgresServer::maintenanceUri(), QStringLiteral("DROP ROLE IF EXISTS %1").arg(login));
    m_logins.clear();
}

void TestSeatctlPostgres::sharedAccount()
{
    m_admin = makeLogin(QStringLiteral("bob"));
    m_user = makeLogin(QStringLiteral("uma"));
    Run run = seatctl(db({ QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("ada@example.com") }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("seatkeeper")), qPrintable(run.out));
    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("bob@example.com"),
                       QStringLiteral("--role"), QStringLiteral("admin"), QStringLiteral("--login"), m_admin }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(m_admin), qPrintable(run.out));
    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("uma@example.com"),
                       QStringLiteral("--login"), m_user }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    run = seatctl(
        db({ QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("sales-starter"), QStringLiteral("2") }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    run = seatctl(db({ QStringLiteral("assign"), QStringLiteral("bob@example.com"), QStringLiteral("sales-starter") }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
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

    // A change behind the server's own checks (a superuser switching the
    // triggers off) is still found by check.
    QCOMPARE(PostgresServer::exec(m_uri,
                                  QStringLiteral("SET session_replication_role = replica; UPDATE seat_types SET "
                                                 "purchased = 7 WHERE type = 'service-starter'")),
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
    // A usage error (exit 2), saying where passwords come from.
    QCOMPARE(run.exit, 2);
    QVERIFY2(run.err.contains(QStringLiteral("carries a password")), qPrintable(run.err));
    for (const char *source : { "PGPASSWORD", "~/.pgpass", "PGSERVICE" })
        QVERIFY2(run.err.contains(QLatin1String(source)), qPrintable(run.err));
    QVERIFY(!run.err.contains(QStringLiteral("hunter2")));
    run = seatctl({ QStringLiteral("--database"), m_uri + QStringLiteral("?password=hunter2"), QStringLiteral("users"),
                    QStringLiteral("list") });
    QCOMPARE(run.exit, 2);
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
    const int rounds = 100;
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

// The operator is the login: seatctl acts as the user tied to the login it
// connects as (in the address or in PGUSER), the ledger records both, and
// --as cannot name anybody else.
void TestSeatctlPostgres::eachLoginActsAsItsOwnUser()
{
    sharedAccount();
    Run run
        = seatctl(dbAs(m_admin, { QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("cat@example.com") }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    // The same login through PGUSER, with no user in the address.
    QUrl bare(m_uri);
    bare.setUserName(QString());
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGUSER"), m_admin);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SEATCTL_PATH),
                { QStringLiteral("--database"), bare.toString(), QStringLiteral("seats"), QStringLiteral("buy"),
                  QStringLiteral("service-starter"), QStringLiteral("3") });
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    }
    run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("ledger") }));
    QCOMPARE(run.exit, 0);
    const QJsonArray ledger = json(run).value(QStringLiteral("ledger")).toArray();
    QCOMPARE(ledger.size(), 7); // ada, bob, uma, 2 bought, bob's seat; cat, 3 bought by bob
    const auto entry = [&ledger](int i) {
        return ledger.at(i).toObject();
    };
    QCOMPARE(entry(0).value(QStringLiteral("login")).toString(), QStringLiteral("seatkeeper"));
    QCOMPARE(entry(1).value(QStringLiteral("actor")).toString(), QStringLiteral("ada@example.com"));
    QVERIFY2(entry(1).value(QStringLiteral("after")).toString().contains(m_admin), "the tie is in the ledger");
    QCOMPARE(entry(5).value(QStringLiteral("actor")).toString(), QStringLiteral("bob@example.com"));
    QCOMPARE(entry(5).value(QStringLiteral("login")).toString(), m_admin);
    QCOMPARE(entry(6).value(QStringLiteral("action")).toString(), QStringLiteral("seats-bought"));
    QCOMPARE(entry(6).value(QStringLiteral("login")).toString(), m_admin);
    run = seatctl(db({ QStringLiteral("ledger") }));
    QVERIFY2(run.out.contains(QStringLiteral("bob@example.com (login %1)").arg(m_admin)), qPrintable(run.out));

    // --as naming someone else: refused, nothing written.
    const QString before = state();
    run = seatctl(dbAs(m_admin,
                       { QStringLiteral("--as"), QStringLiteral("ada@example.com"), QStringLiteral("users"),
                         QStringLiteral("add"), QStringLiteral("dan@example.com"), QStringLiteral("--role"),
                         QStringLiteral("super-admin") }));
    QCOMPARE(run.exit, 1);
    QVERIFY2(run.err.contains(QStringLiteral("the operator is the login")), qPrintable(run.err));
    // --as naming the login's own user is just that user.
    run = seatctl(dbAs(m_admin,
                       { QStringLiteral("--as"), QStringLiteral("BOB@example.com"), QStringLiteral("seats"),
                         QStringLiteral("list") }));
    QCOMPARE(run.exit, 0);
    // A User's login reads but changes nothing; seatctl says so.
    run = seatctl(dbAs(m_user, { QStringLiteral("users"), QStringLiteral("list") }));
    QCOMPARE(run.exit, 0);
    run = seatctl(dbAs(m_user,
                       { QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("add"),
                         QStringLiteral("dan@example.com") }));
    QCOMPARE(run.exit, 1);
    QCOMPARE(json(run).value(QStringLiteral("error")).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("not-authorized"));
    // A login tied to nobody: told how to tie it.
    const QString stranger = makeLogin(QStringLiteral("eve"));
    run = seatctl(dbAs(stranger, { QStringLiteral("users"), QStringLiteral("list") }));
    QCOMPARE(run.exit, 0);
    run = seatctl(
        dbAs(stranger,
             { QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("sales-starter"), QStringLiteral("1") }));
    QCOMPARE(run.exit, 1);
    QVERIFY2(run.err.contains(QStringLiteral("--login %1").arg(stranger)), qPrintable(run.err));
    // Tying a login that does not exist, or one already tied: refused.
    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("dan@example.com"),
                       QStringLiteral("--login"), QStringLiteral("no_such_login_here") }));
    QCOMPARE(run.exit, 1);
    QVERIFY2(run.err.contains(QStringLiteral("CREATE ROLE")), qPrintable(run.err));
    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("dan@example.com"),
                       QStringLiteral("--login"), m_user }));
    QCOMPARE(run.exit, 1);
    QCOMPARE(state(), before);
    run = seatctl(db({ QStringLiteral("check") }));
    QVERIFY2(run.exit == 0, qPrintable(run.out + run.err));
}

// The README's way: the DBA creates logins and a database owned by one of
// them, no superuser; that owner runs init and ties the others.
void TestSeatctlPostgres::anOwnerWhoIsNoSuperuserRunsInit()
{
    const QString owner = makeLogin(QStringLiteral("owner"));
    const QString bob = makeLogin(QStringLiteral("bob"));
    const QString name = QUrl(m_uri).path().mid(1) + QStringLiteral("_owned");
    QCOMPARE(PostgresServer::exec(PostgresServer::maintenanceUri(),
                                  QStringLiteral("CREATE DATABASE %1 OWNER %2").arg(name, owner)),
             QString());
    QUrl url(PostgresServer::uriOf(name));
    url.setUserName(owner);
    const QString asOwner = url.toString();
    url.setUserName(bob);
    const QString asBob = url.toString();
    const auto run = [](const QString &uri, QStringList args) {
        return seatctl(QStringList { QStringLiteral("--database"), uri } + args);
    };
    Run r = run(asOwner, { QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("ada@example.com") });
    QVERIFY2(r.exit == 0, qPrintable(r.err));
    r = run(asOwner,
            { QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("bob@example.com"),
              QStringLiteral("--role"), QStringLiteral("admin"), QStringLiteral("--login"), bob });
    QVERIFY2(r.exit == 0, qPrintable(r.err));
    r = run(asBob,
            { QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("sales-starter"), QStringLiteral("2") });
    QVERIFY2(r.exit == 0, qPrintable(r.err));
    r = run(asBob, { QStringLiteral("assign"), QStringLiteral("bob@example.com"), QStringLiteral("sales-starter") });
    QVERIFY2(r.exit == 0, qPrintable(r.err));
    // bob works within his rights; check passes.
    r = run(asBob, { QStringLiteral("check") });
    QVERIFY2(r.exit == 0, qPrintable(r.out + r.err));
    r = run(asOwner, { QStringLiteral("--json"), QStringLiteral("ledger") });
    const QJsonArray ledger = json(r).value(QStringLiteral("ledger")).toArray();
    QCOMPARE(ledger.size(), 4);
    QCOMPARE(ledger.at(0).toObject().value(QStringLiteral("login")).toString(), owner);
    QCOMPARE(ledger.at(3).toObject().value(QStringLiteral("login")).toString(), bob);
    PostgresServer::dropDatabase(PostgresServer::uriOf(name));
}

// The window on the server asks nobody who they are: it is the login's user,
// whatever it remembered, and the ledger records that login.
void TestSeatctlPostgres::theWindowActsAsItsLogin()
{
    sharedAccount();
    QTemporaryDir home;
    Processes::Window window(QStringLiteral(SEATKEEPER_PATH), uriAs(m_admin), home.path());
    QVERIFY2(window.ready(), window.errors().constData());
    QCOMPARE(window.command("create dan@example.com"), QByteArray("saved create dan@example.com"));
    QVERIFY(window.quit());
    const Run run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("ledger") }));
    const QJsonObject last = json(run).value(QStringLiteral("ledger")).toArray().last().toObject();
    QCOMPARE(last.value(QStringLiteral("subject")).toString(), QStringLiteral("dan@example.com"));
    QCOMPARE(last.value(QStringLiteral("actor")).toString(), QStringLiteral("bob@example.com"));
    QCOMPARE(last.value(QStringLiteral("login")).toString(), m_admin);
}

// From psql, a User's login (or a login tied to nobody) can insert, update or
// delete nothing at all.
void TestSeatctlPostgres::aUsersLoginChangesNothingFromPsql()
{
    sharedAccount();
    const QString stranger = makeLogin(QStringLiteral("eve"));
    const QString before = state();
    QVERIFY(!before.isEmpty());
    const QStringList writes {
        QStringLiteral("INSERT INTO users (email, email_key, role, created_at) VALUES ('x@example.com', "
                       "'x@example.com', 'user', 'now')"),
        QStringLiteral("UPDATE users SET role = 'admin' WHERE email = 'uma@example.com'"),
        QStringLiteral("UPDATE users SET first_name = 'Uma'"),
        QStringLiteral("DELETE FROM users WHERE email = 'uma@example.com'"),
        QStringLiteral("UPDATE seat_types SET purchased = purchased + 1"),
        QStringLiteral("INSERT INTO seat_types (type, product) VALUES ('x', 'sales')"),
        QStringLiteral("DELETE FROM assignments"),
        QStringLiteral("INSERT INTO assignments SELECT id, 'sales', 'sales-starter' FROM users WHERE email = "
                       "'uma@example.com'"),
        QStringLiteral("UPDATE seatkeeper_meta SET value = value + 1 WHERE key = 'revision'"),
        QStringLiteral("DELETE FROM seatkeeper_meta"),
        QStringLiteral("INSERT INTO ledger (id, at_utc, actor, action, hash) VALUES (99, 'x', 'uma@example.com', "
                       "'seats-bought', 'h')"),
        QStringLiteral("UPDATE ledger SET actor = 'uma@example.com'"),
        QStringLiteral("DELETE FROM ledger"),
        QStringLiteral("TRUNCATE assignments, users CASCADE"),
        QStringLiteral("CREATE TABLE users_copy AS SELECT * FROM users"),
    };
    for (const QString &login : { m_user, stranger }) {
        for (const QString &sql : writes) {
            const Run run = psql(login, sql);
            QVERIFY2(run.exit != 0, qPrintable(login + QStringLiteral(": ") + sql));
        }
        // Reading is allowed.
        QCOMPARE(psql(login, QStringLiteral("SELECT COUNT(*) FROM ledger")).exit, 0);
    }
    QCOMPARE(state(), before);
    const Run run = seatctl(db({ QStringLiteral("check") }));
    QVERIFY2(run.exit == 0, qPrintable(run.out + run.err));
}

// An Admin's login, from psql: R2, R3 and R9 hold, the ledger cannot be
// rewritten nor forged, Super admins are out of reach, and a change without
// its ledger entry does not commit.
void TestSeatctlPostgres::anAdminsLoginCannotBreakTheRulesFromPsql()
{
    sharedAccount();
    const QString before = state();
    const QStringList writes {
        // R2: past the purchased count, by the counter or by the rows.
        QStringLiteral("UPDATE seat_types SET purchased = 0 WHERE type = 'sales-starter'"),
        QStringLiteral("UPDATE seat_types SET assigned = 0 WHERE type = 'sales-starter'"),
        QStringLiteral("UPDATE seat_types SET held = 0"),
        QStringLiteral("BEGIN; UPDATE seat_types SET purchased = 0, assigned = 0 WHERE type = 'sales-starter'; "
                       "COMMIT"),
        QStringLiteral("INSERT INTO assignments SELECT id, 'sales', 'sales-starter' FROM users WHERE email = "
                       "'uma@example.com'"),
        // R3: a second Sales seat; a Sales seat as Service.
        QStringLiteral("INSERT INTO assignments SELECT id, 'sales', 'sales-enterprise' FROM users WHERE email = "
                       "'bob@example.com'"),
        QStringLiteral("UPDATE assignments SET product = 'service'"),
        // R9: a seat holder deleted.
        QStringLiteral("DELETE FROM users WHERE email = 'bob@example.com'"),
        // Unledgered changes.
        QStringLiteral("UPDATE seat_types SET purchased = purchased + 5 WHERE type = 'service-starter'"),
        QStringLiteral("DELETE FROM users WHERE email = 'uma@example.com'"),
        QStringLiteral("UPDATE users SET first_name = 'Uma' WHERE email = 'uma@example.com'"),
        // Super admins, roles and logins.
        QStringLiteral("UPDATE users SET role = 'super-admin' WHERE email = 'bob@example.com'"),
        QStringLiteral("UPDATE users SET login = NULL WHERE email = 'ada@example.com'"),
        QStringLiteral("UPDATE users SET login = 'seatkeeper' WHERE email = 'uma@example.com'"),
        QStringLiteral("DELETE FROM users WHERE email = 'ada@example.com'"),
        QStringLiteral("INSERT INTO users (email, email_key, role, created_at) VALUES ('x@example.com', "
                       "'x@example.com', 'super-admin', 'now')"),
        // The ledger: rewritten, removed, forged.
        QStringLiteral("UPDATE ledger SET actor = 'bob@example.com'"),
        QStringLiteral("DELETE FROM ledger WHERE id = 6"),
        QStringLiteral("TRUNCATE ledger"),
        QStringLiteral("INSERT INTO ledger (id, at_utc, actor, action, prev_hash, hash) SELECT id + 1, at_utc, "
                       "'ada@example.com', 'seats-bought', hash, 'h' FROM ledger ORDER BY id DESC LIMIT 1"),
        QStringLiteral("INSERT INTO ledger (id, at_utc, actor, action, prev_hash, hash) SELECT id + 1, at_utc, "
                       "'bob@example.com', 'seats-bought', hash, 'not-its-hash' FROM ledger ORDER BY id DESC LIMIT 1"),
        QStringLiteral("INSERT INTO ledger (id, at_utc, actor, action, prev_hash, hash, login) SELECT id + 1, at_utc, "
                       "'bob@example.com', 'seats-bought', hash, 'h', 'seatkeeper' FROM ledger ORDER BY id DESC "
                       "LIMIT 1"),
        // The metadata.
        QStringLiteral("UPDATE seatkeeper_meta SET value = 1 WHERE key = 'schema_version'"),
        QStringLiteral("UPDATE seatkeeper_meta SET value = value + 5 WHERE key = 'revision'"),
        // The queue of entries the server checks at COMMIT.
        QStringLiteral("DELETE FROM seatkeeper_checks"),
        QStringLiteral("INSERT INTO seatkeeper_checks VALUES (1, 1, 1)"),
        QStringLiteral("ALTER TABLE ledger DISABLE TRIGGER ALL"),
        QStringLiteral("DROP TRIGGER ledger_no_update ON ledger"),
        QStringLiteral("SET session_replication_role = replica"),
    };
    for (const QString &sql : writes) {
        const Run run = psql(m_admin, sql);
        QVERIFY2(run.exit != 0, qPrintable(sql));
    }
    QCOMPARE(state(), before);
    const Run run = seatctl(db({ QStringLiteral("check") }));
    QVERIFY2(run.exit == 0, qPrintable(run.out + run.err));
}

// What an Admin may do from psql is what Seatkeeper does: the change and its
// ledger entry, chained and hashed, in one transaction — recorded under the
// Admin's login, and check agrees.
void TestSeatctlPostgres::anAdminsDirectWriteIsLedgeredUnderItsLogin()
{
    sharedAccount();
    const Run run = psql(
        m_admin,
        QStringLiteral(
            "BEGIN; SELECT value FROM seatkeeper_meta WHERE key = 'revision' FOR UPDATE; "
            "UPDATE seat_types SET purchased = purchased + 4 WHERE type = 'service-starter'; "
            "WITH last AS (SELECT id, hash FROM ledger ORDER BY id DESC LIMIT 1), "
            "e AS (SELECT last.id + 1 AS id, to_char(now() AT TIME ZONE 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS "
            "at, last.hash AS prev FROM last) "
            "INSERT INTO ledger (id, at_utc, actor, action, subject, seat_type, old_value, new_value, prev_hash, hash) "
            "SELECT e.id, e.at, 'bob@example.com', 'seats-bought', '', 'service-starter', '0', '4', e.prev, "
            "encode(sha256(convert_to(e.prev || chr(31) || e.id || chr(31) || e.at || chr(31) || 'bob@example.com' || "
            "chr(31) || 'seats-bought' || chr(31) || '' || chr(31) || 'service-starter' || chr(31) || '0' || chr(31) "
            "|| '4' || chr(31) || session_user, 'UTF8')), 'hex') FROM e; "
            "UPDATE seatkeeper_meta SET value = value + 1 WHERE key = 'revision'; COMMIT"));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    Run list = seatctl(db({ QStringLiteral("--json"), QStringLiteral("ledger") }));
    const QJsonObject last = json(list).value(QStringLiteral("ledger")).toArray().last().toObject();
    QCOMPARE(last.value(QStringLiteral("actor")).toString(), QStringLiteral("bob@example.com"));
    QCOMPARE(last.value(QStringLiteral("login")).toString(), m_admin);
    list = seatctl(db({ QStringLiteral("check") }));
    QVERIFY2(list.exit == 0, qPrintable(list.out + list.err));

    // bob gives uma the last free Sales Starter seat by hand, with its entry.
    const QString umaGetsASeat = QStringLiteral(
        "INSERT INTO assignments SELECT id, 'sales', 'sales-starter' FROM users WHERE email = 'uma@example.com'; "
        "UPDATE seat_types SET assigned = assigned + 1 WHERE type = 'sales-starter'; ");
    const QString umaLosesIt = QStringLiteral(
        "DELETE FROM assignments WHERE product = 'sales' AND user_id = (SELECT id FROM users WHERE email = "
        "'uma@example.com'); UPDATE seat_types SET assigned = assigned - 1 WHERE type = 'sales-starter'; ");
    const QString assigned = entrySql(QStringLiteral("seat-assigned"), QStringLiteral("uma@example.com"),
                                      QStringLiteral("sales-starter"), QString(), QStringLiteral("sales-starter"));
    const QString removed = entrySql(QStringLiteral("seat-removed"), QStringLiteral("uma@example.com"),
                                     QStringLiteral("sales-starter"), QStringLiteral("sales-starter"), QString());
    // Given and taken back in one transaction: only the last entry tells the end state.
    Run direct = psql(m_admin, transaction(umaGetsASeat + assigned + umaLosesIt + removed));
    QVERIFY2(direct.exit == 0, qPrintable(direct.err));
    // The seat given in a savepoint of the transaction is its change too.
    direct = psql(m_admin,
                  transaction(QStringLiteral("SAVEPOINT s; ") + umaGetsASeat + QStringLiteral("RELEASE SAVEPOINT s; ")
                              + assigned));
    QVERIFY2(direct.exit == 0, qPrintable(direct.err));
    list = seatctl(db({ QStringLiteral("--json"), QStringLiteral("ledger") }));
    const QJsonObject given = json(list).value(QStringLiteral("ledger")).toArray().last().toObject();
    QCOMPARE(given.value(QStringLiteral("action")).toString(), QStringLiteral("seat-assigned"));
    QCOMPARE(given.value(QStringLiteral("subject")).toString(), QStringLiteral("uma@example.com"));
    QCOMPARE(given.value(QStringLiteral("actor")).toString(), QStringLiteral("bob@example.com"));
    QCOMPARE(given.value(QStringLiteral("login")).toString(), m_admin);
    list = seatctl(db({ QStringLiteral("check") }));
    QVERIFY2(list.exit == 0, qPrintable(list.out + list.err));
}

// An Admin's login, from psql, writes entries that are chained, hashed, signed
// and dated as Seatkeeper writes them — but that describe a change that did
// not happen, or not that way. The server refuses each at COMMIT, and nothing
// of it stays.
void TestSeatctlPostgres::anAdminsForgedEntriesAreRefusedFromPsql()
{
    sharedAccount();
    const QString before = state();
    const QString uma = QStringLiteral("uma@example.com");
    const QString person = QStringLiteral("{\"first\":\"\",\"last\":\"\",\"role\":\"user\"}");
    const QString starter = QStringLiteral("sales-starter");
    struct Forgery
    {
        const char *what;
        QString sql;
    };
    const QVector<Forgery> forgeries {
        { "a seat to someone who holds none", entrySql(QStringLiteral("seat-assigned"), uma, starter, {}, starter) },
        { "a seat its holder already held",
          entrySql(QStringLiteral("seat-assigned"), QStringLiteral("bob@example.com"), starter, {}, starter) },
        { "a seat removed that is still held",
          entrySql(QStringLiteral("seat-removed"), QStringLiteral("bob@example.com"), starter, starter, {}) },
        { "seats bought that are not purchased",
          entrySql(QStringLiteral("seats-bought"), {}, starter, QStringLiteral("2"), QStringLiteral("5")) },
        { "seats bought, but not that many",
          QStringLiteral("UPDATE seat_types SET purchased = 3 WHERE type = 'sales-starter'; ")
              + entrySql(QStringLiteral("seats-bought"), {}, starter, QStringLiteral("2"), QStringLiteral("5")) },
        { "seats bought from a count the ledger never had",
          QStringLiteral("UPDATE seat_types SET purchased = 5 WHERE type = 'sales-starter'; ")
              + entrySql(QStringLiteral("seats-bought"), {}, starter, QStringLiteral("0"), QStringLiteral("5")) },
        { "a user created for nobody",
          entrySql(QStringLiteral("user-created"), QStringLiteral("zed@example.com"), {}, {}, person) },
        { "a user created who was there before", entrySql(QStringLiteral("user-created"), uma, {}, {}, person) },
        { "a user edited who was not",
          entrySql(QStringLiteral("user-edited"), uma, {}, person,
                   QStringLiteral("{\"first\":\"Uma\",\"last\":\"\",\"role\":\"admin\"}")) },
        { "a login untied that is still tied",
          entrySql(QStringLiteral("user-edited"), QStringLiteral("bob@example.com"), {},
                   QStringLiteral("{\"first\":\"\",\"last\":\"\",\"login\":\"%1\",\"role\":\"admin\"}").arg(m_admin),
                   QStringLiteral("{\"first\":\"\",\"last\":\"\",\"role\":\"admin\"}")) },
        { "a user deleted who is still there", entrySql(QStringLiteral("user-deleted"), uma, {}, person, {}) },
        { "a team created that does not exist",
          entrySql(QStringLiteral("team-created"), {}, {}, {}, QStringLiteral("Ghosts")) },
        { "teams changed that were not",
          entrySql(QStringLiteral("user-teams-changed"), uma, {}, QStringLiteral("{\"main\":\"\",\"additional\":[]}"),
                   QStringLiteral("{\"main\":\"Ghosts\",\"additional\":[]}")) },
        // A true entry that the check clears at once, then a forged one.
        { "a true seat given, then a seat its holder already held",
          QStringLiteral("INSERT INTO assignments SELECT id, 'sales', 'sales-starter' FROM users WHERE email = "
                         "'uma@example.com'; UPDATE seat_types SET assigned = assigned + 1 WHERE type = "
                         "'sales-starter'; ")
              + entrySql(QStringLiteral("seat-assigned"), uma, starter, {}, starter)
              + entrySql(QStringLiteral("seat-assigned"), QStringLiteral("bob@example.com"), starter, {}, starter) },
        { "a restore (none happens on a server)",
          entrySql(QStringLiteral("database-restored"), {}, {}, QStringLiteral("x.backup"), QStringLiteral("y")) },
    };
    for (const Forgery &forgery : forgeries) {
        const Run run = psql(m_admin, transaction(forgery.sql));
        QVERIFY2(run.exit != 0, forgery.what);
        QVERIFY2(run.err.contains(QStringLiteral("does not match the data as committed")),
                 qPrintable(QString::fromLatin1(forgery.what) + QStringLiteral(": ") + run.err));
        QCOMPARE(state(), before);
    }
    // The check run before COMMIT on a true entry, then the change undone
    // without one: nothing may change once the entries are checked.
    const Run early = psql(
        m_admin,
        transaction(QStringLiteral("SET CONSTRAINTS ledger_agrees IMMEDIATE; INSERT INTO assignments SELECT id, "
                                   "'sales', 'sales-starter' FROM users WHERE email = 'uma@example.com'; UPDATE "
                                   "seat_types SET assigned = assigned + 1 WHERE type = 'sales-starter'; ")
                    + entrySql(QStringLiteral("seat-assigned"), uma, starter, {}, starter)
                    + QStringLiteral("DELETE FROM assignments WHERE product = 'sales' AND user_id = (SELECT id FROM "
                                     "users WHERE email = 'uma@example.com'); UPDATE seat_types SET assigned = "
                                     "assigned - 1 WHERE type = 'sales-starter'; ")));
    QVERIFY(early.exit != 0);
    QVERIFY2(early.err.contains(QStringLiteral("already checked")), qPrintable(early.err));
    QCOMPARE(state(), before);
    const Run run = seatctl(db({ QStringLiteral("check") }));
    QVERIFY2(run.exit == 0, qPrintable(run.out + run.err));
}

// Schema 6: the entries of a transaction tell what it did, no more and no
// less. Each forgery below passed version 5 (found by a hostile test): an
// entry about a change its transaction did not make, or from a state the
// thing was not in, or a change made beside it without an entry of its own.
void TestSeatctlPostgres::anEntryTellsWhatItsTransactionDid()
{
    sharedAccount();
    const QString zed = makeLogin(QStringLiteral("zed"));
    const QString before = state();
    const QString uma = QStringLiteral("uma@example.com");
    const QString bob = QStringLiteral("bob@example.com");
    const QString starter = QStringLiteral("sales-starter");
    const QString person = QStringLiteral("{\"first\":\"\",\"last\":\"\",\"role\":\"user\"}");
    const QString root = QStringLiteral("{\"first\":\"\",\"last\":\"\",\"role\":\"super-admin\"}");
    const auto umaAs = [this](const char *role, const char *first = "") {
        return QStringLiteral("{\"first\":\"%1\",\"last\":\"\",\"login\":\"%2\",\"role\":\"%3\"}")
            .arg(QString::fromUtf8(first), m_user, QString::fromUtf8(role));
    };
    const QString renameUma = QStringLiteral("UPDATE users SET first_name = 'Uma' WHERE email = 'uma@example.com'; ");
    const QString bought = QStringLiteral("seats-bought"), released = QStringLiteral("seats-released");
    // A team Sales created, told, and uma put in it as her main team (untold).
    const QString salesTeam = QStringLiteral("INSERT INTO teams (name, name_key) VALUES ('Sales', 'sales'); ")
        + entrySql(QStringLiteral("team-created"), {}, {}, {}, QStringLiteral("Sales"));
    const QString umaJoins = QStringLiteral(
        "INSERT INTO team_members (team_id, user_id, is_main) SELECT t.id, u.id, 1 FROM teams t, users u WHERE t.name "
        "= 'Sales' AND u.email = 'uma@example.com'; ");
    const QString teamsChanged = QStringLiteral("user-teams-changed");
    const QString noTeams = QStringLiteral("{\"additional\":[],\"main\":\"\"}");
    const auto mainTeam = [](const QString &team) {
        return QStringLiteral("{\"additional\":[],\"main\":\"%1\"}").arg(team);
    };
    struct Forgery
    {
        const char *what;
        QString sql;
        const char *refusal;
    };
    const QVector<Forgery> forgeries {
        { "a name changed beside a true purchase",
          renameUma + QStringLiteral("UPDATE seat_types SET purchased = 3 WHERE type = 'sales-starter'; ")
              + entrySql(bought, {}, starter, QStringLiteral("2"), QStringLiteral("3")),
          "changed the user 'uma@example.com' without a ledger entry about it" },
        { "a seat rewritten with its own type, said given",
          QStringLiteral("UPDATE assignments SET seat_type = seat_type; ")
              + entrySql(QStringLiteral("seat-assigned"), bob, starter, {}, starter),
          "changed nothing of it" },
        { "a seat removed that was never held",
          QStringLiteral("DELETE FROM assignments WHERE user_id = (SELECT id FROM users WHERE email = "
                         "'uma@example.com'); ")
              + entrySql(QStringLiteral("seat-removed"), uma, starter, starter, {}),
          "changed nothing of it" },
        { "a user deleted who never existed",
          entrySql(QStringLiteral("user-deleted"), QStringLiteral("ghost@example.com"), {}, person, {}),
          "changed nothing of it" },
        { "an edit from a role the user never had",
          renameUma + entrySql(QStringLiteral("user-edited"), uma, {}, umaAs("admin"), umaAs("user", "Uma")),
          "before this transaction it was" },
        { "a user created without the login they were given",
          QStringLiteral("INSERT INTO users (email, email_key, role, created_at, login) VALUES ('zed@example.com', "
                         "'zed@example.com', 'user', '2026-11-27T00:00:00.000Z', '%1'); ")
                  .arg(zed)
              + entrySql(QStringLiteral("user-created"), QStringLiteral("zed@example.com"), {}, {}, person),
          "only a Super admin can make or unmake a Super admin, or change a login" },
        { "seats bought, then released, that never were",
          entrySql(bought, {}, starter, QStringLiteral("2"), QStringLiteral("100"))
              + entrySql(released, {}, starter, QStringLiteral("100"), QStringLiteral("2")),
          "changed nothing of it" },
        { "seats said bought up to a count no statement left",
          QStringLiteral("UPDATE seat_types SET purchased = 3 WHERE type = 'sales-starter'; UPDATE seat_types SET "
                         "purchased = 2 WHERE type = 'sales-starter'; ")
              + entrySql(bought, {}, starter, QStringLiteral("2"), QStringLiteral("100"))
              + entrySql(released, {}, starter, QStringLiteral("100"), QStringLiteral("2")),
          "no statement of this transaction left it 100" },
        { "a Super admin created and deleted by an Admin",
          entrySql(QStringLiteral("user-created"), QStringLiteral("root@example.com"), {}, {}, root)
              + entrySql(QStringLiteral("user-deleted"), QStringLiteral("root@example.com"), {}, root, {}),
          "changed nothing of it" },
        { "a role changed and back",
          entrySql(QStringLiteral("user-edited"), uma, {}, umaAs("user"), umaAs("admin"))
              + entrySql(QStringLiteral("user-edited"), uma, {}, umaAs("admin"), umaAs("user")),
          "changed nothing of it" },
        { "a user named with other letter case",
          renameUma
              + entrySql(QStringLiteral("user-edited"), QStringLiteral("UMA@example.com"), {}, umaAs("user"),
                         umaAs("user", "Uma")),
          "does not match the data as committed" },
        // Found by a hostile test of schema 6's first version.
        { "a team deleted that was never created",
          QStringLiteral("INSERT INTO teams (name, name_key) VALUES ('Foo', 'foo'); DELETE FROM teams WHERE name = "
                         "'Foo'; ")
              + entrySql(QStringLiteral("team-deleted"), {}, {}, QStringLiteral("Foo"), {}),
          "before this transaction it was nothing" },
        { "a team created twice",
          QStringLiteral("INSERT INTO teams (name, name_key) VALUES ('Bar', 'bar'); ")
              + entrySql(QStringLiteral("team-created"), {}, {}, {}, QStringLiteral("Bar"))
              + entrySql(QStringLiteral("team-created"), {}, {}, {}, QStringLiteral("Bar")),
          "before it left it Bar" },
        { "a team renamed to its own name",
          QStringLiteral("INSERT INTO teams (name, name_key) VALUES ('Baz', 'baz'); ")
              + entrySql(QStringLiteral("team-created"), {}, {}, {}, QStringLiteral("Baz"))
              + entrySql(QStringLiteral("team-renamed"), {}, {}, QStringLiteral("Baz"), QStringLiteral("Baz")),
          "its fields do not go together" },
        { "an edit that changes nothing, after a true one",
          renameUma + entrySql(QStringLiteral("user-edited"), uma, {}, umaAs("user"), umaAs("user", "Uma"))
              + entrySql(QStringLiteral("user-edited"), uma, {}, umaAs("user", "Uma"), umaAs("user", "Uma")),
          "its fields do not go together" },
        { "purchases told in another order than made",
          QStringLiteral("UPDATE seat_types SET purchased = 3 WHERE type = 'sales-starter'; UPDATE seat_types SET "
                         "purchased = 5 WHERE type = 'sales-starter'; ")
              + entrySql(bought, {}, starter, QStringLiteral("2"), QStringLiteral("3"))
              + entrySql(bought, {}, starter, QStringLiteral("3"), QStringLiteral("5"))
              + entrySql(released, {}, starter, QStringLiteral("5"), QStringLiteral("3"))
              + entrySql(bought, {}, starter, QStringLiteral("3"), QStringLiteral("5")),
          "after what the entry before it tells" },
        { "a purchase told under a user's name",
          QStringLiteral("UPDATE seat_types SET purchased = 3 WHERE type = 'sales-starter'; ")
              + entrySql(bought, uma, starter, QStringLiteral("2"), QStringLiteral("3")),
          "its fields do not go together" },
        { "a role said twice in one entry",
          QStringLiteral("UPDATE users SET role = 'admin' WHERE email = 'uma@example.com'; ")
              + entrySql(QStringLiteral("user-edited"), uma, {}, umaAs("user"),
                         QStringLiteral("{\"first\":\"\",\"last\":\"\",\"login\":\"%1\",\"role\":\"user\",\"role\":"
                                        "\"admin\"}")
                             .arg(m_user)),
          "this transaction leaves it" },
        { "a seat and its holder gone in one statement",
          QStringLiteral("INSERT INTO assignments SELECT id, 'sales', 'sales-starter' FROM users WHERE email = "
                         "'uma@example.com'; UPDATE seat_types SET assigned = assigned + 1 WHERE type = "
                         "'sales-starter'; WITH a AS (DELETE FROM assignments WHERE user_id = (SELECT id FROM users "
                         "WHERE email = 'uma@example.com') RETURNING 1) DELETE FROM users WHERE email = "
                         "'uma@example.com'; UPDATE seat_types SET assigned = assigned - 1 WHERE type = "
                         "'sales-starter'; ")
              + entrySql(QStringLiteral("user-deleted"), uma, {}, person, {}),
          "seat or membership changed with its user in one statement" },
        { "a second user with the same address",
          QStringLiteral("INSERT INTO users (email, email_key, role, created_at) VALUES ('uma@example.com', 'twin', "
                         "'user', '2026-11-27T00:00:00.000Z'); ")
              + entrySql(QStringLiteral("user-created"), uma, {}, {}, person),
          "users_email_unique" },
        { "a user whose key is not their address's",
          QStringLiteral("INSERT INTO users (email, email_key, role, created_at) VALUES ('zed@example.com', 'ZED', "
                         "'user', '2026-11-27T00:00:00.000Z'); ")
              + entrySql(QStringLiteral("user-created"), QStringLiteral("zed@example.com"), {}, {}, person),
          "key is their address in lower case" },
        // Found by a second hostile test.
        { "a team with no name",
          QStringLiteral("INSERT INTO teams (name, name_key) VALUES ('', ''); ")
              + entrySql(QStringLiteral("team-created"), {}, {}, {}, {}),
          "teams_name_given" },
        { "two teams of one name",
          QStringLiteral("INSERT INTO teams (name, name_key) VALUES ('\u00C9quipe', '\u00E9quipe'), "
                         "('\u00C9quipe', '\u00E9quipe-2'); "),
          "teams_name_unique" },
        { "a user's teams told as changing nothing",
          salesTeam + umaJoins + QStringLiteral("DELETE FROM team_members; ")
              + entrySql(teamsChanged, uma, {}, noTeams, noTeams),
          "its fields do not go together" },
        { "a user's teams told through a team they never were in",
          salesTeam + umaJoins + entrySql(teamsChanged, uma, {}, noTeams, mainTeam(QStringLiteral("Admins")))
              + entrySql(teamsChanged, uma, {}, mainTeam(QStringLiteral("Admins")), mainTeam(QStringLiteral("Sales"))),
          "told by one entry of a transaction" },
        { "a user's teams told with a seat type",
          salesTeam + umaJoins + entrySql(teamsChanged, uma, starter, noTeams, mainTeam(QStringLiteral("Sales"))),
          "its fields do not go together" },
        { "a user's teams told from something that is not teams",
          salesTeam + umaJoins
              + entrySql(teamsChanged, uma, {}, QStringLiteral("garbage"), mainTeam(QStringLiteral("Sales"))),
          "its fields do not go together" },
        { "a team whose key is not its name's",
          QStringLiteral("INSERT INTO teams (name, name_key) VALUES ('BETA', 'qqq'); ")
              + entrySql(QStringLiteral("team-created"), {}, {}, {}, QStringLiteral("BETA")),
          "key follows its name" },
        { "seats counted as held by a trigger of the Admin's own",
          QStringLiteral("CREATE TEMP TABLE t (a INT); CREATE FUNCTION pg_temp.f() RETURNS trigger LANGUAGE plpgsql "
                         "AS $f$ BEGIN UPDATE public.seat_types SET held = held + 1, assigned = assigned + 1 WHERE "
                         "type = 'service-starter'; RETURN NULL; END $f$; CREATE TRIGGER tt AFTER INSERT ON t FOR "
                         "EACH STATEMENT EXECUTE FUNCTION pg_temp.f(); INSERT INTO t VALUES (1); UPDATE seat_types "
                         "SET purchased = 3 WHERE type = 'sales-starter'; ")
              + entrySql(bought, {}, starter, QStringLiteral("2"), QStringLiteral("3")),
          "held counts the assignments" },
        { "the server's change log run on a table of the Admin's own",
          QStringLiteral("CREATE TEMP TABLE t (user_id BIGINT, product TEXT, seat_type TEXT); CREATE TRIGGER tt AFTER "
                         "INSERT ON t REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "
                         "seatkeeper_log_assignments(); ")
              + entrySql(QStringLiteral("seat-assigned"), uma, starter, {}, starter),
          "permission denied for function seatkeeper_log_assignments" },
        { "a user's address changed",
          QStringLiteral("UPDATE users SET email = 'umax@example.com', email_key = 'umax@example.com' WHERE email = "
                         "'uma@example.com'; ")
              + entrySql(QStringLiteral("user-edited"), uma, {}, umaAs("user"), umaAs("user")),
          "address, id and creation time never change" },
    };
    for (const Forgery &forgery : forgeries) {
        const Run run = psql(m_admin, transaction(forgery.sql));
        QVERIFY2(run.exit != 0, forgery.what);
        QVERIFY2(run.err.contains(QString::fromUtf8(forgery.refusal)),
                 qPrintable(QString::fromLatin1(forgery.what) + QStringLiteral(": ") + run.err));
        QCOMPARE(state(), before);
    }

    // The same kinds of change, told as they happen, go in: a purchase undone
    // in the same transaction, and a name changed (the entry's JSON in
    // Seatkeeper's own key order).
    Run run = psql(m_admin,
                   transaction(QStringLiteral("UPDATE seat_types SET purchased = 5 WHERE type = 'sales-starter'; ")
                               + entrySql(bought, {}, starter, QStringLiteral("2"), QStringLiteral("5"))
                               + QStringLiteral("UPDATE seat_types SET purchased = 2 WHERE type = 'sales-starter'; ")
                               + entrySql(released, {}, starter, QStringLiteral("5"), QStringLiteral("2"))));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    run = psql(
        m_admin,
        transaction(renameUma + entrySql(QStringLiteral("user-edited"), uma, {}, umaAs("user"), umaAs("user", "Uma"))));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    Run list = seatctl(db({ QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("list") }));
    QVERIFY2(list.out.contains(QStringLiteral("\"Uma\"")), qPrintable(list.out));
    // What the server kept of each transaction's changes went with its COMMIT.
    QCOMPARE(psql(QStringLiteral("seatkeeper"), QStringLiteral("SELECT COUNT(*) FROM seatkeeper_changes"), true)
                 .out.trimmed(),
             QStringLiteral("0"));
    const Run check = seatctl(db({ QStringLiteral("check") }));
    QVERIFY2(check.exit == 0, qPrintable(check.out + check.err));
}

// A user-teams-changed entry's "before" names exactly the teams the user was
// in before the transaction, the main one as main, each by a name the team had
// in it: told from anywhere else, the transaction is refused and nothing
// changes; told truly, a team renamed in the same transaction included, it goes in.
void TestSeatctlPostgres::aUsersTeamsAreToldFromWhereTheyWere()
{
    sharedAccount();
    for (const QStringList &args :
         { QStringList { QStringLiteral("teams"), QStringLiteral("add"), QStringLiteral("Sales") },
           QStringList { QStringLiteral("teams"), QStringLiteral("add"), QStringLiteral("Support") },
           QStringList { QStringLiteral("users"), QStringLiteral("edit"), QStringLiteral("uma@example.com"),
                         QStringLiteral("--main-team"), QStringLiteral("Sales"), QStringLiteral("--add-team"),
                         QStringLiteral("Support") } }) {
        const Run run = seatctl(db(args));
        QVERIFY2(run.exit == 0, qPrintable(run.err));
    }
    const QString before = state();
    const QString uma = QStringLiteral("uma@example.com");
    const QString changed = QStringLiteral("user-teams-changed");
    const auto teams = [](const QString &main, const QStringList &additional) {
        QStringList quoted;
        for (const QString &team : additional)
            quoted << QLatin1Char('"') + team + QLatin1Char('"');
        return QStringLiteral("{\"additional\":[%1],\"main\":\"%2\"}").arg(quoted.join(QLatin1Char(',')), main);
    };
    const auto leaves = [](const QString &team) {
        return QStringLiteral("DELETE FROM team_members WHERE team_id = (SELECT id FROM teams WHERE name = '%1') AND "
                              "user_id = (SELECT id FROM users WHERE email = 'uma@example.com'); ")
            .arg(team);
    };
    // uma leaves Support: after it, Sales is her only team.
    const QString after = teams(QStringLiteral("Sales"), {});
    const QString wasIn = QStringLiteral("before this transaction 'uma@example.com' was in 'Sales' (main), 'Support'");
    const struct
    {
        const char *what;
        QString before;
    } untrue[] = {
        { "her main team left out", teams({}, { QStringLiteral("Support") }) },
        { "a team she never was in", teams(QStringLiteral("Sales"), { QStringLiteral("Ghosts") }) },
        { "main and additional swapped", teams(QStringLiteral("Support"), { QStringLiteral("Sales") }) },
        { "a team said twice",
          teams(QStringLiteral("Sales"), { QStringLiteral("Support"), QStringLiteral("Support") }) },
        { "her main team said additional too",
          teams(QStringLiteral("Sales"), { QStringLiteral("Sales"), QStringLiteral("Support") }) },
    };
    for (const auto &forgery : untrue) {
        const Run run
            = psql(m_admin,
                   transaction(leaves(QStringLiteral("Support")) + entrySql(changed, uma, {}, forgery.before, after)));
        QVERIFY2(run.exit != 0, forgery.what);
        QVERIFY2(run.err.contains(wasIn),
                 qPrintable(QString::fromLatin1(forgery.what) + QStringLiteral(": ") + run.err));
        QCOMPARE(state(), before);
    }
    // Ids are the server's: a team deleted and one made with its id, or a
    // user deleted and one made with theirs in the same statement, cannot
    // pass the one's teams off as the other's.
    const QString newco = leaves(QStringLiteral("Support"))
        + entrySql(changed, uma, {}, teams(QStringLiteral("Sales"), { QStringLiteral("Newco") }), after)
        + QStringLiteral("WITH gone AS (DELETE FROM teams WHERE name = 'Support' RETURNING id) INSERT INTO teams (id, "
                         "name, name_key) SELECT id, 'Newco', 'newco' FROM gone; ")
        + entrySql(QStringLiteral("team-deleted"), {}, {}, QStringLiteral("Support"), {})
        + entrySql(QStringLiteral("team-created"), {}, {}, {}, QStringLiteral("Newco"));
    Run reused = psql(m_admin, transaction(newco));
    QVERIFY(reused.exit != 0);
    QVERIFY2(reused.err.contains(wasIn), qPrintable(reused.err));
    QCOMPARE(state(), before);
    // Nor a team's id changed to a deleted one's.
    reused = psql(
        m_admin,
        transaction(leaves(QStringLiteral("Support"))
                    + entrySql(changed, uma, {}, teams(QStringLiteral("Sales"), { QStringLiteral("Newco") }), after)
                    + QStringLiteral("INSERT INTO teams (name, name_key) VALUES ('Tmp', 'tmp'); ")
                    + entrySql(QStringLiteral("team-created"), {}, {}, {}, QStringLiteral("Tmp"))
                    + QStringLiteral("WITH gone AS (DELETE FROM teams WHERE name = 'Support' RETURNING id) "
                                     "UPDATE teams SET id = gone.id, name = 'Newco', name_key = 'newco' "
                                     "FROM gone WHERE teams.name = 'Tmp'; ")
                    + entrySql(QStringLiteral("team-deleted"), {}, {}, QStringLiteral("Support"), {})
                    + entrySql(QStringLiteral("team-deleted"), {}, {}, QStringLiteral("Tmp"), {})
                    + entrySql(QStringLiteral("team-created"), {}, {}, {}, QStringLiteral("Newco"))));
    QVERIFY(reused.exit != 0);
    QVERIFY2(reused.err.contains(QStringLiteral("a team's id never changes")), qPrintable(reused.err));
    QCOMPARE(state(), before);
    // A name given up and taken by another team in one transaction would name
    // either: refused, whatever the entry says.
    reused = psql(
        m_admin,
        transaction(
            QStringLiteral("UPDATE teams SET name = 'Gamma', name_key = 'gamma' WHERE name = "
                           "'Support'; UPDATE teams SET name = 'Support', name_key = 'support' WHERE "
                           "name = 'Sales'; ")
            + entrySql(QStringLiteral("team-renamed"), {}, {}, QStringLiteral("Support"), QStringLiteral("Gamma"))
            + entrySql(QStringLiteral("team-renamed"), {}, {}, QStringLiteral("Sales"), QStringLiteral("Support"))
            + leaves(QStringLiteral("Gamma"))
            + entrySql(changed, uma, {}, teams(QStringLiteral("Support"), { QStringLiteral("Support") }),
                       teams(QStringLiteral("Support"), {}))));
    QVERIFY(reused.exit != 0);
    QVERIFY2(reused.err.contains(QStringLiteral("was given up and taken by another team in this transaction")),
             qPrintable(reused.err));
    QCOMPARE(state(), before);
    const QString zed = QStringLiteral("zed@example.com");
    reused = psql(
        m_admin,
        transaction(
            QStringLiteral("WITH dm AS (DELETE FROM team_members WHERE user_id = (SELECT id FROM users WHERE email = "
                           "'uma@example.com') RETURNING user_id), du AS (DELETE FROM users WHERE id IN (SELECT "
                           "user_id FROM dm) RETURNING id) INSERT INTO users (id, email, email_key, role, created_at) "
                           "SELECT DISTINCT id, 'zed@example.com', 'zed@example.com', 'user', "
                           "'2026-11-27T00:00:00.000Z' FROM du; ")
            + entrySql(QStringLiteral("user-deleted"), uma, {},
                       QStringLiteral("{\"first\":\"\",\"last\":\"\",\"login\":\"%1\",\"role\":\"user\"}").arg(m_user),
                       {})
            + entrySql(QStringLiteral("user-created"), zed, {}, {},
                       QStringLiteral("{\"first\":\"\",\"last\":\"\",\"role\":\"user\"}"))
            + entrySql(changed, zed, {}, teams(QStringLiteral("Sales"), { QStringLiteral("Support") }),
                       teams({}, {}))));
    QVERIFY(reused.exit != 0);
    QVERIFY2(reused.err.contains(QStringLiteral("seat or membership changed with its user in one statement")),
             qPrintable(reused.err));
    QCOMPARE(state(), before);
    // bob, in no team, joins Support, told as coming from Sales.
    Run run
        = psql(m_admin,
               transaction(QStringLiteral("INSERT INTO team_members (team_id, user_id, is_main) SELECT t.id, u.id, "
                                          "0 FROM teams t, users u WHERE t.name = 'Support' AND u.email = "
                                          "'bob@example.com'; ")
                           + entrySql(changed, QStringLiteral("bob@example.com"), {},
                                      teams(QStringLiteral("Sales"), {}), teams({}, { QStringLiteral("Support") }))));
    QVERIFY(run.exit != 0);
    QVERIFY2(run.err.contains(QStringLiteral("before this transaction 'bob@example.com' was in no team")),
             qPrintable(run.err));
    QCOMPARE(state(), before);

    // Told truly, with Sales renamed in the same transaction: by its name
    // before the rename, then (uma back in Support) by its name after it.
    const QString rename = QStringLiteral("UPDATE teams SET name = 'Sales EU', name_key = 'sales eu' WHERE name = "
                                          "'Sales'; ")
        + entrySql(QStringLiteral("team-renamed"), {}, {}, QStringLiteral("Sales"), QStringLiteral("Sales EU"));
    run = psql(m_admin,
               transaction(rename + leaves(QStringLiteral("Support"))
                           + entrySql(changed, uma, {}, teams(QStringLiteral("Sales"), { QStringLiteral("Support") }),
                                      teams(QStringLiteral("Sales EU"), {}))));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    run = psql(m_admin,
               transaction(QStringLiteral("INSERT INTO team_members (team_id, user_id, is_main) SELECT t.id, u.id, 0 "
                                          "FROM teams t, users u WHERE t.name = 'Support' AND u.email = "
                                          "'uma@example.com'; UPDATE teams SET name = 'Sales FR', name_key = 'sales "
                                          "fr' WHERE name = 'Sales EU'; ")
                           + entrySql(QStringLiteral("team-renamed"), {}, {}, QStringLiteral("Sales EU"),
                                      QStringLiteral("Sales FR"))
                           + entrySql(changed, uma, {}, teams(QStringLiteral("Sales FR"), {}),
                                      teams(QStringLiteral("Sales FR"), { QStringLiteral("Support") }))));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    // The same with many users in one transaction, as an import does (the
    // server then compares whole sets): 40 users created into Support, the
    // last one told as coming from Sales FR, is refused; told truly, it goes in.
    const auto joinSupport = [&](bool lastLies) {
        QString sql;
        for (int i = 0; i < 40; ++i) {
            const QString email = QStringLiteral("new%1@example.com").arg(i);
            sql += QStringLiteral("INSERT INTO users (email, email_key, role, created_at) VALUES ('%1', '%1', 'user', "
                                  "'2026-11-27T00:00:00.000Z'); INSERT INTO team_members (team_id, user_id, is_main) "
                                  "SELECT t.id, u.id, 1 FROM teams t, users u WHERE t.name = 'Support' AND u.email = "
                                  "'%1'; ")
                       .arg(email)
                + entrySql(QStringLiteral("user-created"), email, {}, {},
                           QStringLiteral("{\"first\":\"\",\"last\":\"\",\"role\":\"user\"}"))
                + entrySql(changed, email, {}, teams(lastLies && i == 39 ? QStringLiteral("Sales FR") : QString(), {}),
                           teams(QStringLiteral("Support"), {}));
        }
        return transaction(sql);
    };
    const QString joined = state();
    run = psql(m_admin, joinSupport(true));
    QVERIFY(run.exit != 0);
    QVERIFY2(run.err.contains(QStringLiteral("before this transaction 'new39@example.com' was in no team")),
             qPrintable(run.err));
    QCOMPARE(state(), joined);
    run = psql(m_admin, joinSupport(false));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    const Run list = seatctl(db({ QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("list") }));
    QVERIFY2(list.out.contains(QStringLiteral("Sales FR")), qPrintable(list.out));
    QVERIFY2(list.out.contains(QStringLiteral("new39@example.com")), qPrintable(list.out));
    const Run check = seatctl(db({ QStringLiteral("check") }));
    QVERIFY2(check.exit == 0, qPrintable(check.out + check.err));
}

// Only the logins of Admins and Super admins hold write rights, which follow
// each user's role: a User's login, or one tied to nobody, cannot lock what
// writers wait for (the revision row, a table) nor draw from a sequence, and
// what it may hold open (reads) keeps no writer waiting.
void TestSeatctlPostgres::onlyAdminsLoginsMayMakeWritersWait()
{
    sharedAccount();
    const QString stranger = makeLogin(QStringLiteral("eve"));
    const QString before = state();
    const QStringList locks {
        QStringLiteral("BEGIN; SELECT value FROM seatkeeper_meta WHERE key = 'revision' FOR UPDATE"),
        QStringLiteral("BEGIN; SELECT 1 FROM users FOR KEY SHARE"),
        QStringLiteral("BEGIN; LOCK TABLE users"),
        QStringLiteral("BEGIN; LOCK TABLE seatkeeper_meta IN ROW EXCLUSIVE MODE"),
        QStringLiteral("SELECT nextval(pg_get_serial_sequence('teams', 'id'))"),
        QStringLiteral("SELECT seatkeeper_writers_follow()"),
    };
    for (const QString &login : { m_user, stranger }) {
        for (const QString &sql : locks) {
            const Run run = psql(login, sql);
            QVERIFY2(run.exit != 0, qPrintable(login + QStringLiteral(": ") + sql));
            QVERIFY2(run.err.contains(QStringLiteral("permission denied")),
                     qPrintable(sql + QStringLiteral(": ") + run.err));
        }
    }
    QCOMPARE(state(), before);
    // What uma may hold — her reads, in a transaction left open — keeps no
    // writer waiting (one kept waiting gives up after 15 s, "busy").
    auto reader = session(m_user, QStringLiteral("reader"));
    send(*reader,
         "BEGIN; LOCK TABLE users, seatkeeper_meta, seat_types, ledger IN ACCESS SHARE MODE; SELECT COUNT(*) "
         "FROM users;\n");
    QVERIFY(sessionPid(QStringLiteral("reader"), QStringLiteral("idle in transaction")) != QStringLiteral("0"));
    Run run = seatctl(
        dbAs(m_admin,
             { QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("sales-starter"), QStringLiteral("1") }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    send(*reader, "COMMIT;\n");
    QCOMPARE(finish(*reader), 0);

    // Rights follow roles: uma made an Admin writes, from seatctl or psql;
    // bob made a User may no longer, and is told why.
    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("edit"), QStringLiteral("uma@example.com"),
                       QStringLiteral("--role"), QStringLiteral("admin") }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    run = psql(m_user,
               QStringLiteral("BEGIN; SELECT value FROM seatkeeper_meta WHERE key = 'revision' FOR UPDATE; "
                              "ROLLBACK"));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    run = seatctl(
        dbAs(m_user,
             { QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("sales-starter"), QStringLiteral("1") }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    // An Admin ties no login (whoever does gives it a user's rights): not
    // from seatctl, not from psql.
    run = seatctl(dbAs(m_admin,
                       { QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("mal@example.com"),
                         QStringLiteral("--role"), QStringLiteral("admin"), QStringLiteral("--login"), stranger }));
    QCOMPARE(run.exit, 1);
    QVERIFY2(run.err.contains(QStringLiteral("Only a Super admin can tie a user to a login")), qPrintable(run.err));
    run = psql(m_admin,
               transaction(QStringLiteral("INSERT INTO users (email, email_key, role, created_at, login) VALUES "
                                          "('mal@example.com', 'mal@example.com', 'admin', "
                                          "'2026-11-27T00:00:00.000Z', '%1'); ")
                               .arg(stranger)
                           + entrySql(QStringLiteral("user-created"), QStringLiteral("mal@example.com"), {}, {},
                                      QStringLiteral("{\"first\":\"\",\"last\":\"\",\"login\":\"%1\",\"role\":"
                                                     "\"admin\"}")
                                          .arg(stranger))));
    QVERIFY2(run.err.contains(QStringLiteral("only a Super admin")), qPrintable(run.err));
    QVERIFY2(
        psql(stranger, QStringLiteral("BEGIN; LOCK TABLE users")).err.contains(QStringLiteral("permission denied")),
        "the stranger's login got write rights");
    // Rights granted by hand, beside the server's — on a table, on a column,
    // to PUBLIC, or passed on by a login given the grant option — are taken
    // back at the server's next look, with what was passed on.
    QCOMPARE(PostgresServer::exec(m_uri,
                                  QStringLiteral("GRANT UPDATE ON seatkeeper_meta TO %1; GRANT UPDATE (value) ON "
                                                 "seatkeeper_meta TO %1; GRANT UPDATE ON seat_types TO PUBLIC; GRANT "
                                                 "UPDATE ON team_members TO %2 WITH GRANT OPTION")
                                      .arg(stranger, m_admin)),
             QString());
    run = psql(m_admin, QStringLiteral("GRANT UPDATE ON team_members TO %1").arg(stranger));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    // bob cannot make himself a User (his login could not write it), and is
    // told whom to ask; a Super admin can.
    run = seatctl(dbAs(m_admin,
                       { QStringLiteral("users"), QStringLiteral("edit"), QStringLiteral("bob@example.com"),
                         QStringLiteral("--role"), QStringLiteral("user") }));
    QCOMPARE(run.exit, 1);
    QVERIFY2(run.err.contains(QStringLiteral("Ask another Admin or a Super admin")), qPrintable(run.err));
    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("edit"), QStringLiteral("bob@example.com"),
                       QStringLiteral("--role"), QStringLiteral("user") }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    QVERIFY2(
        psql(stranger, QStringLiteral("BEGIN; SELECT value FROM seatkeeper_meta WHERE key = 'revision' FOR UPDATE"))
            .err.contains(QStringLiteral("permission denied")),
        "a right granted by hand was kept");
    for (const QString &table : { QStringLiteral("seat_types"), QStringLiteral("team_members") }) {
        run = psql(stranger, QStringLiteral("BEGIN; SELECT 1 FROM %1 FOR UPDATE").arg(table));
        QVERIFY2(run.err.contains(QStringLiteral("permission denied")), qPrintable(table + run.err));
    }
    run = psql(m_admin, QStringLiteral("BEGIN; SELECT value FROM seatkeeper_meta WHERE key = 'revision' FOR UPDATE"));
    QVERIFY2(run.err.contains(QStringLiteral("permission denied")), qPrintable(run.err));
    run = seatctl(dbAs(m_admin,
                       { QStringLiteral("--json"), QStringLiteral("seats"), QStringLiteral("buy"),
                         QStringLiteral("sales-starter"), QStringLiteral("1") }));
    QCOMPARE(run.exit, 1);
    const QJsonObject error = json(run).value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("kind")).toString(), QStringLiteral("not-authorized"));
    QVERIFY2(error.value(QStringLiteral("message")).toString().contains(QStringLiteral("bob@example.com is a User")),
             qPrintable(run.out));
    // An Admin's login the DBA dropped and made again (its rights gone with
    // it) gets them back from the server at its first write.
    const QString dan = makeLogin(QStringLiteral("dan"));
    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("dan@example.com"),
                       QStringLiteral("--role"), QStringLiteral("admin"), QStringLiteral("--login"), dan }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    QCOMPARE(
        PostgresServer::exec(m_uri, QStringLiteral("DROP OWNED BY %1; DROP ROLE %1; CREATE ROLE %1 LOGIN").arg(dan)),
        QString());
    run = seatctl(dbAs(
        dan, { QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("sales-starter"), QStringLiteral("1") }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    // Deleted, a user's login loses its rights too.
    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("delete"), QStringLiteral("uma@example.com") }));
    QVERIFY2(run.exit == 0, qPrintable(run.out + run.err));
    run = psql(m_user, QStringLiteral("BEGIN; LOCK TABLE users"));
    QVERIFY2(run.err.contains(QStringLiteral("permission denied")), qPrintable(run.err));
    const Run check = seatctl(db({ QStringLiteral("check") }));
    QVERIFY2(check.exit == 0, qPrintable(check.out + check.err));
}

// The server dates every entry: one dated otherwise — yesterday, or a
// millisecond off — is refused, however well chained and hashed.
void TestSeatctlPostgres::entriesAreDatedByTheServer()
{
    sharedAccount();
    const QString before = state();
    const QString buy = QStringLiteral("UPDATE seat_types SET purchased = 4 WHERE type = 'service-starter'; ");
    for (const QString &when :
         { QStringLiteral("now() - interval '1 day'"), QStringLiteral("now() + interval '1 millisecond'") }) {
        const Run run
            = psql(m_admin,
                   transaction(buy
                               + entrySql(QStringLiteral("seats-bought"), {}, QStringLiteral("service-starter"),
                                          QStringLiteral("0"), QStringLiteral("4"), serverTimeSql(when))));
        QVERIFY2(run.exit != 0, qPrintable(when));
        QVERIFY2(run.err.contains(QStringLiteral("dated by the server")), qPrintable(run.err));
        QCOMPARE(state(), before);
    }
    // The same at the transaction's time is a purchase like any other.
    const Run run = psql(m_admin,
                         transaction(buy
                                     + entrySql(QStringLiteral("seats-bought"), {}, QStringLiteral("service-starter"),
                                                QStringLiteral("0"), QStringLiteral("4"))));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    const Run check = seatctl(db({ QStringLiteral("check") }));
    QVERIFY2(check.exit == 0, qPrintable(check.out + check.err));
}

// An entry carries the login and the transaction that write it: one naming
// another login (hashed with it) or another transaction is refused, however
// well chained, hashed and dated; the data stays as it was.
void TestSeatctlPostgres::entriesCarryTheirOwnLoginAndTransaction()
{
    sharedAccount();
    const QString before = state();
    const QString buy = QStringLiteral("UPDATE seat_types SET purchased = 4 WHERE type = 'service-starter'; ");
    const auto forged = [](const QString &login, const QString &xact) {
        return QStringLiteral(
                   "WITH last AS (SELECT id, hash FROM ledger ORDER BY id DESC LIMIT 1), "
                   "e AS (SELECT last.id + 1 AS id, seatkeeper_entry_time() AS at, last.hash AS prev FROM last) "
                   "INSERT INTO ledger (id, at_utc, actor, action, seat_type, old_value, new_value, prev_hash, hash, "
                   "login, xact) SELECT id, at, 'bob@example.com', 'seats-bought', 'service-starter', '0', '4', prev, "
                   "encode(sha256(convert_to(prev || chr(31) || id || chr(31) || at || chr(31) || 'bob@example.com' "
                   "|| chr(31) || 'seats-bought' || chr(31) || '' || chr(31) || 'service-starter' || chr(31) || '0' "
                   "|| chr(31) || '4' || chr(31) || %1, 'UTF8')), 'hex'), %1, %2 FROM e; ")
            .arg(login, xact);
    };
    for (const QString &sql : { forged(QStringLiteral("'seatkeeper'"), QStringLiteral("txid_current()")),
                                forged(QStringLiteral("session_user"), QStringLiteral("txid_current() - 1")) }) {
        const Run run = psql(m_admin, transaction(buy + sql));
        QVERIFY2(run.exit != 0, qPrintable(sql));
        QVERIFY2(run.err.contains(QStringLiteral("carries the login and the transaction")), qPrintable(run.err));
        QCOMPARE(state(), before);
    }
    // Its own login and transaction, named or left to the server, are a purchase like any other.
    const Run run
        = psql(m_admin, transaction(buy + forged(QStringLiteral("session_user"), QStringLiteral("txid_current()"))));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    const Run list = seatctl(db({ QStringLiteral("--json"), QStringLiteral("ledger") }));
    const QJsonObject last = json(list).value(QStringLiteral("ledger")).toArray().last().toObject();
    QCOMPARE(last.value(QStringLiteral("action")).toString(), QStringLiteral("seats-bought"));
    QCOMPARE(last.value(QStringLiteral("login")).toString(), m_admin);
    // Each statement's entries were queued for the check at COMMIT, which took them off the queue.
    QCOMPARE(psql(QStringLiteral("seatkeeper"), QStringLiteral("SELECT COUNT(*) FROM seatkeeper_checks"), true)
                 .out.trimmed(),
             QStringLiteral("0"));
    const Run check = seatctl(db({ QStringLiteral("check") }));
    QVERIFY2(check.exit == 0, qPrintable(check.out + check.err));
}

// A transaction begun before another one's entries cannot date its own
// before them: the server dates an entry at its transaction's time or, when
// later, at the time of the entry it follows (schema 5). An admin who keeps a
// transaction open while others write cannot push their entries into the past.
void TestSeatctlPostgres::anEntryIsNeverDatedBeforeTheOneItFollows()
{
    sharedAccount();
    auto early = session(m_admin, QStringLiteral("early"));
    send(*early, "BEGIN; SELECT 1;\n");
    QVERIFY(sessionPid(QStringLiteral("early"), QStringLiteral("idle in transaction")) != QStringLiteral("0"));
    QThread::msleep(50); // the entry below is dated at least this much later
    const Run bought = seatctl(
        db({ QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("service-starter"), QStringLiteral("1") }));
    QVERIFY2(bought.exit == 0, qPrintable(bought.err));
    const QString before = state();
    // Its own transaction's time, now earlier than the last entry's: refused.
    send(*early,
         QStringLiteral("SELECT value FROM seatkeeper_meta WHERE key = 'revision' FOR UPDATE; UPDATE seat_types "
                        "SET purchased = 2 WHERE type = 'service-starter'; %1 UPDATE seatkeeper_meta SET value = "
                        "value + 1 WHERE key = 'revision'; COMMIT;\n")
             .arg(entrySql(QStringLiteral("seats-bought"), {}, QStringLiteral("service-starter"), QStringLiteral("1"),
                           QStringLiteral("2"), QStringLiteral("seatkeeper_entry_time()")))
             .toUtf8());
    QVERIFY(finish(*early) != 0);
    QVERIFY2(QString::fromUtf8(early->readAllStandardError()).contains(QStringLiteral("dated by the server")),
             "refused for its date");
    QCOMPARE(state(), before);
    // Dated as the server dates it (the later of the two), it goes in.
    const Run run = psql(m_admin,
                         transaction(QStringLiteral("UPDATE seat_types SET purchased = 2 WHERE type = "
                                                    "'service-starter'; ")
                                     + entrySql(QStringLiteral("seats-bought"), {}, QStringLiteral("service-starter"),
                                                QStringLiteral("1"), QStringLiteral("2"),
                                                QStringLiteral("GREATEST(seatkeeper_entry_time(), (SELECT at_utc "
                                                               "FROM ledger ORDER BY id DESC LIMIT 1))"))));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    // No entry of the ledger is dated before the one it follows.
    QCOMPARE(psql(QStringLiteral("seatkeeper"),
                  QStringLiteral("SELECT COUNT(*) FROM ledger l JOIN ledger p ON p.id = l.id - 1 WHERE l.at_utc < "
                                 "p.at_utc"),
                  true)
                 .out.trimmed(),
             QStringLiteral("0"));
    const Run check = seatctl(db({ QStringLiteral("check") }));
    QVERIFY2(check.exit == 0, qPrintable(check.out + check.err));
}

// Another login cannot make this one's changes fail by taking a lock the
// server's check at COMMIT takes (version 4 marked a checked transaction with
// an advisory lock keyed by the session's process id, which anyone can read).
void TestSeatctlPostgres::anotherSessionCannotBlockACommit()
{
    sharedAccount();
    auto victim = session(m_admin, QStringLiteral("victim"));
    send(*victim,
         QStringLiteral("BEGIN; SELECT value FROM seatkeeper_meta WHERE key = 'revision' FOR UPDATE; UPDATE "
                        "seat_types SET purchased = 4 WHERE type = 'service-starter'; %1 UPDATE "
                        "seatkeeper_meta SET value = value + 1 WHERE key = 'revision';\n")
             .arg(entrySql(QStringLiteral("seats-bought"), {}, QStringLiteral("service-starter"), QStringLiteral("0"),
                           QStringLiteral("4")))
             .toUtf8());
    const QString pid = sessionPid(QStringLiteral("victim"), QStringLiteral("idle in transaction"));
    QVERIFY(pid != QStringLiteral("0"));
    // uma, a User, holds every lock of that session's number as long as she is connected.
    auto blocker = session(m_user, QStringLiteral("blocker"));
    send(*blocker,
         QStringLiteral("SELECT pg_advisory_lock(1397052492, %1), pg_advisory_lock(1397052491, %1);\n")
             .arg(pid)
             .toUtf8());
    QVERIFY(sessionPid(QStringLiteral("blocker"), QStringLiteral("idle")) != QStringLiteral("0"));
    send(*victim, "COMMIT;\n");
    const int exit = finish(*victim);
    QVERIFY2(exit == 0, victim->readAllStandardError().constData());
    finish(*blocker);
    const Run list = seatctl(db({ QStringLiteral("--json"), QStringLiteral("ledger") }));
    const QJsonObject last = json(list).value(QStringLiteral("ledger")).toArray().last().toObject();
    QCOMPARE(last.value(QStringLiteral("action")).toString(), QStringLiteral("seats-bought"));
    QCOMPARE(last.value(QStringLiteral("login")).toString(), m_admin);
    const Run check = seatctl(db({ QStringLiteral("check") }));
    QVERIFY2(check.exit == 0, qPrintable(check.out + check.err));
}

// seatctl on a machine whose clock says 2001 (faketime): the user's own
// creation time is the machine's, the ledger entry's is the server's.
void TestSeatctlPostgres::aClientWithAWrongClockWritesTheServersTime()
{
    const QString faketime = QStandardPaths::findExecutable(QStringLiteral("faketime"));
    if (faketime.isEmpty())
        QSKIP("faketime is not installed (package faketime)");
    sharedAccount();
    const auto serverNow = [this] {
        return psql(QStringLiteral("seatkeeper"), QStringLiteral("SELECT ") + serverTimeSql(), true).out.trimmed();
    };
    const QString from = serverNow();
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FAKETIME_DONT_FAKE_MONOTONIC"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.start(faketime,
            QStringList { QStringLiteral("2001-01-01 00:00:00"), QStringLiteral(SEATCTL_PATH) }
                + dbAs(m_admin, { QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("zoe@example.com") }));
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    const QString to = serverNow();
    const QStringList row
        = psql(QStringLiteral("seatkeeper"),
               QStringLiteral("SELECT u.created_at || '|' || l.at_utc || '|' || l.login FROM users u, "
                              "ledger l WHERE u.email = 'zoe@example.com' AND l.id = (SELECT MAX(id) "
                              "FROM ledger)"),
               true)
              .out.trimmed()
              .split(QLatin1Char('|'));
    QCOMPARE(row.size(), 3);
    QVERIFY2(row.at(0).startsWith(QLatin1String("2001-")), qPrintable(row.at(0))); // the clock was wrong
    QVERIFY2(from <= row.at(1) && row.at(1) <= to,
             qPrintable(from + QLatin1Char(' ') + row.at(1) + QLatin1Char(' ') + to));
    QCOMPARE(row.at(2), m_admin);
    const Run check = seatctl(db({ QStringLiteral("check") }));
    QVERIFY2(check.exit == 0, qPrintable(check.out + check.err));
}

// seatctl apply killed (SIGKILL) in the middle of a big plan, again and again:
// each time all of the plan or none of it, and check passes.
void TestSeatctlPostgres::killedDuringAnApplyAllOrNothing()
{
    const int kills = 30;
    const int people = 2000;
    QCOMPARE(seatctl(db({ QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("ada@example.com") })).exit,
             0);
    auto ledger = SeatLedger::open(m_uri);
    QVERIFY(ledger);
    QVERIFY(ledger.value()->setActor(QStringLiteral("ada@example.com")).ok());
    QVector<NewUser> many;
    for (int i = 0; i < people; ++i)
        many.append(NewUser { QStringLiteral("p%1@example.com").arg(i), {}, {}, Role::User, {}, {} });
    QVERIFY(ledger.value()->createUsers(many).ok());
    QVERIFY(ledger.value()->buySeats(SeatType::SalesStarter, people).ok());
    QTemporaryDir dir;
    QByteArray assignAll, removeAll;
    for (int i = 0; i < people; ++i) {
        assignAll += "assign p" + QByteArray::number(i) + "@example.com sales-starter\n";
        removeAll += "unassign p" + QByteArray::number(i) + "@example.com sales\n";
    }
    const auto write = [&dir](const QString &name, const QByteArray &text) {
        QFile f(dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(text);
        return f.fileName();
    };
    const QString assignPlan = write(QStringLiteral("assign.plan"), assignAll);
    const QString removePlan = write(QStringLiteral("remove.plan"), removeAll);
    int applied = 0, untouched = 0;
    for (int round = 0; round < kills; ++round) {
        const int held = ledger.value()->seatCounts().value()[seatTypeIndex(SeatType::SalesStarter)].assigned;
        QVERIFY2(held == 0 || held == people, qPrintable(QStringLiteral("round %1: %2 held").arg(round).arg(held)));
        const qint64 entries = ledger.value()->entries().value().size();
        QProcess apply;
        apply.start(QStringLiteral(SEATCTL_PATH), db({ QStringLiteral("apply"), held == 0 ? assignPlan : removePlan }));
        QVERIFY(apply.waitForStarted());
        // Killed once its write transaction is open on the server (or, now
        // and then, before: that too must leave nothing behind).
        if (round % 5 != 4) {
            // Latched: the transaction may commit between two looks while the
            // process is still exiting.
            bool writing = false;
            QTRY_VERIFY_WITH_TIMEOUT(
                writing = writing || apply.state() != QProcess::Running
                    || PostgresServer::exec(m_uri,
                                            QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_stat_activity "
                                                           "WHERE application_name = 'seatkeeper' AND xact_start IS "
                                                           "NOT NULL AND backend_xid IS NOT NULL) THEN RAISE "
                                                           "EXCEPTION 'not yet'; END IF; END $$"))
                           .isEmpty(),
                60000);
        }
        apply.kill();
        QVERIFY(apply.waitForFinished(60000));
        // Whatever the server made of the cut connection, the next reader sees
        // either everything or nothing.
        const int after = ledger.value()->seatCounts().value()[seatTypeIndex(SeatType::SalesStarter)].assigned;
        const qint64 entriesAfter = ledger.value()->entries().value().size();
        if (after == held) {
            QCOMPARE(entriesAfter, entries);
            ++untouched;
        } else {
            QCOMPARE(after, held == 0 ? people : 0);
            QCOMPARE(entriesAfter, entries + people);
            ++applied;
        }
        QCOMPARE(ledger.value()->check().value(), QStringList());
    }
    qInfo("%d SIGKILLs during seatctl apply of %d lines: %d left nothing, %d had committed everything", kills, people,
          untouched, applied);
    QVERIFY(untouched > 0);
}

// Several seatctl processes writing at once, as different logins: every
// change is saved, none is refused, and the ledger stays one chain.
void TestSeatctlPostgres::concurrentWritersKeepOneChain()
{
    sharedAccount();
    const int writers = 4;
    const int buys = 5;
    const qint64 entriesBefore = json(seatctl(db({ QStringLiteral("--json"), QStringLiteral("ledger") })))
                                     .value(QStringLiteral("ledger"))
                                     .toArray()
                                     .size();
    std::vector<std::unique_ptr<QProcess>> running;
    for (int w = 0; w < writers; ++w) {
        // Each process buys `buys` times in a row, as seatkeeper (ada) or bob.
        auto p = std::make_unique<QProcess>();
        QStringList script;
        for (int i = 0; i < buys; ++i)
            script << QStringLiteral("'%1' --database '%2' seats buy service-professional 1 || exit 1")
                          .arg(QStringLiteral(SEATCTL_PATH), w % 2 ? uriAs(m_admin) : m_uri);
        p->start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), script.join(QLatin1Char('\n')) });
        running.push_back(std::move(p));
    }
    for (auto &p : running) {
        QVERIFY(p->waitForFinished(120000));
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
    }
    const Run run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("ledger") }));
    const QJsonArray ledger = json(run).value(QStringLiteral("ledger")).toArray();
    QCOMPARE(ledger.size(), entriesBefore + writers * buys);
    int byBob = 0;
    for (const QJsonValue &v : ledger)
        byBob += v.toObject().value(QStringLiteral("login")).toString() == m_admin;
    QCOMPARE(byBob, writers / 2 * buys);
    const Run check = seatctl(db({ QStringLiteral("check") }));
    QVERIFY2(check.exit == 0, qPrintable(check.out + check.err));
}

// Database ▸ Recent databases in the real window: it closes one server
// database and opens the other in its place, and remembers both.
void TestSeatctlPostgres::theWindowSwitchesToAnotherDatabase()
{
    QCOMPARE(seatctl(db({ QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("ada@example.com") })).exit,
             0);
    const QString other = PostgresServer::createDatabase();
    const auto onOther = [&other](const QStringList &args) {
        return seatctl(QStringList { QStringLiteral("--database"), other } + args);
    };
    QCOMPARE(onOther({ QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("ada@example.com") }).exit, 0);
    QCOMPARE(onOther({ QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("zed@example.com") }).exit, 0);

    QTemporaryDir home;
    Processes::Window window(QStringLiteral(SEATKEEPER_PATH), m_uri, home.path(), QStringLiteral("ada@example.com"));
    QVERIFY2(window.ready(), window.errors().constData());
    QVERIFY(!window.users().contains(QStringLiteral("zed@example.com")));
    QCOMPARE(window.command("open " + other.toUtf8()), "opening " + other.toUtf8());
    QVERIFY(window.nextLine().startsWith("ready"));
    QVERIFY(window.users().contains(QStringLiteral("zed@example.com")));
    QVERIFY(window.quit());
    PostgresServer::dropDatabase(other);

    QString settings;
    QDirIterator files(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly))
            settings += QString::fromUtf8(file.readAll());
    }
    QVERIFY2(settings.contains(other) && settings.contains(m_uri), qPrintable(settings));
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

    // An import creates the teams it names and sets memberships in its one transaction.
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("in.csv"));
    {
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Email,Main team,Additional teams\n"
                "cat@example.com,Night shift,\"field sales, Night shift\"\n"
                "bob@example.com,,Night shift\n");
    }
    ok({ "import", "users", csv });
    run = seatctl(db({ "--json", "users", "list" }));
    const QJsonArray users = json(run).value("users").toArray();
    QCOMPARE(users.at(1).toObject().value("main_team").toString(), QString());
    QCOMPARE(users.at(1).toObject().value("teams").toArray(), QJsonArray { "Night shift" });
    QCOMPARE(users.at(2).toObject().value("main_team").toString(), QStringLiteral("Night shift"));
    QCOMPARE(users.at(2).toObject().value("teams").toArray(), QJsonArray { "Field sales" });
    run = seatctl(db({ "--json", "teams", "list" }));
    QCOMPARE(json(run).value("teams").toArray().size(), 2);
    run = seatctl(db({ "check" }));
    QVERIFY2(run.exit == 0, qPrintable(run.out + run.err));
}

// users edit --login / --no-login (issue 13): a Super admin ties an existing
// user to a login, ties them to another, unties them; the login then acts as
// that user; the list and the ledger say so in words.
void TestSeatctlPostgres::aSuperAdminTiesAnExistingUserToALogin()
{
    sharedAccount();
    const QString first = makeLogin(QStringLiteral("cat1"));
    const QString second = makeLogin(QStringLiteral("cat2"));
    QCOMPARE(seatctl(db({ QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("cat@example.com"),
                          QStringLiteral("--role"), QStringLiteral("admin") }))
                 .exit,
             0);
    // Before: cat's future login changes nothing.
    Run run = seatctl(dbAs(first, { QStringLiteral("teams"), QStringLiteral("add"), QStringLiteral("Field") }));
    QCOMPARE(run.exit, 1);

    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("edit"), QStringLiteral("cat@example.com"),
                       QStringLiteral("--login"), first }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("tied to the login “%1”").arg(first)), qPrintable(run.out));
    // The login now acts as cat.
    run = seatctl(dbAs(first, { QStringLiteral("teams"), QStringLiteral("add"), QStringLiteral("Field") }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    // users list shows every login; --json has it too (null when none).
    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("list") }));
    QVERIFY2(run.out.contains(QStringLiteral("Database login")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("cat@example\\.com .* %1\n").arg(first))),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("bob@example\\.com .* %1\n").arg(m_admin))),
             qPrintable(run.out));
    const auto loginOf = [this](const QString &email) {
        const Run list = seatctl(db({ QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("list") }));
        for (const QJsonValue &u : json(list).value(QStringLiteral("users")).toArray()) {
            if (u.toObject().value(QStringLiteral("email")).toString() == email)
                return u.toObject().value(QStringLiteral("login"));
        }
        return QJsonValue(QJsonValue::Undefined);
    };
    QCOMPARE(loginOf(QStringLiteral("cat@example.com")).toString(), first);
    QCOMPARE(loginOf(QStringLiteral("ada@example.com")).toString(), QStringLiteral("seatkeeper"));

    // Re-tied to another login: the first one is free again and changes nothing.
    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("edit"), QStringLiteral("cat@example.com"),
                       QStringLiteral("--login"), second }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    QCOMPARE(loginOf(QStringLiteral("cat@example.com")).toString(), second);
    run = seatctl(dbAs(first, { QStringLiteral("teams"), QStringLiteral("add"), QStringLiteral("Ops") }));
    QCOMPARE(run.exit, 1);
    QVERIFY2(run.err.contains(QStringLiteral("seatctl users edit EMAIL --login %1").arg(first)), qPrintable(run.err));
    run = seatctl(dbAs(second, { QStringLiteral("teams"), QStringLiteral("add"), QStringLiteral("Ops") }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));

    // Untied: no login at all.
    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("edit"), QStringLiteral("cat@example.com"),
                       QStringLiteral("--no-login") }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("no longer tied to the login “%1”").arg(second)), qPrintable(run.out));
    QVERIFY(loginOf(QStringLiteral("cat@example.com")).isNull());
    run = seatctl(dbAs(second, { QStringLiteral("teams"), QStringLiteral("add"), QStringLiteral("Hub") }));
    QCOMPARE(run.exit, 1);

    // Each change is a user-edited entry, by ada, told in words.
    run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("ledger") }));
    QJsonArray edits;
    for (const QJsonValue &e : json(run).value(QStringLiteral("ledger")).toArray()) {
        if (e.toObject().value(QStringLiteral("action")).toString() == QStringLiteral("user-edited"))
            edits.append(e);
    }
    QCOMPARE(edits.size(), 3);
    for (const QJsonValue &e : edits) {
        QCOMPARE(e.toObject().value(QStringLiteral("actor")).toString(), QStringLiteral("ada@example.com"));
        QCOMPARE(e.toObject().value(QStringLiteral("subject")).toString(), QStringLiteral("cat@example.com"));
    }
    run = seatctl(db({ QStringLiteral("ledger") }));
    QVERIFY2(run.out.contains(QStringLiteral("Tied cat@example.com to the database login “%1”").arg(first)),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(
                 QStringLiteral("Tied cat@example.com to the database login “%1” instead of “%2”").arg(second, first)),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("Untied cat@example.com from the database login “%1”").arg(second)),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("Admin, database login “%1” → Admin").arg(second)), qPrintable(run.out));
    run = seatctl(db({ QStringLiteral("check") }));
    QVERIFY2(run.exit == 0, qPrintable(run.out + run.err));
}

// What users edit --login refuses, each with its reason and nothing changed:
// an Admin's login (only a Super admin moves logins, the server holds it too),
// a login the server does not have, one tied to somebody else, the Super
// admin's own login.
void TestSeatctlPostgres::loginChangesAreRefusedWithAReason()
{
    sharedAccount();
    const QString spare = makeLogin(QStringLiteral("spare"));
    QCOMPARE(seatctl(db({ QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("cat@example.com") })).exit,
             0);
    const QString before = state();

    // An Admin (bob): refused by the core, with the reason.
    Run run = seatctl(dbAs(m_admin,
                           { QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("edit"),
                             QStringLiteral("cat@example.com"), QStringLiteral("--login"), spare }));
    QCOMPARE(run.exit, 1);
    const QJsonObject error = json(run).value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("kind")).toString(), QStringLiteral("not-authorized"));
    QVERIFY2(error.value(QStringLiteral("message"))
                 .toString()
                 .contains(QStringLiteral("Only a Super admin can tie a user to a login")),
             qPrintable(run.out));
    run = seatctl(dbAs(m_admin,
                       { QStringLiteral("users"), QStringLiteral("edit"), QStringLiteral("uma@example.com"),
                         QStringLiteral("--no-login") }));
    QCOMPARE(run.exit, 1);
    QVERIFY2(run.err.contains(QStringLiteral("Only a Super admin can tie a user to a login")), qPrintable(run.err));
    // ... and by the server, from psql.
    const Run direct = psql(m_admin,
                            QStringLiteral("BEGIN; UPDATE users SET login = '%1' WHERE email = "
                                           "'cat@example.com'; COMMIT;")
                                .arg(spare));
    QVERIFY(direct.exit != 0);
    QVERIFY2(direct.err.contains(QStringLiteral("change a login")), qPrintable(direct.err));

    // A login the server does not have.
    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("edit"), QStringLiteral("cat@example.com"),
                       QStringLiteral("--login"), QStringLiteral("no_such_login_here") }));
    QCOMPARE(run.exit, 1);
    QVERIFY2(run.err.contains(QStringLiteral("has no login “no_such_login_here”")), qPrintable(run.err));
    // A login tied to somebody else (uma's).
    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("edit"), QStringLiteral("cat@example.com"),
                       QStringLiteral("--login"), m_user }));
    QCOMPARE(run.exit, 1);
    QVERIFY2(run.err.contains(QStringLiteral("The login “%1” is already tied to uma@example.com.").arg(m_user)),
             qPrintable(run.err));
    // The Super admin's own login: this very connection.
    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("edit"), QStringLiteral("ada@example.com"),
                       QStringLiteral("--no-login") }));
    QCOMPARE(run.exit, 1);
    QVERIFY2(run.err.contains(QStringLiteral("your own login")), qPrintable(run.err));
    // Both at once, or an empty name: usage errors.
    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("edit"), QStringLiteral("cat@example.com"),
                       QStringLiteral("--login"), spare, QStringLiteral("--no-login") }));
    QCOMPARE(run.exit, 2);
    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("edit"), QStringLiteral("cat@example.com"),
                       QStringLiteral("--login"), QString() }));
    QCOMPARE(run.exit, 2);

    QCOMPARE(state(), before);
    run = seatctl(db({ QStringLiteral("check") }));
    QVERIFY2(run.exit == 0, qPrintable(run.out + run.err));
}

// A window opened on a login tied to nobody opens all the same, read-only,
// saying why and what to run; it refuses a change with that message. Once a
// Super admin ties the login (seatctl), the window notices through the live
// feed and lets its new operator change things, without a restart.
void TestSeatctlPostgres::aWindowOnAnUntiedLoginIsReadOnlyUntilTied()
{
    sharedAccount();
    const QString stranger = makeLogin(QStringLiteral("eve"));
    QTemporaryDir home;
    Processes::Window window(QStringLiteral(SEATKEEPER_PATH), uriAs(stranger), home.path());
    QVERIFY2(window.ready(), window.errors().constData());
    const QSet<QString> listed = window.users();
    QVERIFY(listed.contains(QStringLiteral("ada@example.com")));
    QVERIFY(listed.contains(QStringLiteral("bob@example.com")));
    QVERIFY(listed.contains(QStringLiteral("uma@example.com")));
    const QByteArray rights = window.command("rights");
    QVERIFY2(rights.startsWith("rights readonly"), rights.constData());
    QVERIFY2(rights.contains(QStringLiteral("“%1” is tied to no Seatkeeper user").arg(stranger).toUtf8()),
             rights.constData());
    QVERIFY2(rights.contains(QStringLiteral("seatctl users edit EMAIL --login %1").arg(stranger).toUtf8()),
             rights.constData());
    const QString before = state();
    const QByteArray create = window.command("create dan@example.com");
    QVERIFY2(create.startsWith("refused create dan@example.com"), create.constData());
    QVERIFY2(create.contains(QStringLiteral("--login %1").arg(stranger).toUtf8()), create.constData());
    const QByteArray grid = window.command("grid uma@example.com sales-starter on");
    QVERIFY2(grid.startsWith("refused"), grid.constData());
    QCOMPARE(state(), before);

    // A Super admin ties the login to a new Admin: the window follows.
    Run run = seatctl(db({ QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("eve@example.com"),
                           QStringLiteral("--role"), QStringLiteral("admin") }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("edit"), QStringLiteral("eve@example.com"),
                       QStringLiteral("--login"), stranger }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    QTRY_VERIFY_WITH_TIMEOUT(window.command("rights").startsWith("rights writable"), 15000);
    QVERIFY(window.command("rights").contains("eve@example.com"));
    QCOMPARE(window.command("create dan@example.com"), QByteArray("saved create dan@example.com"));
    run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("ledger") }));
    const QJsonObject last = json(run).value(QStringLiteral("ledger")).toArray().last().toObject();
    QCOMPARE(last.value(QStringLiteral("subject")).toString(), QStringLiteral("dan@example.com"));
    QCOMPARE(last.value(QStringLiteral("actor")).toString(), QStringLiteral("eve@example.com"));
    QCOMPARE(last.value(QStringLiteral("login")).toString(), stranger);
    // Untied again: read-only again, as it opened.
    run = seatctl(db({ QStringLiteral("users"), QStringLiteral("edit"), QStringLiteral("eve@example.com"),
                       QStringLiteral("--no-login") }));
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    QTRY_VERIFY_WITH_TIMEOUT(window.command("rights").startsWith("rights readonly"), 15000);
    QVERIFY(window.command("create fay@example.com").startsWith("refused create fay@example.com"));
    QVERIFY(window.quit());
    run = seatctl(db({ QStringLiteral("check") }));
    QVERIFY2(run.exit == 0, qPrintable(run.out + run.err));
}

QTEST_GUILESS_MAIN(TestSeatctlPostgres)
#include "tst_seatctlpostgres.moc"
