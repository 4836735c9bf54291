#include "ServerLink.h"

#include "SeatLedger.h"

#include <memory>
#include <QTimer>

// Lives on the link's thread: every call to the server is made from there.
class ServerLinkWorker : public QObject
{
    Q_OBJECT

public:
    explicit ServerLinkWorker(const QString &location)
        : m_location(location)
    {
    }

    void start()
    {
        m_heartbeat = new QTimer(this);
        m_heartbeat->setInterval(ServerLink::HeartbeatMs);
        connect(m_heartbeat, &QTimer::timeout, this, &ServerLinkWorker::beat);
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

signals:
    void changed();
    void stateChanged(ServerLink::State state);

private:
    void tryConnect()
    {
        // connect_timeout bounds this wait; it is this thread's, not the window's.
        auto opened = SeatLedger::open(m_location);
        if (opened) {
            m_ledger = opened.takeValue();
            m_ledger->subscribeToChanges([this] { emit changed(); });
            if (auto revision = m_ledger->revision()) {
                m_revision = revision.value();
                const bool wasLost = m_failures > 0;
                m_failures = 0;
                emit stateChanged(ServerLink::State::Connected);
                if (wasLost)
                    emit changed(); // catch up with what was missed
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

    void beat()
    {
        auto revision = m_ledger ? m_ledger->revision() : Result<qint64>(Error {});
        if (revision) {
            if (revision.value() != m_revision) {
                m_revision = revision.value();
                emit changed(); // a notification lost on the way, or a server that sends none
            }
            return;
        }
        // Lost: the window is told at once, and the first attempt comes soon.
        m_heartbeat->stop();
        m_ledger.reset();
        m_failures = 1;
        emit stateChanged(ServerLink::State::Reconnecting);
        m_retry->start(ServerLink::FirstRetryMs);
    }

    QString m_location;
    std::unique_ptr<SeatLedger> m_ledger;
    QTimer *m_heartbeat = nullptr;
    QTimer *m_retry = nullptr;
    qint64 m_revision = -1;
    int m_failures = 0;
};

ServerLink::ServerLink(const QString &location, QObject *parent)
    : QObject(parent)
    , m_worker(new ServerLinkWorker(location))
{
    m_thread.setObjectName(QStringLiteral("serverLink"));
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &ServerLinkWorker::changed, this, &ServerLink::changed, Qt::QueuedConnection);
    connect(m_worker, &ServerLinkWorker::stateChanged, this, &ServerLink::setState, Qt::QueuedConnection);
    connect(&m_thread, &QThread::started, m_worker, &ServerLinkWorker::start);
    m_thread.start();
}

ServerLink::~ServerLink()
{
    // Its connection is closed on the thread that opened it.
    QMetaObject::invokeMethod(m_worker, &ServerLinkWorker::stop, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void ServerLink::setState(ServerLink::State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

#include "ServerLink.moc"
