#include "OpenDatabase.h"

#include "BackgroundWork.h"
#include "RecoveryDialogs.h"
#include "ServerDialogs.h"

#include <QDir>

OpenedDatabase DatabaseOpener::open(QWidget *parent, const QString &path)
{
    for (;;) {
        OpenedDatabase result;
        Status problem;
        // A server that does not answer keeps a worker waiting (connect_timeout),
        // never the window; the window's own connection follows once it answered.
        Result<std::unique_ptr<SeatLedger>> opened = Error {};
        if (SeatLedger::isServer(path)) {
            const Status reached = runBusy(parent, tr("Connecting to %1…").arg(path), [&path]() -> Status {
                auto probe = SeatLedger::open(path);
                return probe ? Status() : Status(probe.error());
            });
            opened = reached ? SeatLedger::open(path) : Result<std::unique_ptr<SeatLedger>>(reached.error());
        } else {
            opened = SeatLedger::open(path);
        }
        if (opened) {
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
                result.users = std::move(snapshot);
                result.notice = notice;
                return result;
            }
            result.ledger.reset();
        } else {
            problem = opened.error();
            // The server asks for a password: ask the person, for this session only.
            if (SeatLedger::wantsPassword(path)) {
                PasswordDialog ask(path, parent);
                if (ask.exec() != QDialog::Accepted)
                    return {};
                SeatLedger::setSessionPassword(path, ask.password());
                continue;
            }
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
