// The window on a shared PostgreSQL server, live (issue "Shared PostgreSQL",
// points 1 and 5): the server announces every commit; a server that stops and
// starts again is shown, the pending grid edits survive it, and the window
// catches up on what seatctl did meanwhile; a server that asks for a password
// gets one from the real dialogs, and the password is never written down.
// Runs on a server of its own (OwnPostgresServer), which it stops and starts.

#include "BackgroundWork.h"
#include "GuiSupport.h"
#include "HistoryModel.h"
#include "HistoryPage.h"
#include "Language.h"
#include "OpenDatabase.h"
#include "OwnPostgresServer.h"
#include "PaidUsersModel.h"
#include "PaidUsersPage.h"
#include "PostgresServer.h"
#include "RecentDatabases.h"
#include "SeatLedger.h"
#include "ServerDialogs.h"
#include "ServerLink.h"
#include "SettingsWindow.h"
#include "TestSupport.h"
#include "ToggleSwitch.h"
#include "UserPanel.h"
#include "UsersPage.h"

#include <functional>
#include <QAction>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

class TestLiveServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void everyCommitIsAnnounced();
    void aLostServerIsShownAndCaughtUpWith();
    void theWindowsThreadNeverConnectsAtStartUp();
    void aFrozenServerNeverFreezesTheWindow();
    void aFrozenServerNeverFreezesTheWindowsReads();
    void aFrozenServerNeverFreezesTheWindowsReloads();
    void aFrozenServerNeverFreezesTheImport();
    void whatTheFeedBringsDuringAReadWaitsForIt();
    void aSilentServerIsGivenUpWithAClearMessage();
    void aPasswordIsAskedForAndNeverStored();
    void recentDatabasesAndQuit();
    void theUserPanelShowsAndTiesLogins();

private:
    // What whileFrozen() saw.
    struct Frozen
    {
        bool frozen = false;
        bool thawed = false;
        bool waited = false; // the action had not finished when the server thawed
        bool sawBusy = false;
        qint64 longestGapMs = 0;
    };
    Frozen whileFrozen(QWidget &window, const std::function<void()> &action, const std::function<bool()> &done);
    QString newDatabase(const QString &name);
    QString settingsText() const;

    std::unique_ptr<OwnPostgresServer> m_server;
    std::unique_ptr<QTemporaryDir> m_home;
};

// How many rows of the window's Users & Teams list `email`.
static int rowsListing(const QWidget &window, const QString &email)
{
    const auto *table = window.findChild<QTableView *>(QStringLiteral("usersTable"));
    int rows = 0;
    for (int row = 0; table && row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 1).data().toString() == email)
            ++rows;
    }
    return rows;
}

void TestLiveServer::initTestCase()
{
    Language::install(QStringLiteral("en"));
    ToggleSwitch::installAccessibility();
    QSettings::setDefaultFormat(QSettings::IniFormat);
    m_server = std::make_unique<OwnPostgresServer>();
    if (m_server->found())
        QVERIFY2(m_server->setUp(), qPrintable(m_server->log()));
}

void TestLiveServer::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_home->path()); // never the user's own settings
}

void TestLiveServer::cleanup()
{
    if (m_server)
        m_server->thaw(); // whatever failed, the server goes on
    m_home.reset();
}

QString TestLiveServer::newDatabase(const QString &name)
{
    const QString error
        = PostgresServer::exec(m_server->uri(QStringLiteral("postgres")), QStringLiteral("CREATE DATABASE ") + name);
    if (!error.isEmpty())
        qWarning("%s", qPrintable(error));
    return m_server->uri(name);
}

// Everything the settings files hold, as text.
QString TestLiveServer::settingsText() const
{
    QString all;
    QDirIterator files(m_home->path(), QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly))
            all += QString::fromUtf8(file.readAll());
    }
    return all;
}

// A commit is announced to every connection listening, at once: no polling.
void TestLiveServer::everyCommitIsAnnounced()
{
    if (!m_server->found())
        QSKIP("no PostgreSQL server installed (package postgresql-15)");
    const QString uri = newDatabase(QStringLiteral("announced"));
    auto writer = TestSupport::smallAccount(uri);
    QVERIFY(writer);
    auto listener = SeatLedger::open(uri);
    QVERIFY(listener);
    int announced = 0;
    QVERIFY(listener.value()->subscribeToChanges([&announced] { ++announced; }));
    QVERIFY(writer->buySeats(SeatType::SalesEnterprise, 1).ok());
    QTRY_COMPARE(announced, 1);
    // A change refused by a rule commits nothing, and says nothing.
    QVERIFY(!writer->releaseSeats(SeatType::SalesEnterprise, 5).ok());
    QVERIFY(writer->buySeats(SeatType::SalesEnterprise, 1).ok());
    QTRY_COMPARE(announced, 2);
    QTest::qWait(200);
    QCOMPARE(announced, 2);
}

void TestLiveServer::aLostServerIsShownAndCaughtUpWith()
{
    if (!m_server->found())
        QSKIP("no PostgreSQL server installed (package postgresql-15)");
    const QString uri = newDatabase(QStringLiteral("lost"));
    auto ledger = TestSupport::smallAccount(uri);
    QVERIFY(ledger);
    SettingsWindow window(*ledger);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *state = window.findChild<QLabel *>(QStringLiteral("connectionState"));
    QVERIFY(state);
    QTRY_COMPARE(state->text(), QStringLiteral("Connected"));
    QVERIFY(state->isVisible());
    QCOMPARE(state->accessibleName(), state->text());

    // A pending edit in Manage paid users: cat gets the second Sales Professional seat.
    window.showPaidUsers();
    PaidUsersPage *page = window.paidUsersPage();
    PaidUsersModel *model = page->model();
    const auto rowOf = [model](const QString &email) {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->userAt(row).email == email)
                return row;
        }
        return -1;
    };
    const int catRow = rowOf(QStringLiteral("cat@example.com"));
    QVERIFY(catRow >= 0);
    QVERIFY(model->setData(model->index(catRow, PaidUsersModel::columnOf(SeatType::SalesProfessional)), Qt::Checked,
                           Qt::CheckStateRole));
    QCOMPARE(model->pendingCount(), 1);
    auto *save = window.findChild<QPushButton *>(QStringLiteral("paidUsersSave"));
    QVERIFY(save->isEnabled());
    // The window's connections to the server: its own, its link's and its writer's.
    const QString connections = QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = "
                                               "current_database() AND pid <> pg_backend_pid()");
    QTRY_COMPARE(PostgresServer::scalar(uri, connections), 3);

    // The server stops: the window says so at once, then calls it offline; the edit stays.
    QVERIFY2(m_server->stop(), qPrintable(m_server->log()));
    QTRY_VERIFY_WITH_TIMEOUT(
        state->text() == QStringLiteral("Reconnecting…") || state->text() == QStringLiteral("Offline"), 10000);
    QCOMPARE(state->accessibleName(), state->text());
    QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("Offline"), 30000);
    QCOMPARE(model->pendingCount(), 1);
    QVERIFY(!save->isEnabled()); // kept for later, not lost in a failed Save
    QVERIFY(page->isVisible());

    // Back, and seatctl adds a user before the window has reconnected (it is
    // between two attempts, seconds apart, by now).
    QVERIFY2(m_server->start(), qPrintable(m_server->log()));
    QProcess seatctl;
    seatctl.start(QStringLiteral(SEATCTL_PATH),
                  { QStringLiteral("--database"), uri, QStringLiteral("--as"), QStringLiteral("ada@example.com"),
                    QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("dan@example.com") });
    QVERIFY(seatctl.waitForFinished(60000));
    QVERIFY2(seatctl.exitCode() == 0, seatctl.readAllStandardError().constData());

    QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("Connected"), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("dan@example.com")) >= 0, 10000);
    QCOMPARE(model->pendingCount(), 1);
    QTRY_VERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(model->pendingCount(), 0);
    // Reconnected, caught up and saved on the link's and the writer's
    // connections only: the window's own, which nothing uses once it is
    // built, was not opened again on its thread (it would be at its next use).
    QTRY_COMPARE(PostgresServer::scalar(uri, connections), 2);

    // Saved on the server, as any other process reads it.
    auto fresh = SeatLedger::open(uri);
    QVERIFY(fresh);
    QCOMPARE(fresh.value()->user(QStringLiteral("cat@example.com")).value().seat(Product::Sales),
             std::optional<SeatType>(SeatType::SalesProfessional));

    // And after the reconnection, the announcements reach the window again.
    QVERIFY(fresh.value()->setActor(QStringLiteral("ada@example.com")).ok());
    NewUser eve;
    eve.email = QStringLiteral("eve@example.com");
    QVERIFY(fresh.value()->createUser(eve).ok());
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("eve@example.com")) >= 0, 10000);
    QCOMPARE(fresh.value()->check().value(), QStringList());
}

// Issue 13, point 5: on a server, the window's thread never connects nor
// reads, at start-up either. The opener's worker checks the database, settles
// the operator and reads all the window shows first; the window's own
// connection is opened at its first use, which never comes: its link and its
// writer, on workers, are the only connections it ever has. (A connection,
// once opened, stays open as long as its ledger: two at the end means the
// window's own was never opened.)
void TestLiveServer::theWindowsThreadNeverConnectsAtStartUp()
{
    if (!m_server->found())
        QSKIP("no PostgreSQL server installed (package postgresql-15)");
    const QString uri = newDatabase(QStringLiteral("startup"));
    QVERIFY(TestSupport::smallAccount(uri)); // closed again at once
    const QString connections = QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = "
                                               "current_database() AND pid <> pg_backend_pid()");
    QTRY_COMPARE(PostgresServer::scalar(uri, connections), 0);

    OpenedDatabase opened = DatabaseOpener::open(nullptr, uri);
    QVERIFY(opened.ledger);
    QVERIFY(opened.operatorSettled && opened.operatorSettled->ok());
    QVERIFY(opened.start.complete());
    QCOMPARE(opened.start.users.users.size(), 5);
    // The operator came from the worker's connection: the login's user.
    QCOMPARE(opened.ledger->actor(), TestSupport::SmallAccount::ada);
    QCOMPARE(opened.ledger->login(), QStringLiteral("seatkeeper"));
    // The worker's connection is closed with it; the window's is not open.
    QTRY_COMPARE(PostgresServer::scalar(uri, connections), 0);

    SettingsWindow window(*opened.ledger, std::move(opened.start));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *state = window.findChild<QLabel *>(QStringLiteral("connectionState"));
    QTRY_COMPARE(state->text(), QStringLiteral("Connected"));
    QCOMPARE(rowsListing(window, TestSupport::SmallAccount::cat), 1);
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("operatorLabel"))->text(),
             QStringLiteral("Operator: ada@example.com"));
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("createUser"))->isEnabled()); // a Super admin

    // A Save in Manage paid users, on the writer's worker.
    window.showPaidUsers();
    PaidUsersModel *model = window.paidUsersPage()->model();
    int catRow = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->userAt(row).email == TestSupport::SmallAccount::cat)
            catRow = row;
    }
    QVERIFY(catRow >= 0);
    QVERIFY(model->setData(model->index(catRow, PaidUsersModel::columnOf(SeatType::SalesProfessional)), Qt::Checked,
                           Qt::CheckStateRole));
    auto *save = window.findChild<QPushButton *>(QStringLiteral("paidUsersSave"));
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(model->pendingCount(), 0);
    // And the History, read on the writer's worker too.
    window.showHistory();
    QTRY_VERIFY(window.historyPage()->model()->rowCount() > 0);

    // Another process's change reaches the window, from where the worker read the feed.
    {
        auto other = SeatLedger::open(uri);
        QVERIFY(other);
        QVERIFY(other.value()->setActor(TestSupport::SmallAccount::ada).ok());
        NewUser dan;
        dan.email = QStringLiteral("dan@example.com");
        QVERIFY(other.value()->createUser(dan).ok());
    }
    window.showUsers();
    QTRY_COMPARE(rowsListing(window, QStringLiteral("dan@example.com")), 1);
    QCOMPARE(rowsListing(window, TestSupport::SmallAccount::cat), 1); // nothing applied twice

    // The link's and the writer's connections, and never the window's own.
    QTRY_COMPARE(PostgresServer::scalar(uri, connections), 2);
    auto fresh = SeatLedger::open(uri);
    QVERIFY(fresh);
    QCOMPARE(fresh.value()->user(TestSupport::SmallAccount::cat).value().seat(Product::Sales),
             std::optional<SeatType>(SeatType::SalesProfessional));
}

// Issue 13, point 5: the server stops answering without closing anything (its
// processes stopped with SIGSTOP: the kernel still acknowledges every packet,
// as a hung server or a network that went quiet would). The window's thread
// never waits on it: the window keeps answering, says the server is away, a
// Create made meanwhile waits on its worker and is saved exactly once when the
// server answers again, and a change another connection committed meanwhile
// shows.
void TestLiveServer::aFrozenServerNeverFreezesTheWindow()
{
    if (!m_server->found())
        QSKIP("no PostgreSQL server installed (package postgresql-15)");
    const QString uri = newDatabase(QStringLiteral("frozen"));
    auto ledger = TestSupport::smallAccount(uri);
    QVERIFY(ledger);
    SettingsWindow window(*ledger);
    // Destroyed before the window: whatever fails below, the server goes on
    // before the window closes its connections.
    const OwnPostgresServer::ThawAtExit thaw { *m_server };
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *state = window.findChild<QLabel *>(QStringLiteral("connectionState"));
    QTRY_COMPARE(state->text(), QStringLiteral("Connected"));
    const auto find = [&window](const char *name) {
        auto *button = window.findChild<QPushButton *>(QLatin1String(name));
        Q_ASSERT(button);
        return button;
    };

    // Another admin's connection, open before the server stops; it commits
    // while the server is away (its call waits for it, on a thread of its own).
    QSemaphore ready;
    QSemaphore go;
    bool connected = false;
    Status otherCreated = Error { ErrorKind::Storage, QStringLiteral("not run") };
    std::unique_ptr<QThread> other(QThread::create([&] {
        auto mine = SeatLedger::open(uri);
        if (!mine) {
            otherCreated = mine.error();
        } else if (Status s = mine.value()->setActor(QStringLiteral("ada@example.com")); !s) {
            otherCreated = s;
        } else {
            connected = true;
            ready.release();
            go.acquire();
            NewUser fay;
            fay.email = QStringLiteral("fay@example.com");
            otherCreated = mine.value()->createUser(fay);
            return;
        }
        ready.release();
    }));
    const auto endOther = qScopeGuard([&] {
        if (go.available() == 0 && other->isRunning())
            go.release();
        other->wait();
    });
    other->start();
    QVERIFY(ready.tryAcquire(1, 60000));
    QVERIFY2(connected, qPrintable(otherCreated.error().message)); // and waiting for go

    // The admin gets as far as Create before the server stops.
    QTest::mouseClick(find("createUser"), Qt::LeftButton);
    QTest::keyClicks(window.findChild<QLineEdit *>(QStringLiteral("panelEmail")), QStringLiteral("gil@example.com"));
    QTRY_VERIFY(find("panelNext")->isEnabled());
    QTest::mouseClick(find("panelNext"), Qt::LeftButton);
    QPushButton *create = find("panelConfirm");
    QTRY_VERIFY(create->isEnabled());

    // The window's thread, watched from its own event loop: a tick every 50 ms.
    qint64 longestGapMs = 0;
    bool measuring = false; // from the freeze to the probe's own thaw
    bool sawAway = false;
    bool sawBusy = false;
    QElapsedTimer sinceTick;
    QElapsedTimer sinceCreate;
    QElapsedTimer sinceFreeze;
    QElapsedTimer sinceThaw;
    qint64 awayAfterMs = -1;
    QTimer probe;
    probe.setInterval(50);
    QObject::connect(&probe, &QTimer::timeout, &window, [&] {
        if (measuring)
            longestGapMs = std::max(longestGapMs, sinceTick.elapsed());
        sinceTick.restart();
        const QString shown = state->text();
        if (!sawAway && (shown == QStringLiteral("Reconnecting…") || shown == QStringLiteral("Offline"))) {
            sawAway = true;
            awayAfterMs = sinceFreeze.elapsed();
        }
        if (auto *busy = window.findChild<QWidget *>(QStringLiteral("busyProgress")); busy && busy->isVisible())
            sawBusy = true;
        // The Create has waited a while on the stopped server, and the window
        // went on answering meanwhile: the server comes back.
        if (measuring && sawAway && sinceCreate.isValid() && sinceCreate.elapsed() > 1500) {
            measuring = false;
            m_server->thaw();
            sinceThaw.start();
        }
    });

    // Were the window's thread to wait on the server, nothing above would run:
    // from another thread, the server goes on after 30 s, and the test fails
    // on the gap instead of hanging.
    QSemaphore finished;
    std::unique_ptr<QThread> rescue(QThread::create([&] {
        if (!finished.tryAcquire(1, 30000))
            m_server->thaw();
    }));
    const auto stopRescue = qScopeGuard([&] {
        finished.release();
        rescue->wait();
    });
    QVERIFY2(m_server->freeze() > 1, "the server's processes were not found");
    measuring = true;
    sinceFreeze.start();
    rescue->start();
    sinceTick.start();
    probe.start();
    go.release(); // the other admin's Create now waits on the stopped server

    // (b) The window says the server is away, without waiting on it.
    QTRY_VERIFY_WITH_TIMEOUT(sawAway, 20000);
    QCOMPARE(state->accessibleName(), state->text());

    // (c) Create, meanwhile: the window goes on answering while it waits.
    QVERIFY(m_server->frozen());
    QTimer::singleShot(0, create, [create] { QTest::mouseClick(create, Qt::LeftButton); });
    sinceCreate.start();
    QTRY_VERIFY_WITH_TIMEOUT(!m_server->frozen(), 45000);
    // (a) It never stopped answering for as long as a second (and the server
    // came back through the window's own probe, not the rescue).
    if (measuring)
        longestGapMs = std::max(longestGapMs, sinceTick.elapsed());
    QVERIFY2(longestGapMs < 1000, qPrintable(QStringLiteral("the window did not answer for %1 ms").arg(longestGapMs)));
    QVERIFY(sawBusy); // the Create showed that it waited
    // Saved once the server answered again, exactly once.
    QTRY_VERIFY_WITH_TIMEOUT(rowsListing(window, QStringLiteral("gil@example.com")) > 0, 20000);
    const qint64 savedAfterMs = sinceThaw.elapsed();
    QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("Connected"), 20000);
    // Figures, not assertions.
    qInfo("frozen server: shown away after %lld ms; the window's longest gap %lld ms; the Create listed %lld ms "
          "after SIGCONT",
          awayAfterMs, longestGapMs, savedAfterMs);

    // (d) What the other admin committed meanwhile shows.
    QVERIFY(other->wait(60000));
    QVERIFY2(otherCreated.ok(), qPrintable(otherCreated.error().message));
    QTRY_VERIFY_WITH_TIMEOUT(rowsListing(window, QStringLiteral("fay@example.com")) > 0, 20000);

    // As any other process reads it: each once, and the ledger checks out.
    auto fresh = SeatLedger::open(uri);
    QVERIFY(fresh);
    auto users = fresh.value()->usersSnapshot();
    QVERIFY(users);
    QCOMPARE(std::count_if(users.value().users.cbegin(), users.value().users.cend(),
                           [](const User &u) { return u.email == QLatin1String("gil@example.com"); }),
             1);
    QCOMPARE(fresh.value()->check().value(), QStringList());
}

// One action of the admin's while the server is frozen; the window's event
// loop is watched meanwhile (a tick every 50 ms) and the server thaws once the
// action has waited 1.5 s.
TestLiveServer::Frozen TestLiveServer::whileFrozen(QWidget &window, const std::function<void()> &action,
                                                   const std::function<bool()> &done)
{
    Frozen f;
    // Were the window's thread to wait on the server, the probe would not
    // run: from another thread the server goes on after 30 s, and the
    // gap fails the test instead of hanging it.
    QSemaphore finished;
    std::unique_ptr<QThread> rescue(QThread::create([&] {
        if (!finished.tryAcquire(1, 30000))
            m_server->thaw();
    }));
    f.frozen = m_server->freeze() > 1;
    rescue->start();
    bool measuring = true;
    QElapsedTimer sinceTick;
    QElapsedTimer sinceAction;
    QTimer probe;
    probe.setInterval(50);
    QObject::connect(&probe, &QTimer::timeout, &window, [&] {
        if (measuring)
            f.longestGapMs = std::max(f.longestGapMs, sinceTick.elapsed());
        sinceTick.restart();
        // While frozen: a busy dialog of what the action opens afterwards is not this wait's.
        if (auto *busy = window.findChild<QWidget *>(QStringLiteral("busyProgress"));
            measuring && busy && busy->isVisible())
            f.sawBusy = true;
        if (measuring && sinceAction.isValid() && sinceAction.elapsed() > 1500) {
            measuring = false;
            f.waited = !done();
            m_server->thaw();
        }
    });
    sinceTick.start();
    probe.start();
    QTimer::singleShot(0, &window, [&] {
        sinceAction.start();
        action();
    });
    f.thawed = QTest::qWaitFor([this] { return !m_server->frozen(); }, 45000);
    if (measuring)
        f.longestGapMs = std::max(f.longestGapMs, sinceTick.elapsed());
    probe.stop();
    finished.release();
    rescue->wait();
    return f;
}

// Point 5, the window's reads: opening a user's panel and the check that a
// typed address is free read on the writer's worker. With the server frozen
// (SIGSTOP) the read waits there, the window keeps answering and says it is
// busy; once the server answers the panel shows what was read, and what the
// admin then does is saved, exactly once.
void TestLiveServer::aFrozenServerNeverFreezesTheWindowsReads()
{
    if (!m_server->found())
        QSKIP("no PostgreSQL server installed (package postgresql-15)");
    const QString uri = newDatabase(QStringLiteral("frozen_reads"));
    auto ledger = TestSupport::smallAccount(uri);
    QVERIFY(ledger);
    SettingsWindow window(*ledger);
    const OwnPostgresServer::ThawAtExit thaw { *m_server };
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *state = window.findChild<QLabel *>(QStringLiteral("connectionState"));
    QTRY_COMPARE(state->text(), QStringLiteral("Connected"));
    UserPanel *panel = window.usersPage()->panel();
    auto *table = window.findChild<QTableView *>(QStringLiteral("usersTable"));
    auto *first = panel->findChild<QLineEdit *>(QStringLiteral("panelFirstName"));
    auto *email = panel->findChild<QLineEdit *>(QStringLiteral("panelEmail"));
    auto *emailProblem = panel->findChild<QLabel *>(QStringLiteral("panelEmailProblem"));
    auto *next = panel->findChild<QPushButton *>(QStringLiteral("panelNext"));
    auto *confirm = panel->findChild<QPushButton *>(QStringLiteral("panelConfirm"));
    QVERIFY(table && first && email && emailProblem && next && confirm);
    const auto rowOf = [table](const QString &address) {
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, 1).data().toString() == address)
                return row;
        }
        return -1;
    };

    // A click on cat's row opens the panel on her: the read waits on the
    // frozen server, the window goes on answering, and once the server
    // answers the panel shows her as stored.
    const int catRow = rowOf(TestSupport::SmallAccount::cat);
    QVERIFY(catRow >= 0);
    const Frozen opened = whileFrozen(
        window,
        [&] {
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                              table->visualRect(table->model()->index(catRow, 1)).center());
        },
        [&] { return panel->isVisible() && panel->userEmail() == TestSupport::SmallAccount::cat; });
    QVERIFY2(opened.frozen, "the server's processes were not found");
    QVERIFY(opened.thawed);
    QVERIFY2(opened.longestGapMs < 1000,
             qPrintable(QStringLiteral("the window did not answer for %1 ms").arg(opened.longestGapMs)));
    QVERIFY(opened.waited); // the read really waited on the server, off the window's thread
    QVERIFY(opened.sawBusy); // and the window said so
    QTRY_VERIFY_WITH_TIMEOUT(panel->userEmail() == TestSupport::SmallAccount::cat, 20000);
    QVERIFY(panel->isVisible());
    QCOMPARE(panel->mode(), UserPanel::Mode::Edit);
    QVERIFY(first->isEnabled());
    QVERIFY(!confirm->isEnabled()); // nothing changed yet
    // Nothing lost: her name, typed now, is saved.
    first->setFocus();
    first->selectAll();
    QTest::keyClicks(first, QStringLiteral("Catherine"));
    QTRY_VERIFY(confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_COMPARE(ledger->user(TestSupport::SmallAccount::cat).value().firstName, QStringLiteral("Catherine"));

    // Create user with an address that is taken: Enter checks it, on the
    // frozen server; once it answers the panel says it is taken, and offers
    // no Next.
    QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("Connected"), 20000);
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("createUser")), Qt::LeftButton);
    QTRY_VERIFY(email->isVisible());
    email->setText(TestSupport::SmallAccount::bob);
    QVERIFY(!next->isEnabled());
    QVERIFY(emailProblem->text().isEmpty()); // not said before the field is left
    const Frozen checked = whileFrozen(
        window,
        [&] {
            email->setFocus();
            QTest::keyClick(email, Qt::Key_Return);
        },
        [&] { return !emailProblem->text().isEmpty(); });
    QVERIFY(checked.frozen);
    QVERIFY(checked.thawed);
    QVERIFY2(checked.longestGapMs < 1000,
             qPrintable(QStringLiteral("the window did not answer for %1 ms").arg(checked.longestGapMs)));
    QVERIFY(checked.waited);
    QVERIFY(checked.sawBusy);
    QTRY_COMPARE_WITH_TIMEOUT(emailProblem->text(),
                              QStringLiteral("A user with the email address “bob@example.com” already exists."), 20000);
    QVERIFY(!next->isEnabled());
    QVERIFY(email->isVisible()); // still on the address: nothing was created

    // A free address goes through, and is created once.
    QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("Connected"), 20000);
    email->selectAll();
    QTest::keyClicks(email, QStringLiteral("hal@example.com"));
    QTRY_VERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
    QTRY_VERIFY(confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_VERIFY(rowOf(QStringLiteral("hal@example.com")) >= 0);
    qInfo("frozen server, reads: the window's longest gap %lld ms opening a panel, %lld ms checking an address",
          opened.longestGapMs, checked.longestGapMs);

    auto fresh = SeatLedger::open(uri);
    QVERIFY(fresh);
    auto users = fresh.value()->usersSnapshot();
    QVERIFY(users);
    QCOMPARE(std::count_if(users.value().users.cbegin(), users.value().users.cend(),
                           [](const User &u) { return u.email == QLatin1String("hal@example.com"); }),
             1);
    QCOMPARE(fresh.value()->user(TestSupport::SmallAccount::cat).value().firstName, QStringLiteral("Catherine"));
    QCOMPARE(fresh.value()->check().value(), QStringList());
}

// Point 5, the window's full reloads: after another process changed more
// users than the change feed reads one by one, Users & Teams shown again reads
// every user again; History opened reads its first page, scrolled to its end
// its next one, and Export… every entry. With the server frozen each of them
// waits on the writer's worker: the window keeps answering and says it is
// busy, and once the server answers it shows every row, as stored.
void TestLiveServer::aFrozenServerNeverFreezesTheWindowsReloads()
{
    if (!m_server->found())
        QSKIP("no PostgreSQL server installed (package postgresql-15)");
    const QString uri = newDatabase(QStringLiteral("frozen_reloads"));
    auto ledger = TestSupport::smallAccount(uri);
    QVERIFY(ledger);
    auto other = SeatLedger::open(uri); // another admin's connection
    QVERIFY(other);
    QVERIFY(other.value()->setActor(TestSupport::SmallAccount::ada).ok());
    SettingsWindow window(*ledger);
    const OwnPostgresServer::ThawAtExit thaw { *m_server };
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *state = window.findChild<QLabel *>(QStringLiteral("connectionState"));
    QTRY_COMPARE(state->text(), QStringLiteral("Connected"));
    auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
    auto *users = window.findChild<QTableView *>(QStringLiteral("usersTable"));
    auto *usersCount = window.findChild<QLabel *>(QStringLiteral("usersCount"));
    QTableView *history = window.historyPage()->table();
    QVERIFY(sidebar && users && usersCount && history);
    const int before = users->model()->rowCount();
    QVERIFY(before > 0);

    // Actions ▸ Manage paid users, on the frozen server: the grid's first
    // read (the users' revision, the seat counts) waits on the worker.
    auto *manage = window.findChild<QAction *>(QStringLiteral("managePaidUsers"));
    QVERIFY(manage);
    const Frozen gridOpened = whileFrozen(
        window, [&] { manage->trigger(); }, [&] { return window.paidUsersPage()->model()->rowCount() == before; });
    QVERIFY2(gridOpened.frozen, "the server's processes were not found");
    QVERIFY(gridOpened.thawed);
    QVERIFY2(gridOpened.longestGapMs < 1000,
             qPrintable(QStringLiteral("the window did not answer for %1 ms").arg(gridOpened.longestGapMs)));
    QVERIFY(gridOpened.waited);
    QVERIFY(gridOpened.sawBusy);
    QTRY_COMPARE_WITH_TIMEOUT(window.paidUsersPage()->model()->rowCount(), before, 20000);
    QVERIFY(window.paidUsersPage()->isVisible());

    // Another admin adds more users at once than the feed reads one by one:
    // the grid, shown, reads everything again now, Users & Teams (hidden)
    // when it is shown again.
    QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("Connected"), 20000);
    constexpr int added = 2100;
    QVector<NewUser> many;
    for (int i = 0; i < added; ++i) {
        NewUser u;
        u.email = QStringLiteral("bulk%1@example.com").arg(i);
        many.append(u);
    }
    QVERIFY(other.value()->createUsers(many).ok());
    QTRY_COMPARE_WITH_TIMEOUT(window.paidUsersPage()->model()->rowCount(), before + added, 20000);
    QCOMPARE(users->model()->rowCount(), before); // not read while hidden

    // (a) Users & Teams clicked in the sidebar, on the frozen server.
    const Frozen reloaded = whileFrozen(
        window,
        [&] {
            QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {},
                              sidebar->visualItemRect(sidebar->item(0)).center());
        },
        [&] { return users->model()->rowCount() == before + added; });
    QVERIFY(reloaded.frozen);
    QVERIFY(reloaded.thawed);
    QVERIFY2(reloaded.longestGapMs < 1000,
             qPrintable(QStringLiteral("the window did not answer for %1 ms").arg(reloaded.longestGapMs)));
    QVERIFY(reloaded.waited); // the reload really waited on the server, off the window's thread
    QVERIFY(reloaded.sawBusy); // and the window said so
    QTRY_COMPARE_WITH_TIMEOUT(users->model()->rowCount(), before + added, 20000);
    QVERIFY(users->isVisible());
    QVERIFY(rowsListing(window, QStringLiteral("bulk0@example.com")) > 0);
    QVERIFY(rowsListing(window, QStringLiteral("bulk%1@example.com").arg(added - 1)) > 0);
    QVERIFY(rowsListing(window, TestSupport::SmallAccount::cat) > 0);
    QTRY_COMPARE(usersCount->text(), QStringLiteral("Users: %1").arg(QLocale().toString(before + added)));

    // What History must show, read on a connection of its own.
    auto fresh = SeatLedger::open(uri);
    QVERIFY(fresh);
    auto all = fresh.value()->entries();
    QVERIFY(all);
    QVERIFY(all.value().size() > 2 * HistoryModel::PageSize);
    auto newest = fresh.value()->entriesPage(LedgerFilter(), 0, 2 * HistoryModel::PageSize);
    QVERIFY(newest);
    const auto shownIds = [&window] {
        QVector<qint64> ids;
        for (int row = 0; row < window.historyPage()->model()->rowCount(); ++row)
            ids.append(window.historyPage()->model()->entryAt(row).id);
        return ids;
    };
    const auto newestIds = [&newest](int count) {
        QVector<qint64> ids;
        for (int i = 0; i < count; ++i)
            ids.append(newest.value().at(i).id);
        return ids;
    };

    // (b) History clicked in the sidebar: its first page, on the frozen server.
    QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("Connected"), 20000);
    const Frozen opened = whileFrozen(
        window,
        [&] {
            QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {},
                              sidebar->visualItemRect(sidebar->item(1)).center());
        },
        [&] { return window.historyPage()->model()->rowCount() > 0; });
    QVERIFY(opened.frozen);
    QVERIFY(opened.thawed);
    QVERIFY2(opened.longestGapMs < 1000,
             qPrintable(QStringLiteral("the window did not answer for %1 ms").arg(opened.longestGapMs)));
    QVERIFY(opened.waited);
    QVERIFY(opened.sawBusy);
    QTRY_COMPARE_WITH_TIMEOUT(window.historyPage()->model()->rowCount(), HistoryModel::PageSize, 20000);
    QVERIFY(history->isVisible());
    QCOMPARE(shownIds(), newestIds(HistoryModel::PageSize));

    // Scrolled to its end: the next page, on the frozen server.
    QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("Connected"), 20000);
    const Frozen scrolled = whileFrozen(
        window,
        [&] {
            // The scroll bar's handle dragged to the bottom.
            QScrollBar *bar = history->verticalScrollBar();
            bar->setValue(bar->maximum());
        },
        [&] { return window.historyPage()->model()->rowCount() > HistoryModel::PageSize; });
    QVERIFY(scrolled.frozen);
    QVERIFY(scrolled.thawed);
    QVERIFY2(scrolled.longestGapMs < 1000,
             qPrintable(QStringLiteral("the window did not answer for %1 ms").arg(scrolled.longestGapMs)));
    QVERIFY(scrolled.waited);
    QVERIFY(scrolled.sawBusy);
    QTRY_VERIFY_WITH_TIMEOUT(window.historyPage()->model()->rowCount() >= 2 * HistoryModel::PageSize, 20000);
    QCOMPARE(shownIds().mid(0, 2 * HistoryModel::PageSize), newestIds(2 * HistoryModel::PageSize));

    // Export…: every entry, on the frozen server.
    QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("Connected"), 20000);
    const QString file = m_home->filePath(QStringLiteral("history.csv"));
    std::optional<Status> exported;
    const Frozen written = whileFrozen(
        window, [&] { exported = window.historyPage()->exportTo(file, false); }, [&] { return exported.has_value(); });
    QVERIFY(written.frozen);
    QVERIFY(written.thawed);
    QVERIFY2(written.longestGapMs < 1000,
             qPrintable(QStringLiteral("the window did not answer for %1 ms").arg(written.longestGapMs)));
    QVERIFY(written.waited);
    QVERIFY(written.sawBusy);
    QTRY_VERIFY_WITH_TIMEOUT(exported.has_value(), 20000);
    QVERIFY2(exported->ok(), qPrintable(exported->error().message));
    QFile csv(file);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    QCOMPARE(text.count(QStringLiteral("bulk")), added); // every new user's creation, once
    QVERIFY(text.contains(TestSupport::SmallAccount::cat));
    qInfo("frozen server, reloads: the window's longest gap %lld ms reading the users again, %lld ms opening "
          "History, %lld ms reading its next page, %lld ms exporting it, %lld ms opening Manage paid users",
          reloaded.longestGapMs, opened.longestGapMs, scrolled.longestGapMs, written.longestGapMs,
          gridOpened.longestGapMs);
}

// Point 5, Actions ▸ Import users: the Preview's reads and Buy run on the
// writer's worker. With the server frozen (SIGSTOP) each waits there, the
// window keeps answering and says it is busy; once the server answers the
// Preview shows the file's numbers, the seats are bought exactly once, and
// the import goes through.
void TestLiveServer::aFrozenServerNeverFreezesTheImport()
{
    if (!m_server->found())
        QSKIP("no PostgreSQL server installed (package postgresql-15)");
    const QString uri = newDatabase(QStringLiteral("frozen_import"));
    auto ledger = TestSupport::smallAccount(uri);
    QVERIFY(ledger);
    const int starter = seatTypeIndex(SeatType::ServiceStarter);
    const SeatCount before = ledger->seatCounts().value()[starter];
    const int entriesBefore = int(ledger->entries().value().size());
    // Three new users want a Service Starter seat each: more than are free.
    const int toBuy = 3 - (before.purchased - before.assigned);
    QVERIFY(toBuy > 1);
    const QString path = m_home->filePath(QStringLiteral("new.csv"));
    {
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("Email,First name,Service seat\n"
                  "n1@example.com,Un,Service Starter\n"
                  "n2@example.com,Deux,Service Starter\n"
                  "n3@example.com,Trois,Service Starter\n");
    }
    SettingsWindow window(*ledger);
    const OwnPostgresServer::ThawAtExit thaw { *m_server };
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *state = window.findChild<QLabel *>(QStringLiteral("connectionState"));
    QTRY_COMPARE(state->text(), QStringLiteral("Connected"));
    auto *importUsers = window.findChild<QAction *>(QStringLiteral("importUsers"));
    QVERIFY(importUsers);
    const auto importDialog = [&window] {
        return window.findChild<QDialog *>(QStringLiteral("importDialog"));
    };

    // Actions ▸ Import users, the file chosen: the Preview is read on the
    // frozen server. Once it shows, Buy, on the server frozen again; then Import.
    QString previewShown;
    QString buyShown;
    bool importBefore = true;
    Frozen bought;
    QString previewAfter;
    bool buyAfter = true;
    bool importAfter = false;
    GuiSupport::whenDialogShows([&](QWidget *files) {
        auto *fileDialog = qobject_cast<QFileDialog *>(files);
        QVERIFY(fileDialog);
        GuiSupport::whenDialogNamedShows(QStringLiteral("importDialog"), [&](QWidget *dialog) {
            auto *summary = dialog->findChild<QLabel *>(QStringLiteral("importSummary"));
            auto *buy = dialog->findChild<QPushButton *>(QStringLiteral("importBuy"));
            auto *import = dialog->findChild<QPushButton *>(QStringLiteral("importButton"));
            previewShown = summary->text();
            buyShown = buy->isVisible() ? buy->text() : QString();
            importBefore = import->isEnabled();
            const auto done = qScopeGuard([dialog] { static_cast<QDialog *>(dialog)->reject(); }); // whatever fails
            QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("Connected"), 20000);
            bought = whileFrozen(
                window,
                [buy] {
                    buy->setFocus();
                    QTest::keyClick(buy, Qt::Key_Space);
                },
                [import] { return import->isEnabled(); });
            previewAfter = summary->text();
            buyAfter = buy->isVisible();
            importAfter = import->isEnabled();
            QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("Connected"), 20000);
            import->setFocus();
            QTest::keyClick(import, Qt::Key_Space); // imports, and closes the dialog
        });
        GuiSupport::chooseFile(fileDialog, path);
    });
    const Frozen previewed = whileFrozen(
        window, [&] { importUsers->trigger(); }, [&] { return importDialog() && importDialog()->isVisible(); });

    // The Preview waited on the server, the window answering meanwhile.
    QVERIFY2(previewed.frozen, "the server's processes were not found");
    QVERIFY(previewed.thawed);
    QVERIFY2(previewed.longestGapMs < 1000,
             qPrintable(QStringLiteral("the window did not answer for %1 ms").arg(previewed.longestGapMs)));
    QVERIFY(previewed.waited); // the read really waited on the server, off the window's thread
    QVERIFY(previewed.sawBusy); // and the window said so
    // Then showed the file's numbers.
    QVERIFY2(previewShown.contains(QStringLiteral("3 users to create.")), qPrintable(previewShown));
    QVERIFY2(previewShown.contains(QStringLiteral("Service Starter: 3 needed, %1 free. Buy %2.")
                                       .arg(before.purchased - before.assigned)
                                       .arg(toBuy)),
             qPrintable(previewShown));
    QCOMPARE(buyShown, QStringLiteral("Buy %1 seats").arg(toBuy));
    QVERIFY(!importBefore); // short of seats

    // Buy waited on the server too, and once it answered the Preview shows the seats bought.
    QVERIFY(bought.frozen);
    QVERIFY(bought.thawed);
    QVERIFY2(bought.longestGapMs < 1000,
             qPrintable(QStringLiteral("the window did not answer for %1 ms").arg(bought.longestGapMs)));
    QVERIFY(bought.waited);
    QVERIFY(bought.sawBusy);
    QVERIFY2(previewAfter.contains(QStringLiteral("Service Starter: 3 needed, 3 free.")), qPrintable(previewAfter));
    QVERIFY(!previewAfter.contains(QStringLiteral("Buy")));
    QVERIFY(!buyAfter);
    QVERIFY(importAfter);
    qInfo("frozen server, import: the window's longest gap %lld ms reading the Preview, %lld ms buying seats",
          previewed.longestGapMs, bought.longestGapMs);

    // As any other process reads it: the seats bought once, in one entry, and the users imported once each.
    auto fresh = SeatLedger::open(uri);
    QVERIFY(fresh);
    QCOMPARE(fresh.value()->seatCounts().value()[starter].purchased, before.purchased + toBuy);
    QCOMPARE(fresh.value()->seatCounts().value()[starter].assigned, before.assigned + 3);
    const auto entries = fresh.value()->entries().value();
    QCOMPARE(std::count_if(entries.cbegin() + entriesBefore, entries.cend(),
                           [](const LedgerEntry &e) { return e.action == LedgerAction::SeatsBought; }),
             1);
    for (const QString &email :
         { QStringLiteral("n1@example.com"), QStringLiteral("n2@example.com"), QStringLiteral("n3@example.com") }) {
        QCOMPARE(fresh.value()->user(email).value().service, SeatType::ServiceStarter);
        QTRY_COMPARE_WITH_TIMEOUT(rowsListing(window, email), 1, 20000);
    }
    QCOMPARE(fresh.value()->check().value(), QStringList());
}

// While one of the window's reads waits on its worker (its event loop
// turning), what the change feed brings is held back: the views are not
// changed under the read. Once it returns the change shows, once.
void TestLiveServer::whatTheFeedBringsDuringAReadWaitsForIt()
{
    if (!m_server->found())
        QSKIP("no PostgreSQL server installed (package postgresql-15)");
    const QString uri = newDatabase(QStringLiteral("held_feed"));
    auto ledger = TestSupport::smallAccount(uri);
    QVERIFY(ledger);
    auto other = SeatLedger::open(uri); // another admin's connection
    QVERIFY(other);
    QVERIFY(other.value()->setActor(TestSupport::SmallAccount::ada).ok());
    SettingsWindow window(*ledger);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *state = window.findChild<QLabel *>(QStringLiteral("connectionState"));
    QTRY_COMPARE(state->text(), QStringLiteral("Connected"));
    auto *writer = window.findChild<ServerWriter *>();
    QVERIFY(writer);
    int delivered = 0;
    connect(window.serverLink(), &ServerLink::changed, &window, [&delivered] { ++delivered; });

    // A read on the writer's worker that lasts until the feed has brought
    // the other admin's new user to the window.
    QSemaphore release;
    bool released = false;
    bool listedDuringRead = true;
    int deliveredDuringRead = 0;
    QTimer probe;
    probe.setInterval(20);
    connect(&probe, &QTimer::timeout, &window, [&] {
        if (delivered > 0 && !released) {
            released = true;
            deliveredDuringRead = delivered;
            listedDuringRead = rowsListing(window, QStringLiteral("ivy@example.com")) > 0;
            release.release();
        }
    });
    probe.start();
    Status readDone = Error { ErrorKind::Storage, QStringLiteral("not run") };
    QTimer::singleShot(0, &window, [&] {
        NewUser ivy;
        ivy.email = QStringLiteral("ivy@example.com");
        QVERIFY(other.value()->createUser(ivy).ok());
        readDone = writer->read(&window, [&release](const SeatLedger &worker) -> Status {
            if (!release.tryAcquire(1, 20000))
                return Error { ErrorKind::Storage, QStringLiteral("the feed never came") };
            return worker.seatCounts();
        });
    });
    QTRY_VERIFY_WITH_TIMEOUT(readDone.ok(), 30000);
    probe.stop();
    QVERIFY(deliveredDuringRead > 0); // the feed came while the read waited…
    QVERIFY(!listedDuringRead); // …and changed nothing under it
    QTRY_COMPARE(rowsListing(window, QStringLiteral("ivy@example.com")), 1); // then shows, once
    QTest::qWait(200);
    QCOMPARE(rowsListing(window, QStringLiteral("ivy@example.com")), 1);
}

// Point 1: every connection has bounded waits. A server that accepts the
// connection (its kernel does) but never answers is given up after
// connect_timeout, with words a person understands; a seatctl run never
// hangs on it.
void TestLiveServer::aSilentServerIsGivenUpWithAClearMessage()
{
    if (!m_server->found())
        QSKIP("no PostgreSQL server installed (package postgresql-15)");
    const QString uri = newDatabase(QStringLiteral("silent"));
    QVERIFY(TestSupport::smallAccount(uri));
    QVERIFY2(m_server->freeze() > 1, "the server's processes were not found");
    const auto thaw = qScopeGuard([this] { m_server->thaw(); });
    for (const char *language : { "en", "fr" }) {
        QProcess seatctl;
        seatctl.start(QStringLiteral(SEATCTL_PATH),
                      { QStringLiteral("--database"), uri, QStringLiteral("--language"), QLatin1String(language),
                        QStringLiteral("users"), QStringLiteral("list") });
        // Ends by itself (connect_timeout is 5 s), long before TCP would give up.
        QVERIFY(seatctl.waitForFinished(60000));
        QCOMPARE(seatctl.exitCode(), 3); // a storage error
        const QString said = QString::fromUtf8(seatctl.readAllStandardError());
        // (The French words come with the translations; the address is in both.)
        if (qstrcmp(language, "en") == 0)
            QVERIFY2(said.contains(QLatin1String("did not answer")), qPrintable(said));
        QVERIFY2(said.contains(uri), qPrintable(said));
        QVERIFY(seatctl.readAllStandardOutput().isEmpty());
    }
    // Once it answers again, all is there, as it was.
    m_server->thaw();
    auto fresh = SeatLedger::open(uri);
    QVERIFY(fresh);
    QCOMPARE(fresh.value()->check().value(), QStringList());
}

void TestLiveServer::aPasswordIsAskedForAndNeverStored()
{
    if (!m_server->found())
        QSKIP("no PostgreSQL server installed (package postgresql-15)");
    const QString password = QLatin1String(OwnPostgresServer::PasswordOf);
    const QString login = QLatin1String(OwnPostgresServer::PasswordLogin);
    QCOMPARE(PostgresServer::exec(m_server->uri(QStringLiteral("postgres")),
                                  QStringLiteral("CREATE ROLE %1 LOGIN SUPERUSER PASSWORD '%2'").arg(login, password)),
             QString());
    QVERIFY(TestSupport::smallAccount(newDatabase(QStringLiteral("guarded"))));
    const QString uri = m_server->uri(QStringLiteral("guarded"), login);
    qunsetenv("PGPASSWORD");

    // Without it, the server refuses, and says it wants a password.
    QVERIFY(!SeatLedger::open(uri));
    QVERIFY(SeatLedger::wantsPassword(uri));

    // The window asks for it; a wrong one is asked for again.
    int asked = 0;
    std::function<void(int)> answer = [&](int triesLeft) {
        QTimer::singleShot(20, [&, triesLeft] {
            auto *dialog = qobject_cast<PasswordDialog *>(QApplication::activeModalWidget());
            if (!dialog || !dialog->isVisible()) {
                if (triesLeft > 0)
                    answer(triesLeft - 1);
                return;
            }
            ++asked;
            auto *field = dialog->findChild<QLineEdit *>(QStringLiteral("passwordField"));
            QCOMPARE(field->accessibleName(), QStringLiteral("Password"));
            QCOMPARE(field->echoMode(), QLineEdit::Password);
            QTest::keyClicks(field, asked == 1 ? QStringLiteral("wrong") : password);
            QTest::keyClick(field, Qt::Key_Return);
            if (asked == 1)
                answer(1000);
        });
    };
    answer(1000);
    OpenedDatabase opened = DatabaseOpener::open(nullptr, uri);
    QCOMPARE(asked, 2);
    QVERIFY(opened.ledger);
    QCOMPARE(opened.start.users.users.size(), 5);

    // Database ▸ Connect to server…, with the password typed in its field.
    QVERIFY(opened.ledger->setActor(QStringLiteral("ada@example.com")).ok());
    SeatLedger::setSessionPassword(uri, {}); // forgotten: the dialog must give it again
    SettingsWindow window(*opened.ledger);
    window.show();
    QSignalSpy requested(&window, &SettingsWindow::openRequested);
    GuiSupport::whenDialogShows([&](QWidget *dialog) {
        QCOMPARE(dialog->objectName(), QStringLiteral("connectDialog"));
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Connect to server…"));
        const auto field = [dialog](const char *name) {
            return dialog->findChild<QWidget *>(QLatin1String(name));
        };
        QCOMPARE(field("connectServer")->accessibleName(), QStringLiteral("Server"));
        QCOMPARE(field("connectPassword")->accessibleName(), QStringLiteral("Password"));
        QTest::keyClicks(field("connectServer"), QStringLiteral("127.0.0.1"));
        auto *port = static_cast<QSpinBox *>(field("connectPort"));
        port->setValue(m_server->port());
        QTest::keyClicks(field("connectDatabase"), QStringLiteral("guarded"));
        QTest::keyClicks(field("connectLogin"), login);
        QTest::keyClicks(field("connectPassword"), password);
        QTest::keyClick(field("connectPassword"), Qt::Key_Return);
    });
    QAction *connectAction = window.findChild<QAction *>(QStringLiteral("connectToServer"));
    QCOMPARE(connectAction->text(), QStringLiteral("Connect to server…"));
    connectAction->trigger();
    QCOMPARE(requested.size(), 1);
    const QString location = requested.at(0).at(0).toString();
    QCOMPARE(location, uri);
    QVERIFY(!location.contains(password));
    auto again = SeatLedger::open(location); // with the session's password, from memory
    QVERIFY2(again, again ? "" : qPrintable(again.error().message));

    // Remembered among the recent databases, but nowhere the password.
    RecentDatabases::add(location);
    QVERIFY(RecentDatabases::list().contains(location));
    QSettings().sync();
    const QString written = settingsText();
    QVERIFY2(written.contains(QStringLiteral("guarded")), qPrintable(written));
    QVERIFY(!written.contains(password));
    QVERIFY(!written.contains(QStringLiteral("horse")));
}

void TestLiveServer::recentDatabasesAndQuit()
{
    for (int i = 0; i < 10; ++i)
        RecentDatabases::add(m_home->filePath(QStringLiteral("db%1.db").arg(i)));
    RecentDatabases::add(m_home->filePath(QStringLiteral("db3.db")));
    const QStringList recent = RecentDatabases::list();
    QCOMPARE(recent.size(), RecentDatabases::Kept);
    QCOMPARE(recent.first(), m_home->filePath(QStringLiteral("db3.db"))); // most recent first, once
    QCOMPARE(recent.count(m_home->filePath(QStringLiteral("db3.db"))), 1);
    QCOMPARE(recent.at(1), m_home->filePath(QStringLiteral("db9.db")));

    const QString path = m_home->filePath(QStringLiteral("seats.db"));
    auto ledger = TestSupport::smallAccount(path);
    SettingsWindow window(*ledger);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(RecentDatabases::list().first(), path);
    QVERIFY(!window.findChild<QLabel *>(QStringLiteral("connectionState"))->isVisible()); // a file: no server
    auto *recentMenu = window.findChild<QMenu *>(QStringLiteral("recentDatabases"));
    QCOMPARE(recentMenu->title(), QStringLiteral("Recent databases"));
    QSignalSpy requested(&window, &SettingsWindow::openRequested);
    for (QAction *action : recentMenu->actions()) {
        if (action->data().toString() == m_home->filePath(QStringLiteral("db3.db")))
            action->trigger();
    }
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), m_home->filePath(QStringLiteral("db3.db")));
    // Open database…: a file chosen in the dialog is the one asked for.
    const QString other = m_home->filePath(QStringLiteral("other.db"));
    QVERIFY(TestSupport::smallAccount(other));
    GuiSupport::whenDialogShows([&](QWidget *dialog) {
        QCOMPARE(dialog->objectName(), QStringLiteral("openDatabaseDialog"));
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        QVERIFY(name);
        name->setText(other);
        QTest::keyClick(name, Qt::Key_Return);
    });
    QAction *open = window.findChild<QAction *>(QStringLiteral("openDatabase"));
    QCOMPARE(open->text(), QStringLiteral("Open database…"));
    open->trigger();
    QCOMPARE(requested.size(), 2);
    QCOMPARE(requested.at(1).at(0).toString(), other);

    QAction *clear = window.findChild<QAction *>(QStringLiteral("clearRecentDatabases"));
    QCOMPARE(clear->text(), QStringLiteral("Clear list"));
    clear->trigger();
    QCOMPARE(RecentDatabases::list(), QStringList());

    QAction *quit = window.findChild<QAction *>(QStringLiteral("quit"));
    QCOMPARE(quit->text(), QStringLiteral("Quit"));
    QCOMPARE(quit->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->trigger();
    QVERIFY(!window.isVisible());
}

// The user panel on a server: a Database login line for everyone, which a
// Super admin edits and saves with the panel's Save (through the core); their
// own login and an Admin's view stay read-only; a login tied to someone else
// is refused, saying to whom.
void TestLiveServer::theUserPanelShowsAndTiesLogins()
{
    if (!m_server->found())
        QSKIP("no PostgreSQL server installed (package postgresql-15)");
    const QString uri = newDatabase(QStringLiteral("panel_logins"));
    auto ada = TestSupport::smallAccount(uri);
    QVERIFY(ada);
    for (const QString &login : { QStringLiteral("panel_ben"), QStringLiteral("panel_cat") })
        QCOMPARE(PostgresServer::exec(m_server->uri(QStringLiteral("postgres")),
                                      QStringLiteral("CREATE ROLE %1 LOGIN").arg(login)),
                 QString());
    UserEdit tieBen;
    tieBen.login = QStringLiteral("panel_ben");
    QVERIFY(ada->editUser(TestSupport::SmallAccount::ben, tieBen).ok());
    {
        SettingsWindow window(*ada);
        window.show();
        UserPanel *panel = window.usersPage()->panel();
        panel->openUser(TestSupport::SmallAccount::cat);
        auto *login = panel->findChild<QLineEdit *>(QStringLiteral("panelLogin"));
        auto *save = panel->findChild<QPushButton *>(QStringLiteral("panelConfirm"));
        auto *problem = panel->findChild<QLabel *>(QStringLiteral("panelProblem"));
        QVERIFY(login && save && problem);
        QVERIFY(login->isVisibleTo(panel));
        QCOMPARE(login->accessibleName(), QStringLiteral("Database login"));
        QVERIFY(!login->isReadOnly());
        QCOMPARE(login->text(), QString());
        QVERIFY(!save->isEnabled());
        login->setFocus();
        QTest::keyClicks(login, QStringLiteral("panel_cat"));
        QVERIFY(save->isEnabled());
        save->click();
        QCOMPARE(ada->user(TestSupport::SmallAccount::cat).value().login, QStringLiteral("panel_cat"));
        QCOMPARE(login->text(), QStringLiteral("panel_cat"));
        const LedgerEntry last = ada->entries().value().last();
        QCOMPARE(last.action, LedgerAction::UserEdited);
        QCOMPARE(last.subject, TestSupport::SmallAccount::cat);

        // A login tied to ben: refused, saying so, and nothing changed.
        login->selectAll();
        QTest::keyClicks(login, QStringLiteral("panel_ben"));
        save->click();
        QVERIFY2(problem->text().contains(QStringLiteral("already tied to ben@example.com")),
                 qPrintable(problem->text()));
        QCOMPARE(ada->user(TestSupport::SmallAccount::cat).value().login, QStringLiteral("panel_cat"));

        // Emptied: untied.
        panel->openUser(TestSupport::SmallAccount::cat);
        login->selectAll();
        QTest::keyClick(login, Qt::Key_Delete);
        save->click();
        QCOMPARE(ada->user(TestSupport::SmallAccount::cat).value().login, QString());

        // Her own login: shown, not editable (this window acts through it).
        panel->openUser(TestSupport::SmallAccount::ada);
        QCOMPARE(login->text(), QStringLiteral("seatkeeper"));
        QVERIFY(login->isReadOnly());
    }
    // ben, an Admin, through his own login: sees logins, changes none.
    auto ben = SeatLedger::open(m_server->uri(QStringLiteral("panel_logins"), QStringLiteral("panel_ben")));
    QVERIFY(ben);
    QVERIFY(ben.value()->setActor(TestSupport::SmallAccount::ben).ok());
    SettingsWindow window(*ben.value());
    window.show();
    UserPanel *panel = window.usersPage()->panel();
    panel->openUser(TestSupport::SmallAccount::ben);
    auto *login = panel->findChild<QLineEdit *>(QStringLiteral("panelLogin"));
    QCOMPARE(login->text(), QStringLiteral("panel_ben"));
    QVERIFY(login->isReadOnly());
    panel->openUser(TestSupport::SmallAccount::cat);
    QVERIFY(login->isReadOnly());
    // The core refuses it whatever the window shows.
    UserEdit tieCat;
    tieCat.login = QStringLiteral("panel_cat");
    const auto refused = ben.value()->editUser(TestSupport::SmallAccount::cat, tieCat);
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, ErrorKind::NotAuthorized);
}

QTEST_MAIN(TestLiveServer)
#include "tst_liveserver.moc"
