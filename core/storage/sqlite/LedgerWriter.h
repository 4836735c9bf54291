#pragma once

#include "LedgerEntry.h"
#include "Result.h"

#include <memory>
#include <QDateTime>
#include <QString>
#include <QVector>
#include <thread>

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
    // append, before commit. Returns the revision the change makes.
    Result<qint64> finish();

    // Entries of a big batch (a Save of 10,000 edits): hashAhead() starts
    // chaining their hashes on a thread of its own, so that SHA-256 runs while
    // the caller's SQL does; appendHashed() then writes them, in order (if
    // anything was appended in between, it hashes them again itself).
    using Draft = LedgerDraft;
    Status hashAhead(QVector<Draft> drafts);
    Status appendHashed();
    // The id of the last entry written (0 before the first).
    qint64 lastEntryId() const { return m_nextId > 0 ? m_nextId - 1 : 0; }

private:
    Status load();
    Status insert(const LedgerEntry &entry, const QString &hash);

    const SeatDatabase &m_db;
    QString m_actor;
    QDateTime m_at;
    QString m_atText; // formatted once: every entry of one change has the same time
    std::unique_ptr<BulkStatement> m_insert; // prepared by the first append
    QString m_lastHash;
    qint64 m_nextId = 0;
    qint64 m_appended = 0;
    QVector<Draft> m_drafts;
    QVector<QString> m_hashes;
    std::thread m_hasher;
    qint64 m_aheadFrom = 0; // the id the drafts were hashed from
};
