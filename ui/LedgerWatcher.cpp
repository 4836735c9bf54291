#include "LedgerWatcher.h"

#include "BackgroundWork.h"
#include "ServerLink.h"

#include <QCoreApplication>
#include <QTimer>
#include <QWidget>

LedgerWatcher::LedgerWatcher(SeatLedger &ledger, QObject *parent, int intervalMs, std::optional<FeedMark> start)
    : QObject(parent)
    , m_ledger(ledger)
    , m_timer(new QTimer(this))
{
    if (start) {
        m_position = start->position;
        m_seen = start->revision;
    } else {
        // Read before the views read their rows: anything after it reaches them.
        if (auto position = m_ledger.feedPosition())
            m_position = position.value();
        if (auto revision = m_ledger.revision())
            m_seen = revision.value();
    }
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

void LedgerWatcher::catchUp(ServerWriter *writer)
{
    if (!m_link || !writer)
        return checkNow();
    const qint64 from = m_position;
    SeatLedger::Changes read;
    const Status s = writer->run(qobject_cast<QWidget *>(parent()),
                                 QCoreApplication::translate("BackgroundWork", "Loading users…"),
                                 [from, &read](SeatLedger &ledger) -> Status {
                                     auto changes = ledger.changesSince(from);
                                     if (!changes)
                                         return changes.error();
                                     read = changes.takeValue();
                                     return {};
                                 });
    if (s)
        apply(read);
    else
        m_link->lookNow(); // the link's worker tries, and delivers when it can
}

void LedgerWatcher::holdWhileBusy(ServerWriter *writer)
{
    m_busy = writer;
    // Queued: handed on from the event loop, not from inside the call that ended.
    connect(writer, &ServerWriter::idle, this, &LedgerWatcher::applyHeld, Qt::QueuedConnection);
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
    // In the order read: each read of the feed goes on from the one before.
    m_held.append(changes);
    applyHeld();
}

void LedgerWatcher::applyHeld()
{
    // Not while a view is being read (nor from inside a view's own handling
    // of the changes before): the loop below, or idle(), hands them on after.
    if (m_applying)
        return;
    m_applying = true;
    while (!m_held.isEmpty() && !(m_busy && m_busy->busy()))
        applyNow(m_held.takeFirst());
    m_applying = false;
}

void LedgerWatcher::applyNow(const SeatLedger::Changes &changes)
{
    // On a server, reads come from two workers (the link's, and the writer's
    // after this window's own change): one read no further than what is
    // applied already brings nothing new. A later one brings every row it
    // touched as stored at its reading, newer than what came before.
    if (m_link && !changes.replaced && changes.position <= m_position)
        return;
    m_position = changes.position;
    if (changes.replaced || changes.many)
        emit reloadNeeded();
    else if (changes.entries > 0)
        emit changed(changes);
}
