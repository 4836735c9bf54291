#pragma once

#include "SeatLedger.h"

#include <QWidget>

class HistoryModel;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;
class ServerWriter;

// The History sidebar page: the ledger as a table, newest first — when (local
// time), who, what in words, for whom, before → after — narrowed by user,
// operator, action and dates. Rows are read a page at a time as the table
// scrolls (HistoryModel), so it opens as fast at a million entries as at ten.
class HistoryPage : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryPage(SeatLedger &ledger, QWidget *parent = nullptr);

    HistoryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // Reads the first page with the filters as they stand (on opening the page).
    void load();
    // One user's history: the user filter set to exactly that address, the others cleared.
    void showUser(const QString &email);
    // The filters as typed, applied now rather than after the typing pause.
    void applyFilters();
    // New entries in the ledger (the change feed moved), or a replaced database.
    void readNew();
    void reload();
    // On a server: the pages and the export are read on this worker.
    void setWriter(ServerWriter *writer);
    // "Export…": the entries the filters match, oldest first, as CSV
    // (LedgerCsv, the same file as `seatctl export ledger`).
    Status exportTo(const QString &path, bool forExcel);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void clearFilters();
    void showState();
    void exportHistory();

    SeatLedger &m_ledger;
    ServerWriter *m_writer = nullptr;
    HistoryModel *m_model;
    bool m_loaded = false;
    QString m_exactUser; // the address a user's panel asked for: matched exactly
    QLabel *m_title;
    QLabel *m_userLabel;
    QLineEdit *m_user;
    QLabel *m_operatorLabel;
    QLineEdit *m_operator;
    QLabel *m_actionLabel;
    QComboBox *m_action;
    QLabel *m_fromLabel;
    QDateEdit *m_from;
    QLabel *m_toLabel;
    QDateEdit *m_to;
    QPushButton *m_clear;
    QPushButton *m_export;
    QTableView *m_table;
    QLabel *m_empty;
    QTimer *m_typing;
};
