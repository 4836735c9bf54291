#pragma once

#include "LedgerEntry.h"
#include "Result.h"

#include <memory>
#include <QDateTime>
#include <QString>

class BulkStatement;
class SeatDatabase;

// Appends entries to the ledger inside the caller's write transaction (R11),
// chaining each entry's hash to the one before, and counts the change in the
// database's revision so that other windows and processes notice it (R12).
// One prepared insert serves every entry of the change (BulkStatement).
class LedgerWriter
{
public:
    LedgerWriter(const SeatDatabase &db, const QString &actor);
    ~LedgerWriter();

    Status append(const QString &action, const QString &subject, const QString &seatType = {},
                  const QString &before = {}, const QString &after = {});
    // Bumps the revision if anything was appended; call once, after the last
    // append, before commit.
    Status finish();

private:
    Status load();

    const SeatDatabase &m_db;
    QString m_actor;
    QDateTime m_at;
    QString m_atText; // formatted once: every entry of one change has the same time
    std::unique_ptr<BulkStatement> m_insert; // prepared by the first append
    QString m_lastHash;
    qint64 m_nextId = 0;
    qint64 m_appended = 0;
};
