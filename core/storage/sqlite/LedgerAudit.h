#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QStringList>

class SeatDatabase;

// `seatctl check` and the window's check on open: SQLite's integrity check, the
// R2/R3 invariants, the ledger's hash chain, and a replay of the ledger compared
// with the current state. Reads only.
class LedgerAudit
{
    Q_DECLARE_TR_FUNCTIONS(LedgerAudit)

public:
    static Result<QStringList> run(const SeatDatabase &db);
};
