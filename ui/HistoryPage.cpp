#include "HistoryPage.h"

#include "BackgroundWork.h"
#include "DataFiles.h"
#include "HistoryModel.h"
#include "Language.h"
#include "LedgerCsv.h"
#include "LedgerText.h"

#include <algorithm>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace {

// A date edit at its minimum shows "Any": no bound on that side.
const QDate NoDate(2000, 1, 1);

QDateEdit *dateEdit(QWidget *parent, const QString &name)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(name);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(NoDate);
    edit->setDate(NoDate);
    return edit;
}

} // namespace

HistoryPage::HistoryPage(SeatLedger &ledger, QWidget *parent)
    : QWidget(parent)
    , m_ledger(ledger)
    , m_model(new HistoryModel(ledger, this))
    , m_title(new QLabel(this))
    , m_userLabel(new QLabel(this))
    , m_user(new QLineEdit(this))
    , m_operatorLabel(new QLabel(this))
    , m_operator(new QLineEdit(this))
    , m_actionLabel(new QLabel(this))
    , m_action(new QComboBox(this))
    , m_fromLabel(new QLabel(this))
    , m_from(dateEdit(this, QStringLiteral("historyFrom")))
    , m_toLabel(new QLabel(this))
    , m_to(dateEdit(this, QStringLiteral("historyTo")))
    , m_clear(new QPushButton(this))
    , m_export(new QPushButton(this))
    , m_table(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_typing(new QTimer(this))
{
    setObjectName(QStringLiteral("historyPage"));
    m_title->setObjectName(QStringLiteral("historyTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_user->setObjectName(QStringLiteral("historyUser"));
    m_user->setClearButtonEnabled(true);
    m_operator->setObjectName(QStringLiteral("historyOperator"));
    m_operator->setClearButtonEnabled(true);
    m_action->setObjectName(QStringLiteral("historyAction"));
    m_clear->setObjectName(QStringLiteral("historyClear"));
    m_export->setObjectName(QStringLiteral("historyExport"));
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_empty->setObjectName(QStringLiteral("historyEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->hide();
    for (const auto &[label, buddy] : { std::pair<QLabel *, QWidget *> { m_userLabel, m_user },
                                        { m_operatorLabel, m_operator },
                                        { m_actionLabel, m_action },
                                        { m_fromLabel, m_from },
                                        { m_toLabel, m_to } })
        label->setBuddy(buddy);
    m_action->addItem(QString()); // all actions
    for (const QString &action : LedgerText::actions())
        m_action->addItem(QString(), action);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Uniform rows: the view never measures the rows it does not show.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(HistoryModel::When, 150);
    m_table->setColumnWidth(HistoryModel::Who, 200);
    m_table->setColumnWidth(HistoryModel::What, 380);
    m_table->setColumnWidth(HistoryModel::ForWhom, 200);

    auto *filters = new QGridLayout;
    filters->addWidget(m_userLabel, 0, 0);
    filters->addWidget(m_user, 1, 0);
    filters->addWidget(m_operatorLabel, 0, 1);
    filters->addWidget(m_operator, 1, 1);
    filters->addWidget(m_actionLabel, 0, 2);
    filters->addWidget(m_action, 1, 2);
    filters->addWidget(m_fromLabel, 0, 3);
    filters->addWidget(m_from, 1, 3);
    filters->addWidget(m_toLabel, 0, 4);
    filters->addWidget(m_to, 1, 4);
    filters->addWidget(m_clear, 1, 5);
    filters->addWidget(m_export, 1, 6);
    filters->setColumnStretch(0, 2);
    filters->setColumnStretch(1, 2);
    filters->setColumnStretch(2, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty, 1);
    setTabOrder(m_user, m_operator);
    setTabOrder(m_operator, m_action);
    setTabOrder(m_action, m_from);
    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_clear);
    setTabOrder(m_clear, m_export);
    setTabOrder(m_export, m_table);

    // Typing narrows after a pause, not at every key; choices apply at once.
    m_typing->setSingleShot(true);
    m_typing->setInterval(250);
    connect(m_typing, &QTimer::timeout, this, &HistoryPage::applyFilters);
    connect(m_user, &QLineEdit::textEdited, m_typing, qOverload<>(&QTimer::start));
    connect(m_operator, &QLineEdit::textEdited, m_typing, qOverload<>(&QTimer::start));
    connect(m_user, &QLineEdit::returnPressed, this, &HistoryPage::applyFilters);
    connect(m_operator, &QLineEdit::returnPressed, this, &HistoryPage::applyFilters);
    connect(m_action, qOverload<int>(&QComboBox::activated), this, &HistoryPage::applyFilters);
    connect(m_from, &QDateEdit::dateChanged, this, &HistoryPage::applyFilters);
    connect(m_to, &QDateEdit::dateChanged, this, &HistoryPage::applyFilters);
    connect(m_clear, &QPushButton::clicked, this, &HistoryPage::clearFilters);
    connect(m_export, &QPushButton::clicked, this, &HistoryPage::exportHistory);
    connect(m_model, &HistoryModel::loaded, this, &HistoryPage::showState);
    retranslateUi();
}

void HistoryPage::load()
{
    if (!m_loaded)
        applyFilters();
}

void HistoryPage::applyFilters()
{
    m_typing->stop();
    LedgerFilter filter;
    filter.user = m_user->text().trimmed();
    if (!m_exactUser.isEmpty() && filter.user == m_exactUser)
        filter.userMatch = LedgerFilter::Match::Exact;
    filter.actor = m_operator->text().trimmed();
    filter.action = m_action->currentData().toString();
    // Whole days of local time: from the start of the first to the end of the last.
    if (m_from->date() != NoDate)
        filter.from = m_from->date().startOfDay();
    if (m_to->date() != NoDate)
        filter.to = m_to->date().addDays(1).startOfDay();
    m_loaded = true;
    m_model->setFilter(filter);
}

void HistoryPage::showUser(const QString &email)
{
    m_exactUser = email;
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_user->setText(email);
    m_operator->clear();
    m_action->setCurrentIndex(0);
    m_from->setDate(NoDate);
    m_to->setDate(NoDate);
    applyFilters();
}

void HistoryPage::clearFilters()
{
    m_exactUser.clear();
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_user->clear();
    m_operator->clear();
    m_action->setCurrentIndex(0);
    m_from->setDate(NoDate);
    m_to->setDate(NoDate);
    applyFilters();
}

void HistoryPage::readNew()
{
    if (m_loaded)
        m_model->readNew();
}

void HistoryPage::reload()
{
    if (m_loaded)
        m_model->reload();
}

void HistoryPage::setWriter(ServerWriter *writer)
{
    m_writer = writer;
    m_model->setWriter(writer, this);
}

void HistoryPage::exportHistory()
{
    applyFilters(); // what is typed, even within the typing pause
    QDialog choice(this);
    choice.setObjectName(QStringLiteral("historyExportDialog"));
    choice.setWindowTitle(tr("Export history"));
    auto *forExcel = new QCheckBox(tr("For Excel"), &choice);
    forExcel->setObjectName(QStringLiteral("historyExportForExcel"));
    forExcel->setAccessibleName(forExcel->text());
    forExcel->setChecked(true);
    auto *buttons = new QDialogButtonBox(&choice);
    QPushButton *ok = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("historyExportButton"));
    ok->setAccessibleName(ok->text());
    ok->setDefault(true);
    QPushButton *cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("historyExportCancel"));
    cancel->setAccessibleName(cancel->text());
    auto *layout = new QVBoxLayout(&choice);
    layout->addWidget(forExcel);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &choice, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &choice, &QDialog::reject);
    if (choice.exec() != QDialog::Accepted)
        return;

    QFileDialog dialog(this, tr("Export history"));
    dialog.setObjectName(QStringLiteral("historyExportFileDialog"));
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("csv"));
    dialog.selectFile(QStringLiteral("history.csv"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    if (Status s = exportTo(dialog.selectedFiles().first(), forExcel->isChecked()); !s)
        QMessageBox::warning(this, tr("Export history"), s.error().message);
}

Status HistoryPage::exportTo(const QString &path, bool forExcel)
{
    // Page by page, newest first as the ledger serves the filter; the file
    // oldest first. On a server read on the writer's worker, the window painting.
    const LedgerFilter filter = m_model->filter();
    const QString database = m_ledger.path(); // this page may go while the worker reads
    auto read = runRead(m_writer, this, m_ledger, [&filter](const SeatLedger &ledger) -> Result<QVector<LedgerEntry>> {
        QVector<LedgerEntry> entries;
        qint64 before = 0;
        for (;;) {
            auto page = ledger.entriesPage(filter, before, 5000);
            if (!page)
                return page.error();
            if (page.value().isEmpty())
                break;
            entries += page.value();
            before = page.value().last().id;
            if (page.value().size() < 5000)
                break;
        }
        return entries;
    });
    if (!read)
        return read.error();
    QVector<LedgerEntry> entries = read.takeValue();
    std::reverse(entries.begin(), entries.end());
    return DataFiles::write(path, LedgerCsv::write(entries, { forExcel, Language::current() }), database);
}

void HistoryPage::showState()
{
    const bool none = m_model->rowCount() == 0;
    m_table->setVisible(!none);
    m_empty->setVisible(none);
    if (!none)
        return;
    QString text;
    if (!m_model->problem().isEmpty())
        text = m_model->problem();
    else if (m_model->filter().isEmpty())
        text = tr("No change has been recorded yet.");
    else
        text = tr("No change matches these filters.");
    m_empty->setText(text);
    m_empty->setAccessibleName(text);
}

void HistoryPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void HistoryPage::retranslateUi()
{
    m_title->setText(tr("History"));
    m_userLabel->setText(tr("User"));
    m_user->setAccessibleName(tr("User"));
    m_user->setPlaceholderText(tr("Email address"));
    m_operatorLabel->setText(tr("Operator"));
    m_operator->setAccessibleName(tr("Operator"));
    m_operator->setPlaceholderText(tr("Email address"));
    m_actionLabel->setText(tr("Action"));
    m_action->setAccessibleName(tr("Action"));
    m_action->setItemText(0, tr("All actions"));
    for (int i = 1; i < m_action->count(); ++i)
        m_action->setItemText(i, LedgerText::actionName(m_action->itemData(i).toString()));
    m_fromLabel->setText(tr("From"));
    m_from->setAccessibleName(tr("From"));
    m_from->setSpecialValueText(tr("Any date"));
    // Dates as the language writes them.
    for (QDateEdit *edit : { m_from, m_to })
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_toLabel->setText(tr("To"));
    m_to->setAccessibleName(tr("To"));
    m_to->setSpecialValueText(tr("Any date"));
    m_clear->setText(tr("Clear filters"));
    m_clear->setAccessibleName(tr("Clear filters"));
    m_export->setText(tr("Export…"));
    m_export->setAccessibleName(tr("Export…"));
    m_table->setAccessibleName(tr("History"));
    m_model->retranslate();
    if (m_empty->isVisible())
        showState();
}
