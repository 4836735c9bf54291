#pragma once

#include "ImportPreview.h"
#include "UserCsv.h"

#include <atomic>
#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class SeatLedger;
class ServerWriter;

// Actions ▸ Import users, once the file is read: the Preview (every bad row
// with its line and reason, the users to create and change, the seats needed
// against those free, Buy when short), then Import: one transaction on a
// worker thread, with a progress bar and Cancel (R15: all or nothing).
// On a server the Preview's reads and Buy run on the window's `writer`
// (BackgroundWork.h): the window keeps painting while the server answers.
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    ImportDialog(SeatLedger &ledger, ImportFile file, ServerWriter *writer, QWidget *parent = nullptr);

    // What the import did, for the status bar (empty until it is done).
    const QString &outcome() const { return m_outcome; }

public slots:
    // Escape or closing the window while importing cancels the import (rolled back), as Cancel does.
    void reject() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refreshPreview();
    void buyShortSeats();
    void runImport();
    void retranslateUi();

    SeatLedger &m_ledger;
    ServerWriter *m_writer; // none on a file
    ImportFile m_file;
    ImportPreview m_preview;
    QString m_previewError;
    QLabel *m_summary;
    QTableWidget *m_problems;
    QProgressBar *m_progress;
    QPushButton *m_buy;
    QPushButton *m_import;
    QPushButton *m_cancel;
    bool m_running = false;
    std::atomic_bool m_cancelled { false };
    QString m_outcome;
};
