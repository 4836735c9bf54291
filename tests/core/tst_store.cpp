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
        if (Status s
            = tx.value()->append({ LedgerAction::UserCreated, u.email, {}, {}, LedgerRules::userJson({}, {}, u.role) });
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
                                    "UPDATE users SET login = '%1', role = 'admin' WHERE email = 'cat@example.com'")
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

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
