#pragma once

#include "SeatType.h"

#include <array>
#include <QWidget>

class LedgerWatcher;
class PaidUsersModel;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;
class QUndoStack;
class SeatLedger;

// Users & Teams ▸ Actions ▸ Manage paid users: the grid of users × seat types,
// with the purchased and assigned counts at the bottom right.
class PaidUsersPage : public QWidget
{
    Q_OBJECT

public:
    PaidUsersPage(SeatLedger &ledger, LedgerWatcher &watcher, QWidget *parent = nullptr);

    // From this many edits on, Save runs on a worker thread behind a progress dialog.
    static constexpr int BackgroundSaveEdits = 1000;

    // Fresh data from the ledger; pending edits are dropped.
    void reload();
    // The data changed in another window or process.
    void changedElsewhere();
    void setReadOnly(bool readOnly);
    bool hasPendingEdits() const;
    // Asks what to do with pending edits before the page is left. False: stay.
    bool maybeLeave();
    bool save();

    PaidUsersModel *model() const { return m_model; }

signals:
    void closeRequested();
    void saved();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateFooter();
    void cancel();

    SeatLedger &m_ledger;
    LedgerWatcher &m_watcher;
    PaidUsersModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QUndoStack *m_undo;
    QToolButton *m_back;
    QLabel *m_title;
    QLineEdit *m_filter;
    QToolButton *m_undoButton;
    QToolButton *m_redoButton;
    QLabel *m_notice;
    QTableView *m_table;
    QLabel *m_pendingLabel;
    QLabel *m_purchasedHeader;
    QLabel *m_assignedHeader;
    std::array<QLabel *, SeatTypeCount> m_typeLabels {};
    std::array<QLabel *, SeatTypeCount> m_purchasedLabels {};
    std::array<QLabel *, SeatTypeCount> m_assignedLabels {};
    QLabel *m_problem;
    QPushButton *m_cancel;
    QPushButton *m_save;
    bool m_readOnly = false;
    bool m_stale = false;
    qint64 m_loadedRevision = -1;
};
