#include "LedgerWatcher.h"

#include <QTimer>

LedgerWatcher::LedgerWatcher(SeatLedger &ledger, QObject *parent, int intervalMs)
    : QObject(parent)
    , m_ledger(ledger)
    , m_timer(new QTimer(this))
{
    // Read before the views read their rows: anything after it reaches them.
    if (auto position = m_ledger.feedPosition())
        m_position = position.value();
    if (auto revision = m_ledger.revision())
        m_seen = revision.value();
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &LedgerWatcher::checkNow);
    m_timer->start();
}

void LedgerWatcher::acknowledge(qint64 revision, qint64 position)
{
    if (revision == m_seen + 1 && position > m_position) {
        m_seen = revision;
        m_position = position;
        return;
    }
    checkNow();
}

void LedgerWatcher::setInterval(int intervalMs)
{
    m_timer->setInterval(intervalMs);
}

void LedgerWatcher::checkNow()
{
    if (m_paused)
        return;
    auto revision = m_ledger.revision();
    if (!revision || revision.value() == m_seen)
        return; // a locked database is tried again at the next tick
    auto changes = m_ledger.changesSince(m_position);
    if (!changes)
        return;
    m_seen = revision.value();
    m_position = changes.value().position;
    if (changes.value().replaced || changes.value().many)
        emit reloadNeeded();
    else if (changes.value().entries > 0)
        emit changed(changes.value());
}
