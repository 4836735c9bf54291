// The seat changes of the ledger: one seat, a window's batch of edits, a plan.
// All of them end in applyEditsInTransaction(), which checks R2, R3 and R12 for
// the whole batch and applies it set-wise through the store.

#include "LedgerRules.h"
#include "SeatLedger.h"
#include "SeatStore.h"
#include "Validation.h"

#include <QHash>
#include <QSet>

using LedgerRules::optionalKey;
using LedgerRules::refused;

Result<qint64> SeatLedger::assignSeat(const QString &email, SeatType type)
{
    return change([&](StoreTransaction &tx, Role) -> Status {
        auto target = findHeld(email);
        if (!target)
            return target.error();
        const Product product = productOf(type);
        const auto current = target.value().seats[productIndex(product)];
        if (current == type)
            return refused(tr("%1 already holds a %2 seat.").arg(target.value().email, seatTypeName(type)));
        return applyEditsInTransaction({ SeatEdit { target.value().id, target.value().email, product, current, type } },
                                       tx, Froms::ReadInThisTransaction);
    });
}

Result<qint64> SeatLedger::removeSeat(const QString &email, Product product)
{
    return change([&](StoreTransaction &tx, Role) -> Status {
        auto target = findHeld(email);
        if (!target)
            return target.error();
        const auto current = target.value().seats[productIndex(product)];
        if (!current)
            return refused(tr("%1 holds no %2 seat.").arg(target.value().email, productName(product)));
        return applyEditsInTransaction(
            { SeatEdit { target.value().id, target.value().email, product, current, std::nullopt } }, tx,
            Froms::ReadInThisTransaction);
    });
}

Result<qint64> SeatLedger::applyEdits(const QVector<SeatEdit> &edits)
{
    return change(
        [&](StoreTransaction &tx, Role) -> Status { return applyEditsInTransaction(edits, tx, Froms::FromTheCaller); });
}

Result<qint64> SeatLedger::applyPlan(const QVector<PlanLine> &plan)
{
    return change([&](StoreTransaction &tx, Role) -> Status {
        // Play the lines in order over what storage holds now, then apply the net
        // result as one batch: a plan that moves a seat from one user to another
        // works even when no seat of that type is free.
        struct Person
        {
            StoredUser stored;
            std::optional<SeatType> planned[ProductCount];
        };
        QHash<QString, Person> people;
        QVector<QString> order;
        // Everybody the plan names, read at once (one round trip to a server).
        QStringList emails;
        for (const PlanLine &line : plan)
            emails << line.email;
        auto stored = m_store->findUsers(emails);
        if (!stored)
            return stored.error();
        for (const PlanLine &line : plan) {
            const QString key = Validation::emailKey(line.email);
            auto it = people.find(key);
            if (it == people.end()) {
                const auto found = stored.value().constFind(key);
                if (found == stored.value().constEnd())
                    return Error { ErrorKind::NotFound,
                                   tr("Line %1: %2")
                                       .arg(line.lineNumber)
                                       .arg(tr("No user has the email address “%1”.").arg(line.email)) };
                Person person { found.value(), { found.value().seats[0], found.value().seats[1] } };
                it = people.insert(key, person);
                order.append(key);
            }
            std::optional<SeatType> &seat = it->planned[productIndex(line.product)];
            if (line.kind == PlanLine::Kind::Assign) {
                if (seat == line.type)
                    return refused(tr("Line %1: %2 already holds a %3 seat.")
                                       .arg(line.lineNumber)
                                       .arg(it->stored.email, seatTypeName(line.type)));
                seat = line.type;
            } else {
                if (!seat)
                    return refused(tr("Line %1: %2 holds no %3 seat.")
                                       .arg(line.lineNumber)
                                       .arg(it->stored.email, productName(line.product)));
                seat.reset();
            }
        }
        QVector<SeatEdit> edits;
        for (const QString &key : order) {
            const Person &p = people[key];
            for (Product product : allProducts()) {
                const auto from = p.stored.seats[productIndex(product)];
                const auto to = p.planned[productIndex(product)];
                if (from != to)
                    edits.append(SeatEdit { p.stored.id, p.stored.email, product, from, to });
            }
        }
        return applyEditsInTransaction(edits, tx, Froms::ReadInThisTransaction);
    });
}

Status SeatLedger::noFreeSeat(SeatType type, int wanted) const
{
    auto counts = seatCounts();
    if (!counts)
        return counts.error();
    const SeatCount c = counts.value()[seatTypeIndex(type)];
    if (wanted <= 1)
        return Error { ErrorKind::NoFreeSeat,
                       tr("No free %1 seat: %2 purchased, %3 assigned. Buy another seat "
                          "first.")
                           .arg(seatTypeName(type))
                           .arg(c.purchased)
                           .arg(c.assigned) };
    return Error { ErrorKind::NoFreeSeat,
                   tr("Not enough %1 seats: %2 purchased, %3 assigned, %4 more wanted. Buy %n more seat(s), or "
                      "assign fewer.",
                      nullptr, c.assigned + wanted - c.purchased)
                       .arg(seatTypeName(type))
                       .arg(c.purchased)
                       .arg(c.assigned)
                       .arg(wanted) };
}

QString SeatLedger::describeConflict(const SeatEdit &edit) const
{
    auto stored = m_store->storedSeat(edit.userId, edit.product);
    if (!stored)
        return stored.error().message;
    if (!stored.value())
        return tr("%1 was deleted.").arg(edit.email);
    const std::optional<SeatType> now = *stored.value();
    return tr("%1's %2 seat is now %3 (it was %4).")
        .arg(edit.email, productName(edit.product), now ? seatTypeName(*now) : tr("none", "no seat"),
             edit.from ? seatTypeName(*edit.from) : tr("none", "no seat"));
}

Status SeatLedger::applyEditsInTransaction(const QVector<SeatEdit> &edits, StoreTransaction &tx, Froms froms)
{
    if (edits.isEmpty())
        return {};
    QSet<QPair<qint64, int>> seen;
    std::array<int, SeatTypeCount> delta {};
    for (const SeatEdit &edit : edits) {
        for (const auto &type : { edit.from, edit.to }) {
            if (type && productOf(*type) != edit.product)
                return Error { ErrorKind::Invalid,
                               tr("%1 is not a %2 seat.").arg(seatTypeName(*type), productName(edit.product)) };
        }
        if (seen.contains({ edit.userId, productIndex(edit.product) }))
            return Error {
                ErrorKind::Invalid,
                tr("%1 has two changes of their %2 seat in one save.").arg(edit.email, productName(edit.product))
            };
        seen.insert({ edit.userId, productIndex(edit.product) });
        if (edit.from)
            --delta[seatTypeIndex(*edit.from)];
        if (edit.to)
            ++delta[seatTypeIndex(*edit.to)];
    }
    QVector<const SeatEdit *> changes;
    for (const SeatEdit &edit : edits) {
        if (edit.from != edit.to)
            changes.append(&edit);
    }
    // The ledger's entries for these changes, hashed meanwhile while the store
    // stages and checks the batch.
    QVector<LedgerDraft> drafts;
    drafts.reserve(changes.size());
    for (const SeatEdit *edit : changes) {
        drafts.append(edit->to ? LedgerDraft { LedgerAction::SeatAssigned, edit->email, seatTypeKey(*edit->to),
                                               optionalKey(edit->from), seatTypeKey(*edit->to) }
                               : LedgerDraft { LedgerAction::SeatRemoved, edit->email, seatTypeKey(*edit->from),
                                               seatTypeKey(*edit->from), QStringLiteral("") });
    }
    if (Status s = tx.draft(std::move(drafts)); !s)
        return s;
    if (Status s = m_store->stageEdits(changes); !s)
        return s;

    // R12: every edit must find what its editor saw.
    if (froms == Froms::FromTheCaller) {
        auto stale = m_store->staleStagedEdits();
        if (!stale)
            return stale.error();
        if (!stale.value().isEmpty()) {
            QHash<QPair<qint64, int>, const SeatEdit *> byKey;
            for (const SeatEdit *edit : changes)
                byKey.insert({ edit->userId, productIndex(edit->product) }, edit);
            QStringList conflicts;
            for (const auto &[userId, product] : stale.value()) {
                if (const SeatEdit *edit = byKey.value({ userId, productIndex(product) }))
                    conflicts << describeConflict(*edit);
            }
            return Error { ErrorKind::Conflict,
                           tr("Another admin changed these seats since you opened them; nothing was saved. Review the "
                              "refreshed list and try again.\n%1")
                               .arg(conflicts.join(QLatin1Char('\n'))) };
        }
    }
    if (Status s = m_store->applyStagedEdits(); !s)
        return s;
    if (Status s = tx.appendDrafted(); !s)
        return s;

    // R2 for the whole batch at once. Every `from` was checked above, so the
    // deltas are what this batch really does; the counters are still as they
    // were before it.
    auto counts = seatCounts();
    if (!counts)
        return counts.error();
    QStringList shortages;
    for (SeatType type : allSeatTypes()) {
        const SeatCount &c = counts.value()[seatTypeIndex(type)];
        const int over = c.assigned + delta[seatTypeIndex(type)] - c.purchased;
        if (over > 0 && edits.size() == 1)
            return noFreeSeat(type, 1);
        if (over > 0)
            shortages << tr("%1: %2 purchased, %3 would be assigned. Buy %n more, or assign %n fewer.", nullptr, over)
                             .arg(seatTypeName(type))
                             .arg(c.purchased)
                             .arg(c.assigned + delta[seatTypeIndex(type)]);
    }
    if (!shortages.isEmpty())
        return Error { ErrorKind::NoFreeSeat,
                       tr("Not enough seats; nothing was saved.\n%1").arg(shortages.join(QLatin1Char('\n'))) };

    // The counters move by the net change of each type, each only if storage
    // still has room (two writers never take the last seat twice).
    for (SeatType type : allSeatTypes()) {
        const int d = delta[seatTypeIndex(type)];
        if (d == 0)
            continue;
        auto moved = m_store->moveAssigned(type, d);
        if (!moved)
            return moved.error();
        if (!moved.value())
            return noFreeSeat(type, d);
    }
    return {};
}
