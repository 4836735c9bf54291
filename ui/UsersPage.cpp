#include "UsersPage.h"

#include "Appearance.h"
#include "BackgroundWork.h"
#include "DataFiles.h"
#include "ExportDialog.h"
#include "ImportDialog.h"
#include "InputText.h"
#include "Language.h"
#include "LargeTable.h"
#include "SeatLedger.h"
#include "SeatOverview.h"
#include "TeamDialogs.h"
#include "TeamFilter.h"
#include "TeamsModel.h"
#include "TeamsPage.h"
#include "UserFilter.h"
#include "UserPanel.h"
#include "UsersCache.h"
#include "UsersModel.h"
#include "Validation.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QShowEvent>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

UsersPage::UsersPage(SeatLedger &ledger, UsersCache &users, QWidget *parent, const WindowStart *start)
    : QWidget(parent)
    , m_ledger(ledger)
    , m_users(users)
    , m_model(new UsersModel(this))
    , m_proxy(new UserFilter(m_model, this))
    , m_title(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_overview(new SeatOverview(this))
    , m_seatFilterLabel(new QLabel(this))
    , m_seatFilter(new QComboBox(this))
    , m_roleFilterLabel(new QLabel(this))
    , m_roleFilter(new QComboBox(this))
    , m_empty(new QLabel(this))
    , m_count(new QLabel(this))
    , m_actions(new QToolButton(this))
    , m_actionsMenu(new QMenu(this))
    , m_create(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_teamFilter(new TeamFilter(this))
    , m_teamsPage(new TeamsPage(ledger, m_tabs, start ? start->teams : std::nullopt))
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
    m_importAction = m_actionsMenu->addAction(QString());
    m_importAction->setObjectName(QStringLiteral("importUsers"));
    connect(m_importAction, &QAction::triggered, this, &UsersPage::importUsers);
    m_exportAction = m_actionsMenu->addAction(QString());
    m_exportAction->setObjectName(QStringLiteral("exportUsers"));
    connect(m_exportAction, &QAction::triggered, this, &UsersPage::exportUsers);
    // For every selected user at once (Shift/Ctrl-click, Ctrl+A).
    m_actionsMenu->addSeparator();
    m_assignMenu = m_actionsMenu->addMenu(QString());
    m_assignMenu->setObjectName(QStringLiteral("assignSelectedMenu"));
    for (SeatType type : allSeatTypes()) {
        QAction *a = m_assignMenu->addAction(QString());
        a->setObjectName(QStringLiteral("assignSelected-") + seatTypeKey(type));
        connect(a, &QAction::triggered, this, [this, type] { assignToSelected(type); });
        m_assignActions[seatTypeIndex(type)] = a;
    }
    m_removeMenu = m_actionsMenu->addMenu(QString());
    m_removeMenu->setObjectName(QStringLiteral("removeSelectedMenu"));
    for (Product product : allProducts()) {
        QAction *a = m_removeMenu->addAction(QString());
        a->setObjectName(QStringLiteral("removeSelected-") + productKey(product));
        connect(a, &QAction::triggered, this, [this, product] { removeFromSelected(product); });
        m_removeActions[productIndex(product)] = a;
    }
    m_mainTeamAction = m_actionsMenu->addAction(QString());
    m_mainTeamAction->setObjectName(QStringLiteral("setMainTeamOfSelected"));
    connect(m_mainTeamAction, &QAction::triggered, this, &UsersPage::setMainTeamOfSelected);
    m_deleteAction = m_actionsMenu->addAction(QString());
    m_deleteAction->setObjectName(QStringLiteral("deleteSelected"));
    connect(m_deleteAction, &QAction::triggered, this, &UsersPage::deleteSelected);
    m_create->setObjectName(QStringLiteral("createUser"));
    m_create->setDefault(false);
    m_status->setObjectName(QStringLiteral("usersStatus"));
    m_status->setWordWrap(true);
    m_status->hide();

    m_seatFilter->setObjectName(QStringLiteral("seatFilter"));
    m_seatFilterLabel->setBuddy(m_seatFilter);
    m_roleFilter->setObjectName(QStringLiteral("roleFilter"));
    m_roleFilterLabel->setBuddy(m_roleFilter);
    for (QComboBox *combo : { m_seatFilter, m_roleFilter })
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    fillFilterChoices();
    m_empty->setObjectName(QStringLiteral("usersEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->hide();
    m_count->setObjectName(QStringLiteral("usersCount"));

    m_table->setObjectName(QStringLiteral("usersTable"));
    configureLargeTable(m_table, m_proxy, UsersModel::EmailColumn);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
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
    // The filters, in a row of their own, above the list on the Users tab.
    auto *filters = new QHBoxLayout;
    filters->setObjectName(QStringLiteral("usersFilters"));
    filters->addWidget(m_seatFilterLabel);
    filters->addWidget(m_seatFilter);
    filters->addSpacing(12);
    filters->addWidget(m_roleFilterLabel);
    filters->addWidget(m_roleFilter);
    filters->addSpacing(12);
    filters->addWidget(m_teamFilter);
    filters->addStretch(1);
    filters->addWidget(m_count);
    // Users | Teams: the list of users (with its filters) and the teams; the
    // seat overview above both, always in view.
    auto *usersTab = new QWidget(m_tabs);
    usersTab->setObjectName(QStringLiteral("usersTab"));
    auto *usersLayout = new QVBoxLayout(usersTab);
    usersLayout->setContentsMargins(0, 0, 0, 0);
    usersLayout->addLayout(filters);
    usersLayout->addWidget(m_status);
    usersLayout->addWidget(m_empty);
    usersLayout->addWidget(m_splitter, 1);
    m_tabs->setObjectName(QStringLiteral("usersTabs"));
    m_tabs->addTab(usersTab, QString());
    m_tabs->addTab(m_teamsPage, QString());
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_overview);
    layout->addWidget(m_tabs, 1);

    setTabOrder(m_search, m_actions);
    setTabOrder(m_actions, m_create);
    setTabOrder(m_create, m_overview->findChild<QWidget *>(QStringLiteral("overview-sales-starter")));
    setTabOrder(m_overview->findChild<QWidget *>(QStringLiteral("overview-service-enterprise")), m_tabs);
    setTabOrder(m_tabs, m_seatFilter);
    setTabOrder(m_seatFilter, m_roleFilter);
    setTabOrder(m_roleFilter, m_teamFilter->combo());
    setTabOrder(m_teamFilter->combo(), m_table);
    setTabOrder(m_table, m_panel);

    connect(m_teamFilter, &TeamFilter::teamChanged, this, [this](const QString &team) {
        m_filtering = true;
        m_proxy->setTeam(team);
        selectPanelUser();
        m_filtering = false;
    });
    connect(m_teamsPage, &TeamsPage::ledgerChanged, this, &UsersPage::ledgerChanged);
    connect(m_teamsPage, &TeamsPage::statusMessage, this, &UsersPage::statusMessage);

    connect(m_search, &QLineEdit::textChanged, this, &UsersPage::filter);
    connect(m_seatFilter, qOverload<int>(&QComboBox::activated), this, &UsersPage::applyFilters);
    connect(m_roleFilter, qOverload<int>(&QComboBox::activated), this, &UsersPage::applyFilters);
    // A seat type clicked in the overview is the seat filter's choice too.
    connect(m_overview, &SeatOverview::typeToggled, this, [this](SeatType type, bool on) {
        m_seatFilter->setCurrentIndex(on ? m_seatFilter->findData(seatTypeKey(type)) : 0);
        applyFilters();
    });
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_proxy, signal, this, &UsersPage::updateShown);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &UsersPage::updateShown);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &UsersPage::updateShown);
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
    if (start && start->complete()) {
        // As reload() shows what it reads, from what was read already.
        m_model->setUsers(m_users.kept(), true);
        fitColumns();
        m_overview->setCounts(*start->seatCounts);
        updateShown();
        m_status->setVisible(m_readOnly);
        m_teamFilter->setTeams(m_teamsPage->model()->teams());
    } else {
        reload();
    }
    updateBulkActions();
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
    if (m_reloading) {
        m_reloadAgain = true; // read once more after the one waiting: it may predate what asked
        return;
    }
    QPointer<UsersPage> alive(this);
    m_reloading = true;
    do {
        m_reloadAgain = false;
        m_stale = false;
        auto users = m_users.users(this, m_writer);
        if (!alive)
            return;
        if (!users) {
            m_status->setText(users.error().message);
            m_status->show();
            break;
        }
        m_model->setUsers(users.takeValue(), true);
        fitColumns();
        // On a server on the writer's worker too; on a file here, as the users just were.
        refreshCounts();
        if (!alive)
            return;
        m_status->setVisible(m_readOnly);
        reloadTeams();
        if (!alive)
            return;
    } while (m_reloadAgain);
    m_reloading = false;
}

void UsersPage::reloadTeams()
{
    QPointer<UsersPage> alive(this);
    m_teamsPage->reload();
    if (!alive)
        return;
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
    if (changes.seatCountsChanged)
        refreshCounts();
    if (changes.teamsChanged) {
        reloadTeams();
        m_proxy->setTeam(m_teamFilter->team()); // members came or went
        return;
    }
    if (m_panel->isVisible())
        m_panel->refresh();
}

void UsersPage::applySeatEdits(const QVector<SeatEdit> &edits)
{
    m_model->applySeatEdits(edits);
    refreshCounts();
}

void UsersPage::refreshCounts()
{
    // The seat table's aggregate: a few rows however many users there are.
    const quint64 mine = ++m_countReads;
    QPointer<UsersPage> alive(this);
    auto counts = runRead(m_writer, this, m_ledger, [](const SeatLedger &ledger) { return ledger.seatCounts(); });
    if (!alive || mine != m_countReads)
        return; // gone, or a later read shows newer counts
    if (counts)
        m_overview->setCounts(counts.value());
    updateShown();
}

void UsersPage::applyFilters()
{
    m_filtering = true;
    UserFilter::Seat seat;
    const QString seatKey = m_seatFilter->currentData().toString();
    if (seatKey == QLatin1String("none")) {
        seat.kind = UserFilter::Seat::None;
    } else if (const auto type = seatTypeFromKey(seatKey)) {
        seat.kind = UserFilter::Seat::Type;
        seat.type = *type;
    }
    m_proxy->setSeat(seat);
    m_proxy->setRole(roleFromKey(m_roleFilter->currentData().toString()));
    selectPanelUser();
    m_filtering = false;
    updateShown();
}

void UsersPage::updateShown()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    const QLocale locale;
    // "Users: 5", not "5 users": no plural form to get wrong in either language.
    m_count->setText(shown == total
                         ? tr("Users: %1").arg(locale.toString(total))
                         : tr("Users: %1 of %2", "shown of all").arg(locale.toString(shown), locale.toString(total)));
    m_count->setAccessibleName(m_count->text());
    const UserFilter::Seat seat = m_proxy->seat();
    m_overview->setSelectedType(seat.kind == UserFilter::Seat::Type ? std::optional<SeatType>(seat.type)
                                                                    : std::nullopt);
    m_empty->setVisible(shown == 0 && total > 0);
}

void UsersPage::fillFilterChoices()
{
    // Keys as data: the choice survives a change of language.
    const QString seat = m_seatFilter->currentData().toString();
    const QString role = m_roleFilter->currentData().toString();
    m_seatFilter->clear();
    m_seatFilter->addItem(tr("All seats"), QString());
    m_seatFilter->addItem(tr("No seat"), QStringLiteral("none"));
    for (SeatType type : allSeatTypes())
        m_seatFilter->addItem(seatTypeName(type), seatTypeKey(type));
    m_roleFilter->clear();
    m_roleFilter->addItem(tr("All roles"), QString());
    for (Role r : { Role::SuperAdmin, Role::Admin, Role::User })
        m_roleFilter->addItem(roleName(r), roleKey(r));
    m_seatFilter->setCurrentIndex(std::max(0, m_seatFilter->findData(seat)));
    m_roleFilter->setCurrentIndex(std::max(0, m_roleFilter->findData(role)));
}

void UsersPage::setReadOnly(bool readOnly, const QString &why)
{
    m_readOnly = readOnly;
    m_create->setEnabled(!readOnly);
    m_importAction->setEnabled(!readOnly);
    updateBulkActions();
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
    m_proxy->setSearch(text);
    selectPanelUser();
    m_filtering = false;
    updateShown();
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
    updateBulkActions();
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    if (rows.size() > 1) { // several users: the Actions menu acts on them all
        m_panel->hide();
        return;
    }
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
    if (m_stale) {
        if (m_writer) {
            // On a server the read waits with the event loop turning: not from
            // inside the show, but right after it (the kept rows shown meanwhile).
            QTimer::singleShot(0, this, [this] {
                if (m_stale)
                    reload();
            });
        } else {
            reload();
        }
    }
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
    m_search->setToolTip(tr("Every word must match a name, an email address, a seat type or a role; accents and "
                            "letter case do not count."));
    m_seatFilterLabel->setText(tr("Seat type"));
    m_seatFilter->setAccessibleName(m_seatFilterLabel->text());
    m_roleFilterLabel->setText(tr("Role"));
    m_roleFilter->setAccessibleName(m_roleFilterLabel->text());
    fillFilterChoices();
    m_empty->setText(tr("No user matches the search and filters."));
    updateShown();
    m_actions->setText(tr("Actions"));
    m_actions->setAccessibleName(m_actions->text());
    m_manageAction->setText(tr("Manage paid users"));
    m_importAction->setText(tr("Import users"));
    m_exportAction->setText(tr("Export users"));
    m_assignMenu->setTitle(tr("Assign a seat to the selected users"));
    for (SeatType type : allSeatTypes())
        m_assignActions[seatTypeIndex(type)]->setText(seatTypeName(type));
    m_removeMenu->setTitle(tr("Remove access of the selected users"));
    for (Product product : allProducts())
        m_removeActions[productIndex(product)]->setText(productName(product));
    m_mainTeamAction->setText(tr("Set main team…"));
    m_deleteAction->setText(tr("Delete the selected users"));
    m_create->setText(tr("Create user"));
    m_create->setAccessibleName(m_create->text());
    m_table->setAccessibleName(tr("Users"));
    m_tabs->setTabText(0, tr("Users"));
    m_tabs->setTabText(1, tr("Teams"));
    m_model->retranslate();
    m_proxy->retranslate(); // role and seat names read differently now
    fitColumns(); // names of roles and seats differ in length from one language to another
}

QVector<User> UsersPage::selectedUsers() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QVector<User> users;
    for (const QModelIndex &row : rows)
        users.append(m_model->userAt(m_proxy->mapToSource(row).row()));
    return users;
}

QVector<User> UsersPage::shownUsers() const
{
    QVector<User> users;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        users.append(m_model->userAt(m_proxy->mapToSource(m_proxy->index(row, 0)).row()));
    return users;
}

void UsersPage::updateBulkActions()
{
    const bool any = m_table->selectionModel()->hasSelection() && !m_readOnly;
    m_assignMenu->setEnabled(any);
    m_removeMenu->setEnabled(any);
    m_mainTeamAction->setEnabled(any);
    m_deleteAction->setEnabled(any);
}

void UsersPage::setWriter(ServerWriter *writer)
{
    m_writer = writer;
    m_panel->setWriter(writer);
    m_teamsPage->setWriter(writer);
}

void UsersPage::assignToSelected(SeatType type)
{
    const Product product = productOf(type);
    QVector<SeatEdit> edits;
    for (const User &u : selectedUsers()) {
        if (u.seat(product) != type) // `from` is what this list shows (R12)
            edits.append(SeatEdit { u.id, u.email, product, u.seat(product), type });
    }
    if (edits.isEmpty())
        return;
    if (const Status saved = runWrite(m_writer, this, tr("Saving…"), m_ledger,
                                      [&edits](SeatLedger &ledger) { return ledger.applyEdits(edits); });
        !saved) {
        QMessageBox::warning(this, tr("Assign a seat to the selected users"), saved.error().message);
        return;
    }
    emit ledgerChanged();
    emit statusMessage(tr("Assigned a %1 seat to %n user(s).", nullptr, int(edits.size())).arg(seatTypeName(type)));
}

void UsersPage::removeFromSelected(Product product)
{
    QVector<SeatEdit> edits;
    for (const User &u : selectedUsers()) {
        if (u.seat(product))
            edits.append(SeatEdit { u.id, u.email, product, u.seat(product), std::nullopt });
    }
    if (edits.isEmpty())
        return;
    if (const Status saved = runWrite(m_writer, this, tr("Saving…"), m_ledger,
                                      [&edits](SeatLedger &ledger) { return ledger.applyEdits(edits); });
        !saved) {
        QMessageBox::warning(this, tr("Remove access of the selected users"), saved.error().message);
        return;
    }
    emit ledgerChanged();
    emit statusMessage(tr("Removed %1 access from %n user(s).", nullptr, int(edits.size())).arg(productName(product)));
}

void UsersPage::setMainTeamOfSelected()
{
    const QVector<User> users = selectedUsers();
    if (users.isEmpty())
        return;
    QPointer<UsersPage> alive(this);
    auto teams = runRead(m_writer, this, m_ledger, [](const SeatLedger &ledger) { return ledger.teams(); });
    if (!alive)
        return;
    if (!teams) {
        QMessageBox::warning(this, tr("Set main team"), teams.error().message);
        return;
    }
    MainTeamDialog dialog(teams.value(), int(users.size()), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QStringList emails;
    for (const User &u : users)
        emails << u.email;
    const QString team = dialog.team();
    if (const Status saved = runWrite(m_writer, this, tr("Saving…"), m_ledger,
                                      [&](SeatLedger &ledger) { return ledger.setMainTeam(emails, team); });
        !saved) {
        QMessageBox::warning(this, tr("Set main team"), saved.error().message);
        return;
    }
    emit ledgerChanged();
    emit statusMessage(dialog.team().isEmpty()
                           ? tr("%n user(s) now have no main team.", nullptr, int(emails.size()))
                           : tr("“%1” is now the main team of %n user(s).", nullptr, int(emails.size()))
                                 .arg(InputText::escaped(dialog.team())));
}

void UsersPage::deleteSelected()
{
    const QVector<User> users = selectedUsers();
    if (users.isEmpty())
        return;
    QMessageBox ask(QMessageBox::Question, tr("Delete the selected users"),
                    tr("Delete %n user(s)? This cannot be undone.", nullptr, int(users.size())),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    ask.setObjectName(QStringLiteral("deleteSelectedQuestion"));
    ask.button(QMessageBox::Yes)->setText(tr("Delete user"));
    ask.button(QMessageBox::Cancel)->setText(tr("Cancel"));
    if (ask.exec() != QMessageBox::Yes)
        return;
    QStringList emails;
    for (const User &u : users)
        emails << u.email;
    if (const Status deleted = runWrite(m_writer, this, tr("Saving…"), m_ledger,
                                        [&emails](SeatLedger &ledger) { return ledger.deleteUsers(emails); });
        !deleted) {
        QMessageBox::warning(this, tr("Delete the selected users"), deleted.error().message);
        return;
    }
    m_panel->hide();
    emit ledgerChanged();
    emit statusMessage(tr("Deleted %n user(s).", nullptr, int(emails.size())));
}

void UsersPage::importUsers()
{
    QFileDialog dialog(this, tr("Import users"));
    dialog.setObjectName(QStringLiteral("importFileDialog"));
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setFileMode(QFileDialog::ExistingFile);
    dialog.setNameFilters({ tr("CSV files (*.csv *.txt)"), tr("All files (*)") });
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    importFile(dialog.selectedFiles().first());
}

void UsersPage::importFile(const QString &path)
{
    auto bytes = DataFiles::read(path, m_ledger.path(), Csv::MaxBytes);
    auto file = bytes ? UserCsv::read(bytes.value()) : Result<ImportFile>(bytes.error());
    if (!file) {
        QMessageBox::warning(this, tr("Import users"), file.error().message);
        return;
    }
    ImportDialog preview(m_ledger, file.takeValue(), m_writer, this);
    if (preview.exec() != QDialog::Accepted)
        return;
    emit ledgerChanged();
    emit statusMessage(preview.outcome());
}

void UsersPage::exportUsers()
{
    const int selected = int(m_table->selectionModel()->selectedRows().size());
    ExportDialog choice(!m_search->text().trimmed().isEmpty(), selected, this);
    if (choice.exec() != QDialog::Accepted)
        return;
    QVector<User> users;
    switch (choice.scope()) {
    case ExportDialog::Scope::Everything:
        for (int row = 0; row < m_model->rowCount(); ++row)
            users.append(m_model->userAt(row));
        break;
    case ExportDialog::Scope::CurrentFilter:
        users = shownUsers();
        break;
    case ExportDialog::Scope::Selection:
        users = selectedUsers();
        break;
    }
    QFileDialog dialog(this, tr("Export users"));
    dialog.setObjectName(QStringLiteral("exportFileDialog"));
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("csv"));
    dialog.selectFile(QStringLiteral("users.csv"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().first();
    if (Status s = exportTo(path, users, choice.forExcel()); !s) {
        QMessageBox::warning(this, tr("Export users"), s.error().message);
        return;
    }
    emit statusMessage(tr("Exported %n user(s).", nullptr, int(users.size())));
}

Status UsersPage::exportTo(const QString &path, const QVector<User> &users, bool forExcel)
{
    return DataFiles::write(path, UserCsv::write(users, { forExcel, Language::current() }), m_ledger.path());
}
