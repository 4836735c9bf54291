// The store contract, the same suite for every backend (SQLite, and PostgreSQL on
// the server scripts/with-postgres.sh starts): what storage itself upholds,
// whoever writes — R2, R3, R9, R11, R12 — and R13: what one connection commits,
// every other reads.

#include "Language.h"
#include "LedgerChain.h"
#include "LedgerRules.h"
#include "PostgresDatabase.h"
#include "PostgresServer.h"
#include "PostgresStore.h"
#include "SeatLedger.h"
#include "SeatStore.h"
#include "SqliteStore.h"
#include "TestSupport.h"

#include <functional>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>

namespace {

// One backend: how to make a new database, open another connection, and run a
// statement as another program would (to try what Seatkeeper never does).
struct Backend
{
    std::function<Result<std::unique_ptr<SeatStore>>(const QString &, const std::function<Status(SeatStore &)> &)>
        create;
    std::function<Result<std::unique_ptr<SeatStore>>(const QString &)> open;
    std::function<QString(const QString &location, const QString &sql)> raw;
};

QMap<QString, Backend> backends()
{
    QMap<QString, Backend> all;
    all.insert(QStringLiteral("sqlite"),
               Backend {
                   [](const QString &path, const std::function<Status(SeatStore &)> &populate) {
                       auto s = SqliteStore::create(path, populate);
                       return s ? Result<std::unique_ptr<SeatStore>>(std::unique_ptr<SeatStore>(s.takeValue()))
                                : Result<std::unique_ptr<SeatStore>>(s.error());
                   },
                   [](const QString &path) {
                       auto s = SqliteStore::open(path);
                       return s ? Result<std::unique_ptr<SeatStore>>(std::unique_ptr<SeatStore>(s.takeValue()))
                                : Result<std::unique_ptr<SeatStore>>(s.error());
                   },
                   [](const QString &path, const QString &sql) { return TestSupport::RawConnection(path).exec(sql); },
               });
    // Always a row: without a server, its tests are skipped and say why.
    all.insert(QStringLiteral("postgresql"),
               Backend {
                   [](const QString &uri, const std::function<Status(SeatStore &)> &populate) {
                       auto s = PostgresStore::create(uri, populate);
                       return s ? Result<std::unique_ptr<SeatStore>>(std::unique_ptr<SeatStore>(s.takeValue()))
                                : Result<std::unique_ptr<SeatStore>>(s.error());
                   },
                   [](const QString &uri) {
                       auto s = PostgresStore::open(uri);
                       return s ? Result<std::unique_ptr<SeatStore>>(std::unique_ptr<SeatStore>(s.takeValue()))
                                : Result<std::unique_ptr<SeatStore>>(s.error());
                   },
                   [](const QString &uri, const QString &sql) { return PostgresServer::exec(uri, sql); },
               });
    return all;
}

User person(const QString &email, Role role = Role::User)
{
    User u;
    u.email = email;
    u.role = role;
    u.createdAt = QDateTime::currentDateTimeUtc();
    return u;
}

// ada (Super admin), bob and cat; 1 Sales Professional seat, held by nobody yet.
Status populate(SeatStore &store)
{
    auto tx = store.beginWrite(QStringLiteral("ada@example.com"));
    if (!tx)
        return tx.error();
    for (const User &u : { person(QStringLiteral("ada@example.com"), Role::SuperAdmin),
                           person(QStringLiteral("bob@example.com")), person(QStringLiteral("cat@example.com")) }) {
        if (auto id = store.insertUser(u); !id)
            return id.error();
        if (Status s = tx.value()->append(
                { LedgerAction::UserCreated,
                  u.email,
                  {},
                  {},
                  // The first user is tied to the login creating the database (PostgreSQL).
                  LedgerRules::userJson({}, {}, u.role, u.role == Role::SuperAdmin ? store.login() : QString()) });
            !s)
            return s;
    }
    if (Status s = store.addPurchased(SeatType::SalesProfessional, 1); !s)
        return s;
    if (Status s = tx.value()->append({ LedgerAction::SeatsBought,
                                        {},
                                        QStringLiteral("sales-professional"),
                                        QStringLiteral("0"),
                                        QStringLiteral("1") });
        !s)
        return s;
    return tx.value()->commit();
}

// Assigns `type` to `email` as a one-edit batch, without the rules' checks: what
// storage alone allows.
Status assignRaw(SeatStore &store, const QString &email, SeatType type)
{
    auto who = store.findUser(email);
    if (!who)
        return who.error();
    auto tx = store.beginWrite(QStringLiteral("ada@example.com"));
    if (!tx)
        return tx.error();
    const SeatEdit edit { who.value().id, email, productOf(type), who.value().seats[productIndex(productOf(type))],
                          type };
    if (Status s = store.stageEdits({ &edit }); !s)
        return s;
    if (Status s = store.applyStagedEdits(); !s)
        return s;
    auto moved = store.moveAssigned(type, 1);
    if (!moved)
        return moved.error();
    if (!moved.value())
        return Error { ErrorKind::NoFreeSeat, QStringLiteral("no free seat") };
    if (Status s = tx.value()->append({ LedgerAction::SeatAssigned, email, seatTypeKey(type), {}, seatTypeKey(type) });
        !s)
        return s;
    return tx.value()->commit();
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Language::install(QStringLiteral("en")); }
    void init();
    void cleanup();

    void capacityHoldsInStorage_data() { backendRows(); }
    void capacityHoldsInStorage();
    void oneSeatPerProductOfThatProduct_data() { backendRows(); }
    void oneSeatPerProductOfThatProduct();
    void aSeatHolderCannotBeDeleted_data() { backendRows(); }
    void aSeatHolderCannotBeDeleted();
    void theLedgerIsAppendOnlyAndChained_data() { backendRows(); }
    void theLedgerIsAppendOnlyAndChained();
    void staleEditsAreNamed_data() { backendRows(); }
    void staleEditsAreNamed();
    void whatOneConnectionCommitsEveryOtherReads_data() { backendRows(); }
    void whatOneConnectionCommitsEveryOtherReads();
    void writersQueueAndTheChainStaysLinear_data() { backendRows(); }
    void writersQueueAndTheChainStaysLinear();
    void historyPagesNewestFirstAndFiltered_data() { backendRows(); }
    void historyPagesNewestFirstAndFiltered();
    // R14: teams.
    void teamsAndMembershipsHoldInStorage_data() { backendRows(); }
    void teamsAndMembershipsHoldInStorage();
    void teamChangesAreLedgeredAndReplayed_data() { backendRows(); }
    void teamChangesAreLedgeredAndReplayed();
    void anotherConnectionSeesTeamChangesInTheFeed_data() { backendRows(); }
    void anotherConnectionSeesTeamChangesInTheFeed();
    void editingAUserKeepsTheRulesOfRoles_data() { backendRows(); }
    void editingAUserKeepsTheRulesOfRoles();
    void anOlderSchemaGainsTeams_data() { backendRows(); }
    void anOlderSchemaGainsTeams();

private:
    static void backendRows()
    {
        QTest::addColumn<QString>("backend");
        for (const QString &name : backends().keys())
            QTest::newRow(qPrintable(name)) << name;
    }
    Backend backend() const { return backends().value(QString::fromLatin1(QTest::currentDataTag())); }
    std::unique_ptr<SeatStore> fresh()
    {
        auto made = backend().create(m_location, populate);
        if (!made)
            qFatal("%s", qPrintable(made.error().message));
        return made.takeValue();
    }
    std::unique_ptr<SeatStore> another()
    {
        auto opened = backend().open(m_location);
        if (!opened)
            qFatal("%s", qPrintable(opened.error().message));
        return opened.takeValue();
    }

    // Another connection acting for `email`: on a server, through a login of
    // their own tied to them (the operator is the login there).
    std::unique_ptr<SeatStore> anotherAs(const QString &email)
    {
        if (!PostgresDatabase::isUri(m_location))
            return another();
        const QString login = QUrl(m_location).path().mid(1) + QLatin1Char('_') + email.section(QLatin1Char('@'), 0, 0);
        const QString error
            = backend().raw(m_location,
                            QStringLiteral("CREATE ROLE %1 LOGIN; SET session_replication_role = replica; "
                                           "UPDATE users SET login = '%1' WHERE email = '%2'; "
                                           // Tied with the triggers off: the server's rights follow by hand.
                                           "SELECT seatkeeper_writers_follow()")
                                .arg(login, email));
        if (!error.isEmpty())
            qFatal("%s", qPrintable(error));
        QUrl url(m_location);
        url.setUserName(login);
        auto opened = backend().open(url.toString());
        if (!opened)
            qFatal("%s", qPrintable(opened.error().message));
        return opened.takeValue();
    }

    // A raw statement that goes behind the ledger's back (a server's triggers
    // switched off for it, as only a superuser can).
    QString behindTheLedger(const QString &sql)
    {
        return backend().raw(m_location,
                             PostgresDatabase::isUri(m_location)
                                 ? QStringLiteral("SET session_replication_role = replica; ") + sql
                                 : sql);
    }

    // The rules over a fresh store of this backend, with ada as the operator.
    std::unique_ptr<SeatLedger> freshLedger()
    {
        auto ledger = std::make_unique<SeatLedger>(fresh());
        if (Status s = ledger->setActor(QStringLiteral("ada@example.com")); !s)
            qFatal("%s", qPrintable(s.error().message));
        return ledger;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_location;
};

void TestStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    if (QTest::currentDataTag() == QByteArray("postgresql")) {
        if (!PostgresServer::available())
            QSKIP(PostgresServer::unavailable);
        m_location = PostgresServer::createDatabase();
    } else {
        m_location = m_dir->filePath(QStringLiteral("store.db"));
    }
}

void TestStore::cleanup()
{
    if (PostgresDatabase::isUri(m_location))
        PostgresServer::dropDatabase(m_location);
    m_location.clear();
    m_dir.reset();
}

// R2: assigned never passes purchased, whoever asks, and releasing never goes below assigned.
void TestStore::capacityHoldsInStorage()
{
    auto store = fresh();
    QVERIFY(assignRaw(*store, QStringLiteral("bob@example.com"), SeatType::SalesProfessional).ok());
    const auto before = store->seatCounts().value()[seatTypeIndex(SeatType::SalesProfessional)];
    QCOMPARE(before.assigned, 1);
    QCOMPARE(assignRaw(*another(), QStringLiteral("cat@example.com"), SeatType::SalesProfessional).error().kind,
             ErrorKind::NoFreeSeat);
    {
        auto tx = store->beginWrite(QStringLiteral("ada@example.com"));
        QVERIFY(tx.ok());
        QCOMPARE(store->releasePurchased(SeatType::SalesProfessional, 1).value(), false);
        QCOMPARE(store->moveAssigned(SeatType::SalesProfessional, 1).value(), false);
    } // rolled back
    // And storage refuses it even when asked outright.
    QVERIFY(
        !backend()
             .raw(m_location, QStringLiteral("UPDATE seat_types SET assigned = 2 WHERE type = 'sales-professional'"))
             .isEmpty());
    QCOMPARE(store->seatCounts().value()[seatTypeIndex(SeatType::SalesProfessional)].assigned, 1);
    QCOMPARE(store->check().value(), QStringList());
}

// R3: one seat per user and product, and the seat belongs to that product.
void TestStore::oneSeatPerProductOfThatProduct()
{
    auto store = fresh();
    QVERIFY(assignRaw(*store, QStringLiteral("bob@example.com"), SeatType::SalesProfessional).ok());
    auto bob = store->findUser(QStringLiteral("bob@example.com")).value();
    // A second Sales row for bob: refused by storage, nothing changed.
    QVERIFY(!backend()
                 .raw(m_location,
                      QStringLiteral("INSERT INTO assignments (user_id, product, seat_type) VALUES (%1, "
                                     "'sales', 'sales-starter')")
                          .arg(bob.id))
                 .isEmpty());
    // A Service row holding a Sales seat: refused too.
    QVERIFY(!backend()
                 .raw(m_location,
                      QStringLiteral("INSERT INTO assignments (user_id, product, seat_type) VALUES (%1, "
                                     "'service', 'sales-starter')")
                          .arg(bob.id))
                 .isEmpty());
    bob = store->findUser(QStringLiteral("bob@example.com")).value();
    QCOMPARE(bob.seats[productIndex(Product::Sales)], std::optional<SeatType>(SeatType::SalesProfessional));
    QCOMPARE(bob.seats[productIndex(Product::Service)], std::optional<SeatType>());
}

// R9: storage keeps a seat holder until their access is removed.
void TestStore::aSeatHolderCannotBeDeleted()
{
    auto store = fresh();
    QVERIFY(assignRaw(*store, QStringLiteral("bob@example.com"), SeatType::SalesProfessional).ok());
    const qint64 bob = store->findUser(QStringLiteral("bob@example.com")).value().id;
    {
        auto tx = store->beginWrite(QStringLiteral("ada@example.com"));
        QVERIFY(tx.ok());
        QVERIFY(!store->deleteUser(bob).ok());
    }
    QVERIFY(store->findUser(QStringLiteral("bob@example.com")).ok());
    const qint64 cat = store->findUser(QStringLiteral("cat@example.com")).value().id;
    auto tx = store->beginWrite(QStringLiteral("ada@example.com"));
    QVERIFY(store->deleteUser(cat).ok());
    QVERIFY(tx.value()
                ->append({ LedgerAction::UserDeleted,
                           QStringLiteral("cat@example.com"),
                           {},
                           LedgerRules::userJson({}, {}, Role::User),
                           {} })
                .ok());
    QVERIFY(tx.value()->commit().ok());
    QCOMPARE(store->findUser(QStringLiteral("cat@example.com")).error().kind, ErrorKind::NotFound);
}

// R11: entries are chained, written with their change or not at all, and never rewritten.
void TestStore::theLedgerIsAppendOnlyAndChained()
{
    auto store = fresh();
    const qint64 revision = store->revision().value();
    {
        auto tx = store->beginWrite(QStringLiteral("ada@example.com"));
        QVERIFY(store->addPurchased(SeatType::ServiceStarter, 4).ok());
        QVERIFY(tx.value()
                    ->append({ LedgerAction::SeatsBought,
                               {},
                               QStringLiteral("service-starter"),
                               QStringLiteral("0"),
                               QStringLiteral("4") })
                    .ok());
    } // never committed: neither the purchase nor its entry
    QCOMPARE(store->revision().value(), revision);
    QCOMPARE(store->seatCounts().value()[seatTypeIndex(SeatType::ServiceStarter)].purchased, 0);
    const auto entries = store->entries(0).value();
    QCOMPARE(entries.size(), 4);
    QString previous;
    for (const LedgerEntry &e : entries) {
        QCOMPARE(e.prevHash, previous);
        QCOMPARE(e.hash, LedgerChain::hashOf(e));
        previous = e.hash;
    }
    QCOMPARE(store->lastEntryId().value(), entries.last().id);
    QCOMPARE(store->entries(entries.at(1).id).value().size(), 2);
    QVERIFY(!backend().raw(m_location, QStringLiteral("UPDATE ledger SET actor = 'mallory'")).isEmpty());
    QVERIFY(!backend().raw(m_location, QStringLiteral("DELETE FROM ledger")).isEmpty());
    QCOMPARE(store->entries(0).value().size(), 4);
}

// R12: a staged edit whose `from` is not what storage holds is named, with the user gone too.
void TestStore::staleEditsAreNamed()
{
    auto store = fresh();
    QVERIFY(assignRaw(*another(), QStringLiteral("bob@example.com"), SeatType::SalesProfessional).ok());
    const qint64 bob = store->findUser(QStringLiteral("bob@example.com")).value().id;
    const qint64 cat = store->findUser(QStringLiteral("cat@example.com")).value().id;
    auto tx = store->beginWrite(QStringLiteral("ada@example.com"));
    QVERIFY(tx.ok());
    // The window saw bob with no seat (stale) and cat with none (right).
    const SeatEdit stale { bob, QStringLiteral("bob@example.com"), Product::Sales, std::nullopt,
                           SeatType::SalesEnterprise };
    const SeatEdit right { cat, QStringLiteral("cat@example.com"), Product::Service, std::nullopt,
                           SeatType::ServiceStarter };
    QVERIFY(store->stageEdits({ &stale, &right }).ok());
    const auto found = store->staleStagedEdits().value();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().first, bob);
    QCOMPARE(found.first().second, Product::Sales);
    QCOMPARE(store->storedSeat(bob, Product::Sales).value(),
             std::optional<std::optional<SeatType>>(SeatType::SalesProfessional));
    QCOMPARE(store->storedSeat(999999, Product::Sales).value(), std::optional<std::optional<SeatType>>());
}

// R13: committed is read by every other connection, at once; uncommitted by none.
void TestStore::whatOneConnectionCommitsEveryOtherReads()
{
    auto writer = fresh();
    auto reader = another();
    const qint64 before = reader->revision().value();
    auto tx = writer->beginWrite(QStringLiteral("ada@example.com"));
    QVERIFY(writer->insertUser(person(QStringLiteral("dan@example.com"))).ok());
    QVERIFY(tx.value()
                ->append({ LedgerAction::UserCreated,
                           QStringLiteral("dan@example.com"),
                           {},
                           {},
                           LedgerRules::userJson({}, {}, Role::User) })
                .ok());
    QCOMPARE(reader->findUser(QStringLiteral("dan@example.com")).error().kind, ErrorKind::NotFound);
    auto made = tx.value()->commit();
    QVERIFY(made.ok());
    QCOMPARE(made.value(), before + 1);
    QCOMPARE(reader->revision().value(), before + 1);
    QVERIFY(reader->findUser(QStringLiteral("dan@example.com")).ok());
    QCOMPARE(another()->users().value().users.size(), 4);
    QCOMPARE(reader->lastEntryId().value(), tx.value()->lastEntryId());
}

// One write transaction at a time: the second writer waits for the first and
// chains its entry after the first one's.
void TestStore::writersQueueAndTheChainStaysLinear()
{
    auto store = fresh();
    const QString location = m_location;
    const Backend b = backend();
    QAtomicInt holding = 0;
    std::unique_ptr<QThread> first(QThread::create([&] {
        auto mine = b.open(location); // its own connection, on its own thread
        auto tx = mine.value()->beginWrite(QStringLiteral("ada@example.com"));
        mine.value()->addPurchased(SeatType::ServiceEnterprise, 1);
        tx.value()->append({ LedgerAction::SeatsBought,
                             {},
                             QStringLiteral("service-enterprise"),
                             QStringLiteral("0"),
                             QStringLiteral("1") });
        holding = 1;
        QThread::msleep(300);
        tx.value()->commit();
    }));
    first->start();
    while (!holding)
        QThread::msleep(5);
    QElapsedTimer waited;
    waited.start();
    auto tx = store->beginWrite(QStringLiteral("ada@example.com"));
    QVERIFY2(tx.ok(), tx ? "" : qPrintable(tx.error().message));
    QVERIFY(waited.elapsed() >= 200); // it waited for the first writer
    QVERIFY(store->addPurchased(SeatType::ServiceEnterprise, 1).ok());
    QVERIFY(tx.value()
                ->append({ LedgerAction::SeatsBought,
                           {},
                           QStringLiteral("service-enterprise"),
                           QStringLiteral("1"),
                           QStringLiteral("2") })
                .ok());
    QVERIFY(tx.value()->commit().ok());
    first->wait();
    QCOMPARE(store->seatCounts().value()[seatTypeIndex(SeatType::ServiceEnterprise)].purchased, 2);
    QCOMPARE(store->check().value(), QStringList()); // chain and replay whole
}

// The History page's reads: newest first, a page at a time, every part of the
// filter narrowing, addresses in any letter case.
void TestStore::historyPagesNewestFirstAndFiltered()
{
    auto store = fresh(); // 1-3 ada, bob, cat created; 4 seats bought (all by ada)
    QThread::msleep(20); // a later time than the account's creation
    QVERIFY(assignRaw(*store, QStringLiteral("bob@example.com"), SeatType::SalesProfessional).ok()); // 5
    QThread::msleep(20);
    // On a server the actor is the login's own user, an Admin: there, cat is made one and writes
    // through a login tied to her.
    SeatStore *writer = store.get();
    std::unique_ptr<SeatStore> asCat;
    QString catActor = QStringLiteral("Cat@Example.com");
    if (PostgresDatabase::isUri(m_location)) {
        const QString login = QUrl(m_location).path().mid(1) + QStringLiteral("_cat");
        QCOMPARE(backend().raw(
                     m_location,
                     QStringLiteral("CREATE ROLE %1 LOGIN; SET session_replication_role = replica; "
                                    "UPDATE users SET login = '%1', role = 'admin' WHERE email = 'cat@example.com'; "
                                    "SELECT seatkeeper_writers_follow()")
                         .arg(login)),
                 QString());
        QUrl url(m_location);
        url.setUserName(login);
        auto opened = backend().open(url.toString());
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        asCat = opened.takeValue();
        writer = asCat.get();
        catActor = QStringLiteral("cat@example.com");
    }
    {
        auto tx = writer->beginWrite(catActor);
        QVERIFY(tx);
        // The user too: a server refuses an entry for a change that did not happen.
        QVERIFY(writer->insertUser(person(QStringLiteral("bobby@example.com"))).ok());
        QVERIFY(tx.value()
                    ->append({ LedgerAction::UserCreated,
                               QStringLiteral("bobby@example.com"),
                               {},
                               {},
                               LedgerRules::userJson({}, {}, Role::User) })
                    .ok()); // 6
        QVERIFY(tx.value()->commit());
    }
    const auto ids = [&store](const LedgerFilter &filter, qint64 before = 0, int limit = 100) {
        auto page = store->entriesPage(filter, before, limit);
        if (!page)
            qFatal("%s", qPrintable(page.error().message));
        QList<qint64> found;
        for (const LedgerEntry &e : page.value())
            found << e.id;
        return found;
    };
    using Ids = QList<qint64>;
    QCOMPARE(ids({}), (Ids { 6, 5, 4, 3, 2, 1 }));
    QCOMPARE(ids({}, 0, 4), (Ids { 6, 5, 4, 3 }));
    QCOMPARE(ids({}, 3, 4), (Ids { 2, 1 }));
    const auto entries = store->entriesPage({}, 0, 100).value();
    QCOMPARE(entries.first().actor, catActor);
    QCOMPARE(entries.at(1).action, LedgerAction::SeatAssigned);
    QCOMPARE(entries.at(1).after, QStringLiteral("sales-professional"));

    LedgerFilter user;
    user.user = QStringLiteral("BOB");
    QCOMPARE(ids(user), (Ids { 6, 5, 2 }));
    QCOMPARE(ids(user, 6, 1), (Ids { 5 }));
    user.user = QStringLiteral("bob@EXAMPLE.com");
    user.userMatch = LedgerFilter::Match::Exact;
    QCOMPARE(ids(user), (Ids { 5, 2 }));
    user.user = QStringLiteral("zed");
    QCOMPARE(ids(user), Ids {});

    LedgerFilter actor;
    actor.actor = QStringLiteral("cat@example.COM");
    QCOMPARE(ids(actor), (Ids { 6 }));
    actor.actor = QStringLiteral("ada@example.com");
    QCOMPARE(ids(actor), (Ids { 5, 4, 3, 2, 1 }));
    actor.action = LedgerAction::SeatsBought;
    QCOMPARE(ids(actor), (Ids { 4 }));

    LedgerFilter action;
    action.action = LedgerAction::UserCreated;
    QCOMPARE(ids(action), (Ids { 6, 3, 2, 1 }));
    action.user = QStringLiteral("bob");
    QCOMPARE(ids(action), (Ids { 6, 2 }));

    LedgerFilter after;
    after.afterId = 4;
    QCOMPARE(ids(after), (Ids { 6, 5 }));

    const QDateTime assignedAt = entries.at(1).at;
    LedgerFilter from;
    from.from = assignedAt;
    QCOMPARE(ids(from), (Ids { 6, 5 }));
    LedgerFilter to;
    to.to = assignedAt;
    QCOMPARE(ids(to), (Ids { 4, 3, 2, 1 }));
    LedgerFilter range;
    range.from = assignedAt;
    range.to = assignedAt.addMSecs(1);
    QCOMPARE(ids(range), (Ids { 5 }));
    range.from = QDateTime::currentDateTimeUtc().addDays(1);
    range.to = QDateTime();
    QCOMPARE(ids(range), Ids {});
}

// R14 in storage: one team per name whatever its case, one main team per
// user, no team deleted under its members; reads give each user's teams.
void TestStore::teamsAndMembershipsHoldInStorage()
{
    auto store = fresh();
    const qint64 bob = store->findUser(QStringLiteral("bob@example.com")).value().id;
    qint64 sales = 0, support = 0, ops = 0;
    {
        auto tx = store->beginWrite(QStringLiteral("ada@example.com"));
        sales = store->insertTeam(QStringLiteral("Sales")).value();
        support = store->insertTeam(QStringLiteral("Support")).value();
        ops = store->insertTeam(QStringLiteral("ops")).value();
        QVERIFY(store->setUserTeams(bob, sales, { ops, support }).ok());
        // Ledgered as it is: a server refuses an entry for a team that does not
        // exist, and a change without its entry.
        for (const char *name : { "Sales", "Support", "ops" })
            QVERIFY(tx.value()->append({ LedgerAction::TeamCreated, {}, {}, {}, QString::fromUtf8(name) }).ok());
        QVERIFY(tx.value()
                    ->append({ LedgerAction::UserTeamsChanged,
                               QStringLiteral("bob@example.com"),
                               {},
                               LedgerRules::teamsJson({}, {}),
                               LedgerRules::teamsJson(QStringLiteral("Sales"),
                                                      { QStringLiteral("ops"), QStringLiteral("Support") }) })
                    .ok());
        QVERIFY(tx.value()->commit().ok());
    }
    {
        auto tx = store->beginWrite(QStringLiteral("ada@example.com"));
        QVERIFY(!store->insertTeam(QStringLiteral("SALES")).ok()); // the key is taken
    }
    // Read from another connection: bob's main team, and his others in name order.
    auto reader = another();
    const User read = reader->user(QStringLiteral("BOB@example.com")).value();
    QCOMPARE(read.mainTeam, QStringLiteral("Sales"));
    QCOMPARE(read.additionalTeams, (QStringList { QStringLiteral("ops"), QStringLiteral("Support") }));
    for (const User &u : reader->users().value().users) {
        if (u.email == QLatin1String("bob@example.com"))
            QCOMPARE(u.additionalTeams.size(), 2);
        else
            QVERIFY(u.mainTeam.isEmpty() && u.additionalTeams.isEmpty());
    }
    const QVector<Team> teams = reader->teams().value();
    QCOMPARE(teams.size(), 3);
    QCOMPARE(teams.at(0).name, QStringLiteral("ops"));
    QCOMPARE(teams.at(1).name, QStringLiteral("Sales"));
    QCOMPARE(teams.at(1).members, 1);
    QCOMPARE(reader->findTeam(QStringLiteral("  sUPPORT ")).value().id, support);
    QCOMPARE(reader->findTeam(QStringLiteral("Nobody")).error().kind, ErrorKind::NotFound);
    QCOMPARE(reader->teamMembers(ops).value(), QStringList { QStringLiteral("bob@example.com") });

    // Storage refuses a second main team and a team deleted under its members, whoever asks.
    QVERIFY(!backend()
                 .raw(m_location, QStringLiteral("UPDATE team_members SET is_main = 1 WHERE team_id = %1").arg(support))
                 .isEmpty());
    QVERIFY(!backend().raw(m_location, QStringLiteral("DELETE FROM teams WHERE id = %1").arg(ops)).isEmpty());
    QVERIFY(
        !backend()
             .raw(m_location, QStringLiteral("INSERT INTO team_members (team_id, user_id) VALUES (999, %1)").arg(bob))
             .isEmpty());
    {
        auto tx = store->beginWrite(QStringLiteral("ada@example.com"));
        QVERIFY(!store->deleteTeam(ops).ok());
    }
    QCOMPARE(reader->teams().value().size(), 3);
    // Deleting a user takes them out of their teams.
    {
        auto tx = store->beginWrite(QStringLiteral("ada@example.com"));
        QVERIFY(store->deleteUser(bob).ok());
        QVERIFY(store->deleteTeam(ops).ok());
        // Ledgered, as every change must be (a server refuses it otherwise).
        QVERIFY(tx.value()
                    ->append({ LedgerAction::UserDeleted,
                               QStringLiteral("bob@example.com"),
                               {},
                               LedgerRules::userJson({}, {}, Role::User),
                               {} })
                    .ok());
        QVERIFY(tx.value()->append({ LedgerAction::TeamDeleted, {}, {}, QStringLiteral("ops"), {} }).ok());
        QVERIFY(tx.value()->commit().ok());
    }
    QCOMPARE(reader->teams().value().size(), 2);
    QCOMPARE(reader->teams().value().at(0).members, 0);
}

// Every team change is ledgered with before and after, and check replays it.
void TestStore::teamChangesAreLedgeredAndReplayed()
{
    auto ledger = freshLedger();
    QCOMPARE(ledger->createTeam(QStringLiteral("  Sales ")).value().name, QStringLiteral("Sales"));
    QVERIFY(ledger->createTeam(QStringLiteral("Support")).ok());
    QVERIFY(ledger->createTeam(QStringLiteral("Équipe")).ok());
    // One team whatever the case or the Unicode form of its name.
    QCOMPARE(ledger->createTeam(QStringLiteral("sales")).error().kind, ErrorKind::Duplicate);
    QCOMPARE(ledger->createTeam(QStringLiteral("E\u0301QUIPE")).error().kind, ErrorKind::Duplicate);
    QCOMPARE(ledger->createTeam(QStringLiteral("   ")).error().kind, ErrorKind::Invalid);
    QCOMPARE(ledger->createTeam(QStringLiteral("Ops\u202E")).error().kind, ErrorKind::Invalid);

    UserEdit bob;
    bob.mainTeam = QStringLiteral("sales");
    bob.addTeams = QStringList { QStringLiteral("Support"), QStringLiteral("équipe") };
    QVERIFY(ledger->editUser(QStringLiteral("bob@example.com"), bob).ok());
    UserEdit cat;
    cat.addTeams = QStringList { QStringLiteral("Sales") };
    QVERIFY(ledger->editUser(QStringLiteral("cat@example.com"), cat).ok());
    QCOMPARE(ledger->user(QStringLiteral("bob@example.com")).value().mainTeam, QStringLiteral("Sales"));
    QCOMPARE(ledger->user(QStringLiteral("bob@example.com")).value().additionalTeams,
             (QStringList { QStringLiteral("Support"), QStringLiteral("Équipe") })); // by key, code point order
    // A team is either the main team or an additional one; leaving one you are not in says so.
    UserEdit twice;
    twice.addTeams = QStringList { QStringLiteral("SALES") };
    QCOMPARE(ledger->editUser(QStringLiteral("bob@example.com"), twice).error().kind, ErrorKind::Refused);
    UserEdit notIn;
    notIn.removeTeams = QStringList { QStringLiteral("Support") };
    QCOMPARE(ledger->editUser(QStringLiteral("cat@example.com"), notIn).error().kind, ErrorKind::Refused);
    UserEdit noSuch;
    noSuch.mainTeam = QStringLiteral("Nobody");
    QCOMPARE(ledger->editUser(QStringLiteral("cat@example.com"), noSuch).error().kind, ErrorKind::NotFound);

    QVERIFY(ledger->renameTeam(QStringLiteral("SALES"), QStringLiteral("Sales EMEA")).ok());
    QCOMPARE(ledger->renameTeam(QStringLiteral("Support"), QStringLiteral("sales emea")).error().kind,
             ErrorKind::Duplicate);
    QCOMPARE(ledger->user(QStringLiteral("cat@example.com")).value().additionalTeams,
             QStringList { QStringLiteral("Sales EMEA") });
    // Deleting with a move: bob's main team moves to Support, which leaves his additional ones.
    QVERIFY(ledger->deleteTeam(QStringLiteral("Sales EMEA"), QStringLiteral("Support")).ok());
    const User moved = ledger->user(QStringLiteral("bob@example.com")).value();
    QCOMPARE(moved.mainTeam, QStringLiteral("Support"));
    QCOMPARE(moved.additionalTeams, QStringList { QStringLiteral("Équipe") });
    QCOMPARE(ledger->user(QStringLiteral("cat@example.com")).value().additionalTeams,
             QStringList { QStringLiteral("Support") });
    // And without: its members are left without it.
    QVERIFY(ledger->deleteTeam(QStringLiteral("équipe")).ok());
    QCOMPARE(ledger->user(QStringLiteral("bob@example.com")).value().additionalTeams, QStringList());
    QCOMPARE(ledger->teams().value().size(), 1);
    QCOMPARE(ledger->teams().value().first().members, 2);

    QStringList actions;
    for (const LedgerEntry &e : ledger->entries().value())
        actions << e.action;
    QCOMPARE(actions.count(QStringLiteral("team-created")), 3);
    QCOMPARE(actions.count(QStringLiteral("team-renamed")), 1);
    QCOMPARE(actions.count(QStringLiteral("team-deleted")), 2);
    QCOMPARE(actions.count(QStringLiteral("user-teams-changed")), 2 + 2 + 1);
    const LedgerEntry renamed = [&] {
        for (const LedgerEntry &e : ledger->entries().value())
            if (e.action == QLatin1String("team-renamed"))
                return e;
        return LedgerEntry {};
    }();
    QCOMPARE(renamed.before, QStringLiteral("Sales"));
    QCOMPARE(renamed.after, QStringLiteral("Sales EMEA"));
    QCOMPARE(renamed.subject, QString());
    QCOMPARE(ledger->check().value(), QStringList());

    // A membership changed behind the ledger's back is caught by the replay.
    QVERIFY(behindTheLedger(QStringLiteral("DELETE FROM team_members")).isEmpty());
    QVERIFY(!ledger->check().value().isEmpty());
}

// Another window's feed: a renamed team touches its members, and says the teams changed.
void TestStore::anotherConnectionSeesTeamChangesInTheFeed()
{
    auto ledger = freshLedger();
    QVERIFY(ledger->createTeam(QStringLiteral("Sales")).ok());
    UserEdit bob;
    bob.mainTeam = QStringLiteral("Sales");
    QVERIFY(ledger->editUser(QStringLiteral("bob@example.com"), bob).ok());
    SeatLedger window(another());
    const qint64 position = window.feedPosition().value();
    QVERIFY(ledger->renameTeam(QStringLiteral("Sales"), QStringLiteral("Field sales")).ok());
    const auto changes = window.changesSince(position).value();
    QVERIFY(changes.teamsChanged);
    QCOMPARE(changes.users.size(), 1);
    QCOMPARE(changes.users.first().mainTeam, QStringLiteral("Field sales"));
    QCOMPARE(window.teams().value().first().name, QStringLiteral("Field sales"));
    // A change of names alone leaves the teams be.
    UserEdit named;
    named.firstName = QStringLiteral("Robert");
    QVERIFY(ledger->editUser(QStringLiteral("bob@example.com"), named).ok());
    const auto next = window.changesSince(changes.position).value();
    QVERIFY(!next.teamsChanged);
    QCOMPARE(next.users.first().firstName, QStringLiteral("Robert"));
}

// R5 on edits: names by any admin; only a Super admin makes or unmakes one;
// the last Super admin keeps the role; a User changes nothing.
void TestStore::editingAUserKeepsTheRulesOfRoles()
{
    auto ledger = freshLedger();
    UserEdit toAdmin;
    toAdmin.role = Role::Admin;
    QVERIFY(ledger->editUser(QStringLiteral("bob@example.com"), toAdmin).ok());
    UserEdit demote;
    demote.role = Role::Admin;
    const auto last = ledger->editUser(QStringLiteral("ada@example.com"), demote);
    QCOMPARE(last.error().kind, ErrorKind::Refused);
    QVERIFY(last.error().message.contains(QStringLiteral("only Super admin")));
    QCOMPARE(ledger->user(QStringLiteral("ada@example.com")).value().role, Role::SuperAdmin);

    SeatLedger bob(anotherAs(QStringLiteral("bob@example.com")));
    QVERIFY(bob.setActor(QStringLiteral("bob@example.com")).ok());
    UserEdit promote;
    promote.role = Role::SuperAdmin;
    QCOMPARE(bob.editUser(QStringLiteral("cat@example.com"), promote).error().kind, ErrorKind::NotAuthorized);
    QCOMPARE(bob.editUser(QStringLiteral("ada@example.com"), toAdmin).error().kind, ErrorKind::NotAuthorized);
    UserEdit names;
    names.firstName = QStringLiteral("Catherine");
    names.lastName = QStringLiteral("O’Hara");
    QVERIFY(bob.editUser(QStringLiteral("cat@example.com"), names).ok());
    UserEdit hostile;
    hostile.lastName = QStringLiteral("x\u001B]0;owned\u0007");
    QCOMPARE(bob.editUser(QStringLiteral("cat@example.com"), hostile).error().kind, ErrorKind::Invalid);

    // With a second Super admin, the first may step down.
    QVERIFY(ledger->editUser(QStringLiteral("cat@example.com"), promote).ok());
    QVERIFY(ledger->editUser(QStringLiteral("ada@example.com"), demote).ok());
    QCOMPARE(ledger->user(QStringLiteral("ada@example.com")).value().role, Role::Admin);
    QVERIFY(bob.setActor(QStringLiteral("bob@example.com")).ok());
    UserEdit toUser;
    toUser.role = Role::User;
    QVERIFY(ledger->editUser(QStringLiteral("bob@example.com"), toUser).ok());
    QCOMPARE(bob.editUser(QStringLiteral("cat@example.com"), names).error().kind, ErrorKind::NotAuthorized);
    QCOMPARE(bob.createTeam(QStringLiteral("Mine")).error().kind, ErrorKind::NotAuthorized);

    const User cat = ledger->user(QStringLiteral("cat@example.com")).value();
    QCOMPARE(cat.fullName(), QStringLiteral("Catherine O’Hara"));
    QCOMPARE(cat.role, Role::SuperAdmin);
    int edited = 0;
    for (const LedgerEntry &e : ledger->entries().value())
        edited += e.action == QLatin1String("user-edited");
    QCOMPARE(edited, 5);
    QCOMPARE(ledger->check().value(), QStringList());
}

// A database of the schema before teams is brought forward when opened: its
// data kept, teams usable at once.
void TestStore::anOlderSchemaGainsTeams()
{
    {
        auto ledger = freshLedger();
        QVERIFY(ledger->buySeats(SeatType::ServiceStarter, 2).ok());
    }
    const bool sqlite = QTest::currentDataTag() == QByteArray("sqlite");
    const QStringList back = sqlite
        ? QStringList { QStringLiteral("DROP TRIGGER teams_keep_members"),
                        QStringLiteral("DROP TRIGGER team_members_check_insert"),
                        QStringLiteral("DROP TABLE team_members"), QStringLiteral("DROP TABLE teams"),
                        QStringLiteral("PRAGMA user_version = 4") }
        : QStringList { QStringLiteral("DROP TABLE team_members"), QStringLiteral("DROP TABLE teams"),
                        QStringLiteral("UPDATE seatkeeper_meta SET value = 2 WHERE key = 'schema_version'") };
    for (const QString &sql : back)
        QCOMPARE(backend().raw(m_location, sql), QString());
    auto opened = SeatLedger::open(m_location);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    SeatLedger &ledger = *opened.value();
    QVERIFY(ledger.setActor(QStringLiteral("ada@example.com")).ok());
    QCOMPARE(ledger.users().value().size(), 3);
    QCOMPARE(ledger.seatCounts().value()[seatTypeIndex(SeatType::ServiceStarter)].purchased, 2);
    QVERIFY(ledger.createTeam(QStringLiteral("Sales")).ok());
    UserEdit bob;
    bob.mainTeam = QStringLiteral("Sales");
    QVERIFY(ledger.editUser(QStringLiteral("bob@example.com"), bob).ok());
    QCOMPARE(ledger.check().value(), QStringList());
    if (sqlite) {
        QCOMPARE(SeatLedger::backups(m_location).size(), 1); // the backup before the upgrade
        QCOMPARE(TestSupport::RawConnection(m_location).scalar(QStringLiteral("PRAGMA user_version")).toInt(), 5);
    } else {
        QCOMPARE(PostgresServer::exec(m_location,
                                      QStringLiteral("SELECT 1 FROM seatkeeper_meta WHERE key = "
                                                     "'schema_version' AND value = 4")),
                 QString());
    }
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
