#include "WindowStart.h"

#include "Role.h"

Status readWindowStart(const SeatLedger &ledger, WindowStart &start)
{
    // The same order as LedgerWatcher reads them in: the position, then the revision.
    auto position = ledger.feedPosition();
    if (!position)
        return position.error();
    auto revision = ledger.revision();
    if (!revision)
        return revision.error();
    auto users = ledger.usersSnapshot(SeatLedger::UserOrder::Email);
    if (!users)
        return users.error();
    auto counts = ledger.seatCounts();
    if (!counts)
        return counts.error();
    auto teams = ledger.teams();
    if (!teams)
        return teams.error();
    bool admin = false;
    if (!ledger.actor().isEmpty()) { // none: a login tied to nobody, read-only
        auto me = ledger.user(ledger.actor());
        if (!me && me.error().kind == ErrorKind::Storage)
            return me.error();
        admin = me && isAdmin(me.value().role);
    }
    start.feed = FeedMark { revision.value(), position.value() };
    start.users = users.takeValue();
    start.seatCounts = counts.takeValue();
    start.teams = teams.takeValue();
    start.operatorIsAdmin = admin;
    return {};
}
