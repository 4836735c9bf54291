// The rules of the seat ledger (DESIGN.md R2–R12), each refused and allowed case.

#include "HostileInput.h"
#include "Language.h"
#include "LedgerChain.h"
#include "LedgerWriter.h"
#include "SeatDatabase.h"
#include "SeatLedger.h"
#include "TestSupport.h"

#include <functional>
#include <QTemporaryDir>
#include <QTest>

using Change = std::function<Status(SeatLedger &)>;
Q_DECLARE_METATYPE(Change)
Q_DECLARE_METATYPE(ErrorKind)

namespace {
const QString ada = QStringLiteral("ada@example.com");
const QString ben = QStringLiteral("ben@example.com");
const QString uma = QStringLiteral("uma@example.com");
const QString bob = QStringLiteral("bob@example.com");
const QString cat = QStringLiteral("cat@example.com");

Status createPlain(SeatLedger &l, const QString &email, Role role = Role::User)
{
    NewUser u;
    u.email = email;
    u.role = role;
    auto r = l.createUser(u);
    return r ? Status() : Status(r.error());
}
} // namespace

class TestSeatLedger : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Language::install(QStringLiteral("en")); }
    void init();
    void cleanup();

    void refusedChangesLeaveEverythingAsItWas_data();
    void refusedChangesLeaveEverythingAsItWas();
    void allowedChanges_data();
    void allowedChanges();
    void everyChangeByAUserIsRefused_data();
    void everyChangeByAUserIsRefused();

    void switchingTierMovesTheSeatInOneStep();
    void createUserWithSeatsIsOneTransaction();
    void noFreeSeatMessageNamesTypeAndCounts();
    void batchThatFailsInItsLastEditLeavesNothing();
    void batchOverCapacitySaysHowManyToBuy();
    void batchCanMoveASeatBetweenUsersWhenNoneIsFree();
    void staleBatchIsRefusedAsConflict();
    void secondConnectionCannotTakeTheLastSeat();
    void storageRefusesAssignedAbovePurchased();
    void planAppliesInOrderAllOrNothing();
    void ledgerRecordsEveryChangeWithBeforeAndAfter();
    void checkPassesAfterManyChanges();
    void operatorDemotedByAnotherAdminCanNoLongerChange();
    void usersSnapshotIsOneRevisionByEmail();
    void hostileEmailsAreStoredExactlyOrChangeNothing_data() { HostileInput::emailRows(); }
    void hostileEmailsAreStoredExactlyOrChangeNothing();
    void hostileNamesAreStoredExactlyOrChangeNothing_data() { HostileInput::nameRows(); }
    void hostileNamesAreStoredExactlyOrChangeNothing();
    void sameAddressInOtherLetterCaseIsTheSameUser();
    void hashesMadeAheadStayChainedWhateverComesBetween();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SeatLedger> m_ledger;
    QString m_path;
};

void TestSeatLedger::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("seats.db"));
    m_ledger = TestSupport::smallAccount(m_path);
    QVERIFY(m_ledger);
}

void TestSeatLedger::cleanup()
{
    m_ledger.reset();
    m_dir.reset();
}

void TestSeatLedger::refusedChangesLeaveEverythingAsItWas_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("message");

    QTest::newRow("R2/R7 assign a type with no seat purchased")
        << Change([](SeatLedger &l) { return l.assignSeat(cat, SeatType::SalesEnterprise); }) << ErrorKind::NoFreeSeat
        << "No free Sales Enterprise seat: 0 purchased, 0 assigned";
    QTest::newRow("R2/R7 assign when every seat is taken") << Change([](SeatLedger &l) {
        Status s = l.assignSeat(uma, SeatType::SalesProfessional);
        if (!s)
            return s;
        return Status(l.assignSeat(cat, SeatType::SalesProfessional));
    }) << ErrorKind::NoFreeSeat << "No free Sales Professional seat: 2 purchased, 2 assigned";
    QTest::newRow("R3 assign the tier already held")
        << Change([](SeatLedger &l) { return l.assignSeat(bob, SeatType::SalesProfessional); }) << ErrorKind::Refused
        << "already holds a Sales Professional seat";
    QTest::newRow("R3 switch tier to a full type")
        << Change([](SeatLedger &l) { return l.assignSeat(bob, SeatType::SalesStarter); }) << ErrorKind::NoFreeSeat
        << "No free Sales Starter seat";
    QTest::newRow("remove a seat not held") << Change([](SeatLedger &l) { return l.removeSeat(cat, Product::Service); })
                                            << ErrorKind::Refused << "holds no Service Hub seat";
    QTest::newRow("R5 create a Super admin as an Admin") << Change([](SeatLedger &l) {
        l.setActor(ben);
        return createPlain(l, QStringLiteral("new@example.com"), Role::SuperAdmin);
    }) << ErrorKind::NotAuthorized << "Only a Super admin can create another Super admin";
    QTest::newRow("R5 delete a Super admin as an Admin") << Change([](SeatLedger &l) {
        l.setActor(ben);
        return l.deleteUser(ada);
    }) << ErrorKind::NotAuthorized << "Only a Super admin can delete a Super admin";
    QTest::newRow("R6 e-mail taken in another letter case")
        << Change([](SeatLedger &l) { return createPlain(l, QStringLiteral("BOB@Example.COM")); })
        << ErrorKind::Duplicate << "already exists";
    QTest::newRow("R6 e-mail without @") << Change([](SeatLedger &l) {
        return createPlain(l, QStringLiteral("bob.example.com"));
    }) << ErrorKind::Invalid << "has no @";
    QTest::newRow("R6 e-mail empty") << Change([](SeatLedger &l) { return createPlain(l, QString()); })
                                     << ErrorKind::Invalid << "required";
    QTest::newRow("R6 e-mail of 255 characters") << Change([](SeatLedger &l) {
        return createPlain(l,
                           QString(64, QLatin1Char('a')) + QStringLiteral("@") + QString(186, QLatin1Char('b'))
                               + QStringLiteral(".com"));
    }) << ErrorKind::Invalid << "at most 254";
    QTest::newRow("R6 name with a control character") << Change([](SeatLedger &l) {
        NewUser u;
        u.email = QStringLiteral("dan@example.com");
        u.firstName = QStringLiteral("Dan\x01");
        auto r = l.createUser(u);
        return r ? Status() : Status(r.error());
    }) << ErrorKind::Invalid << "control character";
    QTest::newRow("R7 create a user with a seat of a full type") << Change([](SeatLedger &l) {
        NewUser u;
        u.email = QStringLiteral("dan@example.com");
        u.service = SeatType::ServiceEnterprise;
        auto r = l.createUser(u);
        return r ? Status() : Status(r.error());
    }) << ErrorKind::NoFreeSeat << "No free Service Enterprise seat";
    QTest::newRow("R8 buy zero seats") << Change([](SeatLedger &l) { return l.buySeats(SeatType::SalesStarter, 0); })
                                       << ErrorKind::Invalid << "between 1 and";
    QTest::newRow("R8 release an assigned seat")
        << Change([](SeatLedger &l) { return l.releaseSeats(SeatType::SalesProfessional, 2); }) << ErrorKind::Refused
        << "Only 1 Sales Professional seat";
    QTest::newRow("R8 release more than purchased")
        << Change([](SeatLedger &l) { return l.releaseSeats(SeatType::ServiceStarter, 5); }) << ErrorKind::Refused
        << "release at most";
    QTest::newRow("R9 delete a user holding a seat")
        << Change([](SeatLedger &l) { return l.deleteUser(bob); }) << ErrorKind::Refused
        << "still holds a Sales Professional seat. Remove their Sales Hub access first";
    QTest::newRow("delete an unknown user")
        << Change([](SeatLedger &l) { return l.deleteUser(QStringLiteral("nobody@example.com")); })
        << ErrorKind::NotFound << "No user has the email address";
    QTest::newRow("delete yourself") << Change([](SeatLedger &l) { return l.deleteUser(ada); }) << ErrorKind::Refused
                                     << "cannot delete yourself";
    QTest::newRow("R12 batch with a stale seat") << Change([](SeatLedger &l) {
        const qint64 id = l.user(bob).value().id;
        return l.applyEdits({ SeatEdit { id, bob, Product::Sales, std::nullopt, SeatType::SalesProfessional } });
    }) << ErrorKind::Conflict << "bob@example.com's Sales Hub seat is now Sales Professional";
}

void TestSeatLedger::refusedChangesLeaveEverythingAsItWas()
{
    QFETCH(Change, change);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, message);

    const QString before = TestSupport::snapshot(*m_ledger);
    const qint64 revision = m_ledger->revision().value();
    // Some cases make one allowed change first; compare against the state after it.
    const Status result = change(*m_ledger);
    QVERIFY2(!result.ok(), "the change was allowed");
    QCOMPARE(int(result.error().kind), int(kind));
    QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
    if (m_ledger->revision().value() == revision)
        QCOMPARE(TestSupport::snapshot(*m_ledger), before);
    QVERIFY(m_ledger->check().value().isEmpty());
}

void TestSeatLedger::allowedChanges_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("sales");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("counts"); // sales-professional and service-starter, assigned/purchased

    QTest::newRow("R7 assign a free seat")
        << Change([](SeatLedger &l) { return l.assignSeat(cat, SeatType::SalesProfessional); }) << cat
        << "sales-professional"
        << ""
        << "2/2 0/1";
    QTest::newRow("R3 one seat of each product")
        << Change([](SeatLedger &l) { return l.assignSeat(bob, SeatType::ServiceStarter); }) << bob
        << "sales-professional"
        << "service-starter"
        << "1/2 1/1";
    QTest::newRow("remove access frees the seat")
        << Change([](SeatLedger &l) { return l.removeSeat(bob, Product::Sales); }) << bob << ""
        << ""
        << "0/2 0/1";
    QTest::newRow("R8 buy then assign") << Change([](SeatLedger &l) {
        Status s = l.buySeats(SeatType::ServiceStarter, 3);
        return s ? l.assignSeat(uma, SeatType::ServiceStarter) : s;
    }) << uma << ""
                                        << "service-starter"
                                        << "1/2 1/4";
    QTest::newRow("R8 release free seats")
        << Change([](SeatLedger &l) { return l.releaseSeats(SeatType::SalesProfessional, 1); }) << bob
        << "sales-professional"
        << ""
        << "1/1 0/1";
    QTest::newRow("R9 delete after removing access") << Change([](SeatLedger &l) {
        Status s = l.removeSeat(bob, Product::Sales);
        return s ? l.deleteUser(bob) : s;
    }) << QString() << ""
                                                     << ""
                                                     << "0/2 0/1";
    QTest::newRow("R5 an Admin may assign") << Change([](SeatLedger &l) {
        l.setActor(ben);
        return l.assignSeat(uma, SeatType::ServiceStarter);
    }) << uma << ""
                                            << "service-starter"
                                            << "1/2 1/1";
    QTest::newRow("R6 names in any script") << Change([](SeatLedger &l) {
        NewUser u;
        u.email = QStringLiteral("zoë@exämple.fr");
        u.firstName = QStringLiteral("Zoë 🎉");
        u.lastName = QStringLiteral("שלום");
        auto r = l.createUser(u);
        return r ? Status() : Status(r.error());
    }) << QStringLiteral("zoë@exämple.fr") << ""
                                            << ""
                                            << "1/2 0/1";
}

void TestSeatLedger::allowedChanges()
{
    QFETCH(Change, change);
    QFETCH(QString, email);
    QFETCH(QString, sales);
    QFETCH(QString, service);
    QFETCH(QString, counts);

    const int entriesBefore = int(m_ledger->entries().value().size());
    const Status result = change(*m_ledger);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
    if (email.isEmpty()) {
        QCOMPARE(int(m_ledger->user(bob).error().kind), int(ErrorKind::NotFound));
    } else {
        const User u = m_ledger->user(email).value();
        QCOMPARE(u.sales ? seatTypeKey(*u.sales) : QString(), sales);
        QCOMPARE(u.service ? seatTypeKey(*u.service) : QString(), service);
    }
    const auto c = m_ledger->seatCounts().value();
    const auto &sp = c[seatTypeIndex(SeatType::SalesProfessional)];
    const auto &ss = c[seatTypeIndex(SeatType::ServiceStarter)];
    QCOMPARE(QStringLiteral("%1/%2 %3/%4").arg(sp.assigned).arg(sp.purchased).arg(ss.assigned).arg(ss.purchased),
             counts);
    QVERIFY(m_ledger->entries().value().size() > entriesBefore);
    QCOMPARE(m_ledger->check().value(), QStringList());
}

void TestSeatLedger::everyChangeByAUserIsRefused_data()
{
    QTest::addColumn<Change>("change");
    QTest::newRow("create user") << Change(
        [](SeatLedger &l) { return createPlain(l, QStringLiteral("x@example.com")); });
    QTest::newRow("delete user") << Change([](SeatLedger &l) { return l.deleteUser(cat); });
    QTest::newRow("assign") << Change([](SeatLedger &l) { return l.assignSeat(cat, SeatType::SalesProfessional); });
    QTest::newRow("remove access") << Change([](SeatLedger &l) { return l.removeSeat(bob, Product::Sales); });
    QTest::newRow("buy") << Change([](SeatLedger &l) { return l.buySeats(SeatType::SalesStarter, 1); });
    QTest::newRow("release") << Change([](SeatLedger &l) { return l.releaseSeats(SeatType::SalesProfessional, 1); });
    QTest::newRow("batch") << Change([](SeatLedger &l) {
        const qint64 id = l.user(cat).value().id;
        return l.applyEdits({ SeatEdit { id, cat, Product::Sales, std::nullopt, SeatType::SalesProfessional } });
    });
    QTest::newRow("plan") << Change(
        [](SeatLedger &l) { return l.applyPlan(Plan::parse("assign cat@example.com sales-professional\n").value()); });
}

void TestSeatLedger::everyChangeByAUserIsRefused()
{
    QFETCH(Change, change);
    QVERIFY(m_ledger->setActor(uma).ok()); // a User may look…
    const QString before = TestSupport::snapshot(*m_ledger);
    const Status result = change(*m_ledger); // …but not change anything (R5)
    QVERIFY(!result.ok());
    QCOMPARE(int(result.error().kind), int(ErrorKind::NotAuthorized));
    QVERIFY2(result.error().message.contains(QStringLiteral("uma@example.com is a User")),
             qPrintable(result.error().message));
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);
}

void TestSeatLedger::switchingTierMovesTheSeatInOneStep()
{
    QVERIFY(m_ledger->buySeats(SeatType::SalesEnterprise, 1).ok());
    const int entries = int(m_ledger->entries().value().size());
    QVERIFY(m_ledger->assignSeat(bob, SeatType::SalesEnterprise).ok());
    const User u = m_ledger->user(bob).value();
    QCOMPARE(u.sales, std::optional<SeatType>(SeatType::SalesEnterprise));
    const auto c = m_ledger->seatCounts().value();
    QCOMPARE(c[seatTypeIndex(SeatType::SalesProfessional)].assigned, 0);
    QCOMPARE(c[seatTypeIndex(SeatType::SalesEnterprise)].assigned, 1);
    const auto all = m_ledger->entries().value();
    QCOMPARE(all.size(), entries + 1); // one step, one entry
    QCOMPARE(all.last().action, LedgerAction::SeatAssigned);
    QCOMPARE(all.last().before, QStringLiteral("sales-professional"));
    QCOMPARE(all.last().after, QStringLiteral("sales-enterprise"));
}

void TestSeatLedger::createUserWithSeatsIsOneTransaction()
{
    NewUser u;
    u.email = QStringLiteral("dan@example.com");
    u.sales = SeatType::SalesProfessional;
    u.service = SeatType::ServiceStarter;
    auto created = m_ledger->createUser(u);
    QVERIFY(created.ok());
    QCOMPARE(m_ledger->user(u.email).value().service, std::optional<SeatType>(SeatType::ServiceStarter));

    // The second one finds Service Starter full: the user is not created either.
    NewUser v = u;
    v.email = QStringLiteral("eve@example.com");
    v.sales.reset();
    const QString before = TestSupport::snapshot(*m_ledger);
    QVERIFY(!m_ledger->createUser(v).ok());
    QCOMPARE(int(m_ledger->user(v.email).error().kind), int(ErrorKind::NotFound));
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);
}

void TestSeatLedger::noFreeSeatMessageNamesTypeAndCounts()
{
    QVERIFY(m_ledger->buySeats(SeatType::SalesProfessional, 3).ok());
    for (const QString &e : { uma, cat, ben, ada })
        QVERIFY(m_ledger->assignSeat(e, SeatType::SalesProfessional).ok());
    const Status s = m_ledger->assignSeat(QStringLiteral("BOB@example.com"), SeatType::ServiceEnterprise);
    QCOMPARE(s.error().message,
             QStringLiteral("No free Service Enterprise seat: 0 purchased, 0 assigned. Buy another seat first."));
    const Status full = m_ledger->assignSeat(bob, SeatType::SalesProfessional);
    QVERIFY(full.error().message.contains(QStringLiteral("already holds")));
    QVERIFY(m_ledger->removeSeat(bob, Product::Sales).ok());
    QVERIFY(m_ledger->assignSeat(bob, SeatType::SalesProfessional).ok());
    const auto c = m_ledger->seatCounts().value()[seatTypeIndex(SeatType::SalesProfessional)];
    QCOMPARE(c.assigned, 5);
    QCOMPARE(c.purchased, 5);
}

void TestSeatLedger::batchThatFailsInItsLastEditLeavesNothing()
{
    const auto users = m_ledger->users().value();
    QVector<SeatEdit> edits;
    for (const User &u : users) {
        if (u.email == uma)
            edits.append(SeatEdit { u.id, u.email, Product::Service, std::nullopt, SeatType::ServiceStarter });
        if (u.email == bob)
            edits.append(SeatEdit { u.id, u.email, Product::Sales, SeatType::SalesProfessional, std::nullopt });
    }
    // The last edit names a user who has been deleted meanwhile.
    edits.append(SeatEdit { 999999, QStringLiteral("ghost@example.com"), Product::Sales, std::nullopt,
                            SeatType::SalesProfessional });
    const QString before = TestSupport::snapshot(*m_ledger);
    const Status s = m_ledger->applyEdits(edits);
    QVERIFY(!s.ok());
    QCOMPARE(int(s.error().kind), int(ErrorKind::Conflict));
    QVERIFY(s.error().message.contains(QStringLiteral("ghost@example.com was deleted")));
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);

    edits.removeLast();
    QVERIFY(m_ledger->applyEdits(edits).ok());
    QCOMPARE(m_ledger->user(uma).value().service, std::optional<SeatType>(SeatType::ServiceStarter));
    QCOMPARE(m_ledger->user(bob).value().sales, std::nullopt);
}

void TestSeatLedger::batchOverCapacitySaysHowManyToBuy()
{
    QVector<SeatEdit> edits;
    for (const User &u : m_ledger->users().value()) {
        if (!u.sales)
            edits.append(SeatEdit { u.id, u.email, Product::Sales, std::nullopt, SeatType::SalesProfessional });
    }
    QCOMPARE(edits.size(), 4); // ada, ben, uma, cat: 1 free seat, so 3 short
    const QString before = TestSupport::snapshot(*m_ledger);
    const Status s = m_ledger->applyEdits(edits);
    QCOMPARE(int(s.error().kind), int(ErrorKind::NoFreeSeat));
    QVERIFY2(s.error().message.contains(QStringLiteral(
                 "Sales Professional: 2 purchased, 5 would be assigned. Buy 3 more, or assign 3 fewer.")),
             qPrintable(s.error().message));
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);
}

void TestSeatLedger::batchCanMoveASeatBetweenUsersWhenNoneIsFree()
{
    QVERIFY(m_ledger->assignSeat(cat, SeatType::SalesProfessional).ok()); // now 2/2
    const qint64 bobId = m_ledger->user(bob).value().id;
    const qint64 umaId = m_ledger->user(uma).value().id;
    // The grid lists the new holder first: order within a batch must not matter.
    const Status s
        = m_ledger->applyEdits({ SeatEdit { umaId, uma, Product::Sales, std::nullopt, SeatType::SalesProfessional },
                                 SeatEdit { bobId, bob, Product::Sales, SeatType::SalesProfessional, std::nullopt } });
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
    QCOMPARE(m_ledger->user(uma).value().sales, std::optional<SeatType>(SeatType::SalesProfessional));
    QCOMPARE(m_ledger->user(bob).value().sales, std::nullopt);
    QCOMPARE(m_ledger->check().value(), QStringList());
}

void TestSeatLedger::staleBatchIsRefusedAsConflict()
{
    // Two windows on the same file: the second saves over data the first changed.
    auto other = SeatLedger::open(m_path);
    QVERIFY(other.ok());
    QVERIFY(other.value()->setActor(ben).ok());
    const User seenCat = m_ledger->user(cat).value();
    const qint64 revision = m_ledger->revision().value();

    QVERIFY(other.value()->assignSeat(cat, SeatType::SalesProfessional).ok());
    QVERIFY(m_ledger->revision().value() > revision); // the first window can tell it must refresh

    const QString before = TestSupport::snapshot(*m_ledger);
    const Status s = m_ledger->applyEdits(
        { SeatEdit { seenCat.id, cat, Product::Sales, seenCat.sales, SeatType::SalesProfessional } });
    QCOMPARE(int(s.error().kind), int(ErrorKind::Conflict));
    QVERIFY2(s.error().message.contains(QStringLiteral("cat@example.com's Sales Hub seat is now Sales Professional")),
             qPrintable(s.error().message));
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);
}

void TestSeatLedger::secondConnectionCannotTakeTheLastSeat()
{
    auto other = SeatLedger::open(m_path);
    QVERIFY(other.ok());
    QVERIFY(other.value()->setActor(ada).ok());
    QVERIFY(m_ledger->assignSeat(cat, SeatType::SalesProfessional).ok());
    const Status s = other.value()->assignSeat(uma, SeatType::SalesProfessional);
    QCOMPARE(int(s.error().kind), int(ErrorKind::NoFreeSeat));
    QCOMPARE(m_ledger->seatCounts().value()[seatTypeIndex(SeatType::SalesProfessional)].assigned, 2);
}

void TestSeatLedger::storageRefusesAssignedAbovePurchased()
{
    m_ledger.reset();
    TestSupport::RawConnection raw(m_path);
    // R2 holds in storage too: even a program that bypasses the core cannot over-assign.
    QVERIFY(
        !raw.exec(QStringLiteral("UPDATE seat_types SET assigned = purchased + 1 WHERE type = 'sales-professional'"))
             .isEmpty());
    // R3 in storage: a second Sales seat for bob is refused, and so is a Service type as Sales.
    const QString bobId = raw.scalar(QStringLiteral("SELECT id FROM users WHERE email = 'bob@example.com'")).toString();
    QVERIFY(!raw.exec(QStringLiteral("INSERT INTO assignments VALUES (%1, 'sales', 'sales-starter')").arg(bobId))
                 .isEmpty());
    QVERIFY(!raw.exec(QStringLiteral("PRAGMA foreign_keys = ON")).size());
    QVERIFY(!raw.exec(QStringLiteral("INSERT INTO assignments VALUES (%1, 'service', 'sales-starter')").arg(bobId))
                 .isEmpty());
    // R9 in storage.
    QVERIFY(!raw.exec(QStringLiteral("DELETE FROM users WHERE id = %1").arg(bobId)).isEmpty());
}

void TestSeatLedger::planAppliesInOrderAllOrNothing()
{
    QVERIFY(m_ledger->assignSeat(cat, SeatType::SalesProfessional).ok()); // 2/2
    const QString before = TestSupport::snapshot(*m_ledger);
    auto bad = Plan::parse("unassign bob@example.com sales\n"
                           "assign uma@example.com sales-professional\n"
                           "assign ben@example.com sales-professional\n");
    QVERIFY(bad.ok());
    const Status refused = m_ledger->applyPlan(bad.value());
    QCOMPARE(int(refused.error().kind), int(ErrorKind::NoFreeSeat));
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);

    auto unknown = Plan::parse("unassign bob@example.com sales\nassign nobody@example.com sales-professional\n");
    const Status missing = m_ledger->applyPlan(unknown.value());
    QVERIFY(missing.error().message.startsWith(QStringLiteral("Line 2: No user has the email address")));
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);

    // Moving bob's seat to uma works although no seat is free; then uma switches tier.
    QVERIFY(m_ledger->buySeats(SeatType::SalesEnterprise, 1).ok());
    auto good = Plan::parse("unassign bob@example.com sales\n"
                            "assign uma@example.com sales-professional\n"
                            "assign uma@example.com sales-enterprise\n"
                            "assign bob@example.com sales-professional\n");
    const Status applied = m_ledger->applyPlan(good.value());
    QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));
    QCOMPARE(m_ledger->user(uma).value().sales, std::optional<SeatType>(SeatType::SalesEnterprise));
    QCOMPARE(m_ledger->user(bob).value().sales, std::optional<SeatType>(SeatType::SalesProfessional));
    QCOMPARE(m_ledger->check().value(), QStringList());
}

void TestSeatLedger::ledgerRecordsEveryChangeWithBeforeAndAfter()
{
    const int start = int(m_ledger->entries().value().size());
    QVERIFY(m_ledger->setActor(ben).ok());
    QVERIFY(m_ledger->buySeats(SeatType::ServiceEnterprise, 4).ok());
    QVERIFY(m_ledger->releaseSeats(SeatType::ServiceEnterprise, 1).ok());
    QVERIFY(m_ledger->assignSeat(cat, SeatType::ServiceEnterprise).ok());
    QVERIFY(m_ledger->removeSeat(cat, Product::Service).ok());
    QVERIFY(m_ledger->deleteUser(cat).ok());
    const auto all = m_ledger->entries().value();
    QCOMPARE(all.size(), start + 5);
    const auto e = all.mid(start);
    QCOMPARE(e[0].action, LedgerAction::SeatsBought);
    QCOMPARE(e[0].before + QLatin1Char('>') + e[0].after, QStringLiteral("0>4"));
    QCOMPARE(e[1].action, LedgerAction::SeatsReleased);
    QCOMPARE(e[1].before + QLatin1Char('>') + e[1].after, QStringLiteral("4>3"));
    QCOMPARE(e[2].action, LedgerAction::SeatAssigned);
    QCOMPARE(e[2].subject, cat);
    QCOMPARE(e[3].action, LedgerAction::SeatRemoved);
    QCOMPARE(e[3].before, QStringLiteral("service-enterprise"));
    QCOMPARE(e[4].action, LedgerAction::UserDeleted);
    for (const LedgerEntry &x : e) {
        QCOMPARE(x.actor, ben);
        QCOMPARE(x.at.timeSpec(), Qt::UTC);
        QVERIFY(qAbs(x.at.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    }
    for (int i = 1; i < all.size(); ++i)
        QCOMPARE(all[i].prevHash, all[i - 1].hash);
}

void TestSeatLedger::checkPassesAfterManyChanges()
{
    QVERIFY(m_ledger->buySeats(SeatType::ServiceProfessional, 50).ok());
    for (int i = 0; i < 40; ++i) {
        const QString email = QStringLiteral("p%1@example.com").arg(i);
        QVERIFY(createPlain(*m_ledger, email).ok());
        QVERIFY(m_ledger->assignSeat(email, SeatType::ServiceProfessional).ok());
        if (i % 3 == 0) {
            QVERIFY(m_ledger->removeSeat(email, Product::Service).ok());
            QVERIFY(m_ledger->deleteUser(email).ok());
        }
    }
    QVERIFY(m_ledger->releaseSeats(SeatType::ServiceProfessional, 10).ok());
    QCOMPARE(m_ledger->check().value(), QStringList());
    QCOMPARE(m_ledger->seatCounts().value()[seatTypeIndex(SeatType::ServiceProfessional)].assigned, 26);
}

void TestSeatLedger::operatorDemotedByAnotherAdminCanNoLongerChange()
{
    QVERIFY(m_ledger->setActor(ben).ok());
    auto other = SeatLedger::open(m_path);
    QVERIFY(other.value()->setActor(ada).ok());
    QVERIFY(other.value()->deleteUser(ben).ok());
    const Status s = m_ledger->buySeats(SeatType::SalesStarter, 1);
    QCOMPARE(int(s.error().kind), int(ErrorKind::NotAuthorized));
    QVERIFY(s.error().message.contains(QStringLiteral("no longer a user")));
}

void TestSeatLedger::usersSnapshotIsOneRevisionByEmail()
{
    // Another connection reads the users (as a worker thread does at start-up).
    auto worker = SeatLedger::open(m_path);
    auto snapshot = worker.value()->usersSnapshot(SeatLedger::UserOrder::Email);
    QVERIFY(snapshot.ok());
    QCOMPARE(snapshot.value().revision, m_ledger->revision().value());
    QStringList emails;
    for (const User &u : snapshot.value().users)
        emails << u.email;
    QCOMPARE(emails, QStringList({ ada, ben, bob, cat, uma })); // by e-mail
    // A change moves the revision on; the next snapshot reads it.
    QVERIFY(m_ledger->buySeats(SeatType::SalesStarter, 1).ok());
    QCOMPARE(worker.value()->usersSnapshot().value().revision, snapshot.value().revision + 1);
}

void TestSeatLedger::hostileEmailsAreStoredExactlyOrChangeNothing()
{
    QFETCH(QString, email);
    QFETCH(QString, refusal);
    const QString before = TestSupport::snapshot(*m_ledger);
    const qint64 revision = m_ledger->revision().value();
    NewUser u;
    u.email = email;
    auto created = m_ledger->createUser(u);
    if (refusal.isEmpty()) {
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
        QCOMPARE(m_ledger->user(email).value().email, email); // as typed, to the last character
        QCOMPARE(m_ledger->users().value().last().email, email);
    } else {
        QVERIFY(!created.ok());
        QVERIFY2(created.error().message.contains(refusal), qPrintable(created.error().message));
        QCOMPARE(TestSupport::snapshot(*m_ledger), before);
        QCOMPARE(m_ledger->revision().value(), revision);
    }
    QCOMPARE(m_ledger->check().value(), QStringList());
}

void TestSeatLedger::hostileNamesAreStoredExactlyOrChangeNothing()
{
    QFETCH(QString, name);
    QFETCH(QString, refusal);
    const QString before = TestSupport::snapshot(*m_ledger);
    NewUser u;
    u.email = QStringLiteral("named@example.com");
    u.firstName = name;
    u.lastName = name;
    auto created = m_ledger->createUser(u);
    if (refusal.isEmpty()) {
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
        // Read back through a second connection: what is stored, not what is cached.
        auto other = SeatLedger::open(m_path);
        const User stored = other.value()->user(u.email).value();
        QCOMPARE(stored.firstName, name);
        QCOMPARE(stored.lastName, name);
        // The ledger remembers the name too: deleting and replaying keeps it.
        QVERIFY(m_ledger->deleteUser(u.email).ok());
        QCOMPARE(m_ledger->check().value(), QStringList());
    } else {
        QVERIFY(!created.ok());
        QVERIFY2(created.error().message.contains(refusal), qPrintable(created.error().message));
        QCOMPARE(TestSupport::snapshot(*m_ledger), before);
    }
}

void TestSeatLedger::sameAddressInOtherLetterCaseIsTheSameUser()
{
    const QString before = TestSupport::snapshot(*m_ledger);
    for (const char *other : { "ADA@EXAMPLE.COM", "Bob@Example.Com", "cAt@eXaMpLe.CoM" }) {
        NewUser u;
        u.email = QLatin1String(other);
        auto created = m_ledger->createUser(u);
        QVERIFY(!created.ok());
        QCOMPARE(created.error().kind, ErrorKind::Duplicate);
        QVERIFY2(created.error().message.contains(QLatin1String("already exists")),
                 qPrintable(created.error().message));
    }
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);
    // Found whatever the case it is typed in, and shown as first stored.
    QCOMPARE(m_ledger->user(QStringLiteral("BOB@example.COM")).value().email, QStringLiteral("bob@example.com"));
}

// A batch's hashes are made on another thread before its rows are written
// (LedgerWriter::hashAhead); an entry written in between must not break the chain.
void TestSeatLedger::hashesMadeAheadStayChainedWhateverComesBetween()
{
    m_ledger.reset();
    auto db = SeatDatabase::open(m_path);
    QVERIFY(db.ok());
    for (const bool between : { false, true }) {
        WriteTransaction tx(*db.value());
        QVERIFY(tx.started().ok());
        LedgerWriter writer(*db.value(), QStringLiteral("ada@example.com"));
        QVERIFY(writer
                    .hashAhead({ { LedgerAction::SeatRemoved, QStringLiteral("bob@example.com"),
                                   QStringLiteral("sales-professional"), QStringLiteral("sales-professional"),
                                   QStringLiteral("") },
                                 { LedgerAction::SeatAssigned, QStringLiteral("cat@example.com"),
                                   QStringLiteral("sales-professional"), QStringLiteral(""),
                                   QStringLiteral("sales-professional") } })
                    .ok());
        if (between)
            QVERIFY(writer
                        .append(LedgerAction::SeatsBought, {}, QStringLiteral("sales-starter"), QStringLiteral("0"),
                                QStringLiteral("0"))
                        .ok());
        QVERIFY(writer.appendHashed().ok());
        QVERIFY(writer.finish().ok());
        QVERIFY(tx.commit().ok());
    }
    auto reopened = SeatLedger::open(m_path);
    const auto entries = reopened.value()->entries().value();
    QString previous;
    for (const LedgerEntry &e : entries) {
        QCOMPARE(e.prevHash, previous);
        QCOMPARE(LedgerChain::hashOf(e), e.hash);
        previous = e.hash;
    }
    QCOMPARE(entries.last().subject, QStringLiteral("cat@example.com"));
    QCOMPARE(entries.at(entries.size() - 3).action, LedgerAction::SeatsBought);
}

QTEST_GUILESS_MAIN(TestSeatLedger)
#include "tst_seatledger.moc"
