#pragma once

#include "LedgerEntry.h"

#include <QDateTime>
#include <QSqlQuery>

// One row of the ledger's columns, selected in this order by every backend and
// the audit ("id, at_utc, actor, action, subject, seat_type, old_value,
// new_value, prev_hash, hash"), as an entry.
inline LedgerEntry ledgerEntryFrom(const QSqlQuery &row)
{
    return LedgerEntry { row.value(0).toLongLong(), QDateTime::fromString(row.value(1).toString(), Qt::ISODateWithMs),
                         row.value(2).toString(),   row.value(3).toString(),
                         row.value(4).toString(),   row.value(5).toString(),
                         row.value(6).toString(),   row.value(7).toString(),
                         row.value(8).toString(),   row.value(9).toString() };
}
