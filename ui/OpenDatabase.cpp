#include "OpenDatabase.h"

#include "BackgroundWork.h"
#include "RecoveryDialogs.h"

#include <QDir>

OpenedDatabase DatabaseOpener::open(QWidget *parent, const QString &path)
{
    for (;;) {
        OpenedDatabase result;
        Status problem;
        auto opened = SeatLedger::open(path);
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
