#include "LedgerWatcher.h"

#include "ServerLink.h"

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

void LedgerWatcher::follow(ServerLink *link)
{
    m_link = link;
    m_timer->stop(); // the link's heartbeat is the fallback
    connect(link, &ServerLink::changed, this, &LedgerWatcher::apply);
}

void LedgerWatcher::acknowledge(qint64 revision, qint64 position)
{
    if (m_link) {
        // The link reads the feed on from where it stopped; this change comes
        // back through it, and applying a row as it is stored twice is harmless.
        m_link->lookNow();
        return;
    }
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
    if (m_link) {
        m_link->lookNow(); // read on its worker; it comes back through apply()
        return;
    }
    if (m_paused)
        return;
    auto revision = m_ledger.revision();
    if (!revision || revision.value() == m_seen)
        return; // a locked database is tried again at the next tick
    auto changes = m_ledger.changesSince(m_position);
    if (!changes)
        return;
    m_seen = revision.value();
    apply(changes.value());
}

void LedgerWatcher::apply(const SeatLedger::Changes &changes)
{
    m_position = changes.position;
    if (changes.replaced || changes.many)
        emit reloadNeeded();
    else if (changes.entries > 0)
        emit changed(changes);
}
