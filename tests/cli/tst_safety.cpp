// Data safety through real processes: two seatctl racing for the last seat, and
// seatctl apply killed with SIGKILL at random moments. The ledger must come out
// whole every time: check passes, and the state is exactly before or after.

#include "SeatLedger.h"
#include "TestSupport.h"

#include <csignal>
#include <functional>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

namespace {

QStringList base(const QString &path)
{
    return { QStringLiteral("--database"), path };
}

int run(const QStringList &args, QString *err = nullptr, QByteArray *out = nullptr)
{
    QProcess p;
    p.start(QStringLiteral(SEATCTL_PATH), args);
    p.waitForFinished(60000);
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError());
    if (out)
        *out = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

// Everything a person could see, as seatctl prints it: users with seats, and counts.
// A read that fails comes back as its error, so it can never pass for a state.
QByteArray state(const QString &path)
{
    QByteArray users;
    QByteArray seats;
    QString err;
    if (const int code
        = run(base(path) + QStringList { QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("list") },
              &err, &users);
        code != 0)
        return "users list failed (" + QByteArray::number(code) + "): " + err.toUtf8() + users.simplified().left(300);
    if (run(base(path) + QStringList { QStringLiteral("--json"), QStringLiteral("seats"), QStringLiteral("list") },
            &err, &seats)
        != 0)
        return "seats list failed: " + err.toUtf8();
    QJsonArray list = QJsonDocument::fromJson(users).object().value(QStringLiteral("users")).toArray();
    for (QJsonValueRef v : list) { // creation times are not part of the seat state
        QJsonObject o = v.toObject();
        o.remove(QStringLiteral("created_at"));
        v = o;
    }
    return QJsonDocument(list).toJson(QJsonDocument::Compact) + seats;
}

} // namespace

class TestSafety : public QObject
{
    Q_OBJECT

private slots:
    void twoProcessesRaceForTheLastSeat();
    void releasingWhileAssigningNeverBreaksTheCounts();
    void applyKilledAtRandomLeavesBeforeOrAfter();
    void gridSaveKilledAtRandomLeavesBeforeOrAfter();
};

void TestSafety::twoProcessesRaceForTheLastSeat()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("race.db"));
    QVERIFY(TestSupport::smallAccount(path)); // 2 Sales Professional seats, bob holds one
    const int rounds = 25;
    int aWins = 0;
    for (int round = 0; round < rounds; ++round) {
        QProcess a;
        QProcess b;
        a.start(QStringLiteral(SEATCTL_PATH),
                base(path)
                    + QStringList { QStringLiteral("assign"), QStringLiteral("cat@example.com"),
                                    QStringLiteral("sales-professional") });
        b.start(QStringLiteral(SEATCTL_PATH),
                base(path)
                    + QStringList { QStringLiteral("assign"), QStringLiteral("uma@example.com"),
                                    QStringLiteral("sales-professional") });
        QVERIFY(a.waitForFinished(30000) && b.waitForFinished(30000));
        const int codes = a.exitCode() * 10 + b.exitCode();
        QVERIFY2(
            codes == 1 || codes == 10,
            qPrintable(QStringLiteral("round %1: exits %2 and %3").arg(round).arg(a.exitCode()).arg(b.exitCode())));
        QProcess &loser = codes == 1 ? b : a;
        QVERIFY(QString::fromUtf8(loser.readAllStandardError())
                    .contains(QStringLiteral("No free Sales Professional seat: 2 purchased, 2 assigned")));
        aWins += codes == 1;
        // Give the seat back for the next round.
        const QString winner = codes == 1 ? QStringLiteral("cat@example.com") : QStringLiteral("uma@example.com");
        QCOMPARE(run(base(path) + QStringList { QStringLiteral("unassign"), winner, QStringLiteral("sales") }), 0);
    }
    QString err;
    QCOMPARE(run(base(path) + QStringList { QStringLiteral("check") }, &err), 0);
    qInfo("%d rounds: cat won %d, uma won %d", rounds, aWins, rounds - aWins);
}

void TestSafety::releasingWhileAssigningNeverBreaksTheCounts()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("release.db"));
    {
        auto ledger = TestSupport::smallAccount(path);
        QVERIFY(ledger->buySeats(SeatType::ServiceProfessional, 5).ok());
    }
    for (int round = 0; round < 15; ++round) {
        QProcess assign;
        QProcess release;
        assign.start(QStringLiteral(SEATCTL_PATH),
                     base(path)
                         + QStringList { QStringLiteral("assign"), QStringLiteral("cat@example.com"),
                                         QStringLiteral("service-professional") });
        release.start(QStringLiteral(SEATCTL_PATH),
                      base(path)
                          + QStringList { QStringLiteral("seats"), QStringLiteral("release"),
                                          QStringLiteral("service-professional"), QStringLiteral("5") });
        QVERIFY(assign.waitForFinished(30000) && release.waitForFinished(30000));
        // Either the release took all five first (and the assign found none), or the
        // assign took one first (and the release of five was refused).
        QCOMPARE(assign.exitCode() + release.exitCode(), 1);
        QByteArray seats;
        run(base(path) + QStringList { QStringLiteral("--json"), QStringLiteral("seats"), QStringLiteral("list") },
            nullptr, &seats);
        const QJsonObject pro
            = QJsonDocument::fromJson(seats).object().value(QStringLiteral("seats")).toArray().at(4).toObject();
        QVERIFY(pro.value(QStringLiteral("assigned")).toInt() <= pro.value(QStringLiteral("purchased")).toInt());
        QVERIFY(pro.value(QStringLiteral("free")).toInt() >= 0);
        // Back to five free seats and no holder.
        if (assign.exitCode() == 0)
            QCOMPARE(run(base(path)
                         + QStringList { QStringLiteral("unassign"), QStringLiteral("cat@example.com"),
                                         QStringLiteral("service") }),
                     0);
        else
            QCOMPARE(run(base(path)
                         + QStringList { QStringLiteral("seats"), QStringLiteral("buy"),
                                         QStringLiteral("service-professional"), QStringLiteral("5") }),
                     0);
    }
    QCOMPARE(run(base(path) + QStringList { QStringLiteral("check") }), 0);
}

// The small account and `people` more users, k0@example.com…, with as many
// Service Starter seats: room for thousands of changes.
static bool killAccount(const QString &path, int people)
{
    auto ledger = TestSupport::smallAccount(path);
    QVector<NewUser> users;
    for (int i = 0; i < people; ++i) {
        NewUser u;
        u.email = QStringLiteral("k%1@example.com").arg(i);
        users.append(u);
    }
    return ledger && ledger->createUsers(users).ok() && ledger->buySeats(SeatType::ServiceStarter, people).ok();
}

// Starts a change `kills` times and kills it with SIGKILL at a random moment —
// before, during or after its commit (up to 1.5 times `changeMs`). After each
// kill the database must be exactly in one of the two states and pass check;
// `changed` follows which one. Returns how many changes landed before their kill.
static int killAtRandom(const QString &path, const QByteArray (&states)[2], bool &changed, int kills, qint64 changeMs,
                        quint32 seed, const std::function<bool(QProcess &, bool changed)> &start)
{
    QRandomGenerator rng(seed);
    int landed = 0;
    for (int k = 0; k < kills; ++k) {
        QProcess p;
        if (!start(p, changed)) {
            QTest::qFail("the change did not start", __FILE__, __LINE__);
            return landed;
        }
        QTest::qSleep(int(rng.bounded(changeMs * 3 / 2 + 10)));
        ::kill(pid_t(p.processId()), SIGKILL);
        p.waitForFinished(30000);
        const QByteArray now = state(path);
        if (now != states[0] && now != states[1]) {
            QTest::qFail(qPrintable(QStringLiteral("kill %1: neither before nor after: %2")
                                        .arg(k)
                                        .arg(QString::fromUtf8(now.left(400)))),
                         __FILE__, __LINE__);
            return landed;
        }
        QString err;
        if (run(base(path) + QStringList { QStringLiteral("check") }, &err) != 0) {
            QTest::qFail(qPrintable(QStringLiteral("kill %1: check failed: %2").arg(k).arg(err)), __FILE__, __LINE__);
            return landed;
        }
        const bool nowChanged = now == states[1];
        landed += nowChanged != changed;
        changed = nowChanged;
    }
    return landed;
}

void TestSafety::applyKilledAtRandomLeavesBeforeOrAfter()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kill.db"));
    const int people = 3000;
    QVERIFY(killAccount(path, people));
    // A plan of thousands of changes, and the one that undoes it.
    QByteArray forward;
    QByteArray backward;
    for (int i = 0; i < people; ++i) {
        forward += QStringLiteral("assign k%1@example.com service-starter\n").arg(i).toUtf8();
        backward += QStringLiteral("unassign k%1@example.com service\n").arg(i).toUtf8();
    }
    const QString forwardPlan = dir.filePath(QStringLiteral("forward.plan"));
    const QString backwardPlan = dir.filePath(QStringLiteral("backward.plan"));
    for (const auto &[file, text] : { std::pair { forwardPlan, forward }, std::pair { backwardPlan, backward } }) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    }
    QByteArray states[2] = { state(path), {} };
    bool applied = false; // which of the two states the database is in
    QElapsedTimer full;
    full.start();
    QCOMPARE(run(base(path) + QStringList { QStringLiteral("apply"), forwardPlan }), 0);
    const qint64 applyMs = std::max<qint64>(full.elapsed(), 20);
    states[1] = state(path);
    applied = true;
    QVERIFY(states[0] != states[1]);

    const int kills = 30;
    const int landed = killAtRandom(path, states, applied, kills, applyMs, 20261126, [&](QProcess &p, bool applied) {
        p.start(QStringLiteral(SEATCTL_PATH),
                base(path) + QStringList { QStringLiteral("apply"), applied ? backwardPlan : forwardPlan });
        return p.waitForStarted();
    });
    qInfo("%d kills survived (a plan of %d changes; %d of them landed before the kill)", kills, people, landed);
}

// The grid child (grid_save_child.cpp) started and waited for until its pending
// edits are in place and it is about to press Save.
static bool startGridSave(QProcess &p, const QString &path)
{
    p.start(QStringLiteral(GRID_CHILD_PATH), { path });
    if (!p.waitForStarted())
        return false;
    while (!p.canReadLine()) {
        if (!p.waitForReadyRead(30000))
            return false;
    }
    return p.readLine().startsWith("ready");
}

void TestSafety::gridSaveKilledAtRandomLeavesBeforeOrAfter()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("grid.db"));
    const int people = 3000;
    QVERIFY(killAccount(path, people));
    QByteArray states[2] = { state(path), {} };
    // One Save to the end: the state after it, and how long Save takes.
    qint64 saveMs = 0;
    {
        QProcess p;
        QVERIFY(startGridSave(p, path));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(p.waitForFinished(60000));
        saveMs = std::max<qint64>(timer.elapsed(), 20);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAll().contains("saved"));
    }
    states[1] = state(path);
    QVERIFY(states[0] != states[1]);
    bool saved = true;
    const int kills = 25;
    const int landed = killAtRandom(path, states, saved, kills, saveMs, 20261127,
                                    [&](QProcess &p, bool) { return startGridSave(p, path); });
    qInfo("%d kills of a grid Save survived (%d edits, Save ~%lld ms; %d of them landed before the kill)", kills,
          people, saveMs, landed);
}

QTEST_GUILESS_MAIN(TestSafety)
#include "tst_safety.moc"
