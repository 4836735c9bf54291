// What only the PostgreSQL backend has to get right, beyond the store contract
// (tst_store): the addresses it takes, the databases it refuses to touch, the
// ledger the server guards, and writers on several connections at once.

#include "Language.h"
#include "LedgerChain.h"
#include "PostgresDatabase.h"
#include "PostgresServer.h"
#include "PostgresStore.h"
#include "SeatLedger.h"

#include <QTest>
#include <QThread>
#include <QUrl>

class TestPostgresStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Language::install(QStringLiteral("en")); }
    void init();
    void cleanup();

    void addresses_data();
    void addresses();
    void onlyAnEmptyDatabaseIsCreatedIn();
    void aNewerSchemaIsRefused();
    void theServerGuardsTheLedger();
    void writersOnManyConnectionsKeepOneChain();
    void backupsAreRefused();
    void aLostConnectionIsOpenedAfreshAtItsNextUse();
    void aVersion1DatabaseIsBroughtForwardByItsOwner();
    void aVersion3DatabaseGainsTheServersDatesAndChecks();
    void aBigSaveIsOneChainOfExactEntries();

private:
    std::unique_ptr<SeatLedger> made()
    {
        auto ledger = SeatLedger::create(m_uri, QStringLiteral("ada@example.com"));
        if (!ledger)
            qFatal("%s", qPrintable(ledger.error().message));
        return ledger.takeValue();
    }

    QString m_uri;
};

void TestPostgresStore::init()
{
    if (QByteArray(QTest::currentTestFunction()) == "addresses")
        return; // no server needed
    if (!PostgresServer::available())
        QSKIP(PostgresServer::unavailable);
    m_uri = PostgresServer::createDatabase();
}

void TestPostgresStore::cleanup()
{
    if (!m_uri.isEmpty())
        PostgresServer::dropDatabase(m_uri);
    m_uri.clear();
}

void TestPostgresStore::addresses_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("sslMode");
    QTest::addColumn<QString>("refusal"); // part of the message, empty if taken

    QTest::newRow("all") << "postgresql://ada@db.example.com:6543/seats?sslmode=verify-full"
                         << "db.example.com" << 6543 << "ada"
                         << "seats"
                         << "verify-full" << QString();
    QTest::newRow("host only") << "postgresql://db.example.com/seats"
                               << "db.example.com" << -1 << QString() << "seats" << QString() << QString();
    QTest::newRow("from PGHOST") << "postgresql:///seats" << QString() << -1 << QString() << "seats" << QString()
                                 << QString();
    QTest::newRow("short scheme") << "postgres://localhost/seats"
                                  << "localhost" << -1 << QString() << "seats" << QString() << QString();
    QTest::newRow("password") << "postgresql://ada:secret@localhost/seats" << QString() << -1 << QString() << QString()
                              << QString() << "carries a password";
    QTest::newRow("empty password") << "postgresql://ada:@localhost/seats" << QString() << -1 << QString() << QString()
                                    << QString() << "carries a password";
    QTest::newRow("password option") << "postgresql://localhost/seats?password=secret" << QString() << -1 << QString()
                                     << QString() << QString() << "carries a password";
    QTest::newRow("no database") << "postgresql://localhost/" << QString() << -1 << QString() << QString() << QString()
                                 << "names no database";
    QTest::newRow("bad sslmode") << "postgresql://localhost/seats?sslmode=maybe" << QString() << -1 << QString()
                                 << QString() << QString() << "sslmode must be one of";
    QTest::newRow("other option") << "postgresql://localhost/seats?options=-c%20x" << QString() << -1 << QString()
                                  << QString() << QString() << "is not supported";
}

void TestPostgresStore::addresses()
{
    QFETCH(QString, uri);
    QFETCH(QString, refusal);
    QVERIFY(PostgresDatabase::isUri(uri));
    const auto parsed = PostgresDatabase::parse(uri);
    if (!refusal.isEmpty()) {
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().kind, ErrorKind::Invalid);
        QVERIFY2(parsed.error().message.contains(refusal), qPrintable(parsed.error().message));
        QVERIFY(!parsed.error().message.contains(QStringLiteral("secret")));
        return;
    }
    QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
    QTEST(parsed.value().host, "host");
    QTEST(parsed.value().port, "port");
    QTEST(parsed.value().user, "user");
    QTEST(parsed.value().database, "database");
    QTEST(parsed.value().sslMode, "sslMode");
    QVERIFY(!PostgresDatabase::isUri(QStringLiteral("/home/ada/seats.db")));
}

// A database holding anybody else's table is left exactly as it was.
void TestPostgresStore::onlyAnEmptyDatabaseIsCreatedIn()
{
    QCOMPARE(PostgresServer::exec(m_uri, QStringLiteral("CREATE SCHEMA billing")), QString());
    QCOMPARE(PostgresServer::exec(m_uri, QStringLiteral("CREATE TABLE billing.invoices (id INT)")), QString());
    auto refused = SeatLedger::create(m_uri, QStringLiteral("ada@example.com"));
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, ErrorKind::Refused);
    QVERIFY2(refused.error().message.contains(QStringLiteral("another application")),
             qPrintable(refused.error().message));
    QVERIFY(!PostgresServer::exec(m_uri, QStringLiteral("SELECT 1 FROM seatkeeper_meta")).isEmpty());
    QVERIFY(!PostgresServer::exec(m_uri, QStringLiteral("SELECT seatkeeper_ledger_entries()")).isEmpty());

    // Once the other application is gone, it works; twice does not.
    QCOMPARE(PostgresServer::exec(m_uri, QStringLiteral("DROP SCHEMA billing CASCADE")), QString());
    auto ledger = made();
    QCOMPARE(ledger->soleSuperAdmin().value(), QStringLiteral("ada@example.com"));
    auto again = SeatLedger::create(m_uri, QStringLiteral("eve@example.com"));
    QVERIFY(!again);
    QVERIFY2(again.error().message.contains(QStringLiteral("already holds Seatkeeper data")),
             qPrintable(again.error().message));
}

void TestPostgresStore::aNewerSchemaIsRefused()
{
    made();
    QCOMPARE(PostgresServer::exec(m_uri,
                                  QStringLiteral("UPDATE seatkeeper_meta SET value = 99 WHERE key = 'schema_version'")),
             QString());
    auto opened = SeatLedger::open(m_uri);
    QVERIFY(!opened);
    QCOMPARE(opened.error().kind, ErrorKind::Storage);
    QVERIFY2(opened.error().message.contains(QStringLiteral("newer version")), qPrintable(opened.error().message));
}

// R11 on the server: no rewrite, no removal, no entry out of the chain — from any client.
void TestPostgresStore::theServerGuardsTheLedger()
{
    auto ledger = made();
    QVERIFY(ledger->buySeats(SeatType::SalesStarter, 2).ok());
    for (const char *sql :
         { "UPDATE ledger SET actor = 'mallory'", "DELETE FROM ledger WHERE id = 2", "TRUNCATE ledger",
           "INSERT INTO ledger (id, at_utc, actor, action, prev_hash, hash) "
           "VALUES (3, 'x', 'mallory', 'seats-bought', 'not-the-last-hash', 'h')",
           "INSERT INTO ledger (id, at_utc, actor, action, prev_hash, hash) "
           "VALUES (7, 'x', 'mallory', 'seats-bought', '', 'h')" }) {
        QVERIFY2(!PostgresServer::exec(m_uri, QString::fromLatin1(sql)).isEmpty(), sql);
    }
    QCOMPARE(ledger->entries().value().size(), 2);
    QCOMPARE(ledger->check().value(), QStringList());
}

// Writers on many connections at once: each waits for the ledger's lock, none
// is refused, and the ledger stays one chain.
void TestPostgresStore::writersOnManyConnectionsKeepOneChain()
{
    made();
    const int writers = 4;
    const int buys = 10;
    const QString uri = m_uri;
    QAtomicInt failures = 0;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back(QThread::create([&uri, &failures] {
            auto mine = SeatLedger::open(uri);
            if (!mine || !mine.value()->setActor(QStringLiteral("ada@example.com"))) {
                failures.fetchAndAddRelaxed(1);
                return;
            }
            for (int i = 0; i < buys; ++i) {
                if (auto bought = mine.value()->buySeats(SeatType::ServiceStarter, 1); !bought) {
                    qWarning("%s", qPrintable(bought.error().message));
                    failures.fetchAndAddRelaxed(1);
                }
            }
        }));
        threads.back()->start();
    }
    for (auto &t : threads)
        QVERIFY(t->wait(120000));
    QCOMPARE(failures.loadRelaxed(), 0);
    auto ledger = SeatLedger::open(m_uri);
    QVERIFY(ledger);
    QCOMPARE(ledger.value()->seatCounts().value()[seatTypeIndex(SeatType::ServiceStarter)].purchased, writers * buys);
    const auto entries = ledger.value()->entries().value();
    QCOMPARE(entries.size(), 1 + writers * buys);
    QCOMPARE(ledger.value()->revision().value(), qint64(1 + writers * buys));
    QCOMPARE(ledger.value()->check().value(), QStringList());
}

// A connection cut under it (a server restart, a network gone away) and
// marked with reconnectLater() opens nothing then — the window marks its own
// so, and never waits on the network for it — and opens afresh at its next
// use, which reads and writes as before.
void TestPostgresStore::aLostConnectionIsOpenedAfreshAtItsNextUse()
{
    const QString ada = QStringLiteral("ada@example.com");
    auto ledger = made();
    QVERIFY(ledger->buySeats(SeatType::SalesEnterprise, 1).ok()); // its statements prepared on this connection
    const QString others = QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity "
                                          "WHERE datname = current_database() AND pid <> pg_backend_pid()");
    QCOMPARE(PostgresServer::scalar(m_uri, others), 1); // the ledger's

    QCOMPARE(PostgresServer::exec(m_uri,
                                  QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                                 "WHERE datname = current_database() AND pid <> pg_backend_pid()")),
             QString());
    QTRY_COMPARE(PostgresServer::scalar(m_uri, others), 0);
    // Unmarked, it stays lost, and says so.
    const auto lost = ledger->user(ada);
    QVERIFY(!lost);
    QCOMPARE(lost.error().kind, ErrorKind::Storage);

    ledger->reconnectLater();
    QCOMPARE(PostgresServer::scalar(m_uri, others), 0); // nothing opened yet
    const auto read = ledger->user(ada);
    QVERIFY2(read, read ? "" : qPrintable(read.error().message));
    QCOMPARE(read.value().email, ada);
    QCOMPARE(PostgresServer::scalar(m_uri, others), 1);
    const auto bought = ledger->buySeats(SeatType::SalesEnterprise, 1);
    QVERIFY2(bought, bought ? "" : qPrintable(bought.error().message));
    QCOMPARE(ledger->seatCounts().value()[seatTypeIndex(SeatType::SalesEnterprise)].purchased, 2);
    QCOMPARE(PostgresServer::scalar(m_uri, others), 1); // opened once, not at every use
    QCOMPARE(ledger->check().value(), QStringList());
}

void TestPostgresStore::backupsAreRefused()
{
    auto ledger = made();
    QCOMPARE(ledger->backup().error().kind, ErrorKind::Refused);
    QVERIFY(ledger->backup().error().message.contains(QStringLiteral("pg_dump")));
    QVERIFY(ledger->dailyBackup().ok());
    QVERIFY(!ledger->dailyBackup().value());
    QVERIFY(SeatLedger::backups(m_uri).isEmpty());
    QVERIFY(!SeatLedger::backupsKept(m_uri));
    QCOMPARE(
        SeatLedger::restore(m_uri, QStringLiteral("/tmp/x.backup"), QStringLiteral("ada@example.com")).error().kind,
        ErrorKind::Refused);
    QCOMPARE(ledger->check().value(), QStringList());
}

// A database the previous version made (schema 1, no logins): a login that is
// not its owner is refused and changes nothing; the owner's first open brings
// it forward in one step, ties the Super admin to the owner's login, and the
// old ledger still checks.
void TestPostgresStore::aVersion1DatabaseIsBroughtForwardByItsOwner()
{
    {
        auto old = PostgresDatabase::create(m_uri, {}, 1);
        QVERIFY2(old, old ? "" : qPrintable(old.error().message));
    }
    // ada (Super admin), bob holding a Sales Starter seat, as version 1 wrote them.
    QStringList sql { QStringLiteral("INSERT INTO users (email, email_key, role, created_at) VALUES "
                                     "('ada@example.com', 'ada@example.com', 'super-admin', 'x'), "
                                     "('bob@example.com', 'bob@example.com', 'user', 'x')"),
                      QStringLiteral("UPDATE seat_types SET purchased = 1, assigned = 1 WHERE type = 'sales-starter'"),
                      QStringLiteral("INSERT INTO assignments SELECT id, 'sales', 'sales-starter' FROM users WHERE "
                                     "email = 'bob@example.com'"),
                      QStringLiteral("UPDATE seatkeeper_meta SET value = 4 WHERE key = 'revision'") };
    const QDateTime at = QDateTime::currentDateTimeUtc();
    const QString user = QStringLiteral("{\"first\":\"\",\"last\":\"\",\"role\":\"%1\"}");
    const QVector<LedgerEntry> history {
        { 1,
          at,
          QStringLiteral("ada@example.com"),
          QStringLiteral("user-created"),
          QStringLiteral("ada@example.com"),
          {},
          {},
          user.arg(QStringLiteral("super-admin")),
          {},
          {} },
        { 2,
          at,
          QStringLiteral("ada@example.com"),
          QStringLiteral("user-created"),
          QStringLiteral("bob@example.com"),
          {},
          {},
          user.arg(QStringLiteral("user")),
          {},
          {} },
        { 3,
          at,
          QStringLiteral("ada@example.com"),
          QStringLiteral("seats-bought"),
          {},
          QStringLiteral("sales-starter"),
          QStringLiteral("0"),
          QStringLiteral("1"),
          {},
          {} },
        { 4,
          at,
          QStringLiteral("ada@example.com"),
          QStringLiteral("seat-assigned"),
          QStringLiteral("bob@example.com"),
          QStringLiteral("sales-starter"),
          {},
          QStringLiteral("sales-starter"),
          {},
          {} },
    };
    QString prev;
    for (LedgerEntry e : history) {
        e.prevHash = prev;
        e.hash = LedgerChain::hashOf(e);
        sql << QStringLiteral("INSERT INTO ledger (id, at_utc, actor, action, subject, seat_type, old_value, "
                              "new_value, prev_hash, hash) VALUES (%1, '%2', '%3', '%4', '%5', '%6', '%7', '%8', "
                              "'%9', '%10')")
                   .arg(e.id)
                   .arg(LedgerChain::timeText(e.at), e.actor, e.action, e.subject, e.seatType, e.before, e.after,
                        e.prevHash)
                   .arg(e.hash);
        prev = e.hash;
    }
    for (const QString &statement : sql)
        QCOMPARE(PostgresServer::exec(m_uri, statement), QString());

    const QString reader = QUrl(m_uri).path().mid(1) + QStringLiteral("_reader");
    QCOMPARE(PostgresServer::exec(PostgresServer::maintenanceUri(), QStringLiteral("CREATE ROLE %1 LOGIN").arg(reader)),
             QString());
    QUrl asReader(m_uri);
    asReader.setUserName(reader);
    auto refused = SeatLedger::open(asReader.toString());
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, ErrorKind::Storage);
    QVERIFY2(refused.error().message.contains(QStringLiteral("owner")), qPrintable(refused.error().message));
    QVERIFY(!PostgresServer::exec(m_uri, QStringLiteral("SELECT login FROM users")).isEmpty()); // still version 1

    {
        auto ledger = SeatLedger::open(m_uri);
        QVERIFY2(ledger, ledger ? "" : qPrintable(ledger.error().message));
        QCOMPARE(ledger.value()->check().value(), QStringList());
        QCOMPARE(*ledger.value()->loginOperator().value(), QStringLiteral("ada@example.com"));
        QVERIFY(ledger.value()->setActor(QStringLiteral("ada@example.com")).ok());
        QVERIFY(ledger.value()->buySeats(SeatType::SalesStarter, 1).ok());
        const auto entries = ledger.value()->entries().value();
        QCOMPARE(entries.size(), 5);
        QCOMPARE(entries.first().login, QString());
        QCOMPARE(entries.last().login, QStringLiteral("seatkeeper"));
        QCOMPARE(ledger.value()->check().value(), QStringList());
    }
    // Now any login the server lets in may read it, and only read it.
    {
        auto read = SeatLedger::open(asReader.toString());
        QVERIFY2(read, read ? "" : qPrintable(read.error().message));
        QCOMPARE(read.value()->users().value().size(), 2);
        QCOMPARE(read.value()->loginOperator().error().kind, ErrorKind::NotAuthorized);
        QVERIFY(read.value()->setActor(QStringLiteral("ada@example.com")).ok());
        QVERIFY(!read.value()->buySeats(SeatType::SalesStarter, 1));
    }
    PostgresServer::dropDatabase(m_uri);
    m_uri.clear();
    PostgresServer::exec(PostgresServer::maintenanceUri(), QStringLiteral("DROP ROLE %1").arg(reader));
}

// A database of schema 3, whose entries the clients dated (one of them
// yesterday): its owner's first open brings it to the current schema and the old
// entries still check. From then on the server dates the entries and refuses
// one that describes no change, or one dated by its writer.
void TestPostgresStore::aVersion3DatabaseGainsTheServersDatesAndChecks()
{
    {
        auto old = PostgresDatabase::create(m_uri, {}, 3);
        QVERIFY2(old, old ? "" : qPrintable(old.error().message));
    }
    // ada, the Super admin tied to the owner's login, bought 2 Sales Starter seats yesterday.
    const QDateTime yesterday = QDateTime::currentDateTimeUtc().addDays(-1);
    const QString login = QUrl(m_uri).userName();
    QVector<LedgerEntry> history {
        { 1,
          yesterday,
          QStringLiteral("ada@example.com"),
          QStringLiteral("user-created"),
          QStringLiteral("ada@example.com"),
          {},
          {},
          QStringLiteral("{\"first\":\"\",\"last\":\"\",\"login\":\"%1\",\"role\":\"super-admin\"}").arg(login),
          {},
          {},
          login },
        { 2,
          yesterday,
          QStringLiteral("ada@example.com"),
          QStringLiteral("seats-bought"),
          {},
          QStringLiteral("sales-starter"),
          QStringLiteral("0"),
          QStringLiteral("2"),
          {},
          {},
          login },
    };
    QStringList sql { QStringLiteral("SET session_replication_role = replica"),
                      QStringLiteral("INSERT INTO users (email, email_key, role, created_at, login) VALUES "
                                     "('ada@example.com', 'ada@example.com', 'super-admin', 'x', '%1')")
                          .arg(login),
                      QStringLiteral("UPDATE seat_types SET purchased = 2 WHERE type = 'sales-starter'"),
                      QStringLiteral("UPDATE seatkeeper_meta SET value = 2 WHERE key = 'revision'") };
    QString prev;
    for (LedgerEntry &e : history) {
        e.prevHash = prev;
        e.hash = LedgerChain::hashOf(e);
        sql << QStringLiteral("INSERT INTO ledger (id, at_utc, actor, action, subject, seat_type, old_value, "
                              "new_value, prev_hash, hash, login) VALUES (%1, '%2', '%3', '%4', '%5', '%6', '%7', "
                              "'%8', '%9', '%10', '%11')")
                   .arg(e.id)
                   .arg(LedgerChain::timeText(e.at), e.actor, e.action, e.subject, e.seatType, e.before, e.after,
                        e.prevHash)
                   .arg(e.hash, login);
        prev = e.hash;
    }
    QCOMPARE(PostgresServer::exec(m_uri, sql.join(QStringLiteral("; "))), QString());

    auto opened = SeatLedger::open(m_uri);
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
    SeatLedger &ledger = *opened.value();
    QCOMPARE(ledger.check().value(), QStringList());
    QCOMPARE(PostgresServer::exec(m_uri,
                                  QStringLiteral("DO $$ BEGIN IF (SELECT value FROM seatkeeper_meta WHERE key = "
                                                 "'schema_version') <> %1 THEN RAISE EXCEPTION 'not current'; END IF; "
                                                 "END $$")
                                      .arg(PostgresDatabase::SchemaVersion)),
             QString());
    QVERIFY(ledger.setActor(QStringLiteral("ada@example.com")).ok());
    QVERIFY(ledger.buySeats(SeatType::SalesStarter, 1).ok());
    const auto entries = ledger.entries().value();
    QCOMPARE(entries.size(), 3);
    QVERIFY(entries.last().at > yesterday.addSecs(3600));

    // The owner's own login, by hand: a purchase that did not happen, then an
    // entry dated yesterday.
    const auto entry = [&](const QString &before, const QString &after, const QString &at) {
        return QStringLiteral(
                   "INSERT INTO ledger (id, at_utc, actor, action, seat_type, old_value, new_value, prev_hash, hash) "
                   "SELECT id + 1, %3, 'ada@example.com', 'seats-bought', 'sales-starter', '%1', '%2', hash, "
                   "encode(sha256(convert_to(hash || chr(31) || (id + 1) || chr(31) || %3 || chr(31) || "
                   "'ada@example.com' || chr(31) || 'seats-bought' || chr(31) || '' || chr(31) || 'sales-starter' || "
                   "chr(31) || '%1' || chr(31) || '%2' || chr(31) || session_user, 'UTF8')), 'hex') "
                   "FROM ledger ORDER BY id DESC LIMIT 1")
            .arg(before, after, at);
    };
    const QString now = QStringLiteral("to_char(now() AT TIME ZONE 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')");
    const QString forged = PostgresServer::exec(m_uri, entry(QStringLiteral("3"), QStringLiteral("9"), now));
    QVERIFY2(forged.contains(QStringLiteral("does not match the data as committed")), qPrintable(forged));
    const QString dated = PostgresServer::exec(
        m_uri,
        entry(QStringLiteral("3"), QStringLiteral("9"), QStringLiteral("'%1'").arg(LedgerChain::timeText(yesterday))));
    QVERIFY2(dated.contains(QStringLiteral("dated by the server")), qPrintable(dated));
    QCOMPARE(ledger.entries().value().size(), 3);
    QCOMPARE(ledger.seatCounts().value()[seatTypeIndex(SeatType::SalesStarter)].purchased, 3);
    QCOMPARE(ledger.check().value(), QStringList());
}

// A Save's entries go to the server many rows per statement: each one still
// says exactly who and what, in order, and the chain checks out.
void TestPostgresStore::aBigSaveIsOneChainOfExactEntries()
{
    auto created = SeatLedger::create(m_uri, QStringLiteral("ada@example.com"));
    QVERIFY(created);
    SeatLedger &ledger = *created.value();
    const QStringList odd { QStringLiteral("a{b}c@example.com"), QStringLiteral("o'neil@example.com"),
                            QStringLiteral("x|y=z?@example.com") };
    QVector<NewUser> people;
    for (const QString &email : odd)
        people.append(NewUser { email, {}, {}, Role::User, {}, {} });
    for (int i = 0; i < 1500; ++i)
        people.append(NewUser { QStringLiteral("p%1@example.com").arg(i), {}, {}, Role::User, {}, {} });
    QVERIFY(ledger.createUsers(people).ok());
    QVERIFY(ledger.buySeats(SeatType::SalesStarter, 2000).ok());
    const qint64 before = ledger.feedPosition().value();
    QVector<SeatEdit> edits;
    for (const User &u : ledger.users().value()) {
        if (u.email != QLatin1String("ada@example.com"))
            edits.append(SeatEdit { u.id, u.email, Product::Sales, std::nullopt, SeatType::SalesStarter });
    }
    QVERIFY(ledger.applyEdits(edits).ok());
    const QVector<LedgerEntry> entries = ledger.entries().value();
    QVector<LedgerEntry> saved;
    for (const LedgerEntry &e : entries) {
        if (e.id > before)
            saved.append(e);
    }
    QCOMPARE(saved.size(), edits.size());
    for (int i = 0; i < saved.size(); ++i) {
        QCOMPARE(saved.at(i).subject, edits.at(i).email);
        QCOMPARE(saved.at(i).actor, QStringLiteral("ada@example.com"));
        QCOMPARE(saved.at(i).seatType, QStringLiteral("sales-starter"));
    }
    QCOMPARE(ledger.check().value(), QStringList());
}

QTEST_GUILESS_MAIN(TestPostgresStore)
#include "tst_postgresstore.moc"
