// The Users & Teams model over the ledger's users.

#include "Language.h"
#include "TestSupport.h"
#include "UsersCache.h"
#include "UsersModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class TestUsersModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Language::install(QStringLiteral("en")); }
    void showsEveryUserWithTheirSeats();
    void passesTheModelTester();
    void retranslateAnnouncesHeaders();
    void sortingAgainReusesNothingStale();
    void theCacheHandsOverAStartUpReadWhileTheRevisionStands();
    void feedChangesKeepTheOrderAfterASort();
    void theCacheSortsOnceAndNewUsersFindTheirPlace();
};

void TestUsersModel::showsEveryUserWithTheirSeats()
{
    QTemporaryDir dir;
    auto ledger = TestSupport::smallAccount(dir.filePath(QStringLiteral("seats.db")));
    QVERIFY(ledger->assignSeat(QStringLiteral("bob@example.com"), SeatType::ServiceStarter).ok());
    UsersModel model;
    model.setUsers(ledger->users().value());
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.columnCount(), int(UsersModel::ColumnCount));
    QCOMPARE(model.headerData(UsersModel::SalesColumn, Qt::Horizontal).toString(), QStringLiteral("Sales seat"));
    QCOMPARE(model.data(model.index(0, UsersModel::NameColumn)).toString(), QStringLiteral("Ada Lovelace"));
    QCOMPARE(model.data(model.index(0, UsersModel::RoleColumn)).toString(), QStringLiteral("Super admin"));
    QCOMPARE(model.data(model.index(0, UsersModel::SalesColumn)).toString(), QString()); // blank when none
    // Sorted by e-mail (ada, ben, bob, cat, uma), numbers inside by value.
    QCOMPARE(model.data(model.index(2, UsersModel::EmailColumn)).toString(), QStringLiteral("bob@example.com"));
    QCOMPARE(model.data(model.index(2, UsersModel::SalesColumn)).toString(), QStringLiteral("Sales Professional"));
    QCOMPARE(model.data(model.index(2, UsersModel::ServiceColumn)).toString(), QStringLiteral("Service Starter"));
    QCOMPARE(model.flags(model.index(2, 0)) & Qt::ItemIsEditable, Qt::NoItemFlags); // read-only
    QCOMPARE(model.flags(QModelIndex()), Qt::NoItemFlags);
}

void TestUsersModel::passesTheModelTester()
{
    QTemporaryDir dir;
    auto ledger = TestSupport::smallAccount(dir.filePath(QStringLiteral("seats.db")));
    UsersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUsers(ledger->users().value());
    model.setUsers({});
    model.setUsers(ledger->users().value());
    model.retranslate();
    model.sort(UsersModel::RoleColumn, Qt::DescendingOrder);
    model.sort(UsersModel::NameColumn);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.userAt(0).firstName, QStringLiteral("Ada")); // names in order, whatever the case and accents
}

void TestUsersModel::retranslateAnnouncesHeaders()
{
    UsersModel model;
    QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
    model.retranslate();
    QCOMPARE(headers.count(), 1);
    QCOMPARE(headers.at(0).at(1).toInt(), 0);
    QCOMPARE(headers.at(0).at(2).toInt(), UsersModel::ColumnCount - 1);
}

// Collation keys are kept between header clicks and follow the rows: after
// sorts by other columns, and after new data, every sort is still right.
void TestUsersModel::sortingAgainReusesNothingStale()
{
    const auto person = [](qint64 id, const char *first, const char *email, std::optional<SeatType> sales = {}) {
        User u;
        u.id = id;
        u.firstName = QString::fromUtf8(first);
        u.email = QLatin1String(email);
        u.sales = sales;
        return u;
    };
    UsersModel model;
    model.setUsers({ person(1, "Zoë", "a@example.com", SeatType::SalesStarter), person(2, "Émile", "c@example.com"),
                     person(3, "bob", "b@example.com", SeatType::SalesEnterprise), person(4, "Ana", "d@example.com") });
    const auto column = [&model](int c) {
        QStringList texts;
        for (int row = 0; row < model.rowCount(); ++row)
            texts << model.data(model.index(row, c)).toString();
        return texts;
    };
    model.sort(UsersModel::NameColumn);
    QCOMPARE(column(UsersModel::NameColumn), (QStringList { "Ana", "bob", "Émile", "Zoë" }));
    model.sort(UsersModel::EmailColumn, Qt::DescendingOrder);
    QCOMPARE(column(UsersModel::EmailColumn),
             (QStringList { "d@example.com", "c@example.com", "b@example.com", "a@example.com" }));
    model.sort(UsersModel::NameColumn, Qt::DescendingOrder); // kept keys, rows moved twice since
    QCOMPARE(column(UsersModel::NameColumn), (QStringList { "Zoë", "Émile", "bob", "Ana" }));
    model.sort(UsersModel::SalesColumn);
    QCOMPARE(column(UsersModel::SalesColumn).mid(2), (QStringList { "Sales Enterprise", "Sales Starter" }));

    // New data: nothing of the old keys is used.
    model.setUsers({ person(5, "Yann", "y@example.com"), person(6, "Chloé", "x@example.com"),
                     person(7, "Hugo", "w@example.com"), person(8, "Adèle", "z@example.com") });
    model.sort(UsersModel::NameColumn);
    QCOMPARE(column(UsersModel::NameColumn), (QStringList { "Adèle", "Chloé", "Hugo", "Yann" }));
    model.sort(UsersModel::EmailColumn);
    QCOMPARE(column(UsersModel::EmailColumn),
             (QStringList { "w@example.com", "x@example.com", "y@example.com", "z@example.com" }));
}

// The window starts from the users read on a worker at start-up; both pages
// share them while nothing changes, and read again once anything did.
void TestUsersModel::theCacheHandsOverAStartUpReadWhileTheRevisionStands()
{
    QTemporaryDir dir;
    auto ledger = TestSupport::smallAccount(dir.filePath(QStringLiteral("seats.db")));
    SeatLedger::UsersSnapshot startUp = ledger->usersSnapshot(SeatLedger::UserOrder::Email).value();
    startUp.users[0].firstName = QStringLiteral("handed over");
    UsersCache cache(*ledger, startUp);
    QCOMPARE(cache.users(nullptr).value().first().firstName, QStringLiteral("handed over"));
    // A change by another connection moves the revision on: read again.
    auto other = SeatLedger::open(dir.filePath(QStringLiteral("seats.db")));
    QVERIFY(other.value()->setActor(QStringLiteral("ada@example.com")).ok());
    QVERIFY(other.value()->buySeats(SeatType::SalesStarter, 1).ok());
    QCOMPARE(cache.users(nullptr).value().first().firstName, QStringLiteral("Ada"));
    QCOMPARE(cache.revision(), ledger->revision().value());
}

// After a header click, a user arriving through the change feed lands where the
// new order puts them, and the model stays consistent.
void TestUsersModel::feedChangesKeepTheOrderAfterASort()
{
    QTemporaryDir dir;
    auto ledger = TestSupport::smallAccount(dir.filePath(QStringLiteral("seats.db")));
    UsersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUsers(ledger->users(SeatLedger::UserOrder::Email).value());
    model.sort(UsersModel::NameColumn, Qt::DescendingOrder); // Uma, Cat, Bob, Ben, Ada Lovelace
    const qint64 position = ledger->feedPosition().value();
    NewUser bea;
    bea.email = QStringLiteral("zz@example.com");
    bea.firstName = QStringLiteral("Béa");
    QVERIFY(ledger->createUser(bea).ok());
    QVERIFY(ledger->assignSeat(QStringLiteral("cat@example.com"), SeatType::SalesProfessional).ok());
    auto changes = ledger->changesSince(position).value();
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QVERIFY(model.applyChanges(changes.users, changes.removed));
    QCOMPARE(resets.count(), 0);
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, UsersModel::NameColumn).data().toString();
    QCOMPARE(names,
             QStringList({ QStringLiteral("Uma"), QStringLiteral("Cat"), QStringLiteral("Bob"), QStringLiteral("Ben"),
                           QStringLiteral("Béa"), QStringLiteral("Ada Lovelace") }));
    QCOMPARE(model.index(1, UsersModel::SalesColumn).data().toString(), QStringLiteral("Sales Professional"));
}

// Both tables take the cache's list as it comes — by e-mail, numbers inside by
// value — without sorting a copy each; a user arriving through the change
// feed still lands in that order, though no collation keys are kept.
void TestUsersModel::theCacheSortsOnceAndNewUsersFindTheirPlace()
{
    QTemporaryDir dir;
    auto ledger = TestSupport::smallAccount(dir.filePath(QStringLiteral("seats.db")));
    for (const char *email : { "ann.100@example.com", "ann.9@example.com", "ann.10@example.com" }) {
        NewUser u;
        u.email = QString::fromLatin1(email);
        QVERIFY(ledger->createUser(u).ok());
    }
    UsersCache cache(*ledger, ledger->usersSnapshot(SeatLedger::UserOrder::Email).value());
    UsersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUsers(cache.users(nullptr).value(), true);
    const auto emails = [&model] {
        QStringList list;
        for (int row = 0; row < model.rowCount(); ++row)
            list << model.index(row, UsersModel::EmailColumn).data().toString();
        return list;
    };
    QCOMPARE(emails(),
             QStringList({ "ada@example.com", "ann.9@example.com", "ann.10@example.com", "ann.100@example.com",
                           "ben@example.com", "bob@example.com", "cat@example.com", "uma@example.com" }));
    const qint64 position = ledger->feedPosition().value();
    for (const char *email : { "Ann.20@example.com", "ann.3@example.com", "zoe@example.com" }) {
        NewUser u;
        u.email = QString::fromLatin1(email);
        QVERIFY(ledger->createUser(u).ok());
    }
    auto changes = ledger->changesSince(position).value();
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QVERIFY(model.applyChanges(changes.users, changes.removed));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(emails(),
             QStringList({ "ada@example.com", "ann.3@example.com", "ann.9@example.com", "ann.10@example.com",
                           "Ann.20@example.com", "ann.100@example.com", "ben@example.com", "bob@example.com",
                           "cat@example.com", "uma@example.com", "zoe@example.com" }));
    // A click on E-mail again gives the same order through collation keys.
    model.sort(UsersModel::NameColumn, Qt::AscendingOrder);
    model.sort(UsersModel::EmailColumn, Qt::AscendingOrder);
    QCOMPARE(emails().first(), QStringLiteral("ada@example.com"));
    QCOMPARE(emails().at(4), QStringLiteral("Ann.20@example.com"));
}

QTEST_GUILESS_MAIN(TestUsersModel)
#include "tst_usersmodel.moc"
