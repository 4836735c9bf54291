// The Manage paid users grid model: ticks, one tier per product, counts with
// pending edits, undo, and the edits a Save sends.

#include "Language.h"
#include "PaidUsersModel.h"
#include "TestSupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

class TestPaidUsersModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Language::install(QStringLiteral("en")); }
    void init();
    void cleanup();

    void showsEverySeatAsACheckBox();
    void tickingMakesAPendingEditAndCountsIt();
    void secondTierOfTheSameProductClearsTheFirst();
    void untickingAgainIsNoLongerPending();
    void undoAndRedoFollowTheStack();
    void readOnlyRefusesTicks();
    void sortingKeepsPendingEditsAndUndo();
    void passesTheModelTester();
    void changesFromTheFeedUpdateOnlyTheirRows();

private:
    int rowOf(const QString &email) const;
    bool tick(const QString &email, SeatType type, bool on)
    {
        return m_model->setData(m_model->index(rowOf(email), PaidUsersModel::columnOf(type)),
                                on ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SeatLedger> m_ledger;
    std::unique_ptr<PaidUsersModel> m_model;
};

void TestPaidUsersModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_ledger = TestSupport::smallAccount(m_dir->filePath(QStringLiteral("seats.db")));
    m_model = std::make_unique<PaidUsersModel>();
    m_model->reset(m_ledger->users().value(), m_ledger->seatCounts().value());
}

void TestPaidUsersModel::cleanup()
{
    m_model.reset();
    m_ledger.reset();
    m_dir.reset();
}

int TestPaidUsersModel::rowOf(const QString &email) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->userAt(row).email == email)
            return row;
    }
    return -1;
}

void TestPaidUsersModel::showsEverySeatAsACheckBox()
{
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(m_model->columnCount(), 8);
    QCOMPARE(m_model->headerData(PaidUsersModel::columnOf(SeatType::SalesProfessional), Qt::Horizontal).toString(),
             QStringLiteral("Sales\nProfessional"));
    const int bob = rowOf(QStringLiteral("bob@example.com"));
    const QModelIndex pro = m_model->index(bob, PaidUsersModel::columnOf(SeatType::SalesProfessional));
    QCOMPARE(pro.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QVERIFY(m_model->flags(pro) & Qt::ItemIsUserCheckable);
    QCOMPARE(m_model->index(bob, PaidUsersModel::EmailColumn).data().toString(), QStringLiteral("bob@example.com"));
    QCOMPARE(m_model->assigned(SeatType::SalesProfessional), 1);
    QCOMPARE(m_model->purchased(SeatType::SalesProfessional), 2);
}

void TestPaidUsersModel::tickingMakesAPendingEditAndCountsIt()
{
    QSignalSpy pending(m_model.get(), &PaidUsersModel::pendingChanged);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(tick(QStringLiteral("cat@example.com"), SeatType::SalesProfessional, true));
    QCOMPARE(m_model->assigned(SeatType::SalesProfessional), 2);
    QCOMPARE(m_model->pendingCount(), 1);
    QCOMPARE(pending.count(), 1);
    // Only the row's cells of that product are announced, not the whole grid.
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), rowOf(QStringLiteral("cat@example.com")));
    const QModelIndex cell = m_model->index(rowOf(QStringLiteral("cat@example.com")),
                                            PaidUsersModel::columnOf(SeatType::SalesProfessional));
    QVERIFY(cell.data(Qt::BackgroundRole).isValid()); // marked as pending
    QCOMPARE(cell.data(Qt::ToolTipRole).toString(), QStringLiteral("Unsaved change"));
    // Nothing is written before Save.
    QCOMPARE(m_ledger->user(QStringLiteral("cat@example.com")).value().sales, std::nullopt);
    const QVector<SeatEdit> edits = m_model->pendingEdits();
    QCOMPARE(edits.size(), 1);
    QCOMPARE(edits[0].email, QStringLiteral("cat@example.com"));
    QCOMPARE(edits[0].from, std::nullopt);
    QCOMPARE(edits[0].to, std::optional<SeatType>(SeatType::SalesProfessional));
    QVERIFY(m_ledger->applyEdits(edits).ok());
}

void TestPaidUsersModel::secondTierOfTheSameProductClearsTheFirst()
{
    const QString bob = QStringLiteral("bob@example.com");
    QVERIFY(tick(bob, SeatType::SalesEnterprise, true));
    const int row = rowOf(bob);
    QCOMPARE(m_model->index(row, PaidUsersModel::columnOf(SeatType::SalesProfessional)).data(Qt::CheckStateRole),
             QVariant(Qt::Unchecked));
    QCOMPARE(m_model->index(row, PaidUsersModel::columnOf(SeatType::SalesEnterprise)).data(Qt::CheckStateRole),
             QVariant(Qt::Checked));
    QCOMPARE(m_model->assigned(SeatType::SalesProfessional), 0);
    QCOMPARE(m_model->assigned(SeatType::SalesEnterprise), 1); // over its 0 purchased: the page shows it red
    QCOMPARE(m_model->pendingCount(), 1); // one move, one edit
    QVERIFY(tick(bob, SeatType::ServiceStarter, true)); // the other product is independent
    QCOMPARE(m_model->seatAt(row, Product::Sales), std::optional<SeatType>(SeatType::SalesEnterprise));
    QCOMPARE(m_model->pendingCount(), 2);
}

void TestPaidUsersModel::untickingAgainIsNoLongerPending()
{
    const QString bob = QStringLiteral("bob@example.com");
    QVERIFY(tick(bob, SeatType::SalesProfessional, false));
    QCOMPARE(m_model->assigned(SeatType::SalesProfessional), 0);
    QCOMPARE(m_model->pendingCount(), 1);
    QVERIFY(tick(bob, SeatType::SalesProfessional, true));
    QCOMPARE(m_model->pendingCount(), 0);
    QCOMPARE(m_model->assigned(SeatType::SalesProfessional), 1);
    QVERIFY(m_model->pendingEdits().isEmpty());
}

void TestPaidUsersModel::undoAndRedoFollowTheStack()
{
    QUndoStack stack;
    m_model->setUndoStack(&stack);
    QVERIFY(tick(QStringLiteral("cat@example.com"), SeatType::SalesProfessional, true));
    QVERIFY(tick(QStringLiteral("uma@example.com"), SeatType::SalesProfessional, true));
    QCOMPARE(m_model->assigned(SeatType::SalesProfessional), 3);
    stack.undo();
    QCOMPARE(m_model->assigned(SeatType::SalesProfessional), 2);
    QCOMPARE(m_model->pendingCount(), 1);
    stack.undo();
    QCOMPARE(m_model->pendingCount(), 0);
    stack.redo();
    QCOMPARE(m_model->seatAt(rowOf(QStringLiteral("cat@example.com")), Product::Sales),
             std::optional<SeatType>(SeatType::SalesProfessional));
    QCOMPARE(m_model->pendingCount(), 1);
}

void TestPaidUsersModel::readOnlyRefusesTicks()
{
    m_model->setReadOnly(true);
    const QModelIndex cell = m_model->index(0, PaidUsersModel::columnOf(SeatType::SalesStarter));
    QVERIFY(!(m_model->flags(cell) & Qt::ItemIsUserCheckable));
    QVERIFY(!m_model->setData(cell, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(m_model->pendingCount(), 0);
}

void TestPaidUsersModel::sortingKeepsPendingEditsAndUndo()
{
    QUndoStack stack;
    m_model->setUndoStack(&stack);
    QVERIFY(tick(QStringLiteral("cat@example.com"), SeatType::SalesProfessional, true));
    m_model->sort(PaidUsersModel::EmailColumn, Qt::DescendingOrder);
    QCOMPARE(m_model->userAt(0).email, QStringLiteral("uma@example.com"));
    QCOMPARE(m_model->userAt(4).email, QStringLiteral("ada@example.com"));
    QCOMPARE(m_model->seatAt(rowOf(QStringLiteral("cat@example.com")), Product::Sales),
             std::optional<SeatType>(SeatType::SalesProfessional)); // the pending tick moved with its row
    // Ticked boxes of a seat column first.
    m_model->sort(PaidUsersModel::columnOf(SeatType::SalesProfessional), Qt::AscendingOrder);
    QStringList firstTwo { m_model->userAt(0).email, m_model->userAt(1).email };
    firstTwo.sort();
    QCOMPARE(firstTwo, QStringList({ "bob@example.com", "cat@example.com" }));
    stack.undo(); // still undoes cat's tick, wherever cat is now
    QCOMPARE(m_model->seatAt(rowOf(QStringLiteral("cat@example.com")), Product::Sales), std::nullopt);
    QCOMPARE(m_model->pendingCount(), 0);
    QCOMPARE(m_model->assigned(SeatType::SalesProfessional), 1);
}

void TestPaidUsersModel::passesTheModelTester()
{
    PaidUsersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reset(m_ledger->users().value(), m_ledger->seatCounts().value());
    model.setData(model.index(0, PaidUsersModel::columnOf(SeatType::ServiceStarter)), Qt::Checked, Qt::CheckStateRole);
    model.setData(model.index(0, PaidUsersModel::columnOf(SeatType::ServiceEnterprise)), Qt::Checked,
                  Qt::CheckStateRole);
    model.retranslate();
    model.sort(PaidUsersModel::NameColumn, Qt::DescendingOrder);
    model.sort(PaidUsersModel::columnOf(SeatType::ServiceStarter));
    model.reset({}, m_ledger->seatCounts().value());
    QCOMPARE(model.rowCount(), 0);
}

// Another admin's changes arrive through the change feed: only their rows move,
// nothing is reset, and a pending edit keeps the seat it was made from.
void TestPaidUsersModel::changesFromTheFeedUpdateOnlyTheirRows()
{
    m_model->reset(m_ledger->users(SeatLedger::UserOrder::Email).value(), m_ledger->seatCounts().value());
    QAbstractItemModelTester tester(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 position = m_ledger->feedPosition().value();
    QVERIFY(tick(QStringLiteral("bob@example.com"), SeatType::SalesProfessional, false)); // pending here

    auto other = SeatLedger::open(m_dir->filePath(QStringLiteral("seats.db")));
    QVERIFY(other.ok());
    QVERIFY(other.value()->setActor(QStringLiteral("ben@example.com")).ok());
    NewUser aaron;
    aaron.email = QStringLiteral("aaron@example.com");
    QVERIFY(other.value()->createUser(aaron).ok());
    QVERIFY(other.value()->assignSeat(QStringLiteral("cat@example.com"), SeatType::SalesProfessional).ok());
    QVERIFY(other.value()->removeSeat(QStringLiteral("bob@example.com"), Product::Sales).ok());
    QVERIFY(other.value()->deleteUser(QStringLiteral("uma@example.com")).ok());
    QVERIFY(other.value()->buySeats(SeatType::SalesProfessional, 3).ok());

    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    auto changes = m_ledger->changesSince(position);
    QVERIFY(changes.ok());
    QVERIFY(m_model->applyChanges(changes.value().users, changes.value().removed, m_ledger->seatCounts().value()));
    QCOMPARE(resets.count(), 0);

    QCOMPARE(m_model->rowCount(), 5); // aaron in, uma out
    QCOMPARE(m_model->userAt(0).email, QStringLiteral("aaron@example.com")); // where the order puts him
    QCOMPARE(rowOf(QStringLiteral("uma@example.com")), -1);
    const QModelIndex cat = m_model->index(rowOf(QStringLiteral("cat@example.com")),
                                           PaidUsersModel::columnOf(SeatType::SalesProfessional));
    QCOMPARE(cat.data(Qt::CheckStateRole), QVariant(Qt::Checked));
    QCOMPARE(cat.data(Qt::BackgroundRole), QVariant()); // stored, not pending
    // bob's pending edit stays, made from the seat the admin saw: Save will
    // find that it changed underneath (R12).
    QCOMPARE(m_model->pendingCount(), 1);
    const QVector<SeatEdit> edits = m_model->pendingEdits();
    QCOMPARE(edits.size(), 1);
    QCOMPARE(edits.first().email, QStringLiteral("bob@example.com"));
    QCOMPARE(edits.first().from, std::optional<SeatType>(SeatType::SalesProfessional));
    QVERIFY(m_ledger->applyEdits(edits).error().kind == ErrorKind::Conflict);
    // Counts: cat's seat, bob's pending removal; the purchase.
    QCOMPARE(m_model->assigned(SeatType::SalesProfessional), 1);
    QCOMPARE(m_model->purchased(SeatType::SalesProfessional), 5);
}

QTEST_MAIN(TestPaidUsersModel)
#include "tst_paidusersmodel.moc"
