#pragma once

#include "SeatLedger.h"

#include <array>
#include <optional>

// Where the change feed stood when the window's first reads were made: the
// changes after it reach the views through the feed.
struct FeedMark
{
    qint64 revision = -1;
    qint64 position = 0;
};

// What the window shows first. On a server all of it is read in one go on a
// worker before the window is built (readWindowStart()), so that the window's
// thread neither connects nor waits on the network while it is built; what is
// left unread (a file) is read as the window is built.
struct WindowStart
{
    SeatLedger::UsersSnapshot users; // revision -1: unread
    std::optional<FeedMark> feed;
    std::optional<std::array<SeatCount, SeatTypeCount>> seatCounts;
    std::optional<QVector<Team>> teams;
    // Whether the operator (as the ledger names them) is an Admin or a Super admin.
    std::optional<bool> operatorIsAdmin;

    // All of it read (the users too): the window reads nothing as it is built.
    bool complete() const { return feed && seatCounts && teams && operatorIsAdmin; }
};

// Reads all of WindowStart through `ledger` (a worker's, whose operator is
// settled): the feed's mark first, so that nothing committed after the reads
// began is missed.
Status readWindowStart(const SeatLedger &ledger, WindowStart &start);
