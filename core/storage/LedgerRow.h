#pragma once

#include "LedgerEntry.h"
#include "Result.h"
#include "SqlText.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVector>

// One row of the ledger's columns, selected in this order by every backend and
// the audit ("id, at_utc, actor, action, subject, seat_type, old_value,
// new_value, prev_hash, hash"), as an entry; `withLogin`: a login column follows.
inline LedgerEntry ledgerEntryFrom(const QSqlQuery &row, bool withLogin = false)
{
    return LedgerEntry { row.value(0).toLongLong(),
                         QDateTime::fromString(row.value(1).toString(), Qt::ISODateWithMs),
                         row.value(2).toString(),
                         row.value(3).toString(),
                         row.value(4).toString(),
                         row.value(5).toString(),
                         row.value(6).toString(),
                         row.value(7).toString(),
                         row.value(8).toString(),
                         row.value(9).toString(),
                         withLogin ? row.value(10).toString() : QString() };
}

// The entries after `afterId`, in order, from either backend's connection
// (SeatDatabase or PostgresDatabase: the same prepare/exec/storageError).
template<typename Database>
Result<QVector<LedgerEntry>> ledgerEntriesAfter(const Database &db, qint64 afterId, bool withLogin = false)
{
    auto q = withLogin ? db.prepare("SELECT id, at_utc, actor, action, subject, seat_type, old_value, "
                                    "new_value, prev_hash, hash, login FROM ledger WHERE id > :after ORDER BY id")
                       : db.prepare("SELECT id, at_utc, actor, action, subject, seat_type, old_value, "
                                    "new_value, prev_hash, hash FROM ledger WHERE id > :after ORDER BY id");
    if (!q)
        return q.error();
    q.value().bindValue(QStringLiteral(":after"), afterId);
    if (Status s = db.exec(q.value()); !s)
        return s.error();
    QVector<LedgerEntry> entries;
    QSqlQuery &row = q.value();
    while (row.next())
        entries.append(ledgerEntryFrom(row, withLogin));
    if (row.lastError().isValid())
        return db.storageError(row.lastError());
    return entries;
}
