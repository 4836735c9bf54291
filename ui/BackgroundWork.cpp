#include "BackgroundWork.h"

#include "SeatLedger.h"

#include <memory>
#include <QCoreApplication>
#include <QEventLoop>
#include <QProgressDialog>
#include <QSemaphore>
#include <QThread>

Status runBusy(QWidget *parent, const QString &label, const std::function<Status()> &work)
{
    Status result;
    std::unique_ptr<QThread> thread(QThread::create([&] { result = work(); }));
    QProgressDialog progress(label, QString(), 0, 0, parent);
    progress.setObjectName(QStringLiteral("busyProgress"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setCancelButton(nullptr); // a transaction half sent cannot be taken back: it finishes or rolls back
    progress.setMinimumDuration(100);
    QEventLoop loop;
    QObject::connect(thread.get(), &QThread::finished, &loop, &QEventLoop::quit);
    thread->start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    thread->wait();
    return result;
}

Status runInBackground(QWidget *parent, const QString &label, const SeatLedger &ledger,
                       const std::function<Status(SeatLedger &)> &work)
{
    return runBusy(parent, label, [&]() -> Status {
        // Opened on the worker: a connection belongs to the thread that opened it.
        auto worker = ledger.openAnother();
        if (!worker)
            return worker.error();
        return work(*worker.value());
    });
}

ServerWriter::ServerWriter(const SeatLedger &ledger, QObject *parent)
    : QObject(parent)
    , m_source(ledger)
    , m_thread(new QThread(this))
    , m_context(new QObject)
{
    m_thread->setObjectName(QStringLiteral("serverWriter"));
    m_context->moveToThread(m_thread);
    m_thread->start();
    // Connected ahead, so that the first write waits on nothing but itself.
    QMetaObject::invokeMethod(
        m_context, [this] { connectHere(); }, Qt::QueuedConnection);
}

void ServerWriter::reconnect()
{
    // Queued: it runs before any write asked for after it.
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            m_ledger.reset();
            connectHere();
        },
        Qt::QueuedConnection);
}

Status ServerWriter::connectHere()
{
    if (m_ledger)
        return {};
    // Opened on the worker: a connection belongs to the thread that opened it.
    auto opened = m_source.openAnother();
    if (!opened)
        return opened.error();
    m_ledger = opened.takeValue();
    return {};
}

ServerWriter::~ServerWriter()
{
    // Its connection is closed on the thread that opened it.
    QMetaObject::invokeMethod(
        m_context, [this] { m_ledger.reset(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_context;
}

Status ServerWriter::run(QWidget *parent, const QString &label, const std::function<Status(SeatLedger &)> &work)
{
    return exec(parent, label, work, true);
}

Status ServerWriter::read(QWidget *parent, const std::function<Status(const SeatLedger &)> &work, bool asOperator)
{
    return exec(
        parent, tr("Loading…"), [&work](SeatLedger &ledger) { return work(ledger); }, asOperator);
}

Status ServerWriter::exec(QWidget *parent, const QString &label, const std::function<Status(SeatLedger &)> &work,
                          bool asOperator)
{
    Status result;
    bool done = false;
    QSemaphore finished; // released by the worker once it no longer touches this frame
    const QString actor = m_source.actor();
    QEventLoop loop;
    ++m_depth; // from here on the event loop may turn (setValue() below turns it too)
    QMetaObject::invokeMethod(
        m_context,
        [&] {
            result = [&]() -> Status {
                if (Status s = connectHere(); !s)
                    return s;
                if (asOperator && m_ledger->actor() != actor) {
                    if (Status s = m_ledger->setActor(actor); !s)
                        return s;
                }
                return work(*m_ledger);
            }();
            // A connection that failed is opened afresh next time (cheap next
            // to a lost one kept, which would fail every call until then).
            if (!result && result.error().kind == ErrorKind::Storage)
                m_ledger.reset();
            // Posted first: once released, `loop` may be gone (its posted
            // events go with it).
            QMetaObject::invokeMethod(
                &loop,
                [&] {
                    done = true;
                    loop.quit();
                },
                Qt::QueuedConnection);
            finished.release();
        },
        Qt::QueuedConnection);
    // What the server answers at once — most calls, a few milliseconds — is
    // simply waited for, never longer than QuickMs: no event loop turns for
    // it (nothing painted twice, no dialog made for nothing). A slower call
    // lets the window paint and answer meanwhile. A window that is not shown
    // (closed, say) has nothing to keep painting: no event loop turns for it,
    // the work is simply waited for below.
    const bool quick = finished.tryAcquire(1, QuickMs);
    if (!quick && parent && parent->window()->isVisible()) {
        QProgressDialog progress(label, QString(), 0, 0, parent);
        progress.setObjectName(QStringLiteral("busyProgress"));
        progress.setWindowModality(Qt::WindowModal);
        progress.setCancelButton(nullptr); // a transaction half sent cannot be taken back: it finishes or rolls back
        progress.setMinimumDuration(BusyAfterMs);
        progress.setValue(0); // starts the wait for BusyAfterMs (else Qt's default of 4 s)
        // setValue() lets a modal dialog's events through: the work may be done already.
        if (!done)
            loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    // The application quitting ends every event loop, this one too, before
    // the work is done: it is waited for here (bounded by the connection's
    // waits), never left writing into a frame that is gone.
    if (!quick)
        finished.acquire();
    if (--m_depth == 0)
        emit idle();
    return result;
}

Status runWrite(ServerWriter *writer, QWidget *parent, const QString &label, SeatLedger &ledger,
                const std::function<Status(SeatLedger &)> &work)
{
    if (writer)
        return writer->run(parent, label, work);
    return work(ledger);
}
