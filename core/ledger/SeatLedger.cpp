#include "SeatLedger.h"

#include "BulkStatement.h"
#include "LedgerAudit.h"
#include "LedgerChain.h"
#include "LedgerWriter.h"
#include "SeatDatabase.h"
#include "UserReader.h"
#include "Validation.h"

#include <numeric>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace {

Error refused(const QString &message)
{
    return Error { ErrorKind::Refused, message };
}

QString userJson(const QString &first, const QString &last, Role role)
{
    const QJsonObject o { { QStringLiteral("first"), first },
                          { QStringLiteral("last"), last },
                          { QStringLiteral("role"), roleKey(role) } };
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString optionalKey(const std::optional<SeatType> &type)
{
    return type ? seatTypeKey(*type) : QStringLiteral("");
}

} // namespace

SeatLedger::SeatLedger(std::unique_ptr<SeatDatabase> db)
    : m_db(std::move(db))
{
}

SeatLedger::~SeatLedger() = default;

Result<std::unique_ptr<SeatLedger>> SeatLedger::open(const QString &path)
{
    auto db = SeatDatabase::open(path);
    if (!db)
        return db.error();
    return std::make_unique<SeatLedger>(db.takeValue());
}

Result<std::unique_ptr<SeatLedger>> SeatLedger::create(const QString &path, const QString &adminEmail,
                                                       const QString &firstName, const QString &lastName)
{
    // Check the first user before any file exists, so a typo leaves nothing behind.
    for (const Status &s :
         { Validation::checkEmail(adminEmail), Validation::checkName(firstName), Validation::checkName(lastName) }) {
        if (!s)
            return s.error();
    }
    // The Super admin is written with the schema, before the file appears under its name.
    auto db = SeatDatabase::create(path, [&](SeatDatabase &fresh) -> Status {
        WriteTransaction tx(fresh);
        if (!tx.started())
            return tx.started();
        auto insert = fresh.prepare(("INSERT INTO users (email, email_key, first_name, last_name, role, created_at) "
                                     "VALUES (:email, :key, :first, :last, 'super-admin', :at)"));
        if (!insert)
            return insert.error();
        insert.value().bindValue(QStringLiteral(":email"), adminEmail);
        insert.value().bindValue(QStringLiteral(":key"), Validation::emailKey(adminEmail));
        insert.value().bindValue(QStringLiteral(":first"), sqlText(firstName));
        insert.value().bindValue(QStringLiteral(":last"), sqlText(lastName));
        insert.value().bindValue(QStringLiteral(":at"), LedgerChain::timeText(QDateTime::currentDateTimeUtc()));
        if (Status s = fresh.exec(insert.value()); !s)
            return s;
        LedgerWriter writer(fresh, adminEmail);
        if (Status s = writer.append(LedgerAction::UserCreated, adminEmail, {}, {},
                                     userJson(firstName, lastName, Role::SuperAdmin));
            !s)
            return s;
        if (Status s = writer.finish(); !s)
            return s;
        return tx.commit();
    });
    if (!db)
        return db.error();
    auto ledger = std::make_unique<SeatLedger>(db.takeValue());
    ledger->m_actor = adminEmail;
    return ledger;
}

QString SeatLedger::path() const
{
    return m_db->path();
}

Status SeatLedger::setActor(const QString &email)
{
    auto held = findHeld(email);
    if (!held)
        return held.error();
    m_actor = held.value().email;
    return {};
}

Result<QString> SeatLedger::soleSuperAdmin() const
{
    auto q = m_db->prepare(("SELECT email FROM users WHERE role = 'super-admin' ORDER BY id"));
    if (!q)
        return q.error();
    if (Status s = m_db->exec(q.value()); !s)
        return s.error();
    QStringList emails;
    while (q.value().next())
        emails << q.value().value(0).toString();
    if (emails.size() != 1)
        return Error { ErrorKind::Invalid,
                       tr("This database has %n Super admins; name the operator with --as.", nullptr,
                          int(emails.size())) };
    return emails.first();
}

Result<QVector<User>> SeatLedger::users(UserOrder order) const
{
    auto snapshot = usersSnapshot(order);
    if (!snapshot)
        return snapshot.error();
    return snapshot.value().users;
}

Result<SeatLedger::UsersSnapshot> SeatLedger::usersSnapshot(UserOrder order) const
{
    // One read transaction: the revision and the rows come from the same snapshot.
    if (Status s = m_db->execStatement(("BEGIN")); !s)
        return s.error();
    const auto finish = [this] {
        m_db->rollback();
    };
    auto current = revision();
    if (!current) {
        finish();
        return current.error();
    }
    if (m_usersCache.revision == current.value() && m_usersCache.order == order) {
        finish();
        return m_usersCache;
    }
    // Read in id order (the table's own order, the fastest to read) and sort here
    // when asked: ORDER BY email_key walks the index and costs twice the read.
    auto read = UserReader::readAll(*m_db);
    finish();
    if (!read)
        return read.error();
    QVector<User> users = read.takeValue();
    if (order == UserOrder::Email) {
        QVector<QString> keys;
        keys.reserve(users.size());
        for (const User &u : users)
            keys.append(Validation::emailKey(u.email));
        QVector<int> byEmail(users.size());
        std::iota(byEmail.begin(), byEmail.end(), 0);
        std::sort(byEmail.begin(), byEmail.end(), [&keys](int a, int b) { return keys[a] < keys[b]; });
        QVector<User> sorted;
        sorted.reserve(users.size());
        for (int i : byEmail)
            sorted.append(std::move(users[i]));
        users = std::move(sorted);
    }
    m_usersCache = UsersSnapshot { current.value(), order, users };
    return m_usersCache;
}

Result<User> SeatLedger::user(const QString &email) const
{
    auto q = m_db->prepare(UserReader::selectByEmailKeySql());
    if (!q)
        return q.error();
    q.value().bindValue(QStringLiteral(":key"), Validation::emailKey(email));
    if (Status s = m_db->exec(q.value()); !s)
        return s.error();
    QSqlQuery &row = q.value();
    if (!row.next()) {
        if (row.lastError().isValid())
            return m_db->storageError(row.lastError());
        return Error { ErrorKind::NotFound, tr("No user has the email address “%1”.").arg(email) };
    }
    return UserReader::fromRow(row);
}

Result<std::array<SeatCount, SeatTypeCount>> SeatLedger::seatCounts() const
{
    auto q = m_db->prepare(("SELECT type, purchased, assigned FROM seat_types"));
    if (!q)
        return q.error();
    if (Status s = m_db->exec(q.value()); !s)
        return s.error();
    std::array<SeatCount, SeatTypeCount> counts;
    for (SeatType type : allSeatTypes())
        counts[seatTypeIndex(type)].type = type;
    while (q.value().next()) {
        const auto type = seatTypeFromKey(q.value().value(0).toString());
        if (!type)
            continue;
        counts[seatTypeIndex(*type)].purchased = q.value().value(1).toInt();
        counts[seatTypeIndex(*type)].assigned = q.value().value(2).toInt();
    }
    return counts;
}

Result<QVector<LedgerEntry>> SeatLedger::entries() const
{
    auto q = m_db->prepare(("SELECT id, at_utc, actor, action, subject, seat_type, old_value, "
                            "new_value, prev_hash, hash FROM ledger ORDER BY id"));
    if (!q)
        return q.error();
    if (Status s = m_db->exec(q.value()); !s)
        return s.error();
    QVector<LedgerEntry> entries;
    QSqlQuery &row = q.value();
    while (row.next()) {
        entries.append(LedgerEntry {
            row.value(0).toLongLong(), QDateTime::fromString(row.value(1).toString(), Qt::ISODateWithMs),
            row.value(2).toString(), row.value(3).toString(), row.value(4).toString(), row.value(5).toString(),
            row.value(6).toString(), row.value(7).toString(), row.value(8).toString(), row.value(9).toString() });
    }
    if (row.lastError().isValid())
        return m_db->storageError(row.lastError());
    return entries;
}

Result<qint64> SeatLedger::revision() const
{
    auto q = m_db->prepare(("SELECT value FROM meta WHERE key = 'revision'"));
    if (!q)
        return q.error();
    if (Status s = m_db->exec(q.value()); !s)
        return s.error();
    if (!q.value().next())
        return m_db->storageError(q.value().lastError());
    return q.value().value(0).toLongLong();
}

Result<Role> SeatLedger::requireAdmin() const
{
    if (m_actor.isEmpty())
        return Error { ErrorKind::NotAuthorized, tr("No operator is set: name one with --as.") };
    // Read inside the caller's transaction: the operator may have been demoted or
    // deleted by another admin since this window opened.
    auto actor = findHeld(m_actor);
    if (!actor)
        return Error { ErrorKind::NotAuthorized,
                       tr("The operator %1 is no longer a user of this account.").arg(m_actor) };
    if (!isAdmin(actor.value().role))
        return Error { ErrorKind::NotAuthorized,
                       tr("%1 is a User: only a Super admin or an Admin can change users "
                          "and seats.")
                           .arg(m_actor) };
    return actor.value().role;
}

Result<SeatLedger::Held> SeatLedger::findHeld(const QString &email) const
{
    auto q = m_db->prepare(("SELECT u.id, u.email, u.role, a.product, a.seat_type FROM users u "
                            "LEFT JOIN assignments a ON a.user_id = u.id WHERE u.email_key = :key"));
    if (!q)
        return q.error();
    q.value().bindValue(QStringLiteral(":key"), Validation::emailKey(email));
    if (Status s = m_db->exec(q.value()); !s)
        return s.error();
    Held held;
    while (q.value().next()) {
        held.id = q.value().value(0).toLongLong();
        held.email = q.value().value(1).toString();
        held.role = roleFromKey(q.value().value(2).toString()).value_or(Role::User);
        if (const auto product = productFromKey(q.value().value(3).toString()))
            held.seats[productIndex(*product)] = seatTypeFromKey(q.value().value(4).toString());
    }
    if (held.id == 0)
        return Error { ErrorKind::NotFound, tr("No user has the email address “%1”.").arg(email) };
    return held;
}

Result<User> SeatLedger::createUser(const NewUser &newUser)
{
    auto created = createUsers({ newUser });
    if (!created)
        return created.error();
    return created.value().first();
}

Result<QVector<User>> SeatLedger::createUsers(const QVector<NewUser> &newUsers)
{
    QSet<QString> keys;
    for (const NewUser &newUser : newUsers) {
        for (const Status &s : { Validation::checkEmail(newUser.email), Validation::checkName(newUser.firstName),
                                 Validation::checkName(newUser.lastName) }) {
            if (!s)
                return s.error();
        }
        if (newUser.sales && productOf(*newUser.sales) != Product::Sales)
            return Error { ErrorKind::Invalid, tr("%1 is not a Sales Hub seat.").arg(seatTypeName(*newUser.sales)) };
        if (newUser.service && productOf(*newUser.service) != Product::Service)
            return Error { ErrorKind::Invalid,
                           tr("%1 is not a Service Hub seat.").arg(seatTypeName(*newUser.service)) };
        const QString key = Validation::emailKey(newUser.email);
        if (keys.contains(key))
            return Error { ErrorKind::Duplicate,
                           tr("A user with the email address “%1” already exists.").arg(newUser.email) };
        keys.insert(key);
    }
    WriteTransaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto actorRole = requireAdmin();
    if (!actorRole)
        return actorRole.error();
    auto insert = m_db->prepare(("INSERT INTO users (email, email_key, first_name, last_name, role, created_at) "
                                 "VALUES (:email, :key, :first, :last, :role, :at)"));
    if (!insert)
        return insert.error();
    LedgerWriter writer(*m_db, m_actor);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVector<User> created;
    created.reserve(newUsers.size());
    QVector<SeatEdit> seats;
    for (const NewUser &newUser : newUsers) {
        if (newUser.role == Role::SuperAdmin && actorRole.value() != Role::SuperAdmin)
            return Error { ErrorKind::NotAuthorized, tr("Only a Super admin can create another Super admin.") };
        if (auto existing = findHeld(newUser.email); existing)
            return Error { ErrorKind::Duplicate,
                           tr("A user with the email address “%1” already exists.").arg(existing.value().email) };
        else if (existing.error().kind != ErrorKind::NotFound)
            return existing.error();
        User u;
        u.email = newUser.email;
        u.firstName = newUser.firstName;
        u.lastName = newUser.lastName;
        u.role = newUser.role;
        u.createdAt = now;
        QSqlQuery &q = insert.value();
        q.bindValue(QStringLiteral(":email"), u.email);
        q.bindValue(QStringLiteral(":key"), Validation::emailKey(u.email));
        q.bindValue(QStringLiteral(":first"), sqlText(u.firstName));
        q.bindValue(QStringLiteral(":last"), sqlText(u.lastName));
        q.bindValue(QStringLiteral(":role"), roleKey(u.role));
        q.bindValue(QStringLiteral(":at"), LedgerChain::timeText(u.createdAt));
        if (Status s = m_db->exec(q); !s)
            return s.error();
        u.id = q.lastInsertId().toLongLong();
        if (Status s
            = writer.append(LedgerAction::UserCreated, u.email, {}, {}, userJson(u.firstName, u.lastName, u.role));
            !s)
            return s.error();
        for (const auto &type : { newUser.sales, newUser.service }) {
            if (type)
                seats.append(SeatEdit { u.id, u.email, productOf(*type), std::nullopt, type });
        }
        u.sales = newUser.sales;
        u.service = newUser.service;
        created.append(u);
    }
    if (Status s = applyEditsInTransaction(seats, writer, Froms::ReadInThisTransaction); !s)
        return s.error();
    if (Status s = writer.finish(); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return created;
}

Status SeatLedger::deleteUser(const QString &email)
{
    WriteTransaction tx(*m_db);
    if (!tx.started())
        return tx.started();
    auto actorRole = requireAdmin();
    if (!actorRole)
        return actorRole.error();
    auto target = findHeld(email);
    if (!target)
        return target.error();
    const Held &held = target.value();
    // R9: access first, then the person.
    for (Product product : allProducts()) {
        if (const auto seat = held.seats[productIndex(product)])
            return refused(tr("%1 still holds a %2 seat. Remove their %3 access first, then delete the user.")
                               .arg(held.email, seatTypeName(*seat), productName(product)));
    }
    if (Validation::emailKey(held.email) == Validation::emailKey(m_actor))
        return refused(tr("You cannot delete yourself; ask another admin."));
    if (held.role == Role::SuperAdmin && actorRole.value() != Role::SuperAdmin)
        return Error { ErrorKind::NotAuthorized, tr("Only a Super admin can delete a Super admin.") };
    // The ledger keeps who the person was, so that replaying it gives them back.
    auto names = m_db->prepare(("SELECT first_name, last_name FROM users WHERE id = :id"));
    if (!names)
        return names.error();
    names.value().bindValue(QStringLiteral(":id"), held.id);
    if (Status s = m_db->exec(names.value()); !s)
        return s;
    if (!names.value().next())
        return m_db->storageError(names.value().lastError());
    const QString before = userJson(names.value().value(0).toString(), names.value().value(1).toString(), held.role);
    names.value().finish();
    auto remove = m_db->prepare(("DELETE FROM users WHERE id = :id"));
    if (!remove)
        return remove.error();
    remove.value().bindValue(QStringLiteral(":id"), held.id);
    if (Status s = m_db->exec(remove.value()); !s)
        return s;
    LedgerWriter writer(*m_db, m_actor);
    if (Status s = writer.append(LedgerAction::UserDeleted, held.email, {}, before); !s)
        return s;
    if (Status s = writer.finish(); !s)
        return s;
    return tx.commit();
}

Status SeatLedger::assignSeat(const QString &email, SeatType type)
{
    WriteTransaction tx(*m_db);
    if (!tx.started())
        return tx.started();
    if (auto r = requireAdmin(); !r)
        return r.error();
    auto target = findHeld(email);
    if (!target)
        return target.error();
    const Product product = productOf(type);
    const auto current = target.value().seats[productIndex(product)];
    if (current == type)
        return refused(tr("%1 already holds a %2 seat.").arg(target.value().email, seatTypeName(type)));
    LedgerWriter writer(*m_db, m_actor);
    if (Status s
        = applyEditsInTransaction({ SeatEdit { target.value().id, target.value().email, product, current, type } },
                                  writer, Froms::ReadInThisTransaction);
        !s)
        return s;
    if (Status s = writer.finish(); !s)
        return s;
    return tx.commit();
}

Status SeatLedger::removeSeat(const QString &email, Product product)
{
    WriteTransaction tx(*m_db);
    if (!tx.started())
        return tx.started();
    if (auto r = requireAdmin(); !r)
        return r.error();
    auto target = findHeld(email);
    if (!target)
        return target.error();
    const auto current = target.value().seats[productIndex(product)];
    if (!current)
        return refused(tr("%1 holds no %2 seat.").arg(target.value().email, productName(product)));
    LedgerWriter writer(*m_db, m_actor);
    if (Status s = applyEditsInTransaction(
            { SeatEdit { target.value().id, target.value().email, product, current, std::nullopt } }, writer,
            Froms::ReadInThisTransaction);
        !s)
        return s;
    if (Status s = writer.finish(); !s)
        return s;
    return tx.commit();
}

Status SeatLedger::buySeats(SeatType type, int count)
{
    if (count < 1 || count > MaxSeatsPerPurchase)
        return Error { ErrorKind::Invalid,
                       tr("The number of seats to buy must be between 1 and %1.").arg(MaxSeatsPerPurchase) };
    WriteTransaction tx(*m_db);
    if (!tx.started())
        return tx.started();
    if (auto r = requireAdmin(); !r)
        return r.error();
    auto counts = seatCounts();
    if (!counts)
        return counts.error();
    const int before = counts.value()[seatTypeIndex(type)].purchased;
    auto update = m_db->prepare(("UPDATE seat_types SET purchased = purchased + :n WHERE type = :type"));
    if (!update)
        return update.error();
    update.value().bindValue(QStringLiteral(":n"), count);
    update.value().bindValue(QStringLiteral(":type"), seatTypeKey(type));
    if (Status s = m_db->exec(update.value()); !s)
        return s;
    LedgerWriter writer(*m_db, m_actor);
    if (Status s = writer.append(LedgerAction::SeatsBought, {}, seatTypeKey(type), QString::number(before),
                                 QString::number(before + count));
        !s)
        return s;
    if (Status s = writer.finish(); !s)
        return s;
    return tx.commit();
}

Status SeatLedger::releaseSeats(SeatType type, int count)
{
    if (count < 1 || count > MaxSeatsPerPurchase)
        return Error { ErrorKind::Invalid,
                       tr("The number of seats to release must be between 1 and %1.").arg(MaxSeatsPerPurchase) };
    WriteTransaction tx(*m_db);
    if (!tx.started())
        return tx.started();
    if (auto r = requireAdmin(); !r)
        return r.error();
    auto counts = seatCounts();
    if (!counts)
        return counts.error();
    const SeatCount c = counts.value()[seatTypeIndex(type)];
    // R8: only unassigned seats can go.
    if (count > c.free())
        return refused(tr("Only %n %1 seat(s) are free (%2 purchased, %3 assigned); release at most that many, "
                          "or remove access first.",
                          nullptr, c.free())
                           .arg(seatTypeName(type))
                           .arg(c.purchased)
                           .arg(c.assigned));
    auto update = m_db->prepare(
        ("UPDATE seat_types SET purchased = purchased - :n WHERE type = :type AND purchased - :n2 >= assigned"));
    if (!update)
        return update.error();
    update.value().bindValue(QStringLiteral(":n"), count);
    update.value().bindValue(QStringLiteral(":n2"), count);
    update.value().bindValue(QStringLiteral(":type"), seatTypeKey(type));
    if (Status s = m_db->exec(update.value()); !s)
        return s;
    if (update.value().numRowsAffected() != 1)
        return noFreeSeat(type, count);
    LedgerWriter writer(*m_db, m_actor);
    if (Status s = writer.append(LedgerAction::SeatsReleased, {}, seatTypeKey(type), QString::number(c.purchased),
                                 QString::number(c.purchased - count));
        !s)
        return s;
    if (Status s = writer.finish(); !s)
        return s;
    return tx.commit();
}

Status SeatLedger::applyEdits(const QVector<SeatEdit> &edits)
{
    WriteTransaction tx(*m_db);
    if (!tx.started())
        return tx.started();
    if (auto r = requireAdmin(); !r)
        return r.error();
    LedgerWriter writer(*m_db, m_actor);
    if (Status s = applyEditsInTransaction(edits, writer, Froms::FromTheCaller); !s)
        return s;
    if (Status s = writer.finish(); !s)
        return s;
    return tx.commit();
}

Status SeatLedger::applyPlan(const QVector<PlanLine> &plan)
{
    WriteTransaction tx(*m_db);
    if (!tx.started())
        return tx.started();
    if (auto r = requireAdmin(); !r)
        return r.error();
    // Play the lines in order over what storage holds now, then apply the net
    // result as one batch: a plan that moves a seat from one user to another
    // works even when no seat of that type is free.
    auto lookup = m_db->prepare(("SELECT u.id, u.email, a.product, a.seat_type FROM users u "
                                 "LEFT JOIN assignments a ON a.user_id = u.id WHERE u.email_key = :key"));
    if (!lookup)
        return lookup.error();
    struct Person
    {
        qint64 id = 0;
        QString email;
        std::optional<SeatType> stored[ProductCount];
        std::optional<SeatType> planned[ProductCount];
    };
    QHash<QString, Person> people;
    QVector<QString> order;
    for (const PlanLine &line : plan) {
        const QString key = Validation::emailKey(line.email);
        auto it = people.find(key);
        if (it == people.end()) {
            QSqlQuery &q = lookup.value();
            q.bindValue(QStringLiteral(":key"), key);
            if (Status s = m_db->exec(q); !s)
                return s;
            Person person;
            while (q.next()) {
                person.id = q.value(0).toLongLong();
                person.email = q.value(1).toString();
                if (const auto product = productFromKey(q.value(2).toString()))
                    person.stored[productIndex(*product)] = seatTypeFromKey(q.value(3).toString());
            }
            if (person.id == 0)
                return Error { ErrorKind::NotFound,
                               tr("Line %1: %2")
                                   .arg(line.lineNumber)
                                   .arg(tr("No user has the email address “%1”.").arg(line.email)) };
            person.planned[0] = person.stored[0];
            person.planned[1] = person.stored[1];
            it = people.insert(key, person);
            order.append(key);
        }
        std::optional<SeatType> &seat = it->planned[productIndex(line.product)];
        if (line.kind == PlanLine::Kind::Assign) {
            if (seat == line.type)
                return refused(tr("Line %1: %2 already holds a %3 seat.")
                                   .arg(line.lineNumber)
                                   .arg(it->email, seatTypeName(line.type)));
            seat = line.type;
        } else {
            if (!seat)
                return refused(
                    tr("Line %1: %2 holds no %3 seat.").arg(line.lineNumber).arg(it->email, productName(line.product)));
            seat.reset();
        }
    }
    QVector<SeatEdit> edits;
    for (const QString &key : order) {
        const Person &p = people[key];
        for (Product product : allProducts()) {
            const auto from = p.stored[productIndex(product)];
            const auto to = p.planned[productIndex(product)];
            if (from != to)
                edits.append(SeatEdit { p.id, p.email, product, from, to });
        }
    }
    LedgerWriter writer(*m_db, m_actor);
    if (Status s = applyEditsInTransaction(edits, writer, Froms::ReadInThisTransaction); !s)
        return s;
    if (Status s = writer.finish(); !s)
        return s;
    return tx.commit();
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
    auto q = m_db->prepare(("SELECT (SELECT seat_type FROM assignments WHERE user_id = :id "
                            "AND product = :product) FROM users WHERE id = :id2"));
    if (!q)
        return q.error().message;
    q.value().bindValue(QStringLiteral(":id"), edit.userId);
    q.value().bindValue(QStringLiteral(":product"), productKey(edit.product));
    q.value().bindValue(QStringLiteral(":id2"), edit.userId);
    if (Status s = m_db->exec(q.value()); !s)
        return s.error().message;
    if (!q.value().next())
        return tr("%1 was deleted.").arg(edit.email);
    const auto stored = seatTypeFromKey(q.value().value(0).toString());
    return tr("%1's %2 seat is now %3 (it was %4).")
        .arg(edit.email, productName(edit.product), stored ? seatTypeName(*stored) : tr("none", "no seat"),
             edit.from ? seatTypeName(*edit.from) : tr("none", "no seat"));
}

Status SeatLedger::applyEditsInTransaction(const QVector<SeatEdit> &edits, LedgerWriter &writer, Froms froms)
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

    // The batch goes to storage as a temporary table; a handful of set-wise
    // statements then check it against what is stored (R12) and apply it, so
    // 10,000 edits cost one join each rather than 10,000 lookups and updates.
    if (Status s = m_db->execStatement(
            ("CREATE TEMP TABLE IF NOT EXISTS pending_edits (user_id INTEGER NOT NULL, product TEXT NOT NULL, "
             "from_type TEXT, to_type TEXT, PRIMARY KEY (user_id, product))"));
        !s)
        return s;
    if (Status s = m_db->execStatement(("DELETE FROM pending_edits")); !s)
        return s;
    QVector<const SeatEdit *> changes;
    for (const SeatEdit &edit : edits) {
        if (edit.from != edit.to)
            changes.append(&edit);
    }
    // The ledger's entries for these changes, hashed meanwhile on another core.
    QVector<LedgerWriter::Draft> drafts;
    drafts.reserve(changes.size());
    for (const SeatEdit *edit : changes) {
        drafts.append(edit->to ? LedgerWriter::Draft { LedgerAction::SeatAssigned, edit->email, seatTypeKey(*edit->to),
                                                       optionalKey(edit->from), seatTypeKey(*edit->to) }
                               : LedgerWriter::Draft { LedgerAction::SeatRemoved, edit->email, seatTypeKey(*edit->from),
                                                       seatTypeKey(*edit->from), QStringLiteral("") });
    }
    if (Status s = writer.hashAhead(std::move(drafts)); !s)
        return s;
    auto insert = BulkStatement::prepare(
        *m_db, "INSERT INTO pending_edits (user_id, product, from_type, to_type) VALUES (?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    for (const SeatEdit *edit : changes) {
        BulkStatement &q = *insert.value();
        q.bind(0, edit->userId);
        q.bind(1, productKey(edit->product));
        if (edit->from)
            q.bind(2, seatTypeKey(*edit->from));
        else
            q.bindNull(2);
        if (edit->to)
            q.bind(3, seatTypeKey(*edit->to));
        else
            q.bindNull(3);
        if (Status s = q.run(); !s)
            return s;
    }
    insert = Error {}; // finalized before the statements that read the table

    // R12: every edit must find what its editor saw.
    if (froms == Froms::FromTheCaller) {
        auto stale = m_db->prepare(("SELECT e.user_id, e.product FROM pending_edits e "
                                    "LEFT JOIN users u ON u.id = e.user_id "
                                    "LEFT JOIN assignments a ON a.user_id = e.user_id AND a.product = e.product "
                                    "WHERE u.id IS NULL OR COALESCE(a.seat_type, '') <> COALESCE(e.from_type, '')"));
        if (!stale)
            return stale.error();
        if (Status s = m_db->exec(stale.value()); !s)
            return s;
        QHash<QPair<qint64, int>, const SeatEdit *> byKey;
        for (const SeatEdit *edit : changes)
            byKey.insert({ edit->userId, productIndex(edit->product) }, edit);
        QVector<const SeatEdit *> staleEdits;
        while (stale.value().next()) {
            const auto product = productFromKey(stale.value().value(1).toString());
            if (const SeatEdit *edit
                = product ? byKey.value({ stale.value().value(0).toLongLong(), productIndex(*product) }) : nullptr)
                staleEdits.append(edit);
        }
        stale.value().finish();
        if (!staleEdits.isEmpty()) {
            QStringList conflicts;
            for (const SeatEdit *edit : staleEdits)
                conflicts << describeConflict(*edit);
            return Error { ErrorKind::Conflict,
                           tr("Another admin changed these seats since you opened them; nothing was saved. Review the "
                              "refreshed list and try again.\n%1")
                               .arg(conflicts.join(QLatin1Char('\n'))) };
        }
    }

    // Apply: removals, tier moves, new seats (R3 holds: one row per user and product).
    const SqlText apply[] = {
        "DELETE FROM assignments WHERE (user_id, product) IN "
        "(SELECT user_id, product FROM pending_edits WHERE to_type IS NULL)",
        "UPDATE assignments SET seat_type = (SELECT e.to_type FROM pending_edits e "
        "WHERE e.user_id = assignments.user_id AND e.product = assignments.product) "
        "WHERE (user_id, product) IN "
        "(SELECT user_id, product FROM pending_edits WHERE from_type IS NOT NULL AND to_type IS NOT NULL)",
        "INSERT INTO assignments (user_id, product, seat_type) "
        "SELECT user_id, product, to_type FROM pending_edits WHERE from_type IS NULL AND to_type IS NOT NULL",
    };
    for (const SqlText &sql : apply) {
        if (Status s = m_db->execStatement(sql); !s)
            return s;
    }
    if (Status s = m_db->execStatement(("DELETE FROM pending_edits")); !s)
        return s;
    if (Status s = writer.appendHashed(); !s)
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

    // The counters move by the net change of each type. The conditional update is
    // what makes R2 hold between processes: of two writers racing for the last
    // seat, the second finds no row to update (and the CHECK backs it up).
    auto counter = m_db->prepare(("UPDATE seat_types SET assigned = assigned + :d "
                                  "WHERE type = :type AND assigned + :d2 <= purchased"));
    if (!counter)
        return counter.error();
    for (SeatType type : allSeatTypes()) {
        const int d = delta[seatTypeIndex(type)];
        if (d == 0)
            continue;
        counter.value().bindValue(QStringLiteral(":d"), d);
        counter.value().bindValue(QStringLiteral(":d2"), d);
        counter.value().bindValue(QStringLiteral(":type"), seatTypeKey(type));
        if (Status s = m_db->exec(counter.value()); !s)
            return s;
        if (counter.value().numRowsAffected() != 1)
            return noFreeSeat(type, d);
    }
    return {};
}

Result<QStringList> SeatLedger::check() const
{
    return LedgerAudit::run(*m_db);
}

Status SeatLedger::quickCheck() const
{
    return m_db->quickCheck();
}

Result<BackupInfo> SeatLedger::backup() const
{
    return Backups::take(*m_db);
}

Result<std::optional<BackupInfo>> SeatLedger::dailyBackup() const
{
    return Backups::takeDaily(*m_db);
}
