#pragma once

#include <QObject>
#include <QString>
#include <QThread>

class ServerLinkWorker;

// Keeps an eye on a database on a server, from a worker thread with a
// connection of its own, so that the window's thread never waits on the
// network: it listens for the ledger's notifications (LISTEN/NOTIFY) and reads
// the revision once a second (the fallback, and the connection's heartbeat).
// When the connection is lost it says so, and connects again with back-off —
// 0.5 s, doubling up to 30 s — until the server answers again; then it
// listens again and says the window should catch up.
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

    explicit ServerLink(const QString &location, QObject *parent = nullptr);
    ~ServerLink() override;

    State state() const { return m_state; }

signals:
    // Something was committed (a notification came, or the revision moved):
    // look at the change feed now. Also after every reconnection (catch up).
    void changed();
    void stateChanged(ServerLink::State state);

private:
    void setState(ServerLink::State state);

    QThread m_thread;
    ServerLinkWorker *m_worker;
    State m_state = State::Connected;
};
