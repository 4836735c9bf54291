// The multi-process soak of "Saved means saved" (R13): two real windows, seatctl
// writers and readers, backups and restores, all on one database at once, round
// after round from a fixed seed. After every round: no acknowledged write lost,
// none that was refused present, `check` passes, and no window works on a file
// that another process deleted.
//
// SEATKEEPER_SOAK_ROUNDS (default 60) and SEATKEEPER_SOAK_SEED (default
// 20261127) pick the run; scripts/soak-run.sh runs a long one.

#include "Processes.h"
#include "SeatLedger.h"

#include <algorithm>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

namespace {

// The programs under test; a long run may point at copies, so that a rebuild meanwhile does not change them.
const QString Seatctl = qEnvironmentVariable("SEATKEEPER_SOAK_SEATCTL", QStringLiteral(SEATCTL_PATH));
const QString WindowProgram = qEnvironmentVariable("SEATKEEPER_SOAK_WINDOW", QStringLiteral(SEATKEEPER_PATH));

QStringList db(const QString &path, const QStringList &rest)
{
    return QStringList { QStringLiteral("--database"), path } + rest;
}

// One change somebody asked for in a round, and what they were told.
struct Change
{
    enum Kind
    {
        Add,
        Delete
    } kind
        = Add;
    QString who;
    bool acknowledged = false;
    qint64 startedMs = 0;
    qint64 endedMs = 0;
    QString said;
};

struct Figures
{
    int rounds = 0;
    int windowRounds = 0;
    int acknowledged = 0;
    int refused = 0;
    int toldToComeBack = 0;
    int rolledBackByRestore = 0;
    int reads = 0;
    int backups = 0;
    int restores = 0;
    int restoresRefusedInUse = 0;
    int windowOpens = 0;
};

} // namespace

class TestSoak : public QObject
{
    Q_OBJECT

private slots:
    void windowsSeatctlBackupsAndRestores();
};

void TestSoak::windowsSeatctlBackupsAndRestores()
{
    const int rounds = qEnvironmentVariableIsSet("SEATKEEPER_SOAK_ROUNDS")
        ? qEnvironmentVariableIntValue("SEATKEEPER_SOAK_ROUNDS")
        : 60;
    const quint32 seed = qEnvironmentVariableIsSet("SEATKEEPER_SOAK_SEED")
        ? quint32(qEnvironmentVariableIntValue("SEATKEEPER_SOAK_SEED"))
        : 20261127u;
    const QString replay = QStringLiteral("(replay: scripts/soak-run.sh %1 %2)").arg(rounds).arg(seed);
    QRandomGenerator rng(seed);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("soak.db"));
    QCOMPARE(Processes::runToEnd(
                 Seatctl,
                 db(path, { QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("ada@example.com") })),
             0);
    QCOMPARE(Processes::runToEnd(Seatctl,
                                 db(path,
                                    { QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("ben@example.com"),
                                      QStringLiteral("--role"), QStringLiteral("admin") })),
             0);
    QCOMPARE(Processes::runToEnd(Seatctl,
                                 db(path,
                                    { QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("sales-starter"),
                                      QStringLiteral("100000") })),
             0);
    const QSet<QString> admins { QStringLiteral("ada@example.com"), QStringLiteral("ben@example.com") };
    QSet<QString> present = admins; // what every reader must see after the last round
    QVector<QPair<QString, QSet<QString>>> quietBackups; // taken between rounds: exactly `present` then
    std::unique_ptr<Processes::Window> windows[2];
    Figures f;
    int next = 0;
    QElapsedTimer clock;
    clock.start();

    const auto fail = [&](const QString &why) {
        QTest::qFail(
            qPrintable(QStringLiteral("round %1 of %2: %3 %4").arg(f.rounds).arg(rounds).arg(why.simplified(), replay)),
            __FILE__, __LINE__);
    };

    for (int round = 0; round < rounds; ++round) {
        f.rounds = round;
        // Blocks of eight rounds: with both windows open, then with none (a
        // restore is refused while a window has the database open).
        const bool windowPhase = (round / 8) % 2 == 0;
        if (windowPhase && !windows[0]) {
            windows[0] = std::make_unique<Processes::Window>(WindowProgram, path, dir.path());
            windows[1] = std::make_unique<Processes::Window>(WindowProgram, path, dir.path(),
                                                             QStringLiteral("ben@example.com"));
            f.windowOpens += 2;
            for (auto &w : windows) {
                if (!w->ready())
                    return fail(QStringLiteral("a window did not open: ") + QString::fromUtf8(w->errors()));
            }
        } else if (!windowPhase && windows[0]) {
            for (auto &w : windows) {
                if (!w->quit())
                    return fail(QStringLiteral("a window did not close cleanly: ") + QString::fromUtf8(w->errors()));
                w.reset();
            }
        }
        f.windowRounds += windowPhase;

        // What happens in this round, each at a random moment of its first 60 ms.
        std::vector<Change> changes;
        std::vector<Processes::Run> writerRuns;
        const QStringList deletable = QStringList(present.begin(), present.end()).filter(QStringLiteral("@soak."));
        for (int w = 0; w < 2; ++w) {
            Change c;
            if (!deletable.isEmpty() && rng.bounded(10) < 3) {
                c.kind = Change::Delete;
                c.who = deletable.at(int(rng.bounded(int(deletable.size()))));
            } else {
                c.kind = Change::Add;
                c.who = QStringLiteral("s%1@soak.example").arg(next++);
            }
            changes.push_back(c);
        }
        const bool backupNow = rng.bounded(4) == 0;
        QString restoreFrom;
        QSet<QString> restoredContent;
        // A restore with windows open now and then (it waits five seconds for them
        // to close, then is refused); otherwise only with them closed.
        if (!quietBackups.isEmpty()
            && ((!windowPhase && rng.bounded(3) == 0) || (windowPhase && rng.bounded(40) == 0))) {
            const auto &chosen = quietBackups.at(int(rng.bounded(int(quietBackups.size()))));
            if (QFileInfo::exists(chosen.first)) {
                restoreFrom = chosen.first;
                restoredContent = chosen.second;
            }
        }
        enum Who
        {
            Writer0,
            Writer1,
            Reader,
            Backup,
            Restore
        };
        std::vector<std::pair<int, int>> schedule;
        for (int who : { Writer0, Writer1, Reader })
            schedule.emplace_back(int(rng.bounded(60)), who);
        if (backupNow)
            schedule.emplace_back(int(rng.bounded(60)), Backup);
        if (!restoreFrom.isEmpty())
            schedule.emplace_back(int(rng.bounded(60)), Restore);
        std::sort(schedule.begin(), schedule.end());
        writerRuns.resize(2);
        Processes::Run reader;
        Processes::Run backup;
        Processes::Run restore;
        const qint64 roundStart = clock.elapsed();
        for (const auto &[at, who] : schedule) {
            while (clock.elapsed() - roundStart < at)
                QTest::qSleep(1);
            switch (who) {
            case Writer0:
            case Writer1: {
                Change &c = changes[size_t(who)];
                c.startedMs = clock.elapsed();
                writerRuns[size_t(who)] = Processes::start(
                    Seatctl,
                    db(path,
                       { QStringLiteral("--json"), QStringLiteral("users"),
                         c.kind == Change::Add ? QStringLiteral("add") : QStringLiteral("delete"), c.who }),
                    clock);
                break;
            }
            case Reader:
                reader = Processes::start(
                    Seatctl, db(path, { QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("list") }),
                    clock);
                break;
            case Backup:
                backup = Processes::start(Seatctl, db(path, { QStringLiteral("--json"), QStringLiteral("backup") }),
                                          clock);
                break;
            case Restore:
                restore = Processes::start(
                    Seatctl, db(path, { QStringLiteral("--json"), QStringLiteral("restore"), restoreFrom }), clock);
                break;
            }
        }
        // Meanwhile each window creates a user through its side panel, and one
        // gives a seat through the grid.
        if (windowPhase) {
            for (auto &w : windows) {
                Change c;
                c.kind = Change::Add;
                c.who = QStringLiteral("w%1@soak.example").arg(next++);
                c.startedMs = clock.elapsed();
                const QByteArray answer = w->command("create " + c.who.toUtf8());
                c.endedMs = clock.elapsed();
                c.acknowledged = answer == "saved create " + c.who.toUtf8();
                c.said = QString::fromUtf8(answer);
                if (!c.acknowledged && !answer.startsWith("refused"))
                    return fail(QStringLiteral("a window answered “%1”").arg(c.said));
                changes.push_back(c);
            }
            const QByteArray tick = changes.back().who.toUtf8() + " sales-starter on";
            if (changes.back().acknowledged && windows[0]->command("grid " + tick) != "saved grid " + tick)
                return fail(QStringLiteral("the grid did not save a seat for ") + changes.back().who);
        }
        for (size_t w = 0; w < writerRuns.size(); ++w) {
            if (!writerRuns[w].finish(clock))
                return fail(QStringLiteral("seatctl hung"));
            changes[w].endedMs = writerRuns[w].endedMs;
            changes[w].acknowledged = writerRuns[w].exit == 0;
            changes[w].said = QString::fromUtf8(writerRuns[w].out + writerRuns[w].err);
            // Refused by a rule (deleting somebody a restore took away, or who
            // holds a seat), or told to come back during a restore: nothing else.
            const int code = writerRuns[w].exit;
            if (code != 0 && code != 1 && !(code == 3 && changes[w].said.contains(QLatin1String("being restored"))))
                return fail(
                    QStringLiteral("seatctl %1 exited %2: %3").arg(changes[w].who).arg(code).arg(changes[w].said));
        }
        if (!reader.finish(clock) || !backup.finish(clock) || !restore.finish(clock))
            return fail(QStringLiteral("seatctl hung"));
        ++f.reads;
        if (reader.exit != 0 && !(reader.exit == 3 && reader.out.contains("being restored")))
            return fail(QStringLiteral("a reader exited %1: %2").arg(reader.exit).arg(QString::fromUtf8(reader.out)));
        if (backupNow) {
            if (backup.exit != 0 && !(backup.exit == 3 && backup.out.contains("being restored")))
                return fail(
                    QStringLiteral("a backup exited %1: %2").arg(backup.exit).arg(QString::fromUtf8(backup.out)));
            f.backups += backup.exit == 0;
        }
        const bool restored = !restoreFrom.isEmpty() && restore.exit == 0;
        if (!restoreFrom.isEmpty()) {
            const bool inUse = restore.exit == 3 && restore.out.contains("open in another window or program");
            // A backup taken during the round may have rotated the chosen one away.
            const bool rotatedAway = restore.exit != 0 && restore.out.contains("does not exist");
            if (!restored && !inUse && !rotatedAway)
                return fail(
                    QStringLiteral("a restore exited %1: %2").arg(restore.exit).arg(QString::fromUtf8(restore.out)));
            if (windowPhase && restored)
                return fail(QStringLiteral("a restore went ahead under two open windows"));
            f.restores += restored;
            f.restoresRefusedInUse += inUse;
        }

        // What a fresh reader sees now, and whether the ledger is whole.
        QSet<QString> now;
        {
            auto opened = SeatLedger::open(path);
            if (!opened)
                return fail(QStringLiteral("the database does not open: ") + opened.error().message);
            auto problems = opened.value()->check();
            if (!problems || !problems.value().isEmpty())
                return fail(QStringLiteral("check: ")
                            + (problems ? problems.value().join(QStringLiteral("; ")) : problems.error().message));
            for (const User &u : opened.value()->users().value())
                now.insert(u.email);
        }
        // Every acknowledged change is there — unless a restore that ran at the
        // same time came after it; nothing refused is there; nothing else is.
        QSet<QString> base = restored ? restoredContent : present;
        QSet<QString> expected = base;
        for (const Change &c : changes) {
            const bool there = now.contains(c.who);
            const bool couldPrecedeRestore = restored && c.startedMs < restore.endedMs;
            if (c.acknowledged) {
                ++f.acknowledged;
                const bool wanted = c.kind == Change::Add;
                if (there == wanted) {
                    if (wanted)
                        expected.insert(c.who);
                    else
                        expected.remove(c.who);
                } else if (couldPrecedeRestore) {
                    ++f.rolledBackByRestore;
                } else {
                    return fail(QStringLiteral("%1 of %2 was saved and is lost")
                                    .arg(c.kind == Change::Add ? QStringLiteral("the creation")
                                                               : QStringLiteral("the deletion"),
                                         c.who));
                }
            } else {
                ++(c.said.contains(QLatin1String("being restored")) ? f.toldToComeBack : f.refused);
                if (c.kind == Change::Add && there)
                    return fail(QStringLiteral("%1 was refused (%2) but is there").arg(c.who, c.said));
            }
        }
        if (now != expected) {
            QStringList extra = (now - expected).values();
            QStringList missing = (expected - now).values();
            return fail(QStringLiteral("phantom users %1, missing %2")
                            .arg(extra.join(QLatin1Char(',')), missing.join(QLatin1Char(','))));
        }
        present = now;

        // The windows still work on the files everybody else does, and show them.
        if (windowPhase) {
            for (auto &w : windows) {
                const QStringList deleted = Processes::deletedOpenFiles(w->pid(), path);
                if (!deleted.isEmpty())
                    return fail(QStringLiteral("a window holds deleted files: ") + deleted.join(QLatin1Char(',')));
            }
            if (round % 8 == 7) {
                QSet<QString> shown;
                for (int tries = 0; tries < 60 && (shown = windows[0]->users()) != present; ++tries)
                    QTest::qSleep(50);
                if (shown != present)
                    return fail(QStringLiteral("the window shows %1 users, the database holds %2")
                                    .arg(shown.size())
                                    .arg(present.size()));
            }
        }
        // Now and then a backup at a quiet moment: its content is known exactly.
        if (rng.bounded(4) == 0) {
            QByteArray out;
            if (Processes::runToEnd(Seatctl, db(path, { QStringLiteral("--json"), QStringLiteral("backup") }), &out)
                != 0)
                return fail(QStringLiteral("a quiet backup failed: ") + QString::fromUtf8(out));
            quietBackups.append({ QJsonDocument::fromJson(out)
                                      .object()
                                      .value(QStringLiteral("backup"))
                                      .toObject()
                                      .value(QStringLiteral("path"))
                                      .toString(),
                                  present });
            if (quietBackups.size() > 5)
                quietBackups.removeFirst();
        }
        // A long run says how far it got, so that a run cut short still counts.
        if ((round + 1) % 250 == 0 && round + 1 < rounds)
            qInfo("soak, seed %u: %d of %d rounds passed in %lld s; %d acknowledged changes, 0 lost, 0 phantom; "
                  "%d restores, %d refused while in use",
                  seed, round + 1, rounds, clock.elapsed() / 1000, f.acknowledged, f.restores, f.restoresRefusedInUse);
        // Files a restore kept aside: checked whole, then cleared (they are the test's).
        for (const QString &aside : QDir(dir.path()).entryList({ QStringLiteral("soak.db.replaced-*") }, QDir::Files)) {
            if (aside.endsWith(QLatin1String("-wal")) || aside.endsWith(QLatin1String("-shm")))
                continue;
            const QString asidePath = dir.filePath(aside);
            {
                auto opened = SeatLedger::open(asidePath);
                if (!opened)
                    return fail(QStringLiteral("a file kept aside does not open: ") + opened.error().message);
                auto problems = opened.value()->check();
                if (!problems || !problems.value().isEmpty())
                    return fail(QStringLiteral("a file kept aside fails check"));
            }
            for (const char *suffix : { "", "-wal", "-shm" })
                QFile::remove(asidePath + QLatin1String(suffix));
        }
    }
    for (auto &w : windows) {
        if (w && !w->quit())
            return fail(QStringLiteral("a window did not close cleanly"));
    }
    QCOMPARE(Processes::runToEnd(Seatctl, db(path, { QStringLiteral("check") })), 0);
    qInfo("soak, seed %u: %d rounds (%d with two windows open, %d window starts) in %lld s; %d acknowledged changes, "
          "0 lost, 0 phantom; %d rolled back by a restore that came after them; %d refused by a rule, %d told to "
          "come back during a restore; %d reads; %d backups during rounds; %d restores, %d refused while in use",
          seed, rounds, f.windowRounds, f.windowOpens, clock.elapsed() / 1000, f.acknowledged, f.rolledBackByRestore,
          f.refused, f.toldToComeBack, f.reads, f.backups, f.restores, f.restoresRefusedInUse);
}

QTEST_GUILESS_MAIN(TestSoak)
#include "tst_soak.moc"
