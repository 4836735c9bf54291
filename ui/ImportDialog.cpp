#include "ImportDialog.h"

#include "BackgroundWork.h"
#include "SeatLedger.h"

#include <memory>
#include <QEvent>
#include <QEventLoop>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

ImportDialog::ImportDialog(SeatLedger &ledger, ImportFile file, ServerWriter *writer, QWidget *parent)
    : QDialog(parent)
    , m_ledger(ledger)
    , m_writer(writer)
    , m_file(std::move(file))
    , m_summary(new QLabel(this))
    , m_problems(new QTableWidget(this))
    , m_progress(new QProgressBar(this))
    , m_buy(new QPushButton(this))
    , m_import(new QPushButton(this))
    , m_cancel(new QPushButton(this))
{
    setObjectName(QStringLiteral("importDialog"));
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_problems->setObjectName(QStringLiteral("importProblems"));
    m_problems->setColumnCount(2);
    m_problems->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problems->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_problems->verticalHeader()->hide();
    m_problems->horizontalHeader()->setStretchLastSection(true);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->hide();
    m_buy->setObjectName(QStringLiteral("importBuy"));
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("importCancel"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_buy);
    buttons->addStretch(1);
    buttons->addWidget(m_import);
    buttons->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_problems, 1);
    layout->addWidget(m_progress);
    layout->addLayout(buttons);
    resize(640, 420);

    connect(m_buy, &QPushButton::clicked, this, &ImportDialog::buyShortSeats);
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::runImport);
    connect(m_cancel, &QPushButton::clicked, this, &ImportDialog::reject);
    refreshPreview();
}

void ImportDialog::refreshPreview()
{
    // Built but not shown yet, the dialog cannot show the wait: its parent, in
    // the window, does.
    QWidget *busyParent = isVisible() || !parentWidget() ? this : parentWidget();
    const ImportFile file = m_file; // the worker's own (shared, not copied): this dialog may go meanwhile
    QPointer<ImportDialog> alive(this);
    // As the operator: what their role may do is part of the Preview.
    auto preview = runRead(
        m_writer, busyParent, m_ledger, [&file](const SeatLedger &ledger) { return ledger.previewImport(file); }, true);
    if (!alive)
        return;
    m_previewError = preview ? QString() : preview.error().message;
    if (preview)
        m_preview = preview.takeValue();
    retranslateUi();
}

void ImportDialog::buyShortSeats()
{
    QVector<std::pair<SeatType, int>> toBuy;
    for (SeatType type : allSeatTypes()) {
        if (const int buy = m_preview.toBuy(type))
            toBuy.append({ type, buy });
    }
    // Not clicked twice while the server answers (the click would wait, then buy again).
    m_buy->setEnabled(false);
    m_import->setEnabled(false);
    QPointer<ImportDialog> alive(this);
    const Status bought
        = runWrite(m_writer, this, tr("Buying seats…"), m_ledger, [&toBuy](SeatLedger &ledger) -> Status {
              for (const auto &[type, count] : toBuy) {
                  if (auto one = ledger.buySeats(type, count); !one)
                      return one.error();
              }
              return {};
          });
    if (!alive)
        return;
    if (!bought)
        QMessageBox::warning(this, windowTitle(), bought.error().message);
    if (alive)
        refreshPreview(); // enables the buttons again, as the seats now stand
}

void ImportDialog::runImport()
{
    m_running = true;
    m_cancelled = false;
    m_import->setEnabled(false);
    m_buy->setEnabled(false);
    m_progress->setRange(0, 0);
    m_progress->show();
    // On a worker with its own connection (a connection belongs to its thread).
    QPointer<QProgressBar> bar = m_progress;
    Result<SeatLedger::ImportDone> result = Error { ErrorKind::Storage, QString() };
    std::unique_ptr<QThread> thread(QThread::create([&] {
        auto worker = m_ledger.openAnother();
        if (!worker) {
            result = worker.error();
            return;
        }
        result = worker.value()->importUsers(m_file, [&](int done, int total) {
            QMetaObject::invokeMethod(
                bar,
                [bar, done, total] {
                    if (bar) {
                        bar->setRange(0, total);
                        bar->setValue(done);
                    }
                },
                Qt::QueuedConnection);
            return !m_cancelled.load();
        });
    }));
    QEventLoop loop;
    connect(thread.get(), &QThread::finished, &loop, &QEventLoop::quit);
    thread->start();
    loop.exec();
    thread->wait();
    m_running = false;
    m_progress->hide();
    if (!result) {
        QMessageBox::warning(this, windowTitle(), result.error().message);
        refreshPreview();
        return;
    }
    m_outcome = tr("Imported: %n user(s) created", nullptr, result.value().created)
        + tr(", %n changed.", nullptr, result.value().changed);
    accept();
}

void ImportDialog::reject()
{
    if (m_running) {
        m_cancelled = true; // the worker stops at its next step and rolls back
        return;
    }
    QDialog::reject();
}

void ImportDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ImportDialog::retranslateUi()
{
    setWindowTitle(tr("Import users"));
    setAccessibleName(windowTitle());
    // The bad rows are in the table below; the summary says the rest.
    ImportPreview rest = m_preview;
    const int bad = int(rest.problems.size());
    rest.problems.clear();
    QString summary = tr("Preview") + QLatin1Char('\n');
    if (bad > 0)
        summary
            += tr("%n bad row(s); nothing will be imported until they are fixed.", nullptr, bad) + QLatin1Char('\n');
    summary += ImportPlanner::summary(rest);
    m_summary->setText(m_previewError.isEmpty() ? summary : m_previewError);
    m_summary->setAccessibleName(m_summary->text());
    m_problems->setHorizontalHeaderLabels({ tr("Line"), tr("Reason") });
    m_problems->setAccessibleName(tr("Bad rows"));
    m_problems->setRowCount(int(m_preview.problems.size()));
    for (int i = 0; i < m_preview.problems.size(); ++i) {
        m_problems->setItem(i, 0, new QTableWidgetItem(QString::number(m_preview.problems.at(i).line)));
        m_problems->setItem(i, 1, new QTableWidgetItem(m_preview.problems.at(i).message));
    }
    m_problems->setVisible(!m_preview.problems.isEmpty());
    int toBuy = 0;
    for (SeatType type : allSeatTypes())
        toBuy += m_preview.toBuy(type);
    m_buy->setText(tr("Buy %n seat(s)", nullptr, toBuy));
    m_buy->setAccessibleName(m_buy->text());
    m_buy->setVisible(toBuy > 0 && m_preview.problems.isEmpty());
    m_buy->setEnabled(!m_running);
    m_import->setText(tr("Import"));
    m_import->setAccessibleName(m_import->text());
    m_import->setEnabled(!m_running && m_previewError.isEmpty() && m_preview.canImport()
                         && (!m_preview.toCreate.isEmpty() || !m_preview.toChange.isEmpty()));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAccessibleName(m_cancel->text());
    m_progress->setAccessibleName(tr("Import"));
}
