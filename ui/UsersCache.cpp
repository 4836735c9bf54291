#include "UsersCache.h"

#include "BackgroundWork.h"

#include <QCoreApplication>

UsersCache::UsersCache(SeatLedger &ledger, SeatLedger::UsersSnapshot initial)
    : m_ledger(ledger)
    , m_snapshot(std::move(initial))
{
}

Result<QVector<User>> UsersCache::users(QWidget *parent)
{
    auto now = m_ledger.revision();
    if (!now)
        return now.error();
    if (now.value() == m_snapshot.revision && m_snapshot.order == SeatLedger::UserOrder::Email)
        return m_snapshot.users;
    SeatLedger::UsersSnapshot fresh;
    const auto read = [&fresh](SeatLedger &ledger) -> Status {
        auto snapshot = ledger.usersSnapshot(SeatLedger::UserOrder::Email);
        if (!snapshot)
            return snapshot.error();
        fresh = snapshot.takeValue();
        return {};
    };
    const Status s = m_snapshot.users.size() < BackgroundReadUsers
        ? read(m_ledger)
        : runInBackground(parent, QCoreApplication::translate("BackgroundWork", "Loading users…"), m_ledger, read);
    if (!s)
        return s.error();
    m_snapshot = std::move(fresh);
    return m_snapshot.users;
}
