#pragma once

#include <QObject>

class QTimer;
class SeatLedger;

// Notices changes made by another window, process or admin on the same database
// (R12) by polling the ledger's revision, which every committed change raises.
class LedgerWatcher : public QObject
{
    Q_OBJECT

public:
    explicit LedgerWatcher(SeatLedger &ledger, QObject *parent = nullptr, int intervalMs = 1000);

    // Our own change has been committed: take the new revision as seen.
    void acknowledge();
    // Looks now rather than at the next tick.
    void checkNow();

signals:
    void changedElsewhere();

private:
    SeatLedger &m_ledger;
    QTimer *m_timer;
    qint64 m_seen = -1;
};
