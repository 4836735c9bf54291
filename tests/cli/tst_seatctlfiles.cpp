// seatctl run as a real process: exit codes, messages, --json. This half is the
// database file and what comes from files: unusable databases, plans applied
// all or nothing, tampering, locks, backups and restores. The commands
// themselves are in tst_seatctl.

#include "InputText.h"
#include "SeatctlFixture.h"
#include "SeatLedger.h"
#include "TestSupport.h"

#include <csignal>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QThread>
#include <sys/resource.h>
#include <sys/stat.h>

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
    void applyReadsAPipeToItsEnd();
    void badPlansChangeNothing_data();
    void badPlansChangeNothing();
    void echoedInputCannotDriveTheTerminal_data();
    void echoedInputCannotDriveTheTerminal();
    void checkReportsTampering();
    void lockedDatabaseExitsThree();
    void backupListAndRestore();
    void dailyBackupComesBeforeTheFirstChange();
    void restoreRefusesWhatIsNotABackup();
    void everyRestoreIsRecordedInTheRestoredLedger();
    void backupNamesAreNotPatterns_data();
    void backupNamesAreNotPatterns();
    void aBackupWrittenWithTheClockBehindIsKept();
    void aBackupFromAClockAheadIsNotPreferredForever();
    void rotationKeepsOlderRestorePoints();
    void concurrentBackupsNeverShareANumber();
    void restoreRefusesWhatIsNotAFile_data();
    void restoreRefusesWhatIsNotAFile();
    void backupListShowsFullDatesAndSizes();
    void aFailedBackupLeavesNothingBehind();
    void aNameTooLongForABackupIsSaidSo();

private:
    // seatctl --json backup on `database`: the backup's path (empty if it failed).
    static QString backupOf(const QString &database);
    // seatctl --json backup list on `database`: the paths, most recently written first.
    static QStringList backupsOf(const QString &database);
    // A copy of `backup` under the name a Seatkeeper from before the numbered
    // names gave a backup of `database` taken at `at` (by a clock perhaps wrong).
    static QString oldStyleCopy(const QString &backup, const QString &database, const QDateTime &at);
    QStringList folder() const
    {
        return QDir(m_dir->path())
            .entryList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    }
};

QString TestSeatctlFiles::backupOf(const QString &database)
{
    const Run run
        = seatctl({ QStringLiteral("--database"), database, QStringLiteral("--json"), QStringLiteral("backup") });
    if (run.exit != 0)
        qWarning("backup failed: %s %s", qPrintable(run.out), qPrintable(run.err));
    return json(run).value(QStringLiteral("backup")).toObject().value(QStringLiteral("path")).toString();
}

QStringList TestSeatctlFiles::backupsOf(const QString &database)
{
    const Run run = seatctl({ QStringLiteral("--database"), database, QStringLiteral("--json"),
                              QStringLiteral("backup"), QStringLiteral("list") });
    QStringList paths;
    for (const QJsonValue &b : json(run).value(QStringLiteral("backups")).toArray())
        paths.append(b.toObject().value(QStringLiteral("path")).toString());
    return paths;
}

QString TestSeatctlFiles::oldStyleCopy(const QString &backup, const QString &database, const QDateTime &at)
{
    const QString name = QFileInfo(database).absoluteFilePath() + QLatin1Char('.')
        + at.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HHmmss.zzz'Z'")) + QStringLiteral(".backup");
    if (!QFile::copy(backup, name))
        qWarning("could not copy %s to %s", qPrintable(backup), qPrintable(name));
    return name;
}

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

void TestSeatctlFiles::echoedInputCannotDriveTheTerminal_data()
{
    QTest::addColumn<QStringList>("args"); // after --database; "DIR/" stands for the test's folder
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exit");
    QTest::addColumn<QString>("shown");
    const QStringList apply { QStringLiteral("apply"), QStringLiteral("-") };
    QTest::newRow("plan line that retitles the terminal")
        << apply << QByteArray("assign cat@example.com service-starter\nassign bob@example.com \x1b]0;pwned\x07\n") << 1
        << "Line 2: unknown seat type “\\e]0;pwned\\a”";
    QTest::newRow("plan line that clears the screen")
        << apply << QByteArray("\x1b[2J\n") << 1 << "Line 1: unknown command “\\e[2J”";
    QTest::newRow("plan line with a right-to-left override")
        << apply << QByteArray("unassign bob@example.com \xE2\x80\xAEselas\n") << 1
        << "Line 1: unknown product “\\u202Eselas”";
    QTest::newRow("seat type argument") << QStringList { QStringLiteral("assign"), QStringLiteral("bob@example.com"),
                                                         QStringLiteral("\x1b[2J") }
                                        << QByteArray() << 2 << "Unknown seat type “\\e[2J”";
    QTest::newRow("command") << QStringList { QStringLiteral("\x1b]0;pwned\x07") } << QByteArray() << 2
                             << "Unknown command “\\e]0;pwned\\a”";
    QTest::newRow("option") << QStringList { QStringLiteral("--\u202Ejson"), QStringLiteral("check") } << QByteArray()
                            << 2 << "Unknown option '\\u202Ejson'";
    QTest::newRow("operator") << QStringList { QStringLiteral("--as"), QStringLiteral("\x1b[2Jbob@example.com"),
                                               QStringLiteral("seats"), QStringLiteral("list") }
                              << QByteArray() << 1 << "No user has the email address “\\e[2Jbob@example.com”";
    QTest::newRow("address to delete") << QStringList { QStringLiteral("users"), QStringLiteral("delete"),
                                                        QStringLiteral("bob\u2067@example.com") }
                                       << QByteArray() << 1 << "No user has the email address “bob\\u2067@example.com”";
    QTest::newRow("database path") << QStringList { QStringLiteral("DIR/\x1b[2J.db"), QStringLiteral("check") }
                                   << QByteArray() << 3 << "\\e[2J.db does not exist";
}

void TestSeatctlFiles::echoedInputCannotDriveTheTerminal()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    QFETCH(int, exit);
    QFETCH(QString, shown);
    if (args.first().startsWith(QLatin1String("DIR/")))
        args = QStringList { QStringLiteral("--database"), m_dir->filePath(args.first().mid(4)) } + args.mid(1);
    else
        args = db(args);
    // Line breaks are the output's own; anything else hidden came from the input.
    const auto hidden = [](QString text) {
        return InputText::firstHidden(text.remove(QLatin1Char('\n')));
    };
    const QByteArray before = TestSupport::fileHash(m_path);

    Run run = seatctl(args, input);
    QCOMPARE(run.exit, exit);
    QVERIFY2(run.err.contains(shown), qPrintable(run.err));
    QVERIFY2(!hidden(run.err) && !hidden(run.out), qPrintable(run.err));

    run = seatctl(QStringList { QStringLiteral("--json") } + args, input);
    QCOMPARE(run.exit, exit);
    QVERIFY2(!hidden(run.out), qPrintable(run.out)); // not even inside a JSON string
    const QString message
        = json(run).value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(shown), qPrintable(run.out));
    QVERIFY2(!hidden(message), qPrintable(message)); // decoded, still nothing a terminal would act on
    QCOMPARE(TestSupport::fileHash(m_path), before);
}

void TestSeatctlFiles::applyReadsStandardInput()
{
    const Run run
        = seatctl(db({ QStringLiteral("apply"), QStringLiteral("-") }), "assign cat@example.com service-starter\n");
    QCOMPARE(run.exit, 0);
    QVERIFY(run.out.contains(QStringLiteral("Applied 1 change.")));
}

void TestSeatctlFiles::applyReadsAPipeToItsEnd()
{
    // (head -n 10 plan; sleep 1; tail -n +11 plan) | seatctl apply - used to
    // apply the first 10 lines and exit 0; a 131 KB plan through cat was cut at 64 KB.
    QByteArray plan;
    const int lines = 3801; // about 131 KB; odd, so the last line gives cat the seat
    for (int i = 0; i < lines; ++i)
        plan += i % 2 == 0 ? "assign cat@example.com service-starter\n" : "unassign cat@example.com service\n";
    QVERIFY(plan.size() > 128 * 1024);
    const int firstTen = int(plan.indexOf('\n', 0)) + 1;
    int cut = 0;
    for (int i = 0; i < 10; ++i)
        cut = int(plan.indexOf('\n', cut)) + 1;
    QVERIFY(firstTen > 0 && cut > firstTen);

    QProcess p;
    p.start(QStringLiteral(SEATCTL_PATH), db({ QStringLiteral("apply"), QStringLiteral("-") }));
    QVERIFY(p.waitForStarted());
    p.write(plan.left(cut));
    QVERIFY(p.waitForBytesWritten(10000));
    QThread::sleep(1); // the writer pauses, as `sleep 1` in a shell pipeline
    QCOMPARE(p.state(), QProcess::Running); // still reading: the input has not ended
    p.write(plan.mid(cut));
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(60000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(out.contains(QStringLiteral("Applied")), qPrintable(out));
    const Run users = seatctl(db({ QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("list") }));
    bool catHasIt = false;
    for (const QJsonValue &u : json(users).value(QStringLiteral("users")).toArray())
        catHasIt = catHasIt
            || (u.toObject().value(QStringLiteral("email")).toString() == QLatin1String("cat@example.com")
                && u.toObject().value(QStringLiteral("service")).toString() == QLatin1String("service-starter"));
    QVERIFY2(catHasIt, qPrintable(users.out));
    QCOMPARE(seatctl(db({ QStringLiteral("check") })).exit, 0);
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
    // A missing backup is a missing file: a storage error (exit 3), like a missing database.
    const QString missing = m_dir->filePath(QStringLiteral("nothing.backup"));
    Run run = seatctl(db({ QStringLiteral("restore"), missing }));
    QCOMPARE(run.exit, 3);
    QVERIFY2(run.err.contains(QStringLiteral("The backup %1 does not exist.").arg(QDir::toNativeSeparators(missing))),
             qPrintable(run.err));
    QVERIFY2(!run.err.contains(QStringLiteral("Usage:")), qPrintable(run.err));
    run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("restore"), missing }));
    QCOMPARE(run.exit, 3);
    QCOMPARE(json(run).value(QStringLiteral("error")).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("storage"));
    run = seatctl(db({ QStringLiteral("restore"), QStringLiteral("latest") }));
    QCOMPARE(run.exit, 3);
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

// The database's name is a name: s?.db, seats[1].db and a*b.db are not patterns
// that take in the backups of sa.db, seats1.db or axxb.db.
void TestSeatctlFiles::backupNamesAreNotPatterns_data()
{
    QTest::addColumn<QString>("odd");
    QTest::addColumn<QString>("neighbour");
    QTest::newRow("s?.db next to sa.db") << "s?.db"
                                         << "sa.db";
    QTest::newRow("seats[1].db next to seats1.db") << "seats[1].db"
                                                   << "seats1.db";
    QTest::newRow("a*b.db next to axxb.db") << "a*b.db"
                                            << "axxb.db";
}

void TestSeatctlFiles::backupNamesAreNotPatterns()
{
    QFETCH(QString, odd);
    QFETCH(QString, neighbour);
    const QString oddPath = m_dir->filePath(odd);
    const QString neighbourPath = m_dir->filePath(neighbour);
    QVERIFY(TestSupport::smallAccount(oddPath));
    QVERIFY(TestSupport::smallAccount(neighbourPath));
    const QString neighbours = backupOf(neighbourPath);
    QVERIFY(QFile::exists(neighbours));
    const QByteArray neighboursBytes = TestSupport::fileHash(neighbours);

    // The neighbour's backup is not the odd one's...
    QCOMPARE(backupsOf(oddPath), QStringList());
    const QByteArray oddBefore = TestSupport::fileHash(oddPath);
    Run run = seatctl({ QStringLiteral("--database"), oddPath, QStringLiteral("restore"), QStringLiteral("latest") });
    QCOMPARE(run.exit, 3);
    QVERIFY2(run.err.contains(QStringLiteral("There is no backup")), qPrintable(run.err));
    QCOMPARE(TestSupport::fileHash(oddPath), oddBefore);

    // ...its rotation leaves the neighbour's alone and rotates its own...
    for (int i = 0; i < 7; ++i) {
        const QString taken = backupOf(oddPath);
        QVERIFY2(QFile::exists(taken), qPrintable(taken));
        QVERIFY(QFileInfo(taken).fileName().startsWith(odd + QLatin1Char('.')));
    }
    const QStringList own = backupsOf(oddPath);
    QVERIFY2(own.size() >= 5 && own.size() <= 6, qPrintable(own.join(QLatin1Char(' ')))); // 6 only across midnight
    for (const QString &b : own)
        QVERIFY2(QFileInfo(b).fileName().startsWith(odd + QLatin1Char('.')), qPrintable(b));
    QVERIFY(QFile::exists(neighbours));
    QCOMPARE(TestSupport::fileHash(neighbours), neighboursBytes);
    QCOMPARE(backupsOf(neighbourPath), QStringList { neighbours });

    // ...and the day's backup is found again: changes do not write one each.
    for (int i = 0; i < 2; ++i)
        QCOMPARE(seatctl({ QStringLiteral("--database"), oddPath, QStringLiteral("seats"), QStringLiteral("buy"),
                           QStringLiteral("sales-starter"), QStringLiteral("1") })
                     .exit,
                 0);
    QCOMPARE(backupsOf(oddPath), own);

    // A restore of the odd one puts its own newest backup in place, and only there.
    run = seatctl({ QStringLiteral("--database"), oddPath, QStringLiteral("--json"), QStringLiteral("restore"),
                    QStringLiteral("latest") });
    QCOMPARE(run.exit, 0);
    QCOMPARE(json(run).value(QStringLiteral("restored_from")).toString(), own.first());
    QCOMPARE(TestSupport::fileHash(neighbours), neighboursBytes);
}

// The clock was a day ahead when the earlier backups were written (or is a day
// behind now): the backup written now is the latest, and rotation keeps it.
void TestSeatctlFiles::aBackupWrittenWithTheClockBehindIsKept()
{
    const QString first = backupOf(m_path);
    QVERIFY(QFile::exists(first));
    const QDateTime tomorrow = QDateTime::currentDateTimeUtc().addDays(1);
    for (int i = 0; i < 5; ++i)
        oldStyleCopy(first, m_path, tomorrow.addSecs(60 * i));
    QVERIFY(QFile::remove(first));
    QCOMPARE(backupsOf(m_path).size(), 5);

    QCOMPARE(seatctl(db({ QStringLiteral("assign"), cat, QStringLiteral("sales-professional") })).exit, 0);
    const Run run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("backup") }));
    QCOMPARE(run.exit, 0);
    const QString now = json(run).value(QStringLiteral("backup")).toObject().value(QStringLiteral("path")).toString();
    QVERIFY2(QFile::exists(now), qPrintable(now)); // reported, and there
    QCOMPARE(backupsOf(m_path).first(), now);
    const Run restored = seatctl(db({ QStringLiteral("--json"), QStringLiteral("restore"), QStringLiteral("latest") }));
    QCOMPARE(restored.exit, 0);
    QCOMPARE(json(restored).value(QStringLiteral("restored_from")).toString(), now);
    // It holds the change made just before it.
    const Run users = seatctl(db({ QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("list") }));
    bool found = false;
    for (const QJsonValue &u : json(users).value(QStringLiteral("users")).toArray()) {
        if (u.toObject().value(QStringLiteral("email")).toString() == cat) {
            QCOMPARE(u.toObject().value(QStringLiteral("sales")).toString(), QStringLiteral("sales-professional"));
            found = true;
        }
    }
    QVERIFY(found);
}

// One change made while the clock was a year ahead left a backup dated next
// year: it is neither "latest" for ever after nor a reason for a backup at
// every change.
void TestSeatctlFiles::aBackupFromAClockAheadIsNotPreferredForever()
{
    const QString first = backupOf(m_path);
    const QString future = oldStyleCopy(first, m_path, QDateTime::currentDateTimeUtc().addDays(365));
    QVERIFY(QFile::remove(first));

    for (int i = 0; i < 3; ++i)
        QCOMPARE(seatctl(db({ QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("sales-starter"),
                              QStringLiteral("1") }))
                     .exit,
                 0);
    // One backup dated now, before the first change; none at the next ones.
    const QStringList all = backupsOf(m_path);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.last(), future);
    const Run run = seatctl(db({ QStringLiteral("--json"), QStringLiteral("restore"), QStringLiteral("latest") }));
    QCOMPARE(run.exit, 0);
    QCOMPARE(json(run).value(QStringLiteral("restored_from")).toString(), all.first());
}

// Many backups in a moment do not push the older days' restore points out.
void TestSeatctlFiles::rotationKeepsOlderRestorePoints()
{
    const QString first = backupOf(m_path);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString twoDaysAgo = oldStyleCopy(first, m_path, now.addDays(-2));
    const QString tenDaysAgo = oldStyleCopy(first, m_path, now.addDays(-10));
    QVERIFY(QFile::remove(first));
    QStringList taken;
    for (int i = 0; i < 6; ++i)
        taken.prepend(backupOf(m_path));
    const QStringList kept = backupsOf(m_path);
    QCOMPARE(kept.mid(0, 5), taken.mid(0, 5)); // the newest five, in the order written
    QVERIFY2(kept.contains(twoDaysAgo) && kept.contains(tenDaysAgo), qPrintable(kept.join(QLatin1Char('\n'))));
    QCOMPARE(kept.last(), tenDaysAgo);
    QVERIFY2(kept.size() == 7 || kept.size() == 8, qPrintable(kept.join(QLatin1Char('\n')))); // 8 across midnight
}

// Backups written at the same moment by several processes: one number each.
void TestSeatctlFiles::concurrentBackupsNeverShareANumber()
{
    QSet<qint64> numbers;
    for (int round = 0; round < 3; ++round) {
        std::vector<std::unique_ptr<QProcess>> runs;
        for (int i = 0; i < 4; ++i) {
            runs.push_back(std::make_unique<QProcess>());
            runs.back()->start(QStringLiteral(SEATCTL_PATH),
                               db({ QStringLiteral("--json"), QStringLiteral("backup") }));
        }
        for (auto &p : runs) {
            QVERIFY(p->waitForFinished(60000));
            QCOMPARE(p->exitCode(), 0);
            const QJsonObject backup = QJsonDocument::fromJson(p->readAllStandardOutput())
                                           .object()
                                           .value(QStringLiteral("backup"))
                                           .toObject();
            const qint64 number = qint64(backup.value(QStringLiteral("sequence")).toDouble());
            QVERIFY(number > 0);
            QVERIFY2(!numbers.contains(number), qPrintable(QString::number(number)));
            numbers.insert(number);
        }
    }
    QCOMPARE(numbers.size(), 12);
    QCOMPARE(*std::max_element(numbers.begin(), numbers.end()), qint64(12));
    QCOMPARE(backupsOf(m_path).size(), 5);
}

void TestSeatctlFiles::restoreRefusesWhatIsNotAFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("asBackup"); // otherwise as the database
    QTest::newRow("backup: a pipe") << "fifo" << true;
    QTest::newRow("backup: a folder") << "folder" << true;
    QTest::newRow("backup: /dev/null") << "device" << true;
    QTest::newRow("database: a pipe") << "fifo" << false;
    QTest::newRow("database: a folder") << "folder" << false;
    QTest::newRow("database: a link to /dev/null") << "device" << false;
}

void TestSeatctlFiles::restoreRefusesWhatIsNotAFile()
{
    QFETCH(QString, kind);
    QFETCH(bool, asBackup);
    const QString backup = backupOf(m_path);
    QString odd = m_dir->filePath(QStringLiteral("odd.db"));
    if (kind == QLatin1String("fifo"))
        QCOMPARE(::mkfifo(QFile::encodeName(odd).constData(), 0600), 0);
    else if (kind == QLatin1String("folder"))
        QVERIFY(QDir().mkdir(odd));
    else if (asBackup)
        odd = QStringLiteral("/dev/null");
    else
        QVERIFY(QFile::link(QStringLiteral("/dev/null"), odd));
    if (!asBackup) // for "latest" to find one
        QVERIFY(QFile::copy(backup, odd + QStringLiteral(".2026-11-26T153012.345Z.backup")));
    const QStringList before = folder();
    const QByteArray database = TestSupport::fileHash(m_path);
    const QByteArray backupBytes = TestSupport::fileHash(backup);

    const QList<QStringList> runs = asBackup
        ? QList<QStringList> { db({ QStringLiteral("restore"), odd }) }
        : QList<QStringList> { { QStringLiteral("--database"), odd, QStringLiteral("restore"), backup },
                               { QStringLiteral("--database"), odd, QStringLiteral("restore"),
                                 QStringLiteral("latest") } };
    for (const QStringList &args : runs) {
        const Run run = seatctl(args, {}, {}, 20000);
        QVERIFY2(run.err != QLatin1String("timed out"), "seatctl hung");
        QCOMPARE(run.exit, 3);
        QVERIFY2(run.err.contains(QDir::toNativeSeparators(odd) + QStringLiteral(" is not a file")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("nothing was restored")), qPrintable(run.err));
        QCOMPARE(folder(), before); // nothing moved aside, no lock or staging copy left
        QCOMPARE(TestSupport::fileHash(m_path), database);
        QCOMPARE(TestSupport::fileHash(backup), backupBytes);
    }
    const QFileInfo after(odd);
    QVERIFY(kind != QLatin1String("folder") || after.isDir());
    QVERIFY(kind != QLatin1String("fifo") || (!after.isFile() && !after.isDir() && after.exists()));
    QVERIFY(asBackup || kind != QLatin1String("device") || after.isSymLink());
}

void TestSeatctlFiles::backupListShowsFullDatesAndSizes()
{
    const QString backup = backupOf(m_path);
    const QString old = oldStyleCopy(backup, m_path, QDateTime(QDate(2019, 3, 31), QTime(2, 30, 5, 7), Qt::UTC));
    for (const QString &language : { QStringLiteral("en"), QStringLiteral("fr") }) {
        const Run run
            = seatctl(db({ QStringLiteral("--language"), language, QStringLiteral("backup"), QStringLiteral("list") }));
        QCOMPARE(run.exit, 0);
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(0).contains(QStringLiteral("(UTC)")), qPrintable(run.out));
        const QDateTime taken
            = json(seatctl(db({ QStringLiteral("--json"), QStringLiteral("backup"), QStringLiteral("list") })))
                  .value(QStringLiteral("backups"))
                  .toArray()
                  .first()
                  .toObject()
                  .value(QStringLiteral("taken_at"))
                  .toVariant()
                  .toDateTime();
        const QRegularExpression row(QStringLiteral("^1\\s+(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)\\s+\\d[\\d,.]* "
                                                    "\\S+\\s+(\\S+)$"));
        const auto newest = row.match(lines.at(1));
        QVERIFY2(newest.hasMatch(), qPrintable(lines.at(1)));
        QCOMPARE(newest.captured(1), taken.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QCOMPARE(newest.captured(2), QDir::toNativeSeparators(backup));
        // A name from before the numbers: no number, its date in full.
        QVERIFY2(QRegularExpression(QStringLiteral("^-\\s+2019-03-31 02:30:05\\s")).match(lines.at(2)).hasMatch(),
                 qPrintable(lines.at(2)));
        QVERIFY2(lines.at(2).endsWith(QDir::toNativeSeparators(old)), qPrintable(lines.at(2)));
    }
    const QJsonObject listed
        = json(seatctl(db({ QStringLiteral("--json"), QStringLiteral("backup"), QStringLiteral("list") })))
              .value(QStringLiteral("backups"))
              .toArray()
              .first()
              .toObject();
    QCOMPARE(listed.value(QStringLiteral("sequence")).toInt(), 1);
    QCOMPARE(qint64(listed.value(QStringLiteral("bytes")).toDouble()), QFileInfo(backup).size());
}

// A backup that fails part way (here: the process may write no file larger
// than 64 KiB, which holds for root too) leaves neither its part file nor the
// journal VACUUM INTO writes beside it, and says what failed: not the database.
void TestSeatctlFiles::aFailedBackupLeavesNothingBehind()
{
    {
        auto ledger = SeatLedger::open(m_path);
        QVERIFY(ledger.ok());
        QVERIFY(ledger.value()->setActor(TestSupport::SmallAccount::ada).ok());
        QVector<NewUser> many;
        for (int i = 0; i < 1500; ++i)
            many.append(NewUser {
                QStringLiteral("person%1@example.com").arg(i), QString(60, QLatin1Char('x')), {}, Role::User, {}, {} });
        const auto created = ledger.value()->createUsers(many);
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
    }
    QVERIFY(QFileInfo(m_path).size() > 4 * 64 * 1024);
    const QStringList before = folder();
    const QByteArray database = TestSupport::fileHash(m_path);

    QProcess p;
    p.setChildProcessModifier([] {
        ::signal(SIGXFSZ, SIG_IGN);
        const struct rlimit limit
        {
            64 * 1024, 64 * 1024
        };
        ::setrlimit(RLIMIT_FSIZE, &limit);
    });
    p.start(QStringLiteral(SEATCTL_PATH), db({ QStringLiteral("backup") }));
    QVERIFY(p.waitForFinished(60000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QCOMPARE(p.exitCode(), 3);
    QVERIFY2(err.contains(QStringLiteral("Could not write a backup of %1 in the folder %2")
                              .arg(QDir::toNativeSeparators(m_path), QDir::toNativeSeparators(m_dir->path()))),
             qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("nothing of the failed backup was left")), qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral("could not be read or written")), qPrintable(err)); // the database is fine
    QCOMPARE(folder(), before);
    QCOMPARE(TestSupport::fileHash(m_path), database);
    QCOMPARE(seatctl(db({ QStringLiteral("check") })).exit, 0);
    QVERIFY(QFile::exists(backupOf(m_path))); // and with room again, it works
}

// A database whose name leaves no room for a backup's name beside it.
void TestSeatctlFiles::aNameTooLongForABackupIsSaidSo()
{
    // 215 bytes: room for the database, its -wal and the name it is built under, not for a backup's name.
    const QString path = m_dir->filePath(QString(212, QLatin1Char('n')) + QStringLiteral(".db"));
    QVERIFY(TestSupport::smallAccount(path));
    const QStringList before = folder();
    const Run run = seatctl({ QStringLiteral("--database"), path, QStringLiteral("backup") });
    QCOMPARE(run.exit, 3);
    QVERIFY2(run.err.contains(QStringLiteral("name is too long")), qPrintable(run.err));
    QVERIFY2(!run.err.contains(QStringLiteral("could not be read or written")), qPrintable(run.err));
    QCOMPARE(folder(), before);
    // A change still goes through, with a warning for the day's backup.
    const Run change = seatctl({ QStringLiteral("--database"), path, QStringLiteral("seats"), QStringLiteral("buy"),
                                 QStringLiteral("sales-starter"), QStringLiteral("1") });
    QCOMPARE(change.exit, 0);
    QVERIFY2(change.err.contains(QStringLiteral("warning")), qPrintable(change.err));
    QCOMPARE(folder(), before);
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
