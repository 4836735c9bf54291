// A child process for tst_safety: opens Manage paid users on a database,
// flips the Service seat of every user whose address starts with "k" (a
// Service Starter seat on, or off), prints "ready", then presses Save — so
// that the parent can kill it with SIGKILL in the middle of the Save.

#include "PaidUsersModel.h"
#include "PaidUsersPage.h"
#include "SeatLedger.h"
#include "UsersCache.h"

#include <cstdio>
#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc != 2)
        return 2;
    auto ledger = SeatLedger::open(QString::fromLocal8Bit(argv[1]));
    if (!ledger || !ledger.value()->setActor(QStringLiteral("ada@example.com")))
        return 3;
    UsersCache users(*ledger.value());
    PaidUsersPage page(*ledger.value(), users);
    page.reload();
    page.show();
    PaidUsersModel *model = page.model();
    int edits = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const User &u = model->userAt(row);
        if (!u.email.startsWith(QLatin1Char('k')))
            continue;
        model->setSeat(row, Product::Service, u.service ? std::nullopt : std::optional(SeatType::ServiceStarter));
        ++edits;
    }
    std::printf("ready %d\n", edits);
    std::fflush(stdout);
    const bool saved = page.save();
    std::printf("%s\n", saved ? "saved" : "refused");
    std::fflush(stdout);
    return saved ? 0 : 1;
}
