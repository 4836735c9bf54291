#include "SettingsWindow.h"

#include "AboutDialog.h"
#include "BackgroundWork.h"
#include "EnterClicks.h"
#include "HistoryPage.h"
#include "Language.h"
#include "LedgerWatcher.h"
#include "PaidUsersPage.h"
#include "RecentDatabases.h"
#include "RecoveryDialogs.h"
#include "SeatLedger.h"
#include "ServerDialogs.h"
#include "ServerLink.h"
#include "UserPanel.h"
#include "UsersCache.h"
#include "UsersModel.h"
#include "UsersPage.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

SettingsWindow::SettingsWindow(SeatLedger &ledger, SeatLedger::UsersSnapshot users, QWidget *parent)
    : SettingsWindow(
        ledger,
        [&users] {
            WindowStart start;
            start.users = std::move(users);
            return start;
        }(),
        parent)
{
}

SettingsWindow::SettingsWindow(SeatLedger &ledger, WindowStart start, QWidget *parent)
    : QMainWindow(parent)
    , m_ledger(ledger)
    , m_users(std::make_unique<UsersCache>(ledger, std::move(start.users)))
    , m_watcher(new LedgerWatcher(ledger, this, 1000, start.feed))
    , m_splitter(new QSplitter(this))
    , m_sidebar(new QListWidget(m_splitter))
    , m_pages(new QStackedWidget(m_splitter))
    , m_usersPage(new UsersPage(ledger, *m_users, m_pages, &start))
    , m_paidUsersPage(new PaidUsersPage(ledger, *m_users, m_pages))
    , m_historyPage(new HistoryPage(ledger, m_pages))
    , m_operator(new QLabel(this))
    , m_connection(new QLabel(this))
    , m_databaseMenu(menuBar()->addMenu(QString()))
    , m_open(m_databaseMenu->addAction(QString()))
    , m_connect(m_databaseMenu->addAction(QString()))
    , m_recentMenu(m_databaseMenu->addMenu(QString()))
    , m_quit(new QAction(this))
    , m_backupNow(new QAction(this))
    , m_restore(new QAction(this))
    , m_languageMenu(menuBar()->addMenu(QString()))
    , m_languages(new QActionGroup(this))
    , m_helpMenu(menuBar()->addMenu(QString()))
    , m_about(m_helpMenu->addAction(QString()))
    , m_auditBanner(new QFrame(this))
    , m_auditText(new QLabel(m_auditBanner))
    , m_auditRestore(new QPushButton(m_auditBanner))
{
    m_databaseMenu->setObjectName(QStringLiteral("databaseMenu"));
    m_open->setObjectName(QStringLiteral("openDatabase"));
    m_open->setShortcut(QKeySequence::Open);
    m_connect->setObjectName(QStringLiteral("connectToServer"));
    m_recentMenu->setObjectName(QStringLiteral("recentDatabases"));
    m_databaseMenu->addSeparator();
    m_databaseMenu->addAction(m_backupNow);
    m_databaseMenu->addAction(m_restore);
    m_databaseMenu->addSeparator();
    m_databaseMenu->addAction(m_quit);
    m_quit->setObjectName(QStringLiteral("quit"));
    m_quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_open, &QAction::triggered, this, &SettingsWindow::openDatabase);
    connect(m_connect, &QAction::triggered, this, &SettingsWindow::connectToServer);
    connect(m_recentMenu, &QMenu::aboutToShow, this, &SettingsWindow::fillRecent);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
    // Only ever its location: a server's address never holds a password.
    RecentDatabases::add(m_ledger.path());
    fillRecent();
    m_backupNow->setObjectName(QStringLiteral("backupNow"));
    m_restore->setObjectName(QStringLiteral("restoreBackup"));
    connect(m_backupNow, &QAction::triggered, this, &SettingsWindow::backupNow);
    connect(m_restore, &QAction::triggered, this, &SettingsWindow::askRestore);
    // Each language is named in itself, so it can be found whatever is shown now.
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    const std::pair<const char *, QString> languages[]
        = { { "en", QStringLiteral("English") }, { "fr", QStringLiteral("Français") } };
    for (const auto &[code, name] : languages) {
        QAction *action = m_languageMenu->addAction(name);
        action->setObjectName(QStringLiteral("language-") + QLatin1String(code));
        action->setData(QLatin1String(code));
        action->setCheckable(true);
        action->setChecked(Language::current() == QLatin1String(code));
        m_languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, action] { setLanguage(action->data().toString()); });
    }
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_about->setObjectName(QStringLiteral("aboutSeatkeeper"));
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, &SettingsWindow::showAbout);
    setObjectName(QStringLiteral("settingsWindow"));
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->addItem(QString()); // Users & Teams
    m_sidebar->addItem(QString()); // History
    m_sidebar->setStyleSheet(QStringLiteral("QListWidget::item { padding: 8px 6px; }"));
    m_sidebar->setCurrentRow(0);
    m_pages->addWidget(m_usersPage);
    m_pages->addWidget(m_paidUsersPage);
    m_pages->addWidget(m_historyPage);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({ 190, 990 });
    m_auditBanner->setObjectName(QStringLiteral("auditBanner"));
    m_auditBanner->setFrameShape(QFrame::StyledPanel);
    m_auditBanner->setStyleSheet(QStringLiteral("#auditBanner { background: #fdecea; border: 1px solid #b00020; }"));
    m_auditText->setObjectName(QStringLiteral("auditText"));
    m_auditText->setWordWrap(true);
    m_auditText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_auditText->setStyleSheet(QStringLiteral("color: #5f0010;"));
    m_auditRestore->setObjectName(QStringLiteral("auditRestore"));
    auto *bannerLayout = new QHBoxLayout(m_auditBanner);
    bannerLayout->addWidget(m_auditText, 1);
    bannerLayout->addWidget(m_auditRestore, 0, Qt::AlignTop);
    m_auditBanner->hide();
    connect(m_auditRestore, &QPushButton::clicked, this, &SettingsWindow::askRestore);
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_auditBanner);
    centralLayout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    m_operator->setObjectName(QStringLiteral("operatorLabel"));
    statusBar()->addPermanentWidget(m_operator);
    m_connection->setObjectName(QStringLiteral("connectionState"));
    statusBar()->addPermanentWidget(m_connection);
    m_connection->hide();
    if (SeatLedger::isServer(m_ledger.path())) {
        // The server announces every change; the link's worker watches the
        // connection and reads the change feed, so this thread never waits on
        // the network for it.
        m_link = new ServerLink(m_ledger.path(), m_watcher->position(), this);
        m_watcher->follow(m_link);
        // The window's own small writes run on a worker of their own too.
        m_writer = new ServerWriter(m_ledger, this);
        m_usersPage->setWriter(m_writer);
        m_paidUsersPage->setWriter(m_writer);
        m_historyPage->setWriter(m_writer);
        m_watcher->holdWhileBusy(m_writer);
        connect(m_link, &ServerLink::stateChanged, this, &SettingsWindow::connectionChanged);
        m_connection->show();
    }

    // A click, or the arrow keys: the row names the page.
    connect(m_sidebar, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        // Users & Teams clicked again from Manage paid users: no row change to go by.
        if (m_sidebar->row(item) == 0 && m_pages->currentWidget() == m_paidUsersPage)
            showUsers();
    });
    connect(m_sidebar, &QListWidget::currentRowChanged, this, &SettingsWindow::showPage);
    connect(m_usersPage->panel(), &UserPanel::historyRequested, this, &SettingsWindow::showHistoryOf);
    connect(m_usersPage, &UsersPage::managePaidUsersRequested, this, &SettingsWindow::showPaidUsers);
    // Every change, this window's own and anybody else's, reaches both pages
    // through the change feed: only the rows it touched are updated.
    connect(m_usersPage, &UsersPage::ledgerChanged, m_watcher, [this] { m_watcher->catchUp(m_writer); });
    connect(m_paidUsersPage, &PaidUsersPage::closeRequested, this, [this] { m_pages->setCurrentWidget(m_usersPage); });
    // A Save's edits are shown already: the feed need not bring them back.
    connect(m_paidUsersPage, &PaidUsersPage::saved, this,
            [this](qint64 revision, qint64 position, const QVector<SeatEdit> &edits) {
                m_usersPage->applySeatEdits(edits);
                m_watcher->acknowledge(revision, position);
                statusBar()->showMessage(tr("Your changes to the seats are saved."), StatusMessageMs);
            });
    connect(m_usersPage, &UsersPage::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, StatusMessageMs); });
    connect(m_watcher, &LedgerWatcher::changed, this, [this](const SeatLedger::Changes &changes) {
        m_usersPage->applyChanges(changes);
        m_paidUsersPage->applyChanges(changes);
        m_historyPage->readNew();
        // Any change may be the operator's (a login tied to them, a role):
        // their rights are read again.
        applyOperatorRights();
    });
    connect(m_watcher, &LedgerWatcher::reloadNeeded, this, [this] {
        if (m_usersPage->isVisible())
            m_usersPage->reload();
        else
            m_usersPage->markStale();
        if (!m_paidUsersPage->hasPendingEdits())
            m_paidUsersPage->reload();
        m_historyPage->reload();
        applyOperatorRights();
    });

    resize(1180, 720);
    restoreLayout();
    if (start.operatorIsAdmin)
        showRights(*start.operatorIsAdmin); // read on the worker, for the operator the ledger has
    else
        applyOperatorRights(true); // no event loop turning while the window is built
    retranslateUi();
    EnterClicks::install(this);
}

SettingsWindow::~SettingsWindow()
{
    if (m_audit)
        m_audit->wait();
}

void SettingsWindow::startAudit()
{
    if (m_audit && m_audit->isRunning())
        return;
    if (m_audit)
        m_audit->wait();
    m_audit.reset(QThread::create([this] {
        // Its own connection: Qt Sql connections belong to one thread.
        auto worker = m_ledger.openAnother();
        QStringList problems;
        if (!worker) {
            problems << worker.error().message;
        } else if (auto checked = worker.value()->check(); !checked) {
            problems << checked.error().message;
        } else {
            problems = checked.value();
        }
        QMetaObject::invokeMethod(
            this, [this, problems] { showAudit(problems); }, Qt::QueuedConnection);
    }));
    m_audit->start(QThread::LowPriority);
}

void SettingsWindow::backupNow()
{
    if (!operatorIsAdmin()) {
        applyOperatorRights();
        QMessageBox::information(this, tr("Back up now"), tr("Only a Super admin or an Admin can back up or restore."));
        return;
    }
    // A large database takes a moment to copy: on a worker, with the window painting.
    BackupInfo taken;
    const Status written
        = runInBackground(this, tr("Writing a backup…"), m_ledger, [&taken](SeatLedger &worker) -> Status {
              auto made = worker.backup();
              if (!made)
                  return made.error();
              taken = made.takeValue();
              return {};
          });
    if (!written) {
        QMessageBox box(QMessageBox::Warning, tr("Back up now"), written.error().message, QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("backupFailed"));
        box.exec();
        return;
    }
    statusBar()->showMessage(tr("Backup written: %1").arg(QDir::toNativeSeparators(taken.path)));
}

bool SettingsWindow::auditRunning() const
{
    return m_audit && m_audit->isRunning();
}

void SettingsWindow::showAudit(const QStringList &problems)
{
    m_auditProblems = problems;
    m_auditBanner->setVisible(!problems.isEmpty());
    retranslateUi();
}

void SettingsWindow::showUsers()
{
    if (m_pages->currentWidget() == m_paidUsersPage && !m_paidUsersPage->maybeLeave()) {
        selectSidebarRow(0);
        return;
    }
    selectSidebarRow(0);
    m_watcher->checkNow();
    m_pages->setCurrentWidget(m_usersPage);
}

void SettingsWindow::showHistory()
{
    if (m_pages->currentWidget() == m_paidUsersPage && !m_paidUsersPage->maybeLeave()) {
        selectSidebarRow(0);
        return;
    }
    selectSidebarRow(1);
    m_watcher->checkNow();
    m_historyPage->load();
    m_pages->setCurrentWidget(m_historyPage);
}

void SettingsWindow::showHistoryOf(const QString &email)
{
    showHistory();
    if (m_pages->currentWidget() == m_historyPage)
        m_historyPage->showUser(email);
}

void SettingsWindow::showPage(int row)
{
    if (row == 1)
        showHistory();
    else if (row == 0)
        showUsers();
}

void SettingsWindow::selectSidebarRow(int row)
{
    const QSignalBlocker quiet(m_sidebar);
    m_sidebar->setCurrentRow(row);
}

void SettingsWindow::showPaidUsers()
{
    selectSidebarRow(0);
    // Up to date as it opens, not at the next tick: somebody may have just
    // added the user this admin came to give a seat to.
    m_watcher->checkNow();
    m_paidUsersPage->load();
    m_pages->setCurrentWidget(m_paidUsersPage);
    m_paidUsersPage->setFocus();
}

void SettingsWindow::setLanguage(const QString &language)
{
    if (!Language::install(language))
        return;
    // Deliver the LanguageChange events now, so that every widget is already
    // re-translated when the menu closes.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QSettings().setValue(QStringLiteral("language"), language);
    for (QAction *action : m_languages->actions())
        action->setChecked(action->data().toString() == language);
}

std::optional<SettingsWindow::OperatorRights> SettingsWindow::readOperatorRights(bool here)
{
    const quint64 mine = ++m_rightsReads;
    const QString actor = m_ledger.actor();
    QPointer<SettingsWindow> alive(this);
    auto read = runRead(here ? nullptr : m_writer, this, m_ledger, [&actor](const SeatLedger &ledger) {
        OperatorRights rights;
        QString who = actor;
        if (auto tied = ledger.loginTiedTo()) {
            rights.tied = tied.value();
            if (!ledger.login().isEmpty())
                who = tied.value().value_or(QString());
        } else if (tied.error().kind == ErrorKind::Storage) {
            return Result<OperatorRights>(tied.error()); // the server does not answer: no other wait on it
        }
        if (!who.isEmpty()) {
            auto me = ledger.user(who);
            rights.admin = me && isAdmin(me.value().role);
        }
        return Result<OperatorRights>(rights);
    });
    if (!alive || mine != m_rightsReads)
        return std::nullopt;
    // Unread (the server did not answer): nothing followed, and no right.
    return read ? read.value() : OperatorRights();
}

void SettingsWindow::applyOperatorRights(bool here)
{
    const auto rights = readOperatorRights(here);
    if (!rights)
        return;
    // On a server the operator is the login: a Super admin may have tied it
    // (or untied it) since, which the change feed that called this brings.
    if (rights->tied && m_ledger.followLoginTo(*rights->tied)) {
        showOperator();
        if (!m_ledger.untiedLogin())
            statusBar()->showMessage(tr("The login “%1” is now tied to %2: you can make changes as them.")
                                         .arg(m_ledger.login(), m_ledger.actor()),
                                     StatusMessageMs);
    }
    showRights(rights->admin);
}

void SettingsWindow::showRights(bool admin)
{
    m_admin = admin;
    // R5 is enforced by the core; the window only mirrors it so nobody clicks in vain.
    const QString why = admin    ? QString()
        : m_ledger.untiedLogin() ? m_ledger.untiedLoginMessage()
                                 : tr("You are signed in as %1, a User: you can see everything, but "
                                      "only a Super admin or an Admin can change users and seats.")
                                       .arg(m_ledger.actor());
    m_usersPage->setReadOnly(!admin, why);
    m_paidUsersPage->setReadOnly(!admin);
    // A restore undoes admins' work, and a backup is theirs to take: admins only.
    const QString adminsOnly = admin ? QString() : tr("Only a Super admin or an Admin can back up or restore.");
    for (QAction *action : { m_backupNow, m_restore }) {
        action->setEnabled(admin);
        action->setToolTip(adminsOnly.isEmpty() ? action->text() : adminsOnly);
    }
    m_auditRestore->setEnabled(admin);
    m_auditRestore->setToolTip(adminsOnly);
}

void SettingsWindow::showOperator()
{
    const QString text = m_ledger.untiedLogin()
        ? tr("Operator: none (the login “%1” is tied to no Seatkeeper user)").arg(m_ledger.login())
        : tr("Operator: %1").arg(m_ledger.actor());
    m_operator->setText(text);
    m_operator->setAccessibleName(text);
    m_operator->setToolTip(m_ledger.untiedLogin() ? m_ledger.untiedLoginMessage() : QString());
}

bool SettingsWindow::operatorIsAdmin()
{
    if (m_ledger.actor().isEmpty())
        return false;
    const auto rights = readOperatorRights();
    return rights && rights->admin;
}

void SettingsWindow::askRestore()
{
    // The menu is disabled for Users; a role changed meanwhile is caught here.
    if (!operatorIsAdmin()) {
        applyOperatorRights();
        QMessageBox::information(this, tr("Restore from backup"),
                                 tr("Only a Super admin or an Admin can back up or restore."));
        return;
    }
    // Chosen and confirmed here, over this window: it stays in view meanwhile.
    if (const auto chosen = chooseBackup(this, m_ledger.path()))
        emit restoreRequested(chosen->path);
}

void SettingsWindow::showAbout()
{
    AboutDialog about(m_ledger.path(), this);
    about.exec();
}

void SettingsWindow::connectionChanged()
{
    const ServerLink::State state = m_link->state();
    if (state == ServerLink::State::Connected) {
        if (m_wasLost && !m_reconnecting) {
            // The server answers the link again. The writer's worker opens its
            // connection afresh and asks the server once, the window painting
            // meanwhile. This thread's own connection is only marked to be
            // opened afresh at its next use: on a server every read and write
            // of the window's goes through the writer once it is built, so
            // nothing here waits on the network. Then catch up on what was missed.
            m_wasLost = false;
            m_writer->reconnect();
            m_ledger.reconnectLater();
            m_reconnecting = true;
            QPointer<SettingsWindow> alive(this);
            auto answered
                = runRead(m_writer, this, m_ledger, [](const SeatLedger &ledger) { return ledger.revision(); });
            if (!alive)
                return;
            m_reconnecting = false;
            if (m_wasLost) // lost again meanwhile: the next "Connected" comes back here
                return showConnection();
            if (!answered) {
                // Gone again already: try again shortly, still showing it away.
                m_wasLost = true;
                statusBar()->showMessage(answered.error().message, StatusMessageMs);
                QTimer::singleShot(ServerLink::FirstRetryMs, this, &SettingsWindow::connectionChanged);
                return;
            }
            m_watcher->setPaused(false);
            m_paidUsersPage->setOffline(false);
            applyOperatorRights(); // as they are now, not as a read while away made them
            m_watcher->checkNow();
        }
    } else {
        m_wasLost = true;
        m_watcher->setPaused(true);
        m_paidUsersPage->setOffline(true);
    }
    showConnection();
}

void SettingsWindow::showConnection()
{
    if (!m_link)
        return;
    QString text;
    switch (m_link->state()) {
    case ServerLink::State::Connected:
        text = tr("Connected");
        break;
    case ServerLink::State::Reconnecting:
        text = tr("Reconnecting…");
        break;
    case ServerLink::State::Offline:
        text = tr("Offline");
        break;
    }
    m_connection->setText(text);
    m_connection->setAccessibleName(text);
    m_connection->setToolTip(m_link->state() == ServerLink::State::Connected
                                 ? m_ledger.path()
                                 : tr("The server of %1 cannot be reached. Seatkeeper keeps trying; your unsaved "
                                      "changes are kept.")
                                       .arg(m_ledger.path()));
}

void SettingsWindow::openDatabase()
{
    QFileDialog dialog(this, tr("Open database…"));
    dialog.setObjectName(QStringLiteral("openDatabaseDialog"));
    dialog.setOption(QFileDialog::DontUseNativeDialog); // the same dialog everywhere, drivable by tests
    dialog.setFileMode(QFileDialog::ExistingFile);
    dialog.setNameFilters({ tr("Seatkeeper databases (*.db)"), tr("All files (*)") });
    if (!SeatLedger::isServer(m_ledger.path()))
        dialog.setDirectory(QFileInfo(m_ledger.path()).absolutePath());
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    emit openRequested(dialog.selectedFiles().constFirst());
}

void SettingsWindow::connectToServer()
{
    ConnectDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // In memory for this run only: never in the settings, the address or a log.
    SeatLedger::setSessionPassword(dialog.location(), dialog.password());
    emit openRequested(dialog.location());
}

void SettingsWindow::fillRecent()
{
    m_recentMenu->clear();
    const QStringList recent = RecentDatabases::list();
    for (const QString &location : recent) {
        const QString shown = SeatLedger::isServer(location) ? location : QDir::toNativeSeparators(location);
        QAction *action = m_recentMenu->addAction(shown);
        action->setData(location);
        action->setObjectName(QStringLiteral("recentDatabase"));
        if (location == m_ledger.path() || location == QFileInfo(m_ledger.path()).absoluteFilePath())
            action->setEnabled(false); // this window is open on it
        connect(action, &QAction::triggered, this, [this, location] { emit openRequested(location); });
    }
    m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("Clear list"));
    clear->setObjectName(QStringLiteral("clearRecentDatabases"));
    clear->setEnabled(!recent.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        RecentDatabases::clear();
        QMetaObject::invokeMethod(this, &SettingsWindow::fillRecent, Qt::QueuedConnection); // not under its own action
    });
}

void SettingsWindow::closeEvent(QCloseEvent *event)
{
    if (m_pages->currentWidget() == m_paidUsersPage && !m_paidUsersPage->maybeLeave()) {
        event->ignore();
        return;
    }
    saveLayout();
    event->accept();
}

void SettingsWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/sidebar")).toByteArray());
    m_usersPage->splitter()->restoreState(settings.value(QStringLiteral("window/usersPanel")).toByteArray());
}

void SettingsWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/sidebar"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/usersPanel"), m_usersPage->splitter()->saveState());
}

void SettingsWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void SettingsWindow::retranslateUi()
{
    setWindowTitle(tr("Settings"));
    m_databaseMenu->setTitle(tr("&Database"));
    m_open->setText(tr("Open database…"));
    m_connect->setText(tr("Connect to server…"));
    m_recentMenu->setTitle(tr("Recent databases"));
    m_quit->setText(tr("Quit"));
    showConnection();
    m_backupNow->setText(tr("Back up now"));
    m_restore->setText(tr("Restore from backup…"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_about->setText(tr("About Seatkeeper"));
    m_sidebar->item(0)->setText(tr("Users & Teams"));
    m_sidebar->item(1)->setText(tr("History"));
    m_sidebar->setAccessibleName(tr("Settings"));
    // Never narrower than its entries, in this language: the pages give way first.
    m_sidebar->setMinimumWidth(m_sidebar->sizeHintForColumn(0) + 2 * m_sidebar->frameWidth() + 4);
    showOperator();
    if (!m_auditProblems.isEmpty()) {
        const int shown = std::min<int>(int(m_auditProblems.size()), 3);
        QString text = tr("This database does not match its own history: it was changed outside Seatkeeper, or is "
                          "damaged. Check the seats before relying on them, or restore a backup. %n problem(s) found:",
                          nullptr, int(m_auditProblems.size()));
        for (int i = 0; i < shown; ++i)
            text += QStringLiteral("\n• ") + m_auditProblems.at(i);
        if (m_auditProblems.size() > shown)
            text += QStringLiteral("\n• …");
        m_auditText->setText(text);
        m_auditText->setAccessibleName(text);
    }
    m_auditRestore->setText(tr("Restore from backup…"));
    m_auditRestore->setAccessibleName(tr("Restore from backup…"));
    showRights(m_admin);
}
