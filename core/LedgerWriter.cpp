#include "LedgerWriter.h"

#include "LedgerChain.h"
#include "LedgerEntry.h"
#include "SeatDatabase.h"

LedgerWriter::LedgerWriter(const SeatDatabase &db, const QString &actor)
    : m_db(db)
    , m_actor(actor)
    , m_at(QDateTime::currentDateTimeUtc())
    , m_atText(LedgerChain::timeText(m_at))
{
}

Status LedgerWriter::load()
{
    auto last = m_db.prepare(QStringLiteral("SELECT id, hash FROM ledger ORDER BY id DESC LIMIT 1"));
    if (!last)
        return last.error();
    if (Status s = m_db.exec(last.value()); !s)
        return s;
    if (last.value().next()) {
        m_nextId = last.value().value(0).toLongLong() + 1;
        m_lastHash = last.value().value(1).toString();
    } else {
        m_nextId = 1;
    }
    auto insert = m_db.prepare(QStringLiteral(
        "INSERT INTO ledger (id, at_utc, actor, action, subject, seat_type, old_value, new_value, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return insert.error();
    m_insert = insert.takeValue();
    return {};
}

Status LedgerWriter::append(const QString &action, const QString &subject, const QString &seatType,
                            const QString &before, const QString &after)
{
    if (!m_insert) {
        if (Status s = load(); !s)
            return s;
    }
    LedgerEntry entry { m_nextId, m_at, m_actor, action, subject, seatType, before, after, m_lastHash, {} };
    entry.hash = LedgerChain::hashOf(entry, m_atText);
    QSqlQuery &q = *m_insert;
    // Positional binds: this runs once per change of a batch, and Qt looks named
    // placeholders up on every bind.
    q.bindValue(0, entry.id);
    q.bindValue(1, m_atText);
    q.bindValue(2, sqlText(entry.actor));
    q.bindValue(3, sqlText(entry.action));
    q.bindValue(4, sqlText(entry.subject));
    q.bindValue(5, sqlText(entry.seatType));
    q.bindValue(6, sqlText(entry.before));
    q.bindValue(7, sqlText(entry.after));
    q.bindValue(8, sqlText(entry.prevHash));
    q.bindValue(9, entry.hash);
    if (Status s = m_db.exec(q); !s)
        return s;
    m_lastHash = entry.hash;
    ++m_nextId;
    return {};
}

Status LedgerWriter::finish()
{
    return m_db.execStatement(QStringLiteral("UPDATE meta SET value = value + 1 WHERE key = 'revision'"));
}
