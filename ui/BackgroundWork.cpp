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
    return runBusy(parent, label, [&]() -> Status {
        // Opened on the worker: a connection belongs to the thread that opened it.
        auto worker = ledger.openAnother();
        if (!worker)
            return worker.error();
        return work(*worker.value());
    });
}
