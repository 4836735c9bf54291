#include "PaidUsersPage.h"

#include "Appearance.h"
#include "BackgroundWork.h"
#include "ColumnFooter.h"
#include "LargeTable.h"
#include "PaidUsersModel.h"
#include "SearchText.h"
#include "SeatLedger.h"
#include "UsersCache.h"

#include <algorithm>
#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <vector>

namespace {

// The grid's search: every word in the name or e-mail, accents and case aside,
// over keys the model keeps folded. The rows that match are worked out once per
// search, before the view asks; a search that only narrows the last one (a
// letter added) looks only at the rows that matched it.
class GridFilter : public QSortFilterProxyModel
{
public:
    GridFilter(PaidUsersModel *source, QObject *parent)
        : QSortFilterProxyModel(parent)
        , m_grid(source)
    {
        // Connected before the proxy's own handlers: rows that change are
        // looked at afresh, never by what was kept for them.
        const auto forget = [this] {
            m_kept.clear();
        };
        connect(source, &QAbstractItemModel::rowsAboutToBeInserted, this, forget);
        connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this, forget);
        connect(source, &QAbstractItemModel::modelAboutToBeReset, this, forget);
        connect(source, &QAbstractItemModel::layoutAboutToBeChanged, this, forget);
        connect(source, &QAbstractItemModel::dataChanged, this, forget);
        setSourceModel(source);
    }

    // False when the words are the same (a blank added): nothing to do.
    bool setSearch(const QString &text)
    {
        QStringList words = SearchText::words(text);
        if (words == m_words)
            return false;
        const bool narrows = !m_kept.empty() && !m_words.isEmpty() && refines(words, m_words);
        m_words = std::move(words);
        m_keyWords = SearchText::keyWords(m_words);
        const int rows = m_grid->rowCount();
        if (m_words.isEmpty()) {
            m_kept.clear();
        } else {
            std::vector<char> kept(size_t(rows), 0);
            int before = 0;
            int now = 0;
            for (int row = 0; row < rows; ++row) {
                if (!narrows || m_kept[size_t(row)]) {
                    ++before;
                    now += kept[size_t(row)] = SearchText::matches(m_grid->searchKey(row), m_keyWords);
                }
            }
            m_kept = std::move(kept);
            // A letter that keeps every row shown (at 100,000 users, most of the
            // first ones: every address holds "example"): the view stays as it is.
            if (narrows && now == before)
                return true;
        }
        // A reset of the mapping, not row-by-row removals: thousands of scattered
        // rows going at once cost the view far more than laying it out again.
        invalidate();
        return true;
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        if (m_words.isEmpty())
            return true;
        if (size_t(row) < m_kept.size())
            return m_kept[size_t(row)];
        return SearchText::matches(m_grid->searchKey(row), m_keyWords);
    }

private:
    // Every row that matches `now` matched `before`: each earlier word lies inside one of the new ones.
    static bool refines(const QStringList &now, const QStringList &before)
    {
        for (const QString &old : before) {
            if (std::none_of(now.cbegin(), now.cend(), [&old](const QString &w) { return w.contains(old); }))
                return false;
        }
        return true;
    }

    PaidUsersModel *m_grid;
    QStringList m_words;
    QList<QByteArray> m_keyWords; // m_words as the keys are searched
    std::vector<char> m_kept; // per source row, for m_words; empty: not worked out
};

// Below this many rows filtering takes no time: it follows every key at once.
constexpr int ImmediateFilterRows = 5000;

} // namespace

PaidUsersPage::PaidUsersPage(SeatLedger &ledger, UsersCache &users, QWidget *parent)
    : QWidget(parent)
    , m_ledger(ledger)
    , m_users(users)
    , m_model(new PaidUsersModel(this))
    , m_proxy(new GridFilter(m_model, this))
    , m_filterDelay(new QTimer(this))
    , m_undo(new QUndoStack(this))
    , m_back(new QToolButton(this))
    , m_title(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_undoButton(new QToolButton(this))
    , m_redoButton(new QToolButton(this))
    , m_notice(new QLabel(this))
    , m_table(new QTableView(this))
    , m_pendingLabel(new QLabel(this))
    , m_purchasedHeader(new QLabel(this))
    , m_assignedHeader(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_cancel(new QPushButton(this))
    , m_save(new QPushButton(this))
{
    setObjectName(QStringLiteral("paidUsersPage"));
    m_back->setObjectName(QStringLiteral("paidUsersBack"));
    m_back->setArrowType(Qt::LeftArrow);
    m_back->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_back->setAutoRaise(true);
    m_title->setObjectName(QStringLiteral("paidUsersTitle"));
    Appearance::makeTitle(m_title);
    m_filter->setObjectName(QStringLiteral("paidUsersFilter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(260);
    m_notice->setObjectName(QStringLiteral("paidUsersNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();

    m_model->setUndoStack(m_undo);
    m_table->setObjectName(QStringLiteral("paidUsersTable"));
    configureLargeTable(m_table, m_proxy, PaidUsersModel::EmailColumn);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    // Shift/Ctrl-click and Ctrl+A select several users; Space then acts on all of them.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->installEventFilter(this);
    // Seat columns as wide as their names, names as wide as the longest one,
    // the rest for e-mail addresses: the whole grid fits the window without
    // scrolling sideways, and a half-empty name column no longer cuts addresses.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setSectionResizeMode(PaidUsersModel::NameColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(PaidUsersModel::EmailColumn, QHeaderView::Stretch);

    QAction *undo = m_undo->createUndoAction(this);
    undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    QAction *redo = m_undo->createRedoAction(this);
    redo->setShortcuts({ QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y) });
    for (QAction *a : { undo, redo })
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addActions({ undo, redo });
    m_undoButton->setObjectName(QStringLiteral("paidUsersUndo"));
    m_redoButton->setObjectName(QStringLiteral("paidUsersRedo"));
    connect(m_undoButton, &QToolButton::clicked, m_undo, &QUndoStack::undo);
    connect(m_redoButton, &QToolButton::clicked, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::canUndoChanged, m_undoButton, &QToolButton::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, m_redoButton, &QToolButton::setEnabled);
    m_undoButton->setEnabled(false);
    m_redoButton->setEnabled(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_back);
    top->addWidget(m_title);
    top->addStretch(1);
    top->addWidget(m_undoButton);
    top->addWidget(m_redoButton);
    top->addWidget(m_filter);

    m_pendingLabel->setObjectName(QStringLiteral("paidUsersPending"));
    // Each count under its column of the grid, the column's header naming it.
    auto *footer = new ColumnFooter(m_table, 2, this);
    footer->setObjectName(QStringLiteral("paidUsersFooter"));
    for (QLabel *title : { m_purchasedHeader, m_assignedHeader })
        title->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    footer->setRowTitle(0, m_purchasedHeader);
    footer->setRowTitle(1, m_assignedHeader);
    for (SeatType type : allSeatTypes()) {
        const int i = seatTypeIndex(type);
        m_purchasedLabels[i] = new QLabel(this);
        m_assignedLabels[i] = new QLabel(this);
        m_purchasedLabels[i]->setObjectName(QStringLiteral("purchased-") + seatTypeKey(type));
        m_assignedLabels[i]->setObjectName(QStringLiteral("assigned-") + seatTypeKey(type));
        for (QLabel *l : { m_purchasedLabels[i], m_assignedLabels[i] }) {
            l->setAlignment(Qt::AlignCenter); // as the check boxes above them
            l->setMinimumWidth(0);
        }
        footer->setCell(0, PaidUsersModel::columnOf(type), m_purchasedLabels[i]);
        footer->setCell(1, PaidUsersModel::columnOf(type), m_assignedLabels[i]);
    }
    m_problem->setObjectName(QStringLiteral("paidUsersProblem"));
    m_problem->setStyleSheet(Appearance::problemStyle());
    m_problem->setWordWrap(true);
    m_problem->setAlignment(Qt::AlignRight);
    m_cancel->setObjectName(QStringLiteral("paidUsersCancel"));
    m_save->setObjectName(QStringLiteral("paidUsersSave"));
    m_save->setDefault(true);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_save);

    auto *bottomRight = new QVBoxLayout;
    bottomRight->addWidget(m_problem);
    bottomRight->addLayout(buttons);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_pendingLabel, 0, Qt::AlignBottom);
    bottom->addStretch(1);
    bottom->addLayout(bottomRight);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_notice);
    layout->addWidget(m_table, 1);
    layout->setSpacing(6);
    layout->addWidget(footer);
    layout->addLayout(bottom);

    setTabOrder(m_back, m_filter);
    setTabOrder(m_filter, m_table);
    setTabOrder(m_table, m_cancel);
    setTabOrder(m_cancel, m_save);

    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(FilterDelayMs);
    connect(m_filterDelay, &QTimer::timeout, this, &PaidUsersPage::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, this, [this] {
        if (m_model->rowCount() < ImmediateFilterRows)
            applyFilter();
        else
            m_filterDelay->start();
    });
    // Escape empties the search (the grid has no panel to close).
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_filter);
    escape->setContext(Qt::WidgetShortcut);
    connect(escape, &QShortcut::activated, m_filter, &QLineEdit::clear);
    connect(m_model, &PaidUsersModel::pendingChanged, this, &PaidUsersPage::updateFooter);
    connect(m_save, &QPushButton::clicked, this, &PaidUsersPage::save);
    connect(m_cancel, &QPushButton::clicked, this, &PaidUsersPage::cancel);
    connect(m_back, &QToolButton::clicked, this, [this] {
        if (maybeLeave())
            emit closeRequested();
    });

    retranslateUi();
}

void PaidUsersPage::applyFilter()
{
    m_filterDelay->stop();
    if (!static_cast<GridFilter *>(m_proxy)->setSearch(m_filter->text()))
        return;
    // The results from their top, or the admin's cell if it is still listed:
    // never left where the previous, longer list was scrolled.
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid())
        m_table->scrollTo(current);
    else
        m_table->scrollToTop();
}

void PaidUsersPage::reload()
{
    if (m_reloading) {
        m_reloadAgain = true; // read once more after the one waiting: it may predate what asked
        return;
    }
    QPointer<PaidUsersPage> alive(this);
    m_reloading = true;
    do {
        m_reloadAgain = false;
        // On a server both on the writer's worker, the window painting meanwhile.
        auto users = m_users.users(this, m_writer);
        if (!alive)
            return;
        auto counts = runRead(m_writer, this, m_ledger, [](const SeatLedger &ledger) { return ledger.seatCounts(); });
        if (!alive)
            return;
        if (!users || !counts) {
            m_notice->setText(!users ? users.error().message : counts.error().message);
            m_notice->setStyleSheet(Appearance::problemStyle());
            m_notice->show();
            break;
        }
        m_undo->clear();
        m_model->reset(users.takeValue(), counts.value(), true);
        fitNames();
        m_loaded = true;
        m_stale = false;
        m_notice->setVisible(m_readOnly);
        m_notice->setStyleSheet(QString());
    } while (m_reloadAgain);
    m_reloading = false;
}

void PaidUsersPage::load()
{
    if (!m_loaded)
        reload();
}

void PaidUsersPage::applyChanges(const SeatLedger::Changes &changes)
{
    if (!m_loaded)
        return; // read whole when first shown
    std::optional<std::array<SeatCount, SeatTypeCount>> counts;
    if (changes.seatCountsChanged) {
        // On a server on the writer's worker; the feed holds back what comes
        // meanwhile, so these changes are still the latest when applied.
        QPointer<PaidUsersPage> alive(this);
        auto read = runRead(m_writer, this, m_ledger, [](const SeatLedger &ledger) { return ledger.seatCounts(); });
        if (!alive)
            return;
        if (read)
            counts = read.value();
    }
    const bool pendingBefore = hasPendingEdits();
    if (!m_model->applyChanges(changes.users, changes.removed, counts)) {
        if (pendingBefore)
            m_stale = true; // keep the admin's work: Save checks it against storage
        else
            reload();
    }
    if (pendingBefore && hasPendingEdits()) {
        // Keep the admin's work; Save will check each edit against the new data (R12).
        m_stale = true;
        retranslateUi();
        m_notice->setStyleSheet(Appearance::problemStyle());
        m_notice->show();
    }
}

void PaidUsersPage::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_model->setReadOnly(readOnly);
    m_notice->setVisible(readOnly || m_stale);
    retranslateUi();
    updateFooter();
}

void PaidUsersPage::setOffline(bool offline)
{
    m_offline = offline;
    updateFooter();
}

bool PaidUsersPage::hasPendingEdits() const
{
    return m_model->pendingCount() > 0;
}

bool PaidUsersPage::maybeLeave()
{
    if (!hasPendingEdits())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Manage paid users"),
                    tr("You have %n unsaved change(s). Save them before leaving?", nullptr, m_model->pendingCount()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("leavePaidUsers"));
    box.button(QMessageBox::Save)->setText(tr("Save"));
    box.button(QMessageBox::Cancel)->setText(tr("Cancel"));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        discardPending();
        return true;
    default:
        return false;
    }
}

bool PaidUsersPage::save()
{
    if (!hasPendingEdits() || m_readOnly || m_offline)
        return !hasPendingEdits();
    const QVector<SeatEdit> edits = m_model->pendingEdits();
    qint64 revision = 0;
    qint64 position = 0;
    const auto saveOn = [&edits, &revision, &position](SeatLedger &ledger) -> Status {
        auto made = ledger.applyEdits(edits);
        revision = ledger.lastChange();
        position = ledger.lastChangePosition();
        return made;
    };
    const QString label = tr("Saving %n change(s)…", nullptr, int(edits.size()));
    const Status s = m_writer                ? m_writer->run(this, label, saveOn)
        : edits.size() < BackgroundSaveEdits ? saveOn(m_ledger)
                                             : runInBackground(this, label, m_ledger, saveOn);
    if (!s) {
        QMessageBox box(QMessageBox::Warning, tr("Manage paid users"), s.error().message, QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("saveRefused"));
        box.exec();
        // Data that changed underneath is shown as it is now; the admin starts again from it.
        if (s.error().kind == ErrorKind::Conflict)
            reload();
        return false;
    }
    // Every edit found what its editor saw (R12), so what was pending is now
    // what is stored; other people's changes come through the feed.
    m_undo->clear();
    m_model->commitPending();
    m_stale = false;
    m_notice->setVisible(m_readOnly);
    m_notice->setStyleSheet(QString());
    emit saved(revision, position, edits);
    return true;
}

void PaidUsersPage::discardPending()
{
    m_undo->clear();
    m_model->discardPending();
    if (m_stale)
        reload(); // what others changed meanwhile is read in full now that no edit waits
}

void PaidUsersPage::cancel()
{
    discardPending();
    emit closeRequested();
}

void PaidUsersPage::updateFooter()
{
    const QLocale locale;
    QStringList problems;
    for (SeatType type : allSeatTypes()) {
        const int i = seatTypeIndex(type);
        const int purchased = m_model->purchased(type);
        const int assigned = m_model->assigned(type);
        m_purchasedLabels[i]->setText(locale.toString(purchased));
        m_assignedLabels[i]->setText(locale.toString(assigned));
        const bool over = assigned > purchased;
        m_assignedLabels[i]->setStyleSheet(over ? Appearance::problemStyle() : QString());
        m_purchasedLabels[i]->setAccessibleName(
            tr("%1 purchased: %2").arg(seatTypeName(type), locale.toString(purchased)));
        m_assignedLabels[i]->setAccessibleName(
            tr("%1 assigned: %2").arg(seatTypeName(type), locale.toString(assigned)));
        if (over)
            problems << tr("Buy %n more %1 seat(s), or clear %n box(es).", nullptr, assigned - purchased)
                            .arg(seatTypeName(type));
    }
    m_problem->setText(problems.join(QLatin1Char('\n')));
    m_problem->setVisible(!problems.isEmpty());
    const int pending = m_model->pendingCount();
    m_pendingLabel->setText(pending ? tr("%n unsaved change(s)", nullptr, pending) : QString());
    m_save->setEnabled(!m_readOnly && !m_offline && pending > 0 && problems.isEmpty());
    m_save->setToolTip(m_offline && pending > 0
                           ? tr("Offline: your changes are kept, and can be saved once the server is back.")
                           : QString());
    m_cancel->setEnabled(true);
}

void PaidUsersPage::fitNames()
{
    fitColumnToContents(m_table, PaidUsersModel::NameColumn, m_table->fontMetrics().averageCharWidth() * 28);
}

void PaidUsersPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PaidUsersPage::retranslateUi()
{
    // "&" would become a mnemonic underline on a button: double it for display.
    m_back->setText(tr("Users & Teams").replace(QLatin1Char('&'), QLatin1String("&&")));
    m_back->setAccessibleName(tr("Users & Teams"));
    m_title->setText(tr("Manage paid users"));
    m_filter->setPlaceholderText(tr("Search by name or email"));
    m_filter->setAccessibleName(tr("Search by name or email"));
    m_undoButton->setText(tr("Undo"));
    m_undoButton->setAccessibleName(m_undoButton->text());
    m_undoButton->setToolTip(tr("Undo the last tick (Ctrl+Z)"));
    m_redoButton->setText(tr("Redo"));
    m_redoButton->setAccessibleName(m_redoButton->text());
    m_redoButton->setToolTip(tr("Redo (Ctrl+Shift+Z)"));
    m_table->setAccessibleName(tr("Manage paid users"));
    m_purchasedHeader->setText(tr("Purchased", "seat count"));
    m_assignedHeader->setText(tr("Assigned", "seat count"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAccessibleName(m_cancel->text());
    m_save->setText(tr("Save"));
    m_save->setAccessibleName(m_save->text());
    if (m_stale)
        m_notice->setText(tr("Seats changed in another window since this list was loaded. Save checks each of your "
                             "changes against the new data; Cancel shows it."));
    else if (m_readOnly && m_ledger.untiedLogin())
        m_notice->setText(m_ledger.untiedLoginMessage());
    else if (m_readOnly)
        m_notice->setText(tr("You are signed in as %1, a User: you can see the seats but only a Super admin or an "
                             "Admin can change them.")
                              .arg(m_ledger.actor()));
    m_model->retranslate();
    QHeaderView *header = m_table->horizontalHeader();
    for (SeatType type : allSeatTypes()) {
        const int column = PaidUsersModel::columnOf(type);
        header->resizeSection(column, header->sectionSizeHint(column));
    }
    fitNames();
    updateFooter();
}

bool PaidUsersPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_table || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const QModelIndex current = m_table->currentIndex();
    if (key->key() != Qt::Key_Space || key->modifiers() != Qt::NoModifier || !current.isValid()
        || current.column() < PaidUsersModel::FirstSeatColumn)
        return QWidget::eventFilter(watched, event);
    QVector<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedIndexes()) {
        const int row = m_proxy->mapToSource(index).row();
        if (!rows.contains(row))
            rows.append(row);
    }
    if (rows.size() < 2)
        return QWidget::eventFilter(watched, event);
    const SeatType type = PaidUsersModel::typeOfColumn(current.column());
    const Product product = productOf(type);
    bool allHold = true;
    for (int row : rows)
        allHold = allHold && m_model->seatAt(row, product) == type;
    m_model->setSeatForRows(rows, type, !allHold);
    return true;
}
