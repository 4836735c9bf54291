#include "SettingsWindow.h"

#include "Language.h"
#include "LedgerWatcher.h"
#include "PaidUsersPage.h"
#include "SeatLedger.h"
#include "UsersPage.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

SettingsWindow::SettingsWindow(SeatLedger &ledger, QWidget *parent)
    : QMainWindow(parent)
    , m_ledger(ledger)
    , m_watcher(new LedgerWatcher(ledger, this))
    , m_splitter(new QSplitter(this))
    , m_sidebar(new QListWidget(m_splitter))
    , m_pages(new QStackedWidget(m_splitter))
    , m_usersPage(new UsersPage(ledger, m_pages))
    , m_paidUsersPage(new PaidUsersPage(ledger, *m_watcher, m_pages))
    , m_operator(new QLabel(this))
    , m_languageMenu(menuBar()->addMenu(QString()))
    , m_languages(new QActionGroup(this))
{
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
    setObjectName(QStringLiteral("settingsWindow"));
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->addItem(QString());
    m_sidebar->setStyleSheet(QStringLiteral("QListWidget::item { padding: 8px 6px; }"));
    m_sidebar->setCurrentRow(0);
    m_pages->addWidget(m_usersPage);
    m_pages->addWidget(m_paidUsersPage);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({ 190, 990 });
    setCentralWidget(m_splitter);
    m_operator->setObjectName(QStringLiteral("operatorLabel"));
    statusBar()->addPermanentWidget(m_operator);

    connect(m_sidebar, &QListWidget::itemClicked, this, [this] { showUsers(); });
    connect(m_usersPage, &UsersPage::managePaidUsersRequested, this, &SettingsWindow::showPaidUsers);
    connect(m_usersPage, &UsersPage::ledgerChanged, m_watcher, &LedgerWatcher::acknowledge);
    connect(m_paidUsersPage, &PaidUsersPage::closeRequested, this, [this] { m_pages->setCurrentWidget(m_usersPage); });
    connect(m_paidUsersPage, &PaidUsersPage::saved, m_usersPage, &UsersPage::markStale);
    connect(m_watcher, &LedgerWatcher::changedElsewhere, this, [this] {
        if (m_usersPage->isVisible())
            m_usersPage->reload();
        else
            m_usersPage->markStale();
        if (m_pages->currentWidget() == m_paidUsersPage)
            m_paidUsersPage->changedElsewhere();
        applyOperatorRights();
    });

    resize(1180, 720);
    restoreLayout();
    applyOperatorRights();
    retranslateUi();
}

void SettingsWindow::showUsers()
{
    if (m_pages->currentWidget() == m_paidUsersPage && !m_paidUsersPage->maybeLeave())
        return;
    m_pages->setCurrentWidget(m_usersPage);
}

void SettingsWindow::showPaidUsers()
{
    m_paidUsersPage->reload();
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

void SettingsWindow::applyOperatorRights()
{
    // R5 is enforced by the core; the window only mirrors it so nobody clicks in vain.
    auto me = m_ledger.user(m_ledger.actor());
    const bool admin = me && isAdmin(me.value().role);
    const QString why = admin ? QString()
                              : tr("You are signed in as %1, a User: you can see everything, but only a Super admin "
                                   "or an Admin can change users and seats.")
                                    .arg(m_ledger.actor());
    m_usersPage->setReadOnly(!admin, why);
    m_paidUsersPage->setReadOnly(!admin);
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
    m_languageMenu->setTitle(tr("&Language"));
    m_sidebar->item(0)->setText(tr("Users & Teams"));
    m_sidebar->setAccessibleName(tr("Settings"));
    m_operator->setText(tr("Operator: %1").arg(m_ledger.actor()));
    applyOperatorRights();
}
