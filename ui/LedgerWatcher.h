#pragma once

#include "SeatLedger.h"
#include "WindowStart.h"

#include <QObject>

class QTimer;
class ServerLink;
class ServerWriter;

// Keeps the views in step with the database (R12): polls the ledger's revision,
// which every committed change raises, and reads the change feed when it moved
// — changes made elsewhere (another window, process or admin) and this window's
// own alike — so the views update only the rows a change touched.
class LedgerWatcher : public QObject
{
    Q_OBJECT

public:
    // `start`: where the feed stood when the views were read (on a worker),
    // if it was; else it is read now.
    explicit LedgerWatcher(SeatLedger &ledger, QObject *parent = nullptr, int intervalMs = 1000,
                           std::optional<FeedMark> start = std::nullopt);

    // Looks now rather than at the next tick.
    void checkNow();
    // On a server: the link's worker reads the feed (the window's thread never
    // waits on the network); this only hands on what it read.
    void follow(ServerLink *link);
    // On a server, after this window's own change: the feed read at once on
    // the writer's worker (the window painting meanwhile), so the change is
    // listed when the action returns. Elsewhere the same as checkNow().
    void catchUp(ServerWriter *writer);
    // On a server: while `writer` waits on its worker (a write or a read, its
    // event loop turning), what the feed brings is held back, then handed on
    // in order once it is idle — so a view being read is not changed under
    // that read, nor anything applied twice or in the wrong order.
    void holdWhileBusy(ServerWriter *writer);
    // The feed position the views were read at.
    qint64 position() const { return m_position; }
    // While the connection to a server is lost nothing is read (a read would
    // only wait on the network); once back, the next look catches up from
    // where the last one stopped.
    void setPaused(bool paused) { m_paused = paused; }
    bool paused() const { return m_paused; }
    // How often it looks by itself (a server announces changes: it looks less often).
    void setInterval(int intervalMs);
    // This window made a change (its revision, and the feed position of its
    // last entry) and shows it already: if nobody else changed anything since
    // the last look, there is nothing to read; otherwise look now.
    void acknowledge(qint64 revision, qint64 position);

signals:
    // These users changed (as they are now), these were deleted.
    void changed(const SeatLedger::Changes &changes);
    // The whole set was replaced (a restore): every view reads everything again.
    void reloadNeeded();

private:
    void apply(const SeatLedger::Changes &changes);
    void applyHeld();
    void applyNow(const SeatLedger::Changes &changes);

    SeatLedger &m_ledger;
    ServerLink *m_link = nullptr;
    ServerWriter *m_busy = nullptr;
    QVector<SeatLedger::Changes> m_held; // read, not yet handed on
    bool m_applying = false;
    QTimer *m_timer;
    qint64 m_seen = -1;
    qint64 m_position = 0;
    bool m_paused = false;
};
