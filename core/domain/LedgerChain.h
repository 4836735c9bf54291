#pragma once

#include "LedgerEntry.h"

#include <QString>

// The hash chain that makes an edit of the ledger behind the app's back
// detectable: each entry's hash covers the previous entry's hash and all of its
// own fields, so changing, removing or reordering an entry breaks every hash after it.
namespace LedgerChain {
// Hex SHA-256 of entry.prevHash and the entry's fields (its own hash excluded);
// the login only when there is one, so entries without it hash as they always did.
// The PostgreSQL server computes the same (seatkeeper_ledger_entries) and refuses
// an entry whose hash differs.
QString hashOf(const LedgerEntry &entry);
// The same, with the entry's time already in its stored form.
QString hashOf(const LedgerEntry &entry, const QString &timeText);
// The stored form of a ledger time: UTC, ISO 8601 with milliseconds.
QString timeText(const QDateTime &at);
} // namespace LedgerChain
