#include "BackgroundWork.h"

#include "SeatLedger.h"

#include <memory>
#include <QCoreApplication>
#include <QEventLoop>
#include <QProgressDialog>
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
    const QString path = ledger.path();
    const QString actor = ledger.actor();
    return runBusy(parent, label, [&]() -> Status {
        auto worker = SeatLedger::open(path);
        if (!worker)
            return worker.error();
        if (Status s = actor.isEmpty() ? Status() : worker.value()->setActor(actor); !s)
            return s;
        return work(*worker.value());
    });
}

Status refreshUsers(QWidget *parent, const SeatLedger &ledger, SeatLedger::UserOrder order)
{
    if (ledger.cachedUserCount() < BackgroundReadUsers)
        return {};
    auto now = ledger.revision();
    if (!now)
        return now.error();
    if (now.value() == ledger.cachedRevision())
        return {};
    SeatLedger::UsersSnapshot snapshot;
    const Status read = runInBackground(parent, QCoreApplication::translate("BackgroundWork", "Loading users…"), ledger,
                                        [&snapshot, order](SeatLedger &worker) {
                                            auto fresh = worker.usersSnapshot(order);
                                            if (!fresh)
                                                return Status(fresh.error());
                                            snapshot = fresh.takeValue();
                                            return Status();
                                        });
    if (read)
        ledger.adopt(snapshot);
    return read;
}
