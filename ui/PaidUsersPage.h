#pragma once

class UsersCache;

#include "SeatLedger.h"
#include "SeatType.h"

#include <array>
#include <QWidget>

class PaidUsersModel;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTimer;
class QTableView;
class QToolButton;
class QUndoStack;
class ServerWriter;

// Users & Teams ▸ Actions ▸ Manage paid users: the grid of users × seat types,
// with the purchased and assigned counts at the bottom right.
class PaidUsersPage : public QWidget
{
    Q_OBJECT

public:
    PaidUsersPage(SeatLedger &ledger, UsersCache &users, QWidget *parent = nullptr);

    // From this many edits on, Save runs on a worker thread behind a progress dialog.
    static constexpr int BackgroundSaveEdits = 1000;

    // Fresh data from the ledger; pending edits are dropped. On a server read
    // on the writer's worker; one asked for while a reload waits runs once after it.
    void reload();
    // Fresh data unless it was read already (the change feed keeps it up to date).
    void load();
    // Rows that changed (from the change feed), here or elsewhere: only those
    // are updated; pending edits stay, and Save checks them (R12).
    void applyChanges(const SeatLedger::Changes &changes);
    void setReadOnly(bool readOnly);
    // On a server: Save runs on this worker (null: here, or on a worker of its own when large).
    void setWriter(ServerWriter *writer) { m_writer = writer; }
    // The server cannot be reached: edits go on and stay pending; Save waits
    // until it is back.
    void setOffline(bool offline);
    bool hasPendingEdits() const;
    // Asks what to do with pending edits before the page is left. False: stay.
    bool maybeLeave();
    bool save();

    PaidUsersModel *model() const { return m_model; }
    // Typing in the search waits this long for the next key before filtering, so
    // a name typed quickly filters 100,000 rows once, not once per letter.
    static constexpr int FilterDelayMs = 120;
    // Filters now by what the search field holds (the delay cut short).
    void applyFilter();

signals:
    void closeRequested();
    // A Save was committed: the revision it made, the feed position of its last
    // entry, and its edits (so other views show them without reading them back).
    void saved(qint64 revision, qint64 position, const QVector<SeatEdit> &edits);

protected:
    void changeEvent(QEvent *event) override;
    // Space on a seat column with several rows selected ticks (or clears) it for all of them.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslateUi();
    void updateFooter();
    void fitNames();
    void cancel();
    void discardPending();

    SeatLedger &m_ledger;
    ServerWriter *m_writer = nullptr;
    UsersCache &m_users;
    PaidUsersModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTimer *m_filterDelay;
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
    std::array<QLabel *, SeatTypeCount> m_purchasedLabels {};
    std::array<QLabel *, SeatTypeCount> m_assignedLabels {};
    QLabel *m_problem;
    QPushButton *m_cancel;
    QPushButton *m_save;
    bool m_readOnly = false;
    bool m_offline = false;
    bool m_stale = false; // other people's changes arrived while edits were pending
    bool m_loaded = false;
    bool m_reloading = false; // a reload() waits on the writer's worker
    bool m_reloadAgain = false; // and another was asked for meanwhile
};
