// The change feed (SeatLedger::changesSince): what another connection or this
// one changed, named by the users it touched as they are now, so that views
// update only those rows.

#include "Language.h"
#include "SeatLedger.h"
#include "TestSupport.h"

#include <QTemporaryDir>
#include <QTest>

class TestChangeFeed : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Language::install(QStringLiteral("en")); }
    void init();
    void cleanup();

    void nothingChangedNamesNothing();
    void anotherConnectionsChangesArriveAsTheUsersTheyTouched();
    void aDeletedUserIsNamedAsRemoved();
    void seatPurchasesChangeOnlyTheCounts();
    void oneBigBatchIsReadOnce();
    void aReplacedDatabaseAsksForAFullReload();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<SeatLedger> m_window; // the view's connection
    std::unique_ptr<SeatLedger> m_other; // another admin's, elsewhere
    qint64 m_position = 0;
};

void TestChangeFeed::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("seats.db"));
    m_window = TestSupport::smallAccount(m_path);
    QVERIFY(m_window);
    auto other = SeatLedger::open(m_path);
    QVERIFY(other.ok());
    m_other = other.takeValue();
    QVERIFY(m_other->setActor(QStringLiteral("ben@example.com")).ok());
    m_position = m_window->feedPosition().value();
    QVERIFY(m_position > 0);
}

void TestChangeFeed::cleanup()
{
    m_other.reset();
    m_window.reset();
    m_dir.reset();
}

void TestChangeFeed::nothingChangedNamesNothing()
{
    auto changes = m_window->changesSince(m_position);
    QVERIFY(changes.ok());
    QCOMPARE(changes.value().position, m_position);
    QCOMPARE(changes.value().entries, 0);
    QVERIFY(changes.value().users.isEmpty() && changes.value().removed.isEmpty());
    QVERIFY(!changes.value().replaced && !changes.value().seatCountsChanged);
}

void TestChangeFeed::anotherConnectionsChangesArriveAsTheUsersTheyTouched()
{
    QVERIFY(m_other->assignSeat(QStringLiteral("cat@example.com"), SeatType::SalesProfessional).ok());
    NewUser dan;
    dan.email = QStringLiteral("dan@example.com");
    dan.firstName = QStringLiteral("Dan");
    dan.service = SeatType::ServiceStarter;
    QVERIFY(m_other->createUser(dan).ok());

    auto changes = m_window->changesSince(m_position);
    QVERIFY(changes.ok());
    const SeatLedger::Changes &c = changes.value();
    QCOMPARE(c.position, m_window->feedPosition().value());
    QCOMPARE(c.entries, 3); // cat's seat; dan created, dan's seat
    QCOMPARE(c.users.size(), 2); // each user once, as stored now
    QCOMPARE(c.users.at(0).email, QStringLiteral("cat@example.com"));
    QCOMPARE(c.users.at(0).sales, std::optional<SeatType>(SeatType::SalesProfessional));
    QCOMPARE(c.users.at(1).email, QStringLiteral("dan@example.com"));
    QCOMPARE(c.users.at(1).firstName, QStringLiteral("Dan"));
    QCOMPARE(c.users.at(1).service, std::optional<SeatType>(SeatType::ServiceStarter));
    QVERIFY(c.users.at(1).id > 0);
    QVERIFY(c.removed.isEmpty());
    QVERIFY(c.seatCountsChanged);
    // From the new position on: nothing more.
    QCOMPARE(m_window->changesSince(c.position).value().entries, 0);
}

void TestChangeFeed::aDeletedUserIsNamedAsRemoved()
{
    QVERIFY(m_other->deleteUser(QStringLiteral("cat@example.com")).ok());
    auto changes = m_window->changesSince(m_position);
    QVERIFY(changes.ok());
    QCOMPARE(changes.value().removed, QStringList { QStringLiteral("cat@example.com") });
    QVERIFY(changes.value().users.isEmpty());
    QVERIFY(!changes.value().seatCountsChanged);
}

void TestChangeFeed::seatPurchasesChangeOnlyTheCounts()
{
    QVERIFY(m_other->buySeats(SeatType::ServiceEnterprise, 3).ok());
    auto changes = m_window->changesSince(m_position);
    QVERIFY(changes.ok());
    QVERIFY(changes.value().seatCountsChanged);
    QVERIFY(changes.value().users.isEmpty() && changes.value().removed.isEmpty());
}

void TestChangeFeed::oneBigBatchIsReadOnce()
{
    // bob moves tier twice and cat gets a seat: bob is read once, as he is now.
    QVERIFY(m_other->buySeats(SeatType::SalesEnterprise, 2).ok());
    QVERIFY(m_other->assignSeat(QStringLiteral("bob@example.com"), SeatType::SalesEnterprise).ok());
    QVERIFY(m_other->assignSeat(QStringLiteral("BOB@example.com"), SeatType::SalesProfessional).ok());
    QVERIFY(m_other
                ->applyPlan({ PlanLine { 1, PlanLine::Kind::Assign, QStringLiteral("cat@example.com"),
                                         SeatType::SalesEnterprise, Product::Sales } })
                .ok());
    auto changes = m_window->changesSince(m_position);
    QVERIFY(changes.ok());
    QCOMPARE(changes.value().users.size(), 2);
    QCOMPARE(changes.value().users.at(0).sales, std::optional<SeatType>(SeatType::SalesProfessional));
    QCOMPARE(changes.value().users.at(1).sales, std::optional<SeatType>(SeatType::SalesEnterprise));
}

void TestChangeFeed::aReplacedDatabaseAsksForAFullReload()
{
    // A view that had read past the backup: the restored ledger is shorter.
    const qint64 atBackup = m_window->feedPosition().value();
    QVERIFY(m_other->backup().ok());
    QVERIFY(m_other->buySeats(SeatType::ServiceEnterprise, 3).ok());
    QVERIFY(m_other->buySeats(SeatType::ServiceEnterprise, 2).ok());
    const qint64 ahead = m_window->feedPosition().value();
    const QString backup = SeatLedger::backups(m_path).first().path;
    m_other.reset();
    m_window.reset();
    QVERIFY(SeatLedger::restore(m_path, backup, QStringLiteral("ada@example.com")).ok());
    auto reopened = SeatLedger::open(m_path);
    QVERIFY(reopened.ok());
    auto changes = reopened.value()->changesSince(ahead);
    QVERIFY(changes.ok());
    QVERIFY(changes.value().replaced);
    QVERIFY(changes.value().position < ahead);
    // A view that was at the backup's last entry: the record of the restore
    // follows it, and says the same.
    changes = reopened.value()->changesSince(atBackup);
    QVERIFY(changes.ok());
    QVERIFY(changes.value().replaced);
    QCOMPARE(changes.value().position, atBackup + 1);
    QCOMPARE(changes.value().users.size(), 0);
}

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"
