#pragma once

#include "Result.h"

class SeatLedger;

// A realistic account to start from (the window's "Start with a sample account")
// and to measure with (the benchmark): people with varied names, accents
// included, seats bought for all six types, and about 60% of the people holding
// one or two seats. The same seed gives the same account.
class SampleAccount
{
public:
    static Status populate(SeatLedger &ledger, int people, quint32 seed = 1);
};
