// The Users & Teams model over the ledger's users.

#include "Language.h"
#include "TestSupport.h"
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
    QCOMPARE(model.data(model.index(3, UsersModel::EmailColumn)).toString(), QStringLiteral("bob@example.com"));
    QCOMPARE(model.data(model.index(3, UsersModel::SalesColumn)).toString(), QStringLiteral("Sales Professional"));
    QCOMPARE(model.data(model.index(3, UsersModel::ServiceColumn)).toString(), QStringLiteral("Service Starter"));
    QCOMPARE(model.flags(model.index(3, 0)) & Qt::ItemIsEditable, Qt::NoItemFlags); // read-only
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

QTEST_GUILESS_MAIN(TestUsersModel)
#include "tst_usersmodel.moc"
