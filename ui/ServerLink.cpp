#include "ServerLink.h"

#include "SeatLedger.h"

#include <atomic>
#include <memory>
#include <QDateTime>
#include <QTimer>

// Lives on the link's thread: every call to the server is made from there.
class ServerLinkWorker : public QObject
{
    Q_OBJECT

public:
    ServerLinkWorker(const QString &location, qint64 position)
        : m_location(location)
        , m_position(position)
    {
    }

    void start()
    {
        m_heartbeat = new QTimer(this);
        m_heartbeat->setInterval(ServerLink::HeartbeatMs);
        connect(m_heartbeat, &QTimer::timeout, this, &ServerLinkWorker::look);
        m_retry = new QTimer(this);
        m_retry->setSingleShot(true);
        connect(m_retry, &QTimer::timeout, this, &ServerLinkWorker::tryConnect);
        tryConnect();
    }

    void stop()
    {
        delete m_heartbeat;
        delete m_retry;
        m_heartbeat = m_retry = nullptr;
        m_ledger.reset();
    }

    // Since when a call to the server has been waiting (ms since the epoch), 0: none.
    qint64 waitingSince() const { return m_waitingSince.load(); }

    // Reads the revision, and the change feed if it moved (or `always`).
    void look() { lookAt(false); }
    void lookAlways() { lookAt(true); }

signals:
    void changed(const SeatLedger::Changes &changes);
    void stateChanged(ServerLink::State state);

private:
    // Marks a call to the server as waiting, for the link's watch.
    class Waiting
    {
    public:
        explicit Waiting(std::atomic<qint64> &since)
            : m_since(since)
        {
            m_since.store(QDateTime::currentMSecsSinceEpoch());
        }
        ~Waiting() { m_since.store(0); }

    private:
        std::atomic<qint64> &m_since;
    };

    void tryConnect()
    {
        auto opened = [this] {
            const Waiting waiting(m_waitingSince);
            // connect_timeout bounds this wait; it is this thread's, not the window's.
            return SeatLedger::open(m_location);
        }();
        if (opened) {
            m_ledger = opened.takeValue();
            // Runs on this thread, from its event loop.
            m_ledger->subscribeToChanges([this] { look(); });
            // Catch up with what was missed while away; the first time, with
            // whatever came between the window's read and this connection.
            if (lookAt(true)) {
                m_failures = 0;
                m_heartbeat->start();
                return;
            }
        }
        m_ledger.reset();
        ++m_failures;
        emit stateChanged(m_failures > ServerLink::AttemptsBeforeOffline ? ServerLink::State::Offline
                                                                         : ServerLink::State::Reconnecting);
        const int delay = std::min<qint64>(qint64(ServerLink::FirstRetryMs) << std::min(m_failures - 1, 16),
                                           ServerLink::LongestRetryMs);
        m_retry->start(delay);
    }

    // False when the connection is lost (then it is dropped and tried again).
    bool lookAt(bool always)
    {
        if (!m_ledger)
            return false; // connecting again: it looks once connected
        bool answered = false;
        {
            const Waiting waiting(m_waitingSince);
            auto revision = m_ledger->revision();
            if (revision) {
                answered = true;
                // Said first: the window connects again before the rows reach it.
                emit stateChanged(ServerLink::State::Connected);
                if (always || revision.value() != m_revision) {
                    // A notification, this window's own change, a notification
                    // lost on the way or a server that sends none: read what changed.
                    auto changes = m_ledger->changesSince(m_position);
                    if (!changes) {
                        answered = false; // lost between the two: said below
                    } else {
                        m_revision = revision.value();
                        m_position = changes.value().position;
                        if (changes.value().replaced || changes.value().many || changes.value().entries > 0)
                            emit changed(changes.value());
                    }
                }
            }
        }
        if (answered)
            return true;
        if (m_failures == 0 && m_heartbeat->isActive()) {
            // Lost: the window is told at once, and the first attempt comes soon.
            m_heartbeat->stop();
            m_ledger.reset();
            m_failures = 1;
            emit stateChanged(ServerLink::State::Reconnecting);
            m_retry->start(ServerLink::FirstRetryMs);
        }
        return false;
    }

    QString m_location;
    std::unique_ptr<SeatLedger> m_ledger;
    QTimer *m_heartbeat = nullptr;
    QTimer *m_retry = nullptr;
    qint64 m_revision = -1;
    qint64 m_position = 0;
    int m_failures = 0;
    std::atomic<qint64> m_waitingSince { 0 };
};

ServerLink::ServerLink(const QString &location, qint64 position, QObject *parent)
    : QObject(parent)
    , m_worker(new ServerLinkWorker(location, position))
    , m_watch(new QTimer(this))
{
    qRegisterMetaType<SeatLedger::Changes>();
    m_thread.setObjectName(QStringLiteral("serverLink"));
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &ServerLinkWorker::changed, this, &ServerLink::changed, Qt::QueuedConnection);
    connect(m_worker, &ServerLinkWorker::stateChanged, this, &ServerLink::setState, Qt::QueuedConnection);
    connect(&m_thread, &QThread::started, m_worker, &ServerLinkWorker::start);
    m_thread.start();
    // The worker may be stuck in a call the server never answers (a network
    // gone quiet, a server stopped): the window hears of it from here.
    m_watch->setInterval(250);
    connect(m_watch, &QTimer::timeout, this, &ServerLink::watch);
    m_watch->start();
}

ServerLink::~ServerLink()
{
    // Its connection is closed on the thread that opened it.
    QMetaObject::invokeMethod(m_worker, &ServerLinkWorker::stop, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void ServerLink::lookNow()
{
    QMetaObject::invokeMethod(m_worker, &ServerLinkWorker::lookAlways, Qt::QueuedConnection);
}

void ServerLink::watch()
{
    const qint64 since = m_worker->waitingSince();
    if (since == 0)
        return;
    const qint64 waited = QDateTime::currentMSecsSinceEpoch() - since;
    if (waited >= StallMs + StallOfflineMs)
        setState(State::Offline);
    else if (waited >= StallMs && m_state == State::Connected)
        setState(State::Reconnecting);
}

void ServerLink::setState(ServerLink::State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

#include "ServerLink.moc"
