#pragma once

#include "SeatLedger.h"

class QWidget;
class ServerWriter;

// The users the window's pages read, kept once per revision and shared by both
// pages; on a large account a read runs on a worker behind a progress dialog.
// Start-up hands over the snapshot it read on its worker. The users come in the
// order the tables show them by default — by e-mail as the E-mail column sorts
// (numbers inside by value, in the window's language) — sorted once here for
// both tables, which then share one list instead of sorting a copy each.
class UsersCache
{
public:
    explicit UsersCache(SeatLedger &ledger, SeatLedger::UsersSnapshot initial = {});

    // Every user by e-mail, as of now: the kept list while the revision stands,
    // else read again. On a server (`writer`) both the revision and the users
    // are read and sorted on the writer's worker, the window painting
    // meanwhile; on a file here, or on a worker from BackgroundReadUsers users on.
    // Reads that overlap (one asked for while another waits) keep the newest.
    Result<QVector<User>> users(QWidget *parent, ServerWriter *writer = nullptr);
    // Puts `users` in that order.
    static void putInEmailOrder(QVector<User> &users);
    // The kept list, as it is: nothing read.
    const QVector<User> &kept() const { return m_snapshot.users; }
    // The revision the kept list was read at (-1: nothing kept yet).
    qint64 revision() const { return m_snapshot.revision; }

private:
    SeatLedger &m_ledger;
    SeatLedger::UsersSnapshot m_snapshot;
};
