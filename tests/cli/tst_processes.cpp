// Saved means saved (R13), across real processes: the real window binary open
// while seatctl processes read and write, creations racing for one path, and
// restores racing with writers, readers and each other.

#include "Processes.h"
#include "SeatLedger.h"
#include "TestSupport.h"

#include <algorithm>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using Processes::runToEnd;

namespace {

const QString Seatctl = QStringLiteral(SEATCTL_PATH);
const QString WindowProgram = QStringLiteral(SEATKEEPER_PATH);

QStringList db(const QString &path, const QStringList &rest)
{
    return QStringList { QStringLiteral("--database"), path } + rest;
}

QSet<QString> listed(const QString &path, bool *ok = nullptr)
{
    QByteArray out;
    const int code = runToEnd(
        Seatctl, db(path, { QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("list") }), &out);
    bool parsed = false;
    QSet<QString> set = Processes::emails(out, &parsed);
    if (ok)
        *ok = code == 0 && parsed;
    return set;
}

QString checked(const QString &path)
{
    QByteArray err;
    const int code = runToEnd(Seatctl, db(path, { QStringLiteral("check") }), nullptr, &err);
    return code == 0 ? QString() : QStringLiteral("check exit %1: %2").arg(code).arg(QString::fromUtf8(err));
}

// What is in a folder besides what a test put there on purpose.
QStringList leftovers(const QString &dir, const QString &pattern)
{
    return QDir(dir).entryList({ pattern }, QDir::Files | QDir::Hidden);
}

QString email(const char *prefix, int n)
{
    return QStringLiteral("%1%2@example.com").arg(QLatin1String(prefix)).arg(n);
}

} // namespace

class TestProcesses : public QObject
{
    Q_OBJECT

private slots:
    void twoInitsOnOnePathOneWins();
    void welcomeRacingInit();
    void restoreRacingWritersAndReaders();
    void twoRestoresAtOnce();
    void windowAndSeatctlSeeEachOthersSaves();
};

void TestProcesses::twoInitsOnOnePathOneWins()
{
    QTemporaryDir dir;
    const int rounds = 40;
    int firstWins = 0;
    for (int round = 0; round < rounds; ++round) {
        const QString path = dir.filePath(QStringLiteral("init%1.db").arg(round));
        QElapsedTimer clock;
        clock.start();
        Processes::Run a = Processes::start(
            Seatctl, db(path, { QStringLiteral("init"), QStringLiteral("--admin"), email("first", round) }), clock);
        Processes::Run b = Processes::start(
            Seatctl, db(path, { QStringLiteral("init"), QStringLiteral("--admin"), email("second", round) }), clock);
        QVERIFY(a.finish(clock) && b.finish(clock));
        const QString outcome = QStringLiteral("round %1: exits %2 (%3) and %4 (%5)")
                                    .arg(round)
                                    .arg(a.exit)
                                    .arg(QString::fromUtf8(a.err))
                                    .arg(b.exit)
                                    .arg(QString::fromUtf8(b.err));
        // Exactly one creates the file; the other is refused and leaves it alone.
        QVERIFY2((a.exit == 0) != (b.exit == 0), qPrintable(outcome));
        Processes::Run &loser = a.exit == 0 ? b : a;
        QVERIFY2(loser.exit == 1 && loser.err.contains("already exists"), qPrintable(outcome));
        QVERIFY2(QFileInfo(path).size() > 0, qPrintable(outcome));
        QCOMPARE(checked(path), QString());
        const QSet<QString> users = listed(path);
        QCOMPARE(users, QSet<QString> { a.exit == 0 ? email("first", round) : email("second", round) });
        firstWins += a.exit == 0;
    }
    // Nothing half-made is left behind, by the winner or the loser.
    QCOMPARE(leftovers(dir.path(), QStringLiteral("*.creating-*")), QStringList());
    qInfo("%d init races: the first process won %d, the second %d", rounds, firstWins, rounds - firstWins);
}

// The window's welcome creates the database with the same core call, in its own
// process, while seatctl init creates it in another.
void TestProcesses::welcomeRacingInit()
{
    QTemporaryDir dir;
    const int rounds = 30;
    int windowWins = 0;
    for (int round = 0; round < rounds; ++round) {
        const QString path = dir.filePath(QStringLiteral("welcome%1.db").arg(round));
        QProcess init;
        init.start(Seatctl, db(path, { QStringLiteral("init"), QStringLiteral("--admin"), email("script", round) }));
        QVERIFY(init.waitForStarted());
        QTest::qSleep(int(QRandomGenerator::global()->bounded(30)));
        auto created = SeatLedger::create(path, email("window", round));
        QVERIFY(init.waitForFinished(60000));
        QVERIFY2(created.ok() != (init.exitCode() == 0),
                 qPrintable(QStringLiteral("round %1: window %2, seatctl exit %3")
                                .arg(round)
                                .arg(created ? QStringLiteral("created") : created.error().message)
                                .arg(init.exitCode())));
        if (!created)
            QCOMPARE(created.error().kind, ErrorKind::Refused);
        created = Error {}; // closed
        QCOMPARE(checked(path), QString());
        QCOMPARE(listed(path).size(), 1);
        windowWins += listed(path).contains(email("window", round));
    }
    QCOMPARE(leftovers(dir.path(), QStringLiteral("*.creating-*")), QStringList());
    qInfo("%d welcome-versus-init races: the window won %d, seatctl %d", rounds, windowWins, rounds - windowWins);
}

void TestProcesses::restoreRacingWritersAndReaders()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("seats.db"));
    QCOMPARE(
        runToEnd(Seatctl,
                 db(path, { QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("ada@example.com") })),
        0);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(runToEnd(Seatctl, db(path, { QStringLiteral("users"), QStringLiteral("add"), email("base", i) })), 0);
    QByteArray backupJson;
    QCOMPARE(runToEnd(Seatctl, db(path, { QStringLiteral("--json"), QStringLiteral("backup") }), &backupJson), 0);
    const QString backup = QJsonDocument::fromJson(backupJson)
                               .object()
                               .value(QStringLiteral("backup"))
                               .toObject()
                               .value(QStringLiteral("path"))
                               .toString();
    QVERIFY(QFileInfo::exists(backup));
    const QSet<QString> inBackup = listed(path);

    QRandomGenerator rng(20261127);
    QSet<QString> expected = inBackup;
    int next = 0;
    int restored = 0;
    int refusedInUse = 0;
    int toldToComeBack = 0;
    int writesLanded = 0;
    int writesRolledBack = 0;
    const int rounds = 30;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer clock;
        clock.start();
        // Three writers, a reader and the restore, each started at a random
        // moment of the same 80 ms, in random order.
        std::vector<Processes::Run> writers(3);
        std::vector<QString> written;
        Processes::Run reader;
        Processes::Run restore;
        std::vector<std::pair<int, int>> schedule; // (start at ms, who: 0-2 writers, 3 reader, 4 restore)
        for (int who = 0; who < 5; ++who)
            schedule.emplace_back(int(rng.bounded(80)), who);
        std::sort(schedule.begin(), schedule.end());
        for (int w = 0; w < 3; ++w)
            written.push_back(email("w", next++));
        for (const auto &[at, who] : schedule) {
            while (clock.elapsed() < at)
                QTest::qSleep(1);
            if (who < 3)
                writers[size_t(who)] = Processes::start(
                    Seatctl, db(path, { QStringLiteral("users"), QStringLiteral("add"), written[size_t(who)] }), clock);
            else if (who == 3)
                reader = Processes::start(
                    Seatctl, db(path, { QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("list") }),
                    clock);
            else
                restore = Processes::start(
                    Seatctl, db(path, { QStringLiteral("--json"), QStringLiteral("restore"), backup }), clock);
        }
        // The file a restore replaced is kept as it was at that moment: nobody
        // writes to it afterwards (a writer that had opened the database just
        // before would, if the restore had moved the file rather than its content).
        QVERIFY(restore.finish(clock));
        const QString keptAside
            = QJsonDocument::fromJson(restore.out).object().value(QStringLiteral("kept_aside")).toString();
        const auto asideHash = [&keptAside] {
            return TestSupport::fileHash(keptAside) + TestSupport::fileHash(keptAside + QStringLiteral("-wal"));
        };
        const QByteArray asideAtRestore = asideHash();
        for (Processes::Run &w : writers)
            QVERIFY(w.finish(clock));
        QVERIFY(reader.finish(clock));
        QCOMPARE(asideHash(), asideAtRestore);

        const QString context = QStringLiteral("round %1: restore exit %2 %3")
                                    .arg(round)
                                    .arg(restore.exit)
                                    .arg(QString::fromUtf8(restore.err));
        // Nothing is ever damaged, emptied or left half-restored.
        QVERIFY2(QFileInfo(path).size() > 0, qPrintable(context));
        QCOMPARE(checked(path), QString());
        bool ok = false;
        const QSet<QString> now = listed(path, &ok);
        QVERIFY2(ok, qPrintable(context));
        // A reader reads a whole state, or is told to come back.
        QVERIFY2(reader.exit == 0 || (reader.exit == 3 && reader.out.contains("being restored")),
                 qPrintable(context + QStringLiteral(" reader exit %1: ").arg(reader.exit)
                            + QString::fromUtf8(reader.out + reader.err)));
        if (restore.exit == 0) {
            ++restored;
            // The replaced file is kept, whole: it passes check too.
            const QString aside
                = QJsonDocument::fromJson(restore.out).object().value(QStringLiteral("kept_aside")).toString();
            QVERIFY2(!aside.isEmpty() && QFileInfo::exists(aside), qPrintable(context));
            QCOMPARE(checked(aside), QString());
            expected = inBackup;
        } else {
            QVERIFY2(restore.exit == 3 && restore.out.contains("open in another window or program"),
                     qPrintable(context));
            ++refusedInUse;
        }
        for (size_t w = 0; w < writers.size(); ++w) {
            const Processes::Run &run = writers[w];
            const QString who = written[w];
            if (run.exit == 0) {
                // Saved means saved: present, unless the restore came after it.
                if (now.contains(who)) {
                    ++writesLanded;
                    expected.insert(who);
                } else {
                    QVERIFY2(restore.exit == 0 && run.startedMs < restore.endedMs,
                             qPrintable(context + QStringLiteral(": %1 was saved and is gone").arg(who)));
                    ++writesRolledBack;
                }
            } else {
                // A refusal changes nothing, and says why: the restore.
                QVERIFY2(!now.contains(who),
                         qPrintable(context + QStringLiteral(": %1 was refused but is there").arg(who)));
                QVERIFY2(
                    run.exit == 3 && run.err.contains("being restored"),
                    qPrintable(
                        context
                        + QStringLiteral(": %1: exit %2 %3").arg(who).arg(run.exit).arg(QString::fromUtf8(run.err))));
                ++toldToComeBack;
            }
        }
        QCOMPARE(now, expected);
    }
    QCOMPARE(leftovers(dir.path(), QStringLiteral("*.restoring-*")), QStringList());
    QCOMPARE(leftovers(dir.path(), QStringLiteral("*.restore-lock")), QStringList());
    qInfo("%d restore races: %d restored, %d refused (in use); %d writes landed, %d rolled back by a restore "
          "that came after them, %d told to come back",
          rounds, restored, refusedInUse, writesLanded, writesRolledBack, toldToComeBack);
    QVERIFY(restored > 0);
}

void TestProcesses::twoRestoresAtOnce()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("seats.db"));
    QCOMPARE(
        runToEnd(Seatctl,
                 db(path, { QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("ada@example.com") })),
        0);
    QCOMPARE(runToEnd(Seatctl, db(path, { QStringLiteral("backup") })), 0);
    QCOMPARE(runToEnd(Seatctl,
                      db(path, { QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("ben@example.com") })),
             0);
    int both = 0;
    int one = 0;
    for (int round = 0; round < 15; ++round) {
        QElapsedTimer clock;
        clock.start();
        Processes::Run a
            = Processes::start(Seatctl, db(path, { QStringLiteral("restore"), QStringLiteral("latest") }), clock);
        Processes::Run b
            = Processes::start(Seatctl, db(path, { QStringLiteral("restore"), QStringLiteral("latest") }), clock);
        QVERIFY(a.finish(clock) && b.finish(clock));
        const QString context = QStringLiteral("round %1: %2 %3 / %4 %5")
                                    .arg(round)
                                    .arg(a.exit)
                                    .arg(QString::fromUtf8(a.err))
                                    .arg(b.exit)
                                    .arg(QString::fromUtf8(b.err));
        QVERIFY2(a.exit == 0 || b.exit == 0, qPrintable(context));
        for (const Processes::Run *r : { &a, &b })
            QVERIFY2(r->exit == 0 || (r->exit == 3 && r->err.contains("already being restored")), qPrintable(context));
        (a.exit == 0 && b.exit == 0 ? both : one)++;
        QCOMPARE(checked(path), QString());
        QCOMPARE(listed(path), QSet<QString> { QStringLiteral("ada@example.com") });
    }
    qInfo("15 double restores: both restored one after the other %d times, one refused %d times", both, one);
}

// The real window binary open on a database while seatctl processes read and
// write it: the window never works on files nobody else sees, whatever it says
// is saved a fresh process reads, and what seatctl writes shows in the window.
void TestProcesses::windowAndSeatctlSeeEachOthersSaves()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shared.db"));
    QCOMPARE(
        runToEnd(Seatctl,
                 db(path, { QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("ada@example.com") })),
        0);
    QCOMPARE(runToEnd(Seatctl,
                      db(path,
                         { QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("sales-professional"),
                           QStringLiteral("50") })),
             0);
    Processes::Window window(WindowProgram, path, dir.path());
    QVERIFY2(window.ready(), window.errors().constData());

    const int rounds = 12;
    QSet<QString> everyone { QStringLiteral("ada@example.com") };
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer clock;
        clock.start();
        // Readers and a writer of its own, all at once with the window's saves.
        std::vector<Processes::Run> others;
        for (int r = 0; r < 2; ++r)
            others.push_back(
                Processes::start(Seatctl, db(path, { QStringLiteral("seats"), QStringLiteral("list") }), clock));
        const QString fromScript = email("script", round);
        others.push_back(
            Processes::start(Seatctl, db(path, { QStringLiteral("users"), QStringLiteral("add"), fromScript }), clock));

        const QString fromWindow = email("window", round);
        QCOMPARE(window.command("create " + fromWindow.toUtf8()), "saved create " + fromWindow.toUtf8());
        // Saved means saved: a fresh process reads it at once.
        QVERIFY2(listed(path).contains(fromWindow),
                 qPrintable(QStringLiteral("round %1: %2").arg(round).arg(fromWindow)));
        const QByteArray tick = fromWindow.toUtf8() + " sales-professional on";
        QCOMPARE(window.command("grid " + tick), "saved grid " + tick);
        QByteArray users;
        QCOMPARE(runToEnd(Seatctl,
                          db(path, { QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("list") }),
                          &users),
                 0);
        bool holds = false;
        for (const QJsonValue &u : QJsonDocument::fromJson(users).object().value(QStringLiteral("users")).toArray())
            holds |= u.toObject().value(QStringLiteral("email")).toString() == fromWindow
                && u.toObject().value(QStringLiteral("sales")).toString() == QLatin1String("sales-professional");
        QVERIFY2(
            holds,
            qPrintable(
                QStringLiteral("round %1: the seat the window saved for %2 is not stored").arg(round).arg(fromWindow)));

        for (Processes::Run &r : others) {
            QVERIFY(r.finish(clock));
            QCOMPARE(r.exit, 0);
        }
        everyone << fromScript << fromWindow;
        // The window still works on the files everybody else does.
        QCOMPARE(Processes::deletedOpenFiles(window.pid(), path), QStringList());
        // What seatctl wrote reaches the window (it looks every second).
        QSet<QString> shown;
        for (int tries = 0; tries < 50 && !(shown = window.users()).contains(fromScript); ++tries)
            QTest::qSleep(100);
        QVERIFY2(shown.contains(fromScript),
                 qPrintable(QStringLiteral("round %1: the window never showed %2").arg(round).arg(fromScript)));
    }
    QCOMPARE(window.users(), everyone);
    // A restore would pull the file from under the open window: refused, nothing changed.
    QCOMPARE(runToEnd(Seatctl, db(path, { QStringLiteral("backup") })), 0);
    QByteArray err;
    QCOMPARE(runToEnd(Seatctl, db(path, { QStringLiteral("restore"), QStringLiteral("latest") }), nullptr, &err), 3);
    QVERIFY2(err.contains("open in another window or program"), err.constData());
    QCOMPARE(window.command("create late@example.com"), QByteArray("saved create late@example.com"));
    everyone << QStringLiteral("late@example.com");
    QVERIFY(window.quit());
    // After the window closed, nothing it saved is gone, and the ledger is whole.
    QCOMPARE(listed(path), everyone);
    QCOMPARE(checked(path), QString());
}

QTEST_GUILESS_MAIN(TestProcesses)
#include "tst_processes.moc"
