#pragma once

#include "Result.h"
#include "SeatLedger.h"

#include <functional>
#include <memory>
#include <optional>
#include <QObject>
#include <QString>

class QThread;
class QWidget;

// Runs `work` on a thread of its own; a busy progress dialog saying `label`
// appears if it takes more than 100 ms, and the window keeps painting.
Status runBusy(QWidget *parent, const QString &label, const std::function<Status()> &work);

// Runs a long change (a big Save, for one) on a worker thread with its own
// connection to the same database — Qt Sql connections belong to one thread —
// as the same operator. A busy progress dialog appears if it takes more than
// 100 ms; the window keeps painting meanwhile. Returns what the work returned.
Status runInBackground(QWidget *parent, const QString &label, const SeatLedger &ledger,
                       const std::function<Status(SeatLedger &)> &work);

// From this many users on, reading them again happens on a worker (a large account
// takes a few hundred milliseconds to read).
constexpr int BackgroundReadUsers = 20000;

// The window's own small writes on a server (Create, a panel's Save, Buy, the
// grid's Save, Remove paid access), on a worker thread that keeps a connection
// of its own to the same database, as the same operator: the window keeps
// painting and answering while the server takes its time, or stops answering
// (then the connection's bounded waits end the call with a clear message).
// A busy progress dialog appears only if a call takes more than BusyAfterMs.
class ServerWriter : public QObject
{
    Q_OBJECT

public:
    static constexpr int BusyAfterMs = 300;
    // A call the worker ends within this long is waited for without turning
    // the event loop (the window's thread held at most this long, a frame or
    // two); a longer one turns it.
    static constexpr int QuickMs = 20;

    explicit ServerWriter(const SeatLedger &ledger, QObject *parent = nullptr);
    ~ServerWriter() override;

    // Runs `work` on the worker's connection and waits for it with the event
    // loop running (user input held back meanwhile). Returns what it returned.
    Status run(QWidget *parent, const QString &label, const std::function<Status(SeatLedger &)> &work);
    // The same for a read a person's action or a change shown asks for (a
    // user's details, seat counts, teams, the operator's rights): on the
    // worker's connection, the window painting meanwhile. Not from a paint,
    // data() or anything else Qt may call while another event is handled.
    // `asOperator`: for a read whose answer depends on who asks (an import's
    // Preview: what the operator's role may do), the worker's operator is set first.
    Status read(QWidget *parent, const std::function<Status(const SeatLedger &)> &work, bool asOperator = false);
    // A run() or read() is waiting on the worker (its event loop turning):
    // what arrives from the change feed meanwhile is held back until idle().
    bool busy() const { return m_depth > 0; }

signals:
    // The last run() or read() waited on returned.
    void idle();

public:
    // The server answers again after being lost: the worker's connection,
    // likely cut meanwhile, is opened afresh before the next write.
    void reconnect();

private:
    // On the worker: its connection, opened now if it has none.
    Status connectHere();
    // run() and read(): `asOperator` sets the worker's operator first (a read needs none).
    Status exec(QWidget *parent, const QString &label, const std::function<Status(SeatLedger &)> &work,
                bool asOperator);

    const SeatLedger &m_source;
    QThread *m_thread;
    QObject *m_context; // lives on m_thread
    std::unique_ptr<SeatLedger> m_ledger; // used on m_thread only
    int m_depth = 0; // run() and read() calls waiting, nested ones included
};

// `writer`'s worker when there is one (a server), else right here (a file).
Status runWrite(ServerWriter *writer, QWidget *parent, const QString &label, SeatLedger &ledger,
                const std::function<Status(SeatLedger &)> &work);

// A read a person's action or a change shown asks for: on `writer`'s worker
// when there is one (a server: the window keeps painting while the server
// answers, or fails to within its bounded waits), else right here (a file),
// exactly as `read(ledger)`. Returns what `read` returned, or why the worker
// could not run it. The caller may be deleted meanwhile: guard with a QPointer.
// `asOperator` as ServerWriter::read() takes it.
template<typename Read>
auto runRead(ServerWriter *writer, QWidget *parent, const SeatLedger &ledger, Read read, bool asOperator = false)
    -> decltype(read(ledger))
{
    using Out = decltype(read(ledger));
    if (!writer)
        return read(ledger);
    std::optional<Out> out;
    const Status s = writer->read(
        parent,
        [&out, &read](const SeatLedger &worker) -> Status {
            out.emplace(read(worker));
            return Status(*out);
        },
        asOperator);
    if (out)
        return std::move(*out);
    return s.error();
}
