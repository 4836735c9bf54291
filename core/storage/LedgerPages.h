#pragma once

#include "LedgerChain.h"
#include "LedgerEntry.h"
#include "LedgerRow.h"
#include "Result.h"
#include "SqlText.h"

#include <limits>
#include <QSqlQuery>
#include <QVector>

// The History page's reads, shared by both backends: each backend supplies its
// statements (its own case folding and index hints), this runs them. Every
// statement takes the same named values (:after, :before, :userLo, :userHi,
// :actor, :action, :from, :to, :limit), so one binding serves them all; they
// differ in which index leads — the most selective part of the filter.
struct LedgerPageSql
{
    SqlText byUser; // subject in [:userLo, :userHi), any letter case
    SqlText byActor; // actor = :actor, any letter case
    SqlText byAction; // action = :action
    SqlText byId; // nothing selective: newest first
    SqlText userMatches; // how many entries are for the user(s), up to :cap
    SqlText firstAtOrAfter; // :at → the id of the first entry at or after it
    SqlText lastBefore; // :at → the id of the last entry before it
};

namespace LedgerPages {

// From this many entries for the users a filter names, they are found faster
// walking the ids from the newest (one in fifty or more of a million matches)
// than through their index and a sort.
constexpr int DenseUserEntries = 20000;

// Addresses are compared case-folded (ASCII) by the backends' statements; the
// bounds of a prefix: everything from `prefix` up to it followed by the
// highest character.
inline QPair<QString, QString> userBounds(const LedgerFilter &f)
{
    if (f.user.isEmpty())
        return { QStringLiteral(""), QStringLiteral("") };
    const QString lo = f.user.toLower();
    const QString hi = lo
        + (f.userMatch == LedgerFilter::Match::Exact ? QString(QChar(0x0001)) : QString::fromUcs4(U"\U0010FFFF", 1));
    return { lo, hi };
}

template<typename Database>
Result<std::optional<qint64>> idAt(const Database &db, const SqlText &sql, const QDateTime &at)
{
    auto q = db.prepare(sql);
    if (!q)
        return q.error();
    q.value().bindValue(QStringLiteral(":at"), LedgerChain::timeText(at));
    if (Status s = db.exec(q.value()); !s)
        return s.error();
    if (!q.value().next()) {
        if (q.value().lastError().isValid())
            return db.storageError(q.value().lastError());
        return std::optional<qint64>();
    }
    return std::optional<qint64>(q.value().value(0).toLongLong());
}

template<typename Database>
Result<QVector<LedgerEntry>> page(const Database &db, const LedgerPageSql &sql, const LedgerFilter &f, qint64 beforeId,
                                  int limit)
{
    qint64 after = std::max<qint64>(f.afterId, 0);
    qint64 before = beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max();
    // A date range becomes a range of ids first: entries are written in the
    // order of their times, so the id range holds every entry of the dates and
    // the page is read along the ids' index. The times are checked again below.
    if (f.from.isValid()) {
        auto first = idAt(db, sql.firstAtOrAfter, f.from);
        if (!first)
            return first.error();
        if (!first.value())
            return QVector<LedgerEntry>();
        after = std::max(after, *first.value() - 1);
    }
    if (f.to.isValid()) {
        auto last = idAt(db, sql.lastBefore, f.to);
        if (!last)
            return last.error();
        if (!last.value())
            return QVector<LedgerEntry>();
        before = std::min(before, *last.value() + 1);
    }
    if (limit <= 0 || after >= before - 1)
        return QVector<LedgerEntry>();
    const auto [userLo, userHi] = userBounds(f);
    bool denseUser = false;
    if (!f.user.isEmpty()) {
        auto count = db.prepare(sql.userMatches);
        if (!count)
            return count.error();
        count.value().bindValue(QStringLiteral(":userLo"), userLo);
        count.value().bindValue(QStringLiteral(":userHi"), userHi);
        count.value().bindValue(QStringLiteral(":after"), after);
        count.value().bindValue(QStringLiteral(":before"), before);
        count.value().bindValue(QStringLiteral(":cap"), DenseUserEntries + 1);
        if (Status s = db.exec(count.value()); !s)
            return s.error();
        if (!count.value().next())
            return db.storageError(count.value().lastError());
        denseUser = count.value().value(0).toLongLong() > DenseUserEntries;
    }
    const SqlText &statement = !f.user.isEmpty() && !denseUser ? sql.byUser
        : !f.actor.isEmpty()                                   ? sql.byActor
        : !f.action.isEmpty()                                  ? sql.byAction
                                                               : sql.byId;
    auto q = db.prepare(statement);
    if (!q)
        return q.error();
    QSqlQuery &query = q.value();
    const auto text = [](const QString &s) {
        return s.isNull() ? QStringLiteral("") : s;
    };
    query.bindValue(QStringLiteral(":after"), after);
    query.bindValue(QStringLiteral(":before"), before);
    query.bindValue(QStringLiteral(":userLo"), userLo);
    query.bindValue(QStringLiteral(":userHi"), userHi);
    query.bindValue(QStringLiteral(":actor"), text(f.actor.toLower()));
    query.bindValue(QStringLiteral(":action"), text(f.action));
    query.bindValue(QStringLiteral(":from"), f.from.isValid() ? LedgerChain::timeText(f.from) : QStringLiteral(""));
    query.bindValue(QStringLiteral(":to"), f.to.isValid() ? LedgerChain::timeText(f.to) : QStringLiteral(""));
    query.bindValue(QStringLiteral(":limit"), limit);
    if (Status s = db.exec(query); !s)
        return s.error();
    QVector<LedgerEntry> entries;
    entries.reserve(std::min(limit, 1000));
    while (query.next())
        entries.append(ledgerEntryFrom(query));
    if (query.lastError().isValid())
        return db.storageError(query.lastError());
    return entries;
}

} // namespace LedgerPages
