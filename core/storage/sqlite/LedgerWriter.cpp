#include "LedgerWriter.h"

#include "BulkStatement.h"
#include "LedgerChain.h"
#include "SeatDatabase.h"

LedgerWriter::LedgerWriter(const SeatDatabase &db, const QString &actor)
    : m_db(db)
    , m_actor(actor)
    , m_at(QDateTime::currentDateTimeUtc())
    , m_atText(LedgerChain::timeText(m_at))
{
}

LedgerWriter::~LedgerWriter()
{
    if (m_hasher.joinable())
        m_hasher.join(); // a batch refused halfway: its hashes are not needed
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
    auto insert
        = BulkStatement::prepare(m_db,
                                 "INSERT INTO ledger (id, at_utc, actor, action, subject, seat_type, "
                                 "old_value, new_value, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
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
    const LedgerEntry entry { m_nextId, m_at, m_actor, action, subject, seatType, before, after, m_lastHash, {} };
    return insert(entry, LedgerChain::hashOf(entry, m_atText));
}

Status LedgerWriter::insert(const LedgerEntry &entry, const QString &hash)
{
    m_insert->bind(0, entry.id);
    m_insert->bind(1, m_atText);
    m_insert->bind(2, entry.actor);
    m_insert->bind(3, entry.action);
    m_insert->bind(4, entry.subject);
    m_insert->bind(5, entry.seatType);
    m_insert->bind(6, entry.before);
    m_insert->bind(7, entry.after);
    m_insert->bind(8, entry.prevHash);
    m_insert->bind(9, hash);
    if (Status s = m_insert->run(); !s)
        return s;
    m_lastHash = hash;
    ++m_nextId;
    ++m_appended;
    return {};
}

Status LedgerWriter::hashAhead(QVector<Draft> drafts)
{
    if (!m_insert) {
        if (Status s = load(); !s)
            return s;
    }
    if (m_hasher.joinable())
        m_hasher.join();
    m_drafts = std::move(drafts);
    m_hashes.resize(m_drafts.size());
    m_aheadFrom = m_nextId;
    // The thread reads only its own copies (QString is safe to share between
    // threads) and writes only m_hashes, which nobody reads before the join.
    m_hasher = std::thread([drafts = m_drafts, hashes = m_hashes.data(), id = m_nextId, at = m_at, atText = m_atText,
                            actor = m_actor, prev = m_lastHash]() mutable {
        for (int i = 0; i < drafts.size(); ++i) {
            const Draft &d = drafts.at(i);
            const LedgerEntry e { id + i, at, actor, d.action, d.subject, d.seatType, d.before, d.after, prev, {} };
            prev = hashes[i] = LedgerChain::hashOf(e, atText);
        }
    });
    return {};
}

Status LedgerWriter::appendHashed()
{
    if (m_hasher.joinable())
        m_hasher.join();
    // Hashed ahead from where the ledger stood then; anything appended since
    // means the chain moved on, and each hash is made again here.
    const bool chained = m_nextId == m_aheadFrom;
    for (int i = 0; i < m_drafts.size(); ++i) {
        const Draft &d = m_drafts.at(i);
        const LedgerEntry entry { m_nextId,   m_at,     m_actor, d.action,   d.subject,
                                  d.seatType, d.before, d.after, m_lastHash, {} };
        if (Status s = insert(entry, chained ? m_hashes.at(i) : LedgerChain::hashOf(entry, m_atText)); !s)
            return s;
    }
    m_drafts.clear();
    m_hashes.clear();
    return {};
}

Result<qint64> LedgerWriter::finish()
{
    // Nothing recorded, nothing changed: other windows need not reload.
    if (m_appended > 0) {
        if (Status s = m_db.execStatement(("UPDATE meta SET value = value + 1 WHERE key = 'revision'")); !s)
            return s.error();
    }
    return m_db.scalar("SELECT value FROM meta WHERE key = 'revision'");
}
