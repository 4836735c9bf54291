#include "UsersPage.h"

#include "Appearance.h"
#include "BackgroundWork.h"
#include "DataFiles.h"
#include "ExportDialog.h"
#include "ImportDialog.h"
#include "Language.h"
#include "LargeTable.h"
#include "SeatLedger.h"
#include "UserPanel.h"
#include "UsersCache.h"
#include "UsersModel.h"

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QShowEvent>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

// Filters on name and e-mail only, whatever the columns show.
class UserFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setText(const QString &text)
    {
        m_text = text.trimmed();
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        if (m_text.isEmpty())
            return true;
        const User &u = static_cast<UsersModel *>(sourceModel())->userAt(row);
        return u.email.contains(m_text, Qt::CaseInsensitive) || u.firstName.contains(m_text, Qt::CaseInsensitive)
            || u.lastName.contains(m_text, Qt::CaseInsensitive) || u.fullName().contains(m_text, Qt::CaseInsensitive);
    }

private:
    QString m_text;
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
    m_deleteAction = m_actionsMenu->addAction(QString());
    m_deleteAction->setObjectName(QStringLiteral("deleteSelected"));
    connect(m_deleteAction, &QAction::triggered, this, &UsersPage::deleteSelected);
    m_create->setObjectName(QStringLiteral("createUser"));
    m_create->setDefault(false);
    m_status->setObjectName(QStringLiteral("usersStatus"));
    m_status->setWordWrap(true);
    m_status->hide();

    m_proxy->setSourceModel(m_model);
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
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_splitter, 1);

    setTabOrder(m_search, m_actions);
    setTabOrder(m_actions, m_create);
    setTabOrder(m_create, m_table);
    setTabOrder(m_table, m_panel);

    connect(m_search, &QLineEdit::textChanged, this, &UsersPage::filter);
    connect(m_create, &QPushButton::clicked, this, [this] {
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
    if (m_panel->isVisible())
        m_panel->refresh();
}

void UsersPage::setReadOnly(bool readOnly, const QString &why)
{
    m_readOnly = readOnly;
    m_create->setEnabled(!readOnly);
    m_importAction->setEnabled(!readOnly);
    updateBulkActions();
    m_panel->setReadOnly(readOnly);
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
    m_importAction->setText(tr("Import users"));
    m_exportAction->setText(tr("Export users"));
    m_assignMenu->setTitle(tr("Assign a seat to the selected users"));
    for (SeatType type : allSeatTypes())
        m_assignActions[seatTypeIndex(type)]->setText(seatTypeName(type));
    m_removeMenu->setTitle(tr("Remove access of the selected users"));
    for (Product product : allProducts())
        m_removeActions[productIndex(product)]->setText(productName(product));
    m_deleteAction->setText(tr("Delete the selected users"));
    m_create->setText(tr("Create user"));
    m_create->setAccessibleName(m_create->text());
    m_table->setAccessibleName(tr("Users"));
    m_model->retranslate();
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
    m_deleteAction->setEnabled(any);
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
    if (auto saved = m_ledger.applyEdits(edits); !saved) {
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
    if (auto saved = m_ledger.applyEdits(edits); !saved) {
        QMessageBox::warning(this, tr("Remove access of the selected users"), saved.error().message);
        return;
    }
    emit ledgerChanged();
    emit statusMessage(tr("Removed %1 access from %n user(s).", nullptr, int(edits.size())).arg(productName(product)));
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
    if (auto deleted = m_ledger.deleteUsers(emails); !deleted) {
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
    ImportDialog preview(m_ledger, file.takeValue(), this);
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
