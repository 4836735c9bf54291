#pragma once

#include "LedgerEntry.h"
#include "Result.h"

#include <optional>
#include <QDateTime>
#include <QSqlQuery>
#include <QString>
#include <QVector>

class SeatDatabase;

// Appends entries to the ledger inside the caller's write transaction (R11),
// chaining each entry's hash to the one before, and counts the change in the
// database's revision so that other windows and processes notice it (R12).
// Entries are written in groups of up to RowsPerInsert: a Save of 10,000 edits
// then costs 200 statements, not 10,000.
class LedgerWriter
{
public:
    static constexpr int RowsPerInsert = 50;

    LedgerWriter(const SeatDatabase &db, const QString &actor);

    Status append(const QString &action, const QString &subject, const QString &seatType = {},
                  const QString &before = {}, const QString &after = {});
    // Writes what is still pending and bumps the revision; call once, after the
    // last append, before commit.
    Status finish();

private:
    Status load();
    Status flush();

    const SeatDatabase &m_db;
    QString m_actor;
    QDateTime m_at;
    QString m_atText; // formatted once: every entry of one change has the same time
    bool m_loaded = false;
    std::optional<QSqlQuery> m_fullInsert; // RowsPerInsert rows
    QVector<LedgerEntry> m_pending;
    QString m_lastHash;
    qint64 m_nextId = 0;
    qint64 m_appended = 0;
};
