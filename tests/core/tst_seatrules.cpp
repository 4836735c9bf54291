// The rules of the seat ledger (DESIGN.md R2–R12), each refused and allowed case:
// the data-driven tables, and the rules that take a test of their own. Batches,
// plans, the ledger itself and hostile input are in tst_seatledger.

#include "Language.h"
#include "LedgerFixture.h"
#include "SeatLedger.h"
#include "TestSupport.h"

#include <functional>
#include <QTest>

using Change = std::function<Status(SeatLedger &)>;
Q_DECLARE_METATYPE(Change)
Q_DECLARE_METATYPE(ErrorKind)

using TestSupport::SmallAccount::ada;
using TestSupport::SmallAccount::ben;
using TestSupport::SmallAccount::bob;
using TestSupport::SmallAccount::cat;
using TestSupport::SmallAccount::uma;

class TestSeatRules : public QObject, protected LedgerFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { Language::install(QStringLiteral("en")); }
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void refusedChangesLeaveEverythingAsItWas_data();
    void refusedChangesLeaveEverythingAsItWas();
    void allowedChanges_data();
    void allowedChanges();
    void everyChangeByAUserIsRefused_data();
    void everyChangeByAUserIsRefused();

    void switchingTierMovesTheSeatInOneStep();
    void createUserWithSeatsIsOneTransaction();
    void noFreeSeatMessageNamesTypeAndCounts();
};

void TestSeatRules::refusedChangesLeaveEverythingAsItWas_data()
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

void TestSeatRules::refusedChangesLeaveEverythingAsItWas()
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

void TestSeatRules::allowedChanges_data()
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

void TestSeatRules::allowedChanges()
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

void TestSeatRules::everyChangeByAUserIsRefused_data()
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

void TestSeatRules::everyChangeByAUserIsRefused()
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

void TestSeatRules::switchingTierMovesTheSeatInOneStep()
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

void TestSeatRules::createUserWithSeatsIsOneTransaction()
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

void TestSeatRules::noFreeSeatMessageNamesTypeAndCounts()
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

QTEST_GUILESS_MAIN(TestSeatRules)
#include "tst_seatrules.moc"
