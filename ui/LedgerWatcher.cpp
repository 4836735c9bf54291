#include "LedgerWatcher.h"

#include "SeatLedger.h"

#include <QTimer>

LedgerWatcher::LedgerWatcher(SeatLedger &ledger, QObject *parent, int intervalMs)
    : QObject(parent)
    , m_ledger(ledger)
    , m_timer(new QTimer(this))
{
    acknowledge();
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &LedgerWatcher::checkNow);
    m_timer->start();
}

void LedgerWatcher::acknowledge()
{
    if (auto r = m_ledger.revision())
        m_seen = r.value();
}

void LedgerWatcher::checkNow()
{
    auto r = m_ledger.revision();
    if (!r || r.value() == m_seen)
        return; // a locked database is tried again at the next tick
    m_seen = r.value();
    emit changedElsewhere();
}
