// Storage: files that are not ours are refused untouched, the first schema
// migrates forward, e-mail keys are recomputed (v4), the ledger refuses
// rewrites and tampering is detected.

#include "Backups.h"
#include "LedgerEntry.h"
#include "LedgerWriter.h"
#include "SeatDatabase.h"
#include "SeatLedger.h"
#include "TestSupport.h"
#include "Validation.h"

#include <QFile>
#include <type_traits>

// The rule "no SQL built from values" is a type rule: SqlText is made from
// string literals only, so none of these compile.
static_assert(!std::is_constructible_v<SqlText, QString>, "a QString is never SQL");
static_assert(!std::is_constructible_v<SqlText, const char *>, "a runtime char pointer is never SQL");
static_assert(!std::is_convertible_v<QByteArray, SqlText>, "bytes are never SQL");
static_assert(std::is_constructible_v<SqlText, const char (&)[9]>, "a literal is");
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::RawConnection;

class TestStorage : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void foreignFilesAreRefusedUntouched_data();
    void foreignFilesAreRefusedUntouched();
    void missingFileIsNotCreated();
    void initNeverWritesOverAFile();
    void initInAMissingFolderIsRefused();
    void newDatabaseIsOursWithWalAndForeignKeys();
    void firstSchemaMigratesForward();
    void emailKeysAreRecomputedOnUpgrade();
    void upgradeIsRefusedWhileTwoUsersShareAMailbox();
    void upgradeKeepsTheLedgerOfAMailboxThatWasTwoUsers();
    void ledgerRefusesUpdateAndDelete();
    void tamperingIsDetectedByCheck_data();
    void tamperingIsDetectedByCheck();
    void lockedDatabaseGivesAClearError();

private:
    QString makeFile(const QString &kind);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestStorage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestStorage::makeFile(const QString &kind)
{
    const QString path = m_dir->filePath(kind + QStringLiteral(".db"));
    const auto write = [&](const QByteArray &bytes) {
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
    };
    if (kind == QLatin1String("random")) {
        QByteArray bytes(8192, Qt::Uninitialized);
        QRandomGenerator gen(42);
        for (char &c : bytes)
            c = char(gen.bounded(256));
        write(bytes);
    } else if (kind == QLatin1String("empty")) {
        write({});
    } else if (kind == QLatin1String("text")) {
        write("assign bob@example.com sales-professional\n");
    } else if (kind == QLatin1String("foreign")) {
        RawConnection raw(path);
        raw.exec(QStringLiteral("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)"));
        raw.exec(QStringLiteral("INSERT INTO users (email) VALUES ('someone@example.com')"));
    } else if (kind == QLatin1String("foreign-same-tables")) {
        // Another program's file that happens to have tables of the same names.
        RawConnection raw(path);
        for (const char *t : { "users", "seat_types", "assignments", "ledger" })
            raw.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER)").arg(QLatin1String(t)));
        raw.exec(QStringLiteral("PRAGMA user_version = 2"));
    } else if (kind == QLatin1String("truncated") || kind == QLatin1String("newer")) {
        {
            auto ledger = TestSupport::smallAccount(path);
            for (int i = 0; i < 300; ++i) {
                NewUser u;
                u.email = QStringLiteral("user%1@example.com").arg(i);
                u.firstName = QString(60, QLatin1Char('x'));
                ledger->createUser(u);
            }
        }
        if (kind == QLatin1String("newer")) {
            RawConnection raw(path);
            raw.exec(QStringLiteral("PRAGMA user_version = 99"));
        } else {
            QFile f(path);
            f.resize(f.size() / 2);
        }
    }
    return path;
}

void TestStorage::foreignFilesAreRefusedUntouched_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("random bytes") << "random"
                                  << "is not a Seatkeeper database";
    QTest::newRow("empty file") << "empty"
                                << "is empty: it is not a Seatkeeper database";
    QTest::newRow("a plan file") << "text"
                                 << "is not a Seatkeeper database";
    QTest::newRow("another application's SQLite file") << "foreign"
                                                       << "a database of another application";
    QTest::newRow("SQLite file with the same table names") << "foreign-same-tables"
                                                           << "a database of another application";
    QTest::newRow("truncated Seatkeeper database") << "truncated"
                                                   << "is damaged";
    QTest::newRow("newer schema") << "newer"
                                  << "written by a newer version of Seatkeeper (schema 99";
}

void TestStorage::foreignFilesAreRefusedUntouched()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    const QString path = makeFile(kind);
    QVERIFY(QFile::exists(path));
    const QByteArray before = TestSupport::fileHash(path);
    const QStringList filesBefore = QDir(m_dir->path()).entryList(QDir::Files);

    auto opened = SeatLedger::open(path);
    QVERIFY(!opened.ok());
    QCOMPARE(int(opened.error().kind), int(ErrorKind::Storage));
    QVERIFY2(opened.error().message.contains(message), qPrintable(opened.error().message));
    QVERIFY2(opened.error().message.contains(QDir::toNativeSeparators(path)), "the message names the file");
    QCOMPARE(TestSupport::fileHash(path), before);
    // No journal, WAL or shared-memory file was left next to it either.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), filesBefore);
}

void TestStorage::missingFileIsNotCreated()
{
    const QString path = m_dir->filePath(QStringLiteral("nothing.db"));
    auto opened = SeatLedger::open(path);
    QCOMPARE(int(opened.error().kind), int(ErrorKind::Storage));
    QVERIFY(opened.error().message.contains(QStringLiteral("does not exist")));
    QVERIFY(!QFile::exists(path));
}

void TestStorage::initNeverWritesOverAFile()
{
    for (const QString &kind : { QStringLiteral("foreign"), QStringLiteral("empty"), QStringLiteral("newer") }) {
        const QString path = makeFile(kind);
        const QByteArray before = TestSupport::fileHash(path);
        auto created = SeatLedger::create(path, QStringLiteral("ada@example.com"));
        QVERIFY(!created.ok());
        QVERIFY(created.error().message.contains(QStringLiteral("already exists")));
        QCOMPARE(TestSupport::fileHash(path), before);
    }
}

void TestStorage::initInAMissingFolderIsRefused()
{
    const QString path = m_dir->filePath(QStringLiteral("no/such/folder/seats.db"));
    auto created = SeatLedger::create(path, QStringLiteral("ada@example.com"));
    QCOMPARE(int(created.error().kind), int(ErrorKind::Storage));
    QVERIFY(created.error().message.contains(QStringLiteral("does not exist")));
    QVERIFY(!QFile::exists(path));
}

void TestStorage::newDatabaseIsOursWithWalAndForeignKeys()
{
    const QString path = m_dir->filePath(QStringLiteral("new.db"));
    {
        QVERIFY(SeatLedger::create(path, QStringLiteral("ada@example.com")).ok());
    }
    RawConnection raw(path);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA application_id")).toInt(), SeatDatabase::ApplicationId);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), SeatDatabase::SchemaVersion);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    auto db = SeatDatabase::open(path);
    QVERIFY(db.ok());
    QSqlQuery q(db.value()->connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void TestStorage::firstSchemaMigratesForward()
{
    const QString path = m_dir->filePath(QStringLiteral("v1.db"));
    {
        RawConnection raw(path);
        QFile fixture(QStringLiteral(FIXTURES_DIR "/schema-v1.sql"));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        QString sql;
        for (const QString &line : QString::fromUtf8(fixture.readAll()).split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("--")))
                continue;
            sql += line + QLatin1Char('\n');
            if (line.endsWith(QLatin1Char(';'))) {
                const QString error = raw.exec(sql);
                QVERIFY2(error.isEmpty(), qPrintable(error + sql));
                sql.clear();
            }
        }
    }
    auto opened = SeatLedger::open(path);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    SeatLedger &ledger = *opened.value();

    // The upgrade kept the first-schema file as a backup before touching it.
    const QVector<BackupInfo> backups = Backups::list(path);
    QCOMPARE(backups.size(), 1);
    {
        RawConnection old(backups.first().path);
        QCOMPARE(old.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 1);
        QCOMPARE(old.scalar(QStringLiteral("SELECT count(*) FROM users")).toInt(), 3);
    }

    const auto users = ledger.users().value();
    QCOMPARE(users.size(), 3);
    QCOMPARE(users[0].email, QStringLiteral("Ada@Example.com"));
    QCOMPARE(users[2].lastName, QStringLiteral("Dupré"));
    QCOMPARE(users[2].role, Role::Admin);
    QCOMPARE(users[1].sales, std::optional<SeatType>(SeatType::SalesProfessional));
    QCOMPARE(ledger.seatCounts().value()[seatTypeIndex(SeatType::SalesProfessional)].purchased, 3);

    // Version 2 chained the old entries and added the revision.
    const auto entries = ledger.entries().value();
    QCOMPARE(entries.size(), 5);
    QVERIFY(!entries[0].hash.isEmpty());
    QCOMPARE(entries[0].prevHash, QString());
    QCOMPARE(entries[4].prevHash, entries[3].hash);
    QCOMPARE(ledger.revision().value(), 0);
    QCOMPARE(ledger.check().value(), QStringList());

    // The migrated file is an ordinary database now: changes chain on.
    QVERIFY(ledger.setActor(QStringLiteral("ada@example.com")).ok());
    QVERIFY(ledger.assignSeat(QStringLiteral("CLÉO@example.fr"), SeatType::SalesProfessional).ok());
    QCOMPARE(ledger.check().value(), QStringList());
    QCOMPARE(ledger.revision().value(), 1);
    opened.value().reset();
    RawConnection raw(path);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), SeatDatabase::SchemaVersion);
    // The update trigger lifted during the step is back.
    QVERIFY(raw.exec(QStringLiteral("UPDATE ledger SET actor = 'x'")).contains(QStringLiteral("never updated")));
    // v3: R3 and R9 hold even for a connection with foreign keys off.
    QVERIFY(raw.exec(QStringLiteral("DELETE FROM users WHERE email_key = 'cléo@example.fr'"))
                .contains(QStringLiteral("holds a seat")));
    QVERIFY(raw.exec(QStringLiteral("UPDATE assignments SET seat_type = 'service-starter'"))
                .contains(QStringLiteral("of its product")));
}

void TestStorage::ledgerRefusesUpdateAndDelete()
{
    const QString path = m_dir->filePath(QStringLiteral("seats.db"));
    {
        QVERIFY(TestSupport::smallAccount(path));
    }
    RawConnection raw(path);
    QVERIFY(raw.exec(QStringLiteral("UPDATE ledger SET actor = 'mallory@example.com' WHERE id = 2"))
                .contains(QStringLiteral("ledger entries are never updated")));
    QVERIFY(raw.exec(QStringLiteral("DELETE FROM ledger WHERE id = 2")).contains(QStringLiteral("never deleted")));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT actor FROM ledger WHERE id = 2")).toString(),
             QStringLiteral("ada@example.com"));
}

void TestStorage::tamperingIsDetectedByCheck_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<QString>("problem");
    const QString drop = QStringLiteral("DROP TRIGGER ledger_no_update");
    const QString dropDelete = QStringLiteral("DROP TRIGGER ledger_no_delete");
    QTest::newRow("ledger row edited") << QStringList {
        drop,
        QStringLiteral("UPDATE ledger SET actor = 'mallory@example.com' "
                       "WHERE id = 3")
    } << "Ledger entry 3 was altered";
    QTest::newRow("ledger row deleted") << QStringList { dropDelete, QStringLiteral("DELETE FROM ledger WHERE id = 3") }
                                        << "Ledger entry 4 was altered or the entry before it was removed";
    QTest::newRow("seats bought behind the app")
        << QStringList { QStringLiteral("UPDATE seat_types SET purchased = 10 WHERE type = 'sales-professional'") }
        << "sales-professional: the ledger gives 2 purchased, the database holds 10";
    QTest::newRow("seat assigned behind the app")
        << QStringList { QStringLiteral("INSERT INTO assignments SELECT id, 'service', 'service-starter' FROM users "
                                        "WHERE email = 'cat@example.com'"),
                         QStringLiteral("UPDATE seat_types SET assigned = 1 WHERE type = 'service-starter'") }
        << "cat@example.com differs from the ledger";
    QTest::newRow("user added behind the app")
        << QStringList { QStringLiteral("INSERT INTO users (email, email_key, role, created_at) VALUES "
                                        "('eve@example.com', 'eve@example.com', 'super-admin', '2026-01-01')") }
        << "eve@example.com is in the database but not in the ledger";
    QTest::newRow("e-mail key not the address's own") << QStringList {
        QStringLiteral("UPDATE users SET email_key = 'cat2@example.com' WHERE email = 'cat@example.com'")
    } << "cat@example.com is stored under the key “cat2@example.com” instead of “cat@example.com”";
    QTest::newRow("counter out of step") << QStringList {
        QStringLiteral("UPDATE seat_types SET assigned = 0 WHERE type = 'sales-professional'")
    } << "sales-professional: the assigned count says 0 but 1 users hold one";
}

void TestStorage::tamperingIsDetectedByCheck()
{
    QFETCH(QStringList, statements);
    QFETCH(QString, problem);
    const QString path = m_dir->filePath(QStringLiteral("seats.db"));
    {
        auto ledger = TestSupport::smallAccount(path);
        QCOMPARE(ledger->check().value(), QStringList());
    }
    {
        RawConnection raw(path); // as the sqlite3 tool would
        for (const QString &sql : statements)
            QCOMPARE(raw.exec(sql), QString());
    }
    auto opened = SeatLedger::open(path);
    QVERIFY(opened.ok());
    const QStringList problems = opened.value()->check().value();
    QVERIFY2(!problems.filter(problem).isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestStorage::lockedDatabaseGivesAClearError()
{
    const QString path = m_dir->filePath(QStringLiteral("seats.db"));
    auto ledger = TestSupport::smallAccount(path);
    const QString before = TestSupport::snapshot(*ledger);
    RawConnection other(path);
    QCOMPARE(other.exec(QStringLiteral("BEGIN IMMEDIATE")), QString());
    const Status s = ledger->buySeats(SeatType::SalesStarter, 1); // waits for the busy timeout, then gives up
    QCOMPARE(int(s.error().kind), int(ErrorKind::Storage));
    QVERIFY2(s.error().message.contains(QStringLiteral("is locked by another program")), qPrintable(s.error().message));
    QCOMPARE(other.exec(QStringLiteral("ROLLBACK")), QString());
    QCOMPARE(TestSupport::snapshot(*ledger), before);
    QVERIFY(ledger->buySeats(SeatType::SalesStarter, 1).ok()); // and works once the lock is gone
}

namespace {

// Makes the file at `path` what a schema-3 Seatkeeper would have left: every
// key its address case folded, and nothing more.
bool backToSchema3(const QString &path)
{
    RawConnection raw(path);
    for (const QString &email : raw.column(QStringLiteral("SELECT email FROM users"))) {
        if (!raw.exec(QStringLiteral("UPDATE users SET email_key = '%1' WHERE email = '%2'")
                          .arg(email.toCaseFolded(), email))
                 .isEmpty())
            return false;
    }
    return raw.exec(QStringLiteral("PRAGMA user_version = 3")).isEmpty();
}

} // namespace

void TestStorage::emailKeysAreRecomputedOnUpgrade()
{
    const QString path = m_dir->filePath(QStringLiteral("v3.db"));
    const QStringList typed { QStringLiteral("\uFF2A\uFF2F\uFF33\uFF25@example.com"),
                              QStringLiteral("Zoe\u0308@example.com"), QStringLiteral("dana@XN--BCHER-KVA.de"),
                              QStringLiteral("j@b\u00FCcher.de") };
    {
        auto ledger = TestSupport::smallAccount(path);
        for (const QString &email : typed) {
            NewUser u;
            u.email = email;
            QVERIFY(ledger->createUser(u).ok());
        }
        QVERIFY(ledger->assignSeat(typed.at(1), SeatType::SalesProfessional).ok());
    }
    QVERIFY(backToSchema3(path));

    auto opened = SeatLedger::open(path);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    SeatLedger &ledger = *opened.value();
    // The upgrade kept the schema-3 file as a backup first.
    const QVector<BackupInfo> backups = Backups::list(path);
    QCOMPARE(backups.size(), 1);
    QCOMPARE(RawConnection(backups.first().path).scalar(QStringLiteral("PRAGMA user_version")).toInt(), 3);
    QCOMPARE(ledger.check().value(), QStringList());
    // Any spelling of the mailbox finds the user, shown as first typed.
    QCOMPARE(ledger.user(QStringLiteral("jose@example.com")).value().email, typed.at(0));
    QCOMPARE(ledger.user(QStringLiteral("ZO\u00CB@EXAMPLE.COM")).value().email, typed.at(1));
    QCOMPARE(ledger.user(QStringLiteral("dana@b\u00FCcher.de")).value().email, typed.at(2));
    QCOMPARE(ledger.user(QStringLiteral("J@XN--BCHER-KVA.DE")).value().email, typed.at(3));
    QVERIFY(ledger.setActor(QStringLiteral("ada@example.com")).ok());
    NewUser again;
    again.email = QStringLiteral("jose@example.com");
    QCOMPARE(ledger.createUser(again).error().kind, ErrorKind::Duplicate);
    opened.value().reset();

    RawConnection raw(path);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), SeatDatabase::SchemaVersion);
    for (const QString &email : typed)
        QCOMPARE(raw.scalar(QStringLiteral("SELECT email_key FROM users WHERE email = '%1'").arg(email)).toString(),
                 Validation::emailKey(email));
}

void TestStorage::upgradeIsRefusedWhileTwoUsersShareAMailbox()
{
    const QString path = m_dir->filePath(QStringLiteral("v3.db"));
    {
        QVERIFY(TestSupport::smallAccount(path));
    }
    QVERIFY(backToSchema3(path));
    {
        // What schema 3 let in: ada's mailbox again, in full-width letters.
        RawConnection raw(path);
        QCOMPARE(raw.exec(QStringLiteral("INSERT INTO users (email, email_key, role, created_at) VALUES "
                                         "('\uFF41\uFF44\uFF41@example.com', '\uFF41\uFF44\uFF41@example.com', "
                                         "'user', '2026-01-01T00:00:00.000Z')")),
                 QString());
    }
    const QByteArray before = TestSupport::fileHash(path);
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto opened = SeatLedger::open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind, ErrorKind::Storage);
        const QString message = opened.error().message;
        QVERIFY2(message.contains(QStringLiteral("the users ada@example.com and \uFF41\uFF44\uFF41@example.com are "
                                                 "one mailbox")),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("Nothing was changed.")), qPrintable(message));
        QCOMPARE(TestSupport::fileHash(path), before);
        QVERIFY(Backups::list(path).isEmpty()); // trying again pushes no older backup out
    }
}

void TestStorage::upgradeKeepsTheLedgerOfAMailboxThatWasTwoUsers()
{
    const QString path = m_dir->filePath(QStringLiteral("v3.db"));
    const QString precomposed = QStringLiteral("jos\u00E9@example.com");
    const QString combining = QStringLiteral("jose\u0301@example.com");
    {
        auto ledger = TestSupport::smallAccount(path);
        NewUser u;
        u.email = precomposed;
        QVERIFY(ledger->createUser(u).ok());
    }
    {
        // Schema 3 let the same mailbox in a second time, as its own user, ledger and all.
        auto db = SeatDatabase::open(path);
        QVERIFY(db.ok());
        WriteTransaction tx(*db.value());
        QVERIFY(tx.started().ok());
        auto insert = db.value()->prepare("INSERT INTO users (email, email_key, role, created_at) "
                                          "VALUES (:email, :key, 'user', '2026-01-01T00:00:00.000Z')");
        QVERIFY(insert.ok());
        insert.value().bindValue(QStringLiteral(":email"), combining);
        insert.value().bindValue(QStringLiteral(":key"), combining.toCaseFolded());
        QVERIFY(db.value()->exec(insert.value()).ok());
        LedgerWriter writer(*db.value(), QStringLiteral("ada@example.com"));
        QVERIFY(writer
                    .append(LedgerAction::UserCreated, combining, {}, {},
                            QStringLiteral(R"({"first":"","last":"","role":"user"})"))
                    .ok());
        QVERIFY(writer.finish().ok());
        QVERIFY(tx.commit().ok());
    }
    {
        // And the first one was deleted since.
        auto ledger = SeatLedger::open(path);
        QVERIFY(ledger.value()->setActor(QStringLiteral("ada@example.com")).ok());
        QVERIFY(ledger.value()->deleteUser(precomposed).ok());
    }
    QVERIFY(backToSchema3(path));

    auto opened = SeatLedger::open(path);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    SeatLedger &ledger = *opened.value();
    QCOMPARE(ledger.user(QStringLiteral("JOS\u00C9@example.com")).value().email, combining);
    QVERIFY(ledger.setActor(QStringLiteral("ada@example.com")).ok());
    QVERIFY(ledger.assignSeat(precomposed, SeatType::SalesProfessional).ok());
    // Replaying the ledger tells the two people of one key apart.
    QCOMPARE(ledger.check().value(), QStringList());
}

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
