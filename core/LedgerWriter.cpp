#include "LedgerWriter.h"

#include "LedgerChain.h"
#include "SeatDatabase.h"

namespace {

// "INSERT … VALUES (?, …), (?, …)" for `rows` rows: placeholders only, never values.
SqlText insertSql(int rows)
{
    QString sql = QStringLiteral("INSERT INTO ledger (id, at_utc, actor, action, subject, seat_type, old_value, "
                                 "new_value, prev_hash, hash) VALUES ");
    for (int i = 0; i < rows; ++i)
        sql += i == 0 ? QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                      : QStringLiteral(", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    return SqlText::composed(sql); // sql: placeholders only
}

} // namespace

LedgerWriter::LedgerWriter(const SeatDatabase &db, const QString &actor)
    : m_db(db)
    , m_actor(actor)
    , m_at(QDateTime::currentDateTimeUtc())
    , m_atText(LedgerChain::timeText(m_at))
{
}

Status LedgerWriter::load()
{
    auto last = m_db.prepare(("SELECT id, hash FROM ledger ORDER BY id DESC LIMIT 1"));
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
    m_loaded = true;
    return {};
}

Status LedgerWriter::append(const QString &action, const QString &subject, const QString &seatType,
                            const QString &before, const QString &after)
{
    if (!m_loaded) {
        if (Status s = load(); !s)
            return s;
    }
    LedgerEntry entry { m_nextId, m_at, m_actor, action, subject, seatType, before, after, m_lastHash, {} };
    entry.hash = LedgerChain::hashOf(entry, m_atText);
    m_lastHash = entry.hash;
    ++m_nextId;
    m_pending.append(std::move(entry));
    ++m_appended;
    return m_pending.size() == RowsPerInsert ? flush() : Status();
}

Status LedgerWriter::flush()
{
    if (m_pending.isEmpty())
        return {};
    std::optional<QSqlQuery> partial;
    QSqlQuery *q = nullptr;
    if (m_pending.size() == RowsPerInsert) {
        if (!m_fullInsert) {
            auto prepared = m_db.prepare(insertSql(RowsPerInsert));
            if (!prepared)
                return prepared.error();
            m_fullInsert = prepared.takeValue();
        }
        q = &*m_fullInsert;
    } else {
        auto prepared = m_db.prepare(insertSql(int(m_pending.size())));
        if (!prepared)
            return prepared.error();
        partial = prepared.takeValue();
        q = &*partial;
    }
    // Positional binds: Qt looks named placeholders up on every bind.
    int i = 0;
    for (const LedgerEntry &e : m_pending) {
        q->bindValue(i++, e.id);
        q->bindValue(i++, m_atText);
        q->bindValue(i++, sqlText(e.actor));
        q->bindValue(i++, sqlText(e.action));
        q->bindValue(i++, sqlText(e.subject));
        q->bindValue(i++, sqlText(e.seatType));
        q->bindValue(i++, sqlText(e.before));
        q->bindValue(i++, sqlText(e.after));
        q->bindValue(i++, sqlText(e.prevHash));
        q->bindValue(i++, e.hash);
    }
    m_pending.clear();
    return m_db.exec(*q);
}

Status LedgerWriter::finish()
{
    if (Status s = flush(); !s)
        return s;
    // Nothing recorded, nothing changed: other windows need not reload.
    if (m_appended == 0)
        return {};
    return m_db.execStatement(("UPDATE meta SET value = value + 1 WHERE key = 'revision'"));
}
