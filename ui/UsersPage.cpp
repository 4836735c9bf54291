#include "UsersPage.h"

#include "Appearance.h"
#include "BackgroundWork.h"
#include "LargeTable.h"
#include "SeatLedger.h"
#include "TeamFilter.h"
#include "TeamsModel.h"
#include "TeamsPage.h"
#include "UserPanel.h"
#include "UsersCache.h"
#include "UsersModel.h"
#include "Validation.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QShowEvent>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

// Filters on name and e-mail only, whatever the columns show; and, when a
// team is chosen (TeamFilter), on that team, as main or additional team.
class UserFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setText(const QString &text)
    {
        m_text = text.trimmed();
        invalidateFilter();
    }
    void setTeam(const QString &team)
    {
        m_teamKey = team.isEmpty() ? QString() : Validation::teamKey(team);
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        const User &u = static_cast<UsersModel *>(sourceModel())->userAt(row);
        if (!m_teamKey.isEmpty() && !inTeam(u))
            return false;
        if (m_text.isEmpty())
            return true;
        return u.email.contains(m_text, Qt::CaseInsensitive) || u.firstName.contains(m_text, Qt::CaseInsensitive)
            || u.lastName.contains(m_text, Qt::CaseInsensitive) || u.fullName().contains(m_text, Qt::CaseInsensitive);
    }

private:
    bool inTeam(const User &u) const
    {
        if (!u.mainTeam.isEmpty() && Validation::teamKey(u.mainTeam) == m_teamKey)
            return true;
        for (const QString &team : u.additionalTeams) {
            if (Validation::teamKey(team) == m_teamKey)
                return true;
        }
        return false;
    }

    QString m_text;
    QString m_teamKey;
};

UsersPage::UsersPage(SeatLedger &ledger, UsersCache &users, QWidget *parent)
    : QWidget(parent)
    , m_ledger(ledger)
    , m_users(users)
    , m_model(new UsersModel(this))
    , m_proxy(new UserFilter(this))
    , m_title(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_actions(new QToolButton(this))
    , m_actionsMenu(new QMenu(this))
    , m_create(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_teamFilter(new TeamFilter(this))
    , m_teamsPage(new TeamsPage(ledger, m_tabs))
    , m_splitter(new QSplitter(this))
    , m_table(new QTableView(m_splitter))
    , m_panel(new UserPanel(ledger, m_splitter))
{
    setObjectName(QStringLiteral("usersPage"));
    m_title->setObjectName(QStringLiteral("usersTitle"));
    Appearance::makeTitle(m_title);
    m_search->setObjectName(QStringLiteral("usersSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(240);
    m_actions->setObjectName(QStringLiteral("usersActions"));
    m_actions->setPopupMode(QToolButton::InstantPopup);
    m_actions->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_actions->setMenu(m_actionsMenu);
    m_manageAction = m_actionsMenu->addAction(QString());
    m_manageAction->setObjectName(QStringLiteral("managePaidUsers"));
    connect(m_manageAction, &QAction::triggered, this, &UsersPage::managePaidUsersRequested);
    m_create->setObjectName(QStringLiteral("createUser"));
    m_create->setDefault(false);
    m_status->setObjectName(QStringLiteral("usersStatus"));
    m_status->setWordWrap(true);
    m_status->hide();

    m_proxy->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("usersTable"));
    configureLargeTable(m_table, m_proxy, UsersModel::EmailColumn);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    m_splitter->setObjectName(QStringLiteral("usersSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_panel->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addStretch(1);
    top->addWidget(m_search);
    top->addWidget(m_actions);
    top->addWidget(m_create);
    // Users | Teams: the list of users (with its team filter) and the teams.
    auto *usersTab = new QWidget(m_tabs);
    usersTab->setObjectName(QStringLiteral("usersTab"));
    auto *usersLayout = new QVBoxLayout(usersTab);
    usersLayout->setContentsMargins(0, 0, 0, 0);
    usersLayout->addWidget(m_teamFilter);
    usersLayout->addWidget(m_status);
    usersLayout->addWidget(m_splitter, 1);
    m_tabs->setObjectName(QStringLiteral("usersTabs"));
    m_tabs->addTab(usersTab, QString());
    m_tabs->addTab(m_teamsPage, QString());
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);

    setTabOrder(m_search, m_actions);
    setTabOrder(m_actions, m_create);
    setTabOrder(m_create, m_tabs);
    setTabOrder(m_tabs, m_teamFilter->combo());
    setTabOrder(m_teamFilter->combo(), m_table);
    setTabOrder(m_table, m_panel);

    connect(m_teamFilter, &TeamFilter::teamChanged, this, [this](const QString &team) {
        m_filtering = true;
        static_cast<UserFilter *>(m_proxy)->setTeam(team);
        selectPanelUser();
        m_filtering = false;
    });
    connect(m_teamsPage, &TeamsPage::ledgerChanged, this, &UsersPage::ledgerChanged);
    connect(m_teamsPage, &TeamsPage::statusMessage, this, &UsersPage::statusMessage);

    connect(m_search, &QLineEdit::textChanged, this, &UsersPage::filter);
    connect(m_create, &QPushButton::clicked, this, [this] {
        m_tabs->setCurrentIndex(0);
        m_table->clearSelection();
        m_panel->show();
        m_panel->startCreate();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &UsersPage::openSelected);
    connect(m_panel, &UserPanel::closed, this, &UsersPage::closePanel);
    connect(m_panel, &UserPanel::done, this, [this](const QString &email, const QString &message) {
        showUser(email); // the change feed has brought the row in already
        emit statusMessage(message);
    });
    // Escape: first the search, then the panel.
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        if (!m_search->text().isEmpty())
            m_search->clear();
        else if (m_panel->isVisible())
            closePanel();
    });
    // The change reaches the list through the change feed, like anybody else's.
    connect(m_panel, &UserPanel::ledgerChanged, this, &UsersPage::ledgerChanged);

    retranslateUi();
    reload();
}

void UsersPage::fitColumns()
{
    // The last column stretches to the edge.
    for (int column = 0; column < UsersModel::ColumnCount - 1; ++column)
        fitColumnToContents(m_table, column, m_table->fontMetrics().averageCharWidth() * 64);
}

void UsersPage::showUser(const QString &email)
{
    const int source = m_model->rowOfEmail(email);
    if (source < 0)
        return;
    const QModelIndex row = m_proxy->mapFromSource(m_model->index(source, 0));
    if (!row.isValid()) { // hidden by the search: the panel shows them anyway
        m_panel->show();
        m_panel->openUser(email);
        return;
    }
    m_table->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(row);
}

void UsersPage::reload()
{
    m_stale = false;
    auto users = m_users.users(this);
    if (!users) {
        m_status->setText(users.error().message);
        m_status->show();
        return;
    }
    m_model->setUsers(users.takeValue());
    fitColumns();
    m_status->setVisible(m_readOnly);
    reloadTeams();
}

void UsersPage::reloadTeams()
{
    m_teamsPage->reload();
    m_teamFilter->setTeams(m_teamsPage->model()->teams());
    if (m_panel->isVisible())
        m_panel->refresh();
}

void UsersPage::applyChanges(const SeatLedger::Changes &changes)
{
    if (m_stale)
        return; // read whole when shown
    if (!m_model->applyChanges(changes.users, changes.removed)) {
        if (isVisible())
            reload();
        else
            markStale();
        return;
    }
    if (changes.teamsChanged) {
        reloadTeams();
        static_cast<UserFilter *>(m_proxy)->setTeam(m_teamFilter->team()); // members came or went
        return;
    }
    if (m_panel->isVisible())
        m_panel->refresh();
}

void UsersPage::setReadOnly(bool readOnly, const QString &why)
{
    m_readOnly = readOnly;
    m_create->setEnabled(!readOnly);
    m_panel->setReadOnly(readOnly);
    m_teamsPage->setReadOnly(readOnly);
    m_status->setText(why);
    m_status->setVisible(readOnly);
}

void UsersPage::filter(const QString &text)
{
    // Rows come and go under the selection as the admin types: that moves the
    // current row, which is no choice of theirs, so no panel opens and the focus
    // stays in the field. The user the panel shows stays selected while listed.
    m_filtering = true;
    static_cast<UserFilter *>(m_proxy)->setText(text);
    selectPanelUser();
    m_filtering = false;
}

void UsersPage::selectPanelUser()
{
    const bool editing = m_panel->isVisible() && m_panel->mode() == UserPanel::Mode::Edit;
    const int source = editing ? m_model->rowOfEmail(m_panel->userEmail()) : -1;
    const QModelIndex row = source < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(source, 0));
    QItemSelectionModel *selection = m_table->selectionModel();
    if (!row.isValid()) {
        selection->clear();
        return;
    }
    selection->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void UsersPage::openSelected()
{
    if (m_filtering)
        return;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QModelIndex source = m_proxy->mapToSource(rows.first());
    const QString email = m_model->userAt(source.row()).email;
    if (m_panel->isVisible() && m_panel->mode() == UserPanel::Mode::Edit && m_panel->userEmail() == email)
        return; // already shown
    m_panel->show();
    m_panel->openUser(email);
}

void UsersPage::closePanel()
{
    m_panel->hide();
    m_table->clearSelection();
    m_table->setFocus();
}

void UsersPage::showEvent(QShowEvent *event)
{
    if (m_stale)
        reload();
    QWidget::showEvent(event);
}

void UsersPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void UsersPage::retranslateUi()
{
    m_title->setText(tr("Users & Teams"));
    m_search->setPlaceholderText(tr("Search by name or email"));
    m_search->setAccessibleName(tr("Search by name or email"));
    m_actions->setText(tr("Actions"));
    m_actions->setAccessibleName(m_actions->text());
    m_manageAction->setText(tr("Manage paid users"));
    m_create->setText(tr("Create user"));
    m_create->setAccessibleName(m_create->text());
    m_table->setAccessibleName(tr("Users"));
    m_tabs->setTabText(0, tr("Users"));
    m_tabs->setTabText(1, tr("Teams"));
    m_model->retranslate();
    fitColumns(); // names of roles and seats differ in length from one language to another
}
