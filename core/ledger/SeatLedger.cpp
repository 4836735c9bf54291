#include "SeatLedger.h"

#include "LedgerRules.h"
#include "SeatStore.h"
#include "Stores.h"
#include "Validation.h"

#include <numeric>
#include <QDir>
#include <QFileInfo>
#include <QSet>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

using LedgerRules::refused;
using LedgerRules::userJson;

SeatLedger::SeatLedger(std::unique_ptr<SeatStore> store)
    : m_store(std::move(store))
{
}

SeatLedger::~SeatLedger() = default;

Result<std::unique_ptr<SeatLedger>> SeatLedger::open(const QString &location)
{
    auto store = Stores::open(location);
    if (!store)
        return store.error();
    return std::make_unique<SeatLedger>(store.takeValue());
}

Result<std::unique_ptr<SeatLedger>> SeatLedger::create(const QString &location, const QString &adminEmail,
                                                       const QString &firstName, const QString &lastName)
{
    // Check the first user before anything exists, so a typo leaves nothing behind.
    for (const Status &s :
         { Validation::checkEmail(adminEmail), Validation::checkName(firstName, Validation::NamePart::First),
           Validation::checkName(lastName, Validation::NamePart::Last) }) {
        if (!s)
            return s.error();
    }
    // The Super admin is written with the schema, before the database appears.
    auto store = Stores::create(location, [&](SeatStore &fresh) -> Status {
        auto tx = fresh.beginWrite(adminEmail);
        if (!tx)
            return tx.error();
        User admin;
        admin.email = adminEmail;
        admin.firstName = firstName;
        admin.lastName = lastName;
        admin.role = Role::SuperAdmin;
        admin.createdAt = QDateTime::currentDateTimeUtc();
        if (auto id = fresh.insertUser(admin); !id)
            return id.error();
        if (Status s = tx.value()->append({ LedgerAction::UserCreated,
                                            adminEmail,
                                            {},
                                            {},
                                            userJson(firstName, lastName, Role::SuperAdmin, fresh.login()) });
            !s)
            return s;
        return tx.value()->commit();
    });
    if (!store)
        return store.error();
    auto ledger = std::make_unique<SeatLedger>(store.takeValue());
    ledger->m_actor = adminEmail;
    return ledger;
}

Status SeatLedger::checkLocation(const QString &location)
{
    return Stores::checkLocation(location);
}

QVector<BackupInfo> SeatLedger::backups(const QString &location)
{
    return Stores::backups(location);
}

Status SeatLedger::backupsKept(const QString &location)
{
    return Stores::backupsKept(location);
}

Result<QString> SeatLedger::restore(const QString &location, const QString &backup, const QString &recordedBy)
{
    auto restored = Stores::restore(location, backup);
    if (!restored)
        return restored;
    // The restored file is sound (restore checked it): the restore goes into
    // its ledger like any change, where an admin reads it later (R11).
    Status recorded = [&]() -> Status {
        auto opened = open(location);
        if (!opened)
            return opened.error();
        auto tx = opened.value()->m_store->beginWrite(recordedBy);
        if (!tx)
            return tx.error();
        if (Status s = tx.value()->append({ LedgerAction::DatabaseRestored,
                                            {},
                                            {},
                                            QFileInfo(backup).fileName(),
                                            QFileInfo(restored.value()).fileName() });
            !s)
            return s;
        return tx.value()->commit();
    }();
    if (!recorded)
        return Error { ErrorKind::Storage,
                       tr("%1 was restored from %2, but the restore could not be recorded in its ledger: %3")
                           .arg(QDir::toNativeSeparators(location), QDir::toNativeSeparators(backup),
                                recorded.error().message) };
    return restored;
}

QString SeatLedger::loginLabel()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("LOGNAME");
#ifdef Q_OS_UNIX
    if (name.isEmpty()) {
        if (const passwd *entry = ::getpwuid(::geteuid()))
            name = QString::fromLocal8Bit(entry->pw_name);
    }
#endif
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME"); // Windows
    return QStringLiteral("login:") + (name.isEmpty() ? QStringLiteral("?") : name);
}

bool SeatLedger::isServer(const QString &location)
{
    return Stores::isServer(location);
}

void SeatLedger::setSessionPassword(const QString &location, const QString &password)
{
    Stores::setSessionPassword(location, password);
}

bool SeatLedger::wantsPassword(const QString &location)
{
    return Stores::wantsPassword(location);
}

bool SeatLedger::subscribeToChanges(const std::function<void()> &notified)
{
    return m_store->subscribeToChanges(notified);
}

void SeatLedger::reconnectLater()
{
    m_store->reconnectLater();
}

QString SeatLedger::path() const
{
    return m_store->location();
}

Result<std::unique_ptr<SeatLedger>> SeatLedger::sameOperatorOn(Result<std::unique_ptr<SeatStore>> store) const
{
    if (!store)
        return store.error();
    auto other = std::make_unique<SeatLedger>(store.takeValue());
    other->m_actor = m_actor;
    return other;
}

Result<std::unique_ptr<SeatLedger>> SeatLedger::openAnother() const
{
    return sameOperatorOn(m_store->openAnother());
}

Result<std::unique_ptr<SeatLedger>> SeatLedger::openLater() const
{
    return sameOperatorOn(m_store->openLater());
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
    auto emails = m_store->superAdmins();
    if (!emails)
        return emails.error();
    if (emails.value().size() != 1)
        return Error { ErrorKind::Invalid,
                       tr("This database has %n Super admins; name the operator with --as.", nullptr,
                          int(emails.value().size())) };
    return emails.value().first();
}

QString SeatLedger::login() const
{
    return m_store->login();
}

Result<std::optional<QString>> SeatLedger::loginOperator() const
{
    const QString mine = m_store->login();
    if (mine.isEmpty())
        return std::optional<QString>();
    auto tied = m_store->userOfLogin();
    if (!tied)
        return tied.error();
    if (!tied.value())
        return Error { ErrorKind::NotAuthorized, untiedLoginMessage() };
    return tied.value();
}

QString SeatLedger::untiedLoginMessage() const
{
    return tr("The login “%1” is tied to no Seatkeeper user, so it can see everything but change nothing. Ask a "
              "Super admin to run: seatctl users edit EMAIL --login %1")
        .arg(m_store->login());
}

bool SeatLedger::untiedLogin() const
{
    return !m_store->login().isEmpty() && m_actor.isEmpty();
}

Result<bool> SeatLedger::followLogin()
{
    auto tied = loginTiedTo();
    if (!tied)
        return tied.error();
    return followLoginTo(tied.value());
}

Result<std::optional<QString>> SeatLedger::loginTiedTo() const
{
    if (m_store->login().isEmpty())
        return std::optional<QString>();
    return m_store->userOfLogin();
}

bool SeatLedger::followLoginTo(const std::optional<QString> &tied)
{
    if (m_store->login().isEmpty())
        return false;
    const QString now = tied.value_or(QString());
    if (Validation::emailKey(now) == Validation::emailKey(m_actor))
        return false;
    m_actor = now;
    return true;
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
    // Read in id order (the fastest to read) and sort here when asked.
    auto read = m_store->users();
    if (!read)
        return read.error();
    QVector<User> users = std::move(read.value().users);
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
    return UsersSnapshot { read.value().revision, order, std::move(users) };
}

Result<User> SeatLedger::user(const QString &email) const
{
    return m_store->user(email);
}

Result<std::array<SeatCount, SeatTypeCount>> SeatLedger::seatCounts() const
{
    return m_store->seatCounts();
}

Result<QVector<LedgerEntry>> SeatLedger::entries() const
{
    return m_store->entries(0);
}

Result<QVector<LedgerEntry>> SeatLedger::entriesPage(const LedgerFilter &filter, qint64 beforeId, int limit) const
{
    return m_store->entriesPage(filter, beforeId, limit);
}

Result<qint64> SeatLedger::revision() const
{
    return m_store->revision();
}

Result<qint64> SeatLedger::feedPosition() const
{
    return m_store->lastEntryId();
}

Result<SeatLedger::Changes> SeatLedger::changesSince(qint64 position, int maxUsers) const
{
    Changes changes;
    changes.position = position;
    auto last = m_store->lastEntryId();
    if (!last)
        return last.error();
    if (last.value() < position) {
        changes.replaced = true;
        changes.position = last.value();
        return changes;
    }
    if (last.value() == position)
        return changes;
    auto entries = m_store->entries(position);
    if (!entries)
        return entries.error();
    QStringList touched; // e-mails, in the order their first entry came
    QSet<QString> seen;
    for (const LedgerEntry &e : entries.value()) {
        if (e.action == LedgerAction::DatabaseRestored) {
            changes = Changes {};
            changes.replaced = true;
            changes.position = last.value();
            return changes;
        }
        changes.position = e.id;
        ++changes.entries;
        if (e.action == LedgerAction::SeatsBought || e.action == LedgerAction::SeatsReleased
            || e.action == LedgerAction::SeatAssigned || e.action == LedgerAction::SeatRemoved)
            changes.seatCountsChanged = true;
        if (e.action == LedgerAction::TeamCreated || e.action == LedgerAction::TeamRenamed
            || e.action == LedgerAction::TeamDeleted || e.action == LedgerAction::UserTeamsChanged
            || e.action == LedgerAction::UserDeleted)
            changes.teamsChanged = true;
        // A renamed team's members show its new name: they are touched too
        // (as they are now, in the team under its latest name).
        if (e.action == LedgerAction::TeamRenamed) {
            if (auto team = m_store->findTeam(e.after)) {
                auto members = m_store->teamMembers(team.value().id);
                if (!members)
                    return members.error();
                for (const QString &email : members.value()) {
                    const QString key = Validation::emailKey(email);
                    if (!seen.contains(key)) {
                        seen.insert(key);
                        touched.append(email);
                    }
                }
            } else if (team.error().kind != ErrorKind::NotFound) {
                return team.error();
            }
        }
        if (e.subject.isEmpty())
            continue;
        const QString key = Validation::emailKey(e.subject);
        if (!seen.contains(key)) {
            seen.insert(key);
            touched.append(e.subject);
        }
    }
    if (touched.size() > maxUsers) {
        changes.many = true;
        return changes;
    }
    // Each touched user as stored now, all in one read: later entries than
    // those read here only make the next call read them again.
    auto now = m_store->usersNamed(touched);
    if (!now)
        return now.error();
    QHash<QString, int> present; // by e-mail key: where in `now`
    for (int i = 0; i < now.value().size(); ++i)
        present.insert(Validation::emailKey(now.value().at(i).email), i);
    for (const QString &email : touched) { // in the order their first entry came
        const int at = present.value(Validation::emailKey(email), -1);
        if (at >= 0)
            changes.users.append(now.value().at(at));
        else
            changes.removed.append(email);
    }
    return changes;
}

Result<Role> SeatLedger::requireAdmin() const
{
    if (m_actor.isEmpty())
        return Error { ErrorKind::NotAuthorized,
                       m_store->login().isEmpty() ? tr("No operator is set: name one with --as.")
                                                  : untiedLoginMessage() };
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

Result<StoredUser> SeatLedger::findHeld(const QString &email) const
{
    return m_store->findUser(email);
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
        for (const Status &s : { Validation::checkEmail(newUser.email),
                                 Validation::checkName(newUser.firstName, Validation::NamePart::First),
                                 Validation::checkName(newUser.lastName, Validation::NamePart::Last) }) {
            if (!s)
                return s.error();
        }
        if (newUser.sales && productOf(*newUser.sales) != Product::Sales)
            return Error { ErrorKind::Invalid, tr("%1 is not a Sales Hub seat.").arg(seatTypeName(*newUser.sales)) };
        if (!newUser.login.isEmpty() && m_store->login().isEmpty())
            return Error { ErrorKind::Invalid,
                           tr("Only a user of a database on a PostgreSQL server can be tied to a login.") };
        if (newUser.login.toUtf8().size() > 63 || newUser.login.contains(QChar(0)))
            return Error { ErrorKind::Invalid, tr("“%1” cannot be a PostgreSQL login.").arg(newUser.login) };
        if (newUser.service && productOf(*newUser.service) != Product::Service)
            return Error { ErrorKind::Invalid,
                           tr("%1 is not a Service Hub seat.").arg(seatTypeName(*newUser.service)) };
        const QString key = Validation::emailKey(newUser.email);
        if (keys.contains(key))
            return Error { ErrorKind::Duplicate,
                           tr("A user with the email address “%1” already exists.").arg(newUser.email) };
        keys.insert(key);
    }
    QVector<User> created;
    auto made = change([&](StoreTransaction &tx, Role actorRole) -> Status {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        created.reserve(newUsers.size());
        QVector<SeatEdit> seats;
        // Who already exists, read at once for several (one round trip to a server).
        QHash<QString, StoredUser> taken;
        if (newUsers.size() > 1) {
            QStringList emails;
            for (const NewUser &newUser : newUsers)
                emails << newUser.email;
            auto found = m_store->findUsers(emails);
            if (!found)
                return found.error();
            taken = found.takeValue();
        }
        for (const NewUser &newUser : newUsers) {
            if (newUser.role == Role::SuperAdmin && actorRole != Role::SuperAdmin)
                return Error { ErrorKind::NotAuthorized, tr("Only a Super admin can create another Super admin.") };
            // The operator is the login: whoever ties one gives it a user's rights.
            if (!newUser.login.isEmpty() && actorRole != Role::SuperAdmin)
                return Error { ErrorKind::NotAuthorized,
                               tr("Only a Super admin can tie a user to a login, change it or untie it.") };
            if (newUsers.size() > 1) {
                if (const auto existing = taken.constFind(Validation::emailKey(newUser.email));
                    existing != taken.cend())
                    return Error { ErrorKind::Duplicate,
                                   tr("A user with the email address “%1” already exists.").arg(existing->email) };
            } else if (auto existing = findHeld(newUser.email); existing) {
                return Error { ErrorKind::Duplicate,
                               tr("A user with the email address “%1” already exists.").arg(existing.value().email) };
            } else if (existing.error().kind != ErrorKind::NotFound) {
                return existing.error();
            }
            User u;
            u.email = newUser.email;
            u.firstName = newUser.firstName;
            u.lastName = newUser.lastName;
            u.role = newUser.role;
            u.createdAt = now;
            u.login = newUser.login;
            auto id = m_store->insertUser(u);
            if (!id)
                return id.error();
            u.id = id.value();
            if (Status s = tx.append(
                    { LedgerAction::UserCreated, u.email, {}, {}, userJson(u.firstName, u.lastName, u.role, u.login) });
                !s)
                return s;
            for (const auto &type : { newUser.sales, newUser.service }) {
                if (type)
                    seats.append(SeatEdit { u.id, u.email, productOf(*type), std::nullopt, type });
            }
            u.sales = newUser.sales;
            u.service = newUser.service;
            created.append(u);
        }
        return applyEditsInTransaction(seats, tx, Froms::ReadInThisTransaction);
    });
    if (!made)
        return made.error();
    return created;
}

Result<qint64> SeatLedger::deleteUser(const QString &email)
{
    return change([&](StoreTransaction &tx, Role actorRole) -> Status {
        auto target = findHeld(email);
        if (!target)
            return target.error();
        const StoredUser &held = target.value();
        // R9: access first, then the person.
        for (Product product : allProducts()) {
            if (const auto seat = held.seats[productIndex(product)])
                return refused(tr("%1 still holds a %2 seat. Remove their %3 access first, then delete the user.")
                                   .arg(held.email, seatTypeName(*seat), productName(product)));
        }
        if (Validation::emailKey(held.email) == Validation::emailKey(m_actor))
            return refused(tr("You cannot delete yourself; ask another admin."));
        if (held.role == Role::SuperAdmin && actorRole != Role::SuperAdmin)
            return Error { ErrorKind::NotAuthorized, tr("Only a Super admin can delete a Super admin.") };
        if (Status s = m_store->deleteUser(held.id); !s)
            return s;
        // The ledger keeps who the person was, so that replaying it gives them back.
        return tx.append(
            { LedgerAction::UserDeleted, held.email, {}, userJson(held.firstName, held.lastName, held.role), {} });
    });
}

Result<qint64> SeatLedger::deleteUsers(const QStringList &emails)
{
    return change([&](StoreTransaction &tx, Role actorRole) -> Status {
        QVector<StoredUser> targets;
        int holders = 0;
        for (const QString &email : emails) {
            auto target = findHeld(email);
            if (!target)
                return target.error();
            const StoredUser &held = target.value();
            if (held.seats[0] || held.seats[1])
                ++holders;
            if (Validation::emailKey(held.email) == Validation::emailKey(m_actor))
                return refused(tr("You cannot delete yourself; ask another admin."));
            if (held.role == Role::SuperAdmin && actorRole != Role::SuperAdmin)
                return Error { ErrorKind::NotAuthorized, tr("Only a Super admin can delete a Super admin.") };
            targets.append(held);
        }
        // R9: access first, then the people.
        if (holders > 0)
            return refused(tr("%n of the selected users still hold a seat. Remove their access first; nobody was "
                              "deleted.",
                              nullptr, holders));
        for (const StoredUser &held : targets) {
            if (Status s = m_store->deleteUser(held.id); !s)
                return s;
            if (Status s = tx.append({ LedgerAction::UserDeleted,
                                       held.email,
                                       {},
                                       userJson(held.firstName, held.lastName, held.role),
                                       {} });
                !s)
                return s;
        }
        return {};
    });
}

Result<qint64> SeatLedger::buySeats(SeatType type, int count)
{
    if (count < 1 || count > MaxSeatsPerPurchase)
        return Error { ErrorKind::Invalid,
                       tr("The number of seats to buy must be between 1 and %1.").arg(MaxSeatsPerPurchase) };
    return change([&](StoreTransaction &tx, Role) -> Status {
        auto counts = seatCounts();
        if (!counts)
            return counts.error();
        const int before = counts.value()[seatTypeIndex(type)].purchased;
        if (count > MaxPurchasedSeats - before)
            return Error { ErrorKind::Invalid,
                           tr("An account can hold at most %1 %2 seats; %3 are purchased, so at most %4 more can be "
                              "bought.")
                               .arg(MaxPurchasedSeats)
                               .arg(seatTypeName(type))
                               .arg(before)
                               .arg(std::max(0, MaxPurchasedSeats - before)) };
        if (Status s = m_store->addPurchased(type, count); !s)
            return s;
        return tx.append({ LedgerAction::SeatsBought,
                           {},
                           seatTypeKey(type),
                           QString::number(before),
                           QString::number(before + count) });
    });
}

Result<qint64> SeatLedger::releaseSeats(SeatType type, int count)
{
    if (count < 1 || count > MaxSeatsPerPurchase)
        return Error { ErrorKind::Invalid,
                       tr("The number of seats to release must be between 1 and %1.").arg(MaxSeatsPerPurchase) };
    return change([&](StoreTransaction &tx, Role) -> Status {
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
        auto released = m_store->releasePurchased(type, count);
        if (!released)
            return released.error();
        if (!released.value())
            return noFreeSeat(type, count);
        return tx.append({ LedgerAction::SeatsReleased,
                           {},
                           seatTypeKey(type),
                           QString::number(c.purchased),
                           QString::number(c.purchased - count) });
    });
}

Result<QStringList> SeatLedger::check() const
{
    return m_store->check();
}

Status SeatLedger::quickCheck() const
{
    return m_store->quickCheck();
}

Result<BackupInfo> SeatLedger::backup() const
{
    return m_store->backup();
}

Result<std::optional<BackupInfo>> SeatLedger::dailyBackup() const
{
    return m_store->dailyBackup();
}
