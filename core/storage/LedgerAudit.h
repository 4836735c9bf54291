#pragma once

#include "Result.h"
#include "SqlText.h"

#include <functional>
#include <QCoreApplication>
#include <QSqlQuery>
#include <QStringList>

// `seatctl check` and the window's check on open, on any backend: the R2/R3
// invariants, the ledger's hash chain, and a replay of the ledger compared with
// the current state. Reads only, through plain SQL every backend speaks; each
// backend adds its own storage checks (SQLite's integrity check) before it.
class LedgerAudit
{
    Q_DECLARE_TR_FUNCTIONS(LedgerAudit)

public:
    // Runs one statement and hands each row to `row`; a failure comes back as
    // the backend's storage error.
    using Collect = std::function<Status(const SqlText &sql, const std::function<void(const QSqlQuery &)> &row)>;
    // `withLogin`: the ledger has a login column (PostgreSQL), covered by the hash.
    static Result<QStringList> run(const Collect &collect, bool withLogin = false);
};
