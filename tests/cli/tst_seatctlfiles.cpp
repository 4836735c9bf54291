// seatctl run as a real process: exit codes, messages, --json. This half is the
// database file and what comes from files: unusable databases, plans applied
// all or nothing, tampering, locks, backups and restores. The commands
// themselves are in tst_seatctl.

#include "SeatctlFixture.h"
#include "TestSupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using SeatctlProcess::json;
using SeatctlProcess::Run;
using SeatctlProcess::seatctl;

using TestSupport::SmallAccount::cat;

class TestSeatctlFiles : public QObject, protected SeatctlFixture
{
    Q_OBJECT

private slots:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void storageErrorsExitThreeAndChangeNothing_data();
    void storageErrorsExitThreeAndChangeNothing();
    void applyIsAllOrNothing();
    void applyReadsStandardInput();
    void badPlansChangeNothing_data();
    void badPlansChangeNothing();
    void checkReportsTampering();
    void lockedDatabaseExitsThree();
    void backupListAndRestore();
    void dailyBackupComesBeforeTheFirstChange();
    void restoreRefusesWhatIsNotABackup();
    void everyRestoreIsRecordedInTheRestoredLedger();
};

void TestSeatctlFiles::storageErrorsExitThreeAndChangeNothing_data()
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

void TestSeatctlFiles::storageErrorsExitThreeAndChangeNothing()
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

void TestSeatctlFiles::applyIsAllOrNothing()
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

void TestSeatctlFiles::badPlansChangeNothing_data()
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

void TestSeatctlFiles::badPlansChangeNothing()
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

void TestSeatctlFiles::applyReadsStandardInput()
{
    const Run run
        = seatctl(db({ QStringLiteral("apply"), QStringLiteral("-") }), "assign cat@example.com service-starter\n");
    QCOMPARE(run.exit, 0);
    QVERIFY(run.out.contains(QStringLiteral("Applied 1 change.")));
}

void TestSeatctlFiles::checkReportsTampering()
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

void TestSeatctlFiles::lockedDatabaseExitsThree()
{
    TestSupport::RawConnection other(m_path);
    QCOMPARE(other.exec(QStringLiteral("BEGIN IMMEDIATE")), QString());
    const Run run = seatctl(
        db({ QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("sales-starter"), QStringLiteral("1") }));
    QCOMPARE(run.exit, 3);
    QVERIFY2(run.err.contains(QStringLiteral("is locked by another program")), qPrintable(run.err));
    QCOMPARE(other.exec(QStringLiteral("ROLLBACK")), QString());
}

void TestSeatctlFiles::backupListAndRestore()
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

void TestSeatctlFiles::dailyBackupComesBeforeTheFirstChange()
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

void TestSeatctlFiles::restoreRefusesWhatIsNotABackup()
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

QTEST_GUILESS_MAIN(TestSeatctlFiles)
void TestSeatctlFiles::everyRestoreIsRecordedInTheRestoredLedger()
{
    // Who put which backup back, and when: read later with `ledger` (and
    // `check` still replays the ledger to exactly the seats).
    const Run backup = seatctl(db({ QStringLiteral("--json"), QStringLiteral("backup") }));
    QCOMPARE(backup.exit, 0);
    const QString taken
        = QFileInfo(json(backup).value(QStringLiteral("backup")).toObject().value(QStringLiteral("path")).toString())
              .fileName();
    QVERIFY(!taken.isEmpty());
    QCOMPARE(seatctl(db({ QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("sales-starter"),
                          QStringLiteral("2") }))
                 .exit,
             0);
    const Run restored
        = seatctl(db({ QStringLiteral("--json"), QStringLiteral("--as"), QStringLiteral("ben@example.com"),
                       QStringLiteral("restore"), QStringLiteral("latest") }));
    QCOMPARE(restored.exit, 0);
    const QString keptAside = QFileInfo(json(restored).value(QStringLiteral("kept_aside")).toString()).fileName();
    QVERIFY(!keptAside.isEmpty());
    const Run anonymous
        = seatctl(db({ QStringLiteral("--json"), QStringLiteral("restore"), QStringLiteral("latest") }));
    QCOMPARE(anonymous.exit, 0);

    const QJsonArray ledger = json(seatctl(db({ QStringLiteral("--json"), QStringLiteral("ledger") })))
                                  .value(QStringLiteral("ledger"))
                                  .toArray();
    QVector<QJsonObject> restores;
    for (const QJsonValue &v : ledger) {
        if (v.toObject().value(QStringLiteral("action")).toString() == QLatin1String("database-restored"))
            restores.append(v.toObject());
        // The purchase made after the backup went with the restore.
        QVERIFY(v.toObject().value(QStringLiteral("action")).toString() != QLatin1String("seats-bought")
                || v.toObject().value(QStringLiteral("seat_type")).toString() != QLatin1String("sales-starter"));
    }
    // The second restore put back the same backup: its ledger holds the second record only.
    QCOMPARE(restores.size(), 1);
    QVERIFY2(restores.at(0).value(QStringLiteral("actor")).toString().startsWith(QStringLiteral("login:")),
             qPrintable(restores.at(0).value(QStringLiteral("actor")).toString()));
    QCOMPARE(restores.at(0).value(QStringLiteral("before")).toString(), taken);
    QCOMPARE(seatctl(db({ QStringLiteral("check") })).exit, 0);

    // The first record is in the file the second restore kept aside.
    const QString firstAside
        = m_dir->filePath(QFileInfo(json(anonymous).value(QStringLiteral("kept_aside")).toString()).fileName());
    const Run older
        = seatctl({ QStringLiteral("--database"), firstAside, QStringLiteral("--json"), QStringLiteral("ledger") });
    bool byBen = false;
    for (const QJsonValue &v : json(older).value(QStringLiteral("ledger")).toArray())
        byBen = byBen
            || (v.toObject().value(QStringLiteral("action")).toString() == QLatin1String("database-restored")
                && v.toObject().value(QStringLiteral("actor")).toString() == QLatin1String("ben@example.com")
                && v.toObject().value(QStringLiteral("after")).toString() == keptAside);
    QVERIFY2(byBen, qPrintable(older.out));
}

#include "tst_seatctlfiles.moc"
