#include "UsersCache.h"

#include "BackgroundWork.h"
#include "LargeTable.h"

#include <optional>
#include <QCoreApplication>

UsersCache::UsersCache(SeatLedger &ledger, SeatLedger::UsersSnapshot initial)
    : m_ledger(ledger)
    , m_snapshot(std::move(initial))
{
    putInEmailOrder(m_snapshot.users);
}

void UsersCache::putInEmailOrder(QVector<User> &users)
{
    QVector<QString> emails;
    emails.reserve(users.size());
    for (const User &u : std::as_const(users))
        emails.append(u.email);
    const QVector<int> order = naturalOrder(emails);
    emails.clear();
    QVector<User> sorted;
    sorted.reserve(users.size());
    for (int from : order)
        sorted.append(std::move(users[from]));
    users = std::move(sorted);
}

Result<QVector<User>> UsersCache::users(QWidget *parent, ServerWriter *writer)
{
    if (writer) {
        // One trip to the worker: the revision, and the users only if it moved.
        const qint64 kept = m_snapshot.order == SeatLedger::UserOrder::Email ? m_snapshot.revision : -2;
        using Fresh = std::optional<SeatLedger::UsersSnapshot>;
        auto read = runRead(writer, parent, m_ledger, [kept](const SeatLedger &ledger) -> Result<Fresh> {
            auto now = ledger.revision();
            if (!now)
                return now.error();
            if (now.value() == kept)
                return Fresh();
            auto snapshot = ledger.usersSnapshot(SeatLedger::UserOrder::Email);
            if (!snapshot)
                return snapshot.error();
            Fresh fresh = snapshot.takeValue();
            putInEmailOrder(fresh->users); // on the worker: the window's thread only takes the list
            return fresh;
        });
        if (!read)
            return read.error();
        // Another read may have finished during this one's wait (the event
        // loop turns): the newer of the two is kept.
        if (Fresh fresh = read.takeValue();
            fresh && (fresh->revision >= m_snapshot.revision || m_snapshot.order != SeatLedger::UserOrder::Email))
            m_snapshot = std::move(*fresh);
        return m_snapshot.users;
    }
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
        putInEmailOrder(fresh.users); // on the worker, when there is one
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
