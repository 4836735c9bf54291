#pragma once

#include "SeatLedger.h"

#include <QObject>
#include <QString>
#include <QThread>

class QTimer;
class ServerLinkWorker;

// Keeps an eye on a database on a server, from a worker thread with a
// connection of its own, so that the window's thread never waits on the
// network: it listens for the ledger's notifications (LISTEN/NOTIFY), reads
// the revision once a second (the fallback, and the connection's heartbeat),
// and reads the change feed there too, handing the window only rows it
// already has. When the connection is lost — or the server stops answering a
// call for StallMs, a network gone quiet that TCP has not noticed yet — it
// says so, and connects again with back-off (0.5 s, doubling up to 30 s) until
// the server answers again; then it listens again and catches up.
class ServerLink : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Connected,
        Reconnecting, // lost a moment ago, trying again
        Offline // unreachable for a while: still trying, less often
    };
    Q_ENUM(State)

    static constexpr int HeartbeatMs = 1000;
    static constexpr int FirstRetryMs = 500;
    static constexpr int LongestRetryMs = 30000;
    // From this many failed attempts on (0.5 + 1 + 2 s), the server is called offline.
    static constexpr int AttemptsBeforeOffline = 3;
    // A call to the server unanswered this long: shown as Reconnecting… (a
    // healthy server answers the heartbeat in milliseconds)…
    static constexpr int StallMs = 3000;
    // …and this much longer: Offline, as after three failed attempts.
    static constexpr int StallOfflineMs = FirstRetryMs * 7;

    // `position`: the change feed's position the window's views were read at;
    // the feed is read on from there.
    explicit ServerLink(const QString &location, qint64 position = 0, QObject *parent = nullptr);
    ~ServerLink() override;

    State state() const { return m_state; }
    // Read the change feed now (this window changed something), on the worker.
    void lookNow();

signals:
    // Something was committed (a notification came, or the revision moved):
    // the change feed read from there, on the worker. Also after every
    // reconnection (catch up).
    void changed(const SeatLedger::Changes &changes);
    void stateChanged(ServerLink::State state);

private:
    void setState(ServerLink::State state);
    void watch();

    QThread m_thread;
    ServerLinkWorker *m_worker;
    QTimer *m_watch;
    State m_state = State::Connected;
};
