// The seat ledger beyond its single rules (DESIGN.md R2–R12): batches and plans
// all or nothing, several connections, the storage's own refusals, the ledger's
// entries and hash chain, and hostile input. The data-driven rule tables are in
// tst_seatrules.

#include "HostileInput.h"
#include "Language.h"
#include "LedgerChain.h"
#include "LedgerFixture.h"
#include "LedgerWriter.h"
#include "SeatDatabase.h"
#include "SeatLedger.h"
#include "TestSupport.h"

#include <QTest>

using TestSupport::SmallAccount::ada;
using TestSupport::SmallAccount::ben;
using TestSupport::SmallAccount::bob;
using TestSupport::SmallAccount::cat;
using TestSupport::SmallAccount::uma;

class TestSeatLedger : public QObject, protected LedgerFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { Language::install(QStringLiteral("en")); }
    void init() { setUp(); }
    void cleanup() { tearDown(); }

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
    void oneMailboxIsOneUser_data() { HostileInput::sameMailboxRows(); }
    void oneMailboxIsOneUser();
    void hashesMadeAheadStayChainedWhateverComesBetween();
};

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

void TestSeatLedger::oneMailboxIsOneUser()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    QVERIFY(createPlain(*m_ledger, first).ok());
    const QString before = TestSupport::snapshot(*m_ledger);
    NewUser u;
    u.email = second;
    auto created = m_ledger->createUser(u);
    QVERIFY2(!created.ok(), "a second user for one mailbox");
    QCOMPARE(created.error().kind, ErrorKind::Duplicate);
    QVERIFY2(created.error().message.contains(QStringLiteral("“%1” already exists").arg(first)),
             qPrintable(created.error().message));
    // Both spellings in one batch are refused too, before anything is written.
    NewUser other;
    other.email = QStringLiteral("x") + first;
    u.email = QStringLiteral("x") + second;
    QCOMPARE(m_ledger->createUsers({ other, u }).error().kind, ErrorKind::Duplicate);
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);
    // Every look-up by the other spelling finds the user, shown as typed first.
    QCOMPARE(m_ledger->user(second).value().email, first);
    QVERIFY(m_ledger->assignSeat(second, SeatType::SalesProfessional).ok());
    QCOMPARE(m_ledger->user(first).value().sales, std::optional<SeatType>(SeatType::SalesProfessional));
    QVERIFY(m_ledger->removeSeat(second, Product::Sales).ok());
    QVERIFY(m_ledger->setActor(QStringLiteral("ada@example.com")).ok());
    QVERIFY(m_ledger->deleteUser(second).ok());
    QCOMPARE(m_ledger->user(first).error().kind, ErrorKind::NotFound);
    QCOMPARE(m_ledger->check().value(), QStringList());
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
