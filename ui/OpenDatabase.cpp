#include "OpenDatabase.h"

#include "BackgroundWork.h"
#include "OperatorDialog.h"
#include "RecoveryDialogs.h"
#include "ServerDialogs.h"

#include <QDir>

namespace {

// On the worker: the server checked, the operator settled, everything the
// window shows first read, and the window's own ledger made without connecting.
Status openOnServer(const QString &path, const QString &asOption, OpenedDatabase &result)
{
    auto worker = SeatLedger::open(path);
    if (!worker)
        return worker.error();
    SeatLedger &ledger = *worker.value();
    if (Status s = ledger.quickCheck(); !s)
        return s;
    if (auto daily = ledger.dailyBackup(); !daily)
        result.notice = daily.error().message;
    result.operatorSettled = settleLoginOperator(ledger, asOption);
    if (*result.operatorSettled) {
        if (Status s = readWindowStart(ledger, result.start); !s)
            return s;
    }
    auto later = ledger.openLater(); // with the operator just settled
    if (!later)
        return later.error();
    result.ledger = later.takeValue();
    return {};
}

} // namespace

OpenedDatabase DatabaseOpener::open(QWidget *parent, const QString &path, const QString &asOption)
{
    for (;;) {
        OpenedDatabase result;
        Status problem;
        if (SeatLedger::isServer(path)) {
            // A server that does not answer keeps a worker waiting (connect_timeout),
            // never the window; the window's own connection is not opened now.
            problem = runBusy(parent, tr("Connecting to %1…").arg(path),
                              [&path, &asOption, &result] { return openOnServer(path, asOption, result); });
            if (problem)
                return result;
            result = {};
            // The server asks for a password: ask the person, for this session only.
            if (SeatLedger::wantsPassword(path)) {
                PasswordDialog ask(path, parent);
                if (ask.exec() != QDialog::Accepted)
                    return {};
                SeatLedger::setSessionPassword(path, ask.password());
                continue;
            }
        } else if (auto opened = SeatLedger::open(path)) {
            result.ledger = opened.takeValue();
            SeatLedger::UsersSnapshot snapshot;
            QString notice;
            problem = runInBackground(parent, tr("Opening %1…").arg(QDir::toNativeSeparators(path)), *result.ledger,
                                      [&snapshot, &notice](SeatLedger &worker) {
                                          if (Status s = worker.quickCheck(); !s)
                                              return s;
                                          if (auto daily = worker.dailyBackup(); !daily)
                                              notice = daily.error().message;
                                          auto read = worker.usersSnapshot(SeatLedger::UserOrder::Email);
                                          if (!read)
                                              return Status(read.error());
                                          snapshot = read.takeValue();
                                          return Status();
                                      });
            if (problem) {
                result.start.users = std::move(snapshot);
                result.notice = notice;
                return result;
            }
            result.ledger.reset();
        } else {
            problem = opened.error();
        }
        OpenProblemDialog dialog(path, problem.error().message, SeatLedger::backups(path), parent);
        dialog.exec();
        switch (dialog.choice()) {
        case OpenProblemDialog::Quit:
            return {};
        case OpenProblemDialog::TryAgain:
            break;
        case OpenProblemDialog::Restore:
            restoreFromBackup(parent, path, SeatLedger::loginLabel()); // nobody is signed in yet
            break;
        }
    }
}
