// The help article's flow, end to end, in the real window: Manage paid users,
// the grid of seats, driven through its widgets and checked against what the
// core holds (counts, refusals, Cancel, leaving, big saves, large accounts, and
// changes from another connection or window). The side panel is in tst_userflow.

#include "BackgroundWork.h"
#include "GuiSupport.h"
#include "LedgerWatcher.h"
#include "PaidUsersModel.h"
#include "PaidUsersPage.h"
#include "SettingsWindow.h"
#include "TestSupport.h"
#include "UsersModel.h"
#include "UsersPage.h"
#include "WindowFixture.h"

#include <algorithm>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using GuiSupport::whenDialogShows;

using TestSupport::SmallAccount::bob;
using TestSupport::SmallAccount::cat;
using TestSupport::SmallAccount::uma;

class TestGridFlow : public QObject, protected WindowFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpOnce(); }
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void gridCountsPendingTicksAndSaves();
    void gridRefusesOverAssignmentAndUndoes();
    void gridCancelDropsEdits();
    void leavingTheGridWithPendingEditsAsks();
    void aBigSaveRunsInTheBackgroundAndKeepsPainting();
    void aLargeAccountReloadsInTheBackground();
    void changesFromAnotherConnectionRefreshAndConflict();
    void twoWindowsEditingTheGridNeverLoseAnUpdate();
    void eachCountSitsUnderItsColumn();
    void emailsAreNotCutWithRoomToSpare();
    void saveSaysWhatItDid();
};

void TestGridFlow::gridCountsPendingTicksAndSaves()
{
    openGrid();
    auto *table = find<QTableView>("paidUsersTable");
    auto *assigned = find<QLabel>("assigned-sales-professional");
    auto *purchased = find<QLabel>("purchased-sales-professional");
    auto *save = find<QPushButton>("paidUsersSave");
    QCOMPARE(purchased->text(), QStringLiteral("2"));
    QCOMPARE(assigned->text(), QStringLiteral("1"));
    QVERIFY(!save->isEnabled());

    // A click on the box…
    GuiSupport::clickCheckBox(table, gridCell(cat, SeatType::SalesProfessional));
    QCOMPARE(gridCell(cat, SeatType::SalesProfessional).data(Qt::CheckStateRole), QVariant(Qt::Checked));
    QCOMPARE(assigned->text(), QStringLiteral("2"));
    QCOMPARE(find<QLabel>("paidUsersPending")->text(), QStringLiteral("1 unsaved change"));
    QVERIFY(save->isEnabled());
    // …and Space on the current cell.
    table->setCurrentIndex(gridCell(uma, SeatType::ServiceStarter));
    QTest::keyClick(table, Qt::Key_Space);
    QCOMPARE(find<QLabel>("assigned-service-starter")->text(), QStringLiteral("1"));
    QCOMPARE(find<QLabel>("paidUsersPending")->text(), QStringLiteral("2 unsaved changes"));
    QCOMPARE(m_ledger->user(cat).value().sales, std::nullopt); // pending until Save

    QCOMPARE(save->text(), QStringLiteral("Save"));
    click("paidUsersSave");
    QCOMPARE(m_ledger->user(cat).value().sales, std::optional<SeatType>(SeatType::SalesProfessional));
    QCOMPARE(m_ledger->user(uma).value().service, std::optional<SeatType>(SeatType::ServiceStarter));
    QCOMPARE(find<QLabel>("paidUsersPending")->text(), QString());
    QVERIFY(!save->isEnabled());
    QCOMPARE(m_ledger->check().value(), QStringList());
}

void TestGridFlow::gridRefusesOverAssignmentAndUndoes()
{
    openGrid();
    auto *table = find<QTableView>("paidUsersTable");
    auto *assigned = find<QLabel>("assigned-sales-professional");
    auto *problem = find<QLabel>("paidUsersProblem");
    auto *save = find<QPushButton>("paidUsersSave");
    GuiSupport::clickCheckBox(table, gridCell(cat, SeatType::SalesProfessional));
    GuiSupport::clickCheckBox(table, gridCell(uma, SeatType::SalesProfessional));
    QCOMPARE(assigned->text(), QStringLiteral("3"));
    QVERIFY(assigned->styleSheet().contains(QStringLiteral("#b00020"))); // red
    QVERIFY(problem->isVisible());
    QCOMPARE(problem->text(), QStringLiteral("Buy 1 more Sales Professional seat, or clear 1 box."));
    QVERIFY(!save->isEnabled());

    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(assigned->text(), QStringLiteral("2"));
    QVERIFY(!problem->isVisible());
    QVERIFY(save->isEnabled());
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(assigned->text(), QStringLiteral("3"));
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);

    // Ticking bob's Sales Starter moves his seat there (R3): Professional frees one, Starter has none.
    GuiSupport::clickCheckBox(table, gridCell(bob, SeatType::SalesStarter));
    QCOMPARE(gridCell(bob, SeatType::SalesProfessional).data(Qt::CheckStateRole), QVariant(Qt::Unchecked));
    QCOMPARE(assigned->text(), QStringLiteral("1"));
    QCOMPARE(find<QLabel>("assigned-sales-starter")->text(), QStringLiteral("1"));
    QCOMPARE(problem->text(), QStringLiteral("Buy 1 more Sales Starter seat, or clear 1 box."));
    QVERIFY(!save->isEnabled());
    QCOMPARE(m_ledger->user(bob).value().sales, std::optional<SeatType>(SeatType::SalesProfessional));
}

void TestGridFlow::gridCancelDropsEdits()
{
    const QString before = TestSupport::snapshot(*m_ledger);
    openGrid();
    GuiSupport::clickCheckBox(find<QTableView>("paidUsersTable"), gridCell(cat, SeatType::SalesProfessional));
    QCOMPARE(find<QPushButton>("paidUsersCancel")->text(), QStringLiteral("Cancel"));
    click("paidUsersCancel");
    QTRY_VERIFY(find<UsersPage>("usersPage")->isVisible());
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);
    openGrid();
    QCOMPARE(gridCell(cat, SeatType::SalesProfessional).data(Qt::CheckStateRole), QVariant(Qt::Unchecked));
    QCOMPARE(find<QLabel>("paidUsersPending")->text(), QString());
}

void TestGridFlow::leavingTheGridWithPendingEditsAsks()
{
    const QString before = TestSupport::snapshot(*m_ledger);
    openGrid();
    GuiSupport::clickCheckBox(find<QTableView>("paidUsersTable"), gridCell(cat, SeatType::SalesProfessional));
    auto *sidebar = m_window->findChild<QListWidget *>(QStringLiteral("sidebar"));
    const QPoint usersItem = sidebar->visualItemRect(sidebar->item(0)).center();

    QString asked;
    whenDialogShows([&](QWidget *dialog) {
        auto *box = qobject_cast<QMessageBox *>(dialog);
        asked = box->text();
        box->button(QMessageBox::Cancel)->click();
    });
    QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, usersItem);
    QCOMPARE(asked, QStringLiteral("You have 1 unsaved change. Save it before leaving?"));
    QVERIFY(find<PaidUsersPage>("paidUsersPage")->isVisible()); // stayed

    whenDialogShows(
        [](QWidget *dialog) { qobject_cast<QMessageBox *>(dialog)->button(QMessageBox::Discard)->click(); });
    QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, usersItem);
    QTRY_VERIFY(find<UsersPage>("usersPage")->isVisible());
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);

    // Save from the question saves.
    openGrid();
    GuiSupport::clickCheckBox(find<QTableView>("paidUsersTable"), gridCell(cat, SeatType::SalesProfessional));
    whenDialogShows([](QWidget *dialog) { qobject_cast<QMessageBox *>(dialog)->button(QMessageBox::Save)->click(); });
    QTest::mouseClick(find<QToolButton>("paidUsersBack"), Qt::LeftButton);
    QTRY_VERIFY(find<UsersPage>("usersPage")->isVisible());
    QCOMPARE(m_ledger->user(cat).value().sales, std::optional<SeatType>(SeatType::SalesProfessional));
}

void TestGridFlow::aBigSaveRunsInTheBackgroundAndKeepsPainting()
{
    const int many = PaidUsersPage::BackgroundSaveEdits + 500;
    QVector<NewUser> people;
    for (int i = 0; i < many; ++i) {
        NewUser u;
        u.email = QStringLiteral("p%1@example.com").arg(i);
        people.append(u);
    }
    QVERIFY(m_ledger->createUsers(people).ok());
    QVERIFY(m_ledger->buySeats(SeatType::SalesStarter, many).ok());
    openGrid();
    PaidUsersPage *page = m_window->paidUsersPage();
    PaidUsersModel *model = page->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->userAt(row).email.startsWith(QLatin1Char('p')))
            model->setSeat(row, Product::Sales, SeatType::SalesStarter);
    }
    QCOMPARE(model->pendingCount(), many);

    int ticks = 0;
    QTimer heartbeat;
    heartbeat.setInterval(0);
    connect(&heartbeat, &QTimer::timeout, [&ticks] { ++ticks; });
    heartbeat.start();
    QVERIFY(page->save()); // blocks its caller, not the event loop
    heartbeat.stop();
    QVERIFY2(ticks > 0, "the event loop ran while saving");
    QCOMPARE(model->pendingCount(), 0);
    QCOMPARE(m_ledger->seatCounts().value()[seatTypeIndex(SeatType::SalesStarter)].assigned, many);
    QCOMPARE(m_ledger->user(QStringLiteral("p7@example.com")).value().sales,
             std::optional<SeatType>(SeatType::SalesStarter));
    QCOMPARE(m_ledger->entries().value().last().actor, QStringLiteral("ada@example.com")); // same operator
    QCOMPARE(m_ledger->check().value(), QStringList());
}

void TestGridFlow::aLargeAccountReloadsInTheBackground()
{
    QVector<NewUser> people;
    for (int i = 0; i < BackgroundReadUsers; ++i) {
        NewUser u;
        u.email = QStringLiteral("q%1@example.com").arg(i);
        people.append(u);
    }
    QVERIFY(m_ledger->createUsers(people).ok());
    m_window->watcher()->checkNow(); // so many at once: read whole
    QCOMPARE(find<QTableView>("usersTable")->model()->rowCount(), BackgroundReadUsers + 5);

    // Another process adds someone: that one row arrives, in its place, with
    // no reload (the row selected stays selected).
    auto *table = find<QTableView>("usersTable");
    table->selectRow(usersRow(QStringLiteral("q100@example.com")).row());
    const QPersistentModelIndex selected = table->selectionModel()->selectedRows().first();
    auto other = SeatLedger::open(m_path);
    QVERIFY(other.value()->setActor(QStringLiteral("ben@example.com")).ok());
    NewUser late;
    late.email = QStringLiteral("late@example.com");
    QVERIFY(other.value()->createUser(late).ok());
    m_window->watcher()->checkNow();
    QCOMPARE(table->model()->rowCount(), BackgroundReadUsers + 6);
    const int lateRow = usersRow(QStringLiteral("late@example.com")).row();
    QCOMPARE(table->model()->index(lateRow - 1, UsersModel::EmailColumn).data().toString(),
             QStringLiteral("cat@example.com"));
    QVERIFY(selected.isValid());
    QCOMPARE(selected.sibling(selected.row(), UsersModel::EmailColumn).data().toString(),
             QStringLiteral("q100@example.com"));

    // A hundred people at once: the page reads the account again, on a worker.
    QVector<NewUser> more;
    for (int i = 0; i < 100; ++i) {
        NewUser u;
        u.email = QStringLiteral("r%1@example.com").arg(i);
        more.append(u);
    }
    QVERIFY(other.value()->createUsers(more).ok());
    int ticks = 0;
    QTimer heartbeat;
    heartbeat.setInterval(0);
    connect(&heartbeat, &QTimer::timeout, [&ticks] { ++ticks; });
    heartbeat.start();
    m_window->watcher()->checkNow();
    heartbeat.stop();
    QVERIFY2(ticks > 0, "the event loop ran while reading");
    QCOMPARE(table->model()->rowCount(), BackgroundReadUsers + 106);
}

void TestGridFlow::changesFromAnotherConnectionRefreshAndConflict()
{
    openGrid();
    auto other = SeatLedger::open(m_path); // another window, process or admin
    QVERIFY(other.ok());
    QVERIFY(other.value()->setActor(QStringLiteral("ben@example.com")).ok());

    // No pending edits: the grid simply shows the new state.
    QVERIFY(other.value()->assignSeat(cat, SeatType::SalesProfessional).ok());
    m_window->watcher()->checkNow();
    QTRY_COMPARE(gridCell(cat, SeatType::SalesProfessional).data(Qt::CheckStateRole), QVariant(Qt::Checked));
    QCOMPARE(find<QLabel>("assigned-sales-professional")->text(), QStringLiteral("2"));

    // Pending edits: kept, flagged, and Save refuses what changed underneath (R12).
    GuiSupport::clickCheckBox(find<QTableView>("paidUsersTable"), gridCell(uma, SeatType::ServiceStarter));
    QVERIFY(other.value()->assignSeat(uma, SeatType::ServiceStarter).ok());
    m_window->watcher()->checkNow();
    auto *notice = find<QLabel>("paidUsersNotice");
    QTRY_VERIFY(notice->isVisible());
    QVERIFY(notice->text().contains(QStringLiteral("changed in another window")));
    QCOMPARE(find<QLabel>("paidUsersPending")->text(), QStringLiteral("1 unsaved change"));

    QString refusal;
    whenDialogShows([&](QWidget *dialog) {
        auto *box = qobject_cast<QMessageBox *>(dialog);
        refusal = box->text();
        box->accept();
    });
    click("paidUsersSave");
    QVERIFY2(
        refusal.contains(QStringLiteral("uma@example.com's Service Hub seat is now Service Starter (it was none)")),
        qPrintable(refusal));
    QCOMPARE(find<QLabel>("paidUsersPending")->text(), QString()); // refreshed to what is stored
    QCOMPARE(gridCell(uma, SeatType::ServiceStarter).data(Qt::CheckStateRole), QVariant(Qt::Checked));
    const auto entries = m_ledger->entries().value();
    QCOMPARE(entries.last().actor, QStringLiteral("ben@example.com")); // the other admin's change stands
    QCOMPARE(m_ledger->check().value(), QStringList());
}

// Two windows, each with its own connection and operator, over the same data.
void TestGridFlow::twoWindowsEditingTheGridNeverLoseAnUpdate()
{
    auto second = SeatLedger::open(m_path);
    QVERIFY(second.ok());
    QVERIFY(second.value()->setActor(QStringLiteral("ben@example.com")).ok());
    SettingsWindow other(*second.value());
    other.show();
    QVERIFY(QTest::qWaitForWindowExposed(&other));
    openGrid();
    other.showPaidUsers();
    auto *mine = m_window->findChild<QTableView *>(QStringLiteral("paidUsersTable"));
    auto *theirs = other.findChild<QTableView *>(QStringLiteral("paidUsersTable"));
    const auto cellIn = [](QTableView *table, const QString &email, SeatType type) {
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, PaidUsersModel::EmailColumn).data().toString() == email)
                return table->model()->index(row, PaidUsersModel::columnOf(type));
        }
        return QModelIndex();
    };

    // Both load the same state; both give cat the last Sales Professional seat.
    GuiSupport::clickCheckBox(mine, cellIn(mine, cat, SeatType::SalesProfessional));
    GuiSupport::clickCheckBox(theirs, cellIn(theirs, cat, SeatType::SalesProfessional));
    GuiSupport::clickCheckBox(theirs, cellIn(theirs, uma, SeatType::ServiceStarter));

    // The first Save wins...
    click("paidUsersSave");
    QCOMPARE(m_ledger->user(cat).value().sales, std::optional(SeatType::SalesProfessional));

    // ...the second is refused with what changed, and saves nothing of its own.
    QString refusal;
    whenDialogShows([&](QWidget *dialog) {
        auto *box = qobject_cast<QMessageBox *>(dialog);
        refusal = box->text();
        box->accept();
    });
    QTest::mouseClick(other.findChild<QAbstractButton *>(QStringLiteral("paidUsersSave")), Qt::LeftButton);
    QVERIFY2(
        refusal.contains(QStringLiteral("cat@example.com's Sales Hub seat is now Sales Professional (it was none)")),
        qPrintable(refusal));
    QCOMPARE(m_ledger->user(cat).value().sales, std::optional(SeatType::SalesProfessional));
    QCOMPARE(m_ledger->user(uma).value().service, std::nullopt);
    // The refused window now shows what is stored, and can work from it.
    QCOMPARE(cellIn(theirs, cat, SeatType::SalesProfessional).data(Qt::CheckStateRole), QVariant(Qt::Checked));
    QCOMPARE(cellIn(theirs, uma, SeatType::ServiceStarter).data(Qt::CheckStateRole), QVariant(Qt::Unchecked));
    GuiSupport::clickCheckBox(theirs, cellIn(theirs, uma, SeatType::ServiceStarter));
    QTest::mouseClick(other.findChild<QAbstractButton *>(QStringLiteral("paidUsersSave")), Qt::LeftButton);
    QCOMPARE(m_ledger->user(uma).value().service, std::optional(SeatType::ServiceStarter));

    // Every change is in the ledger under the admin who made it, none lost.
    const auto entries = m_ledger->entries().value();
    QCOMPARE(entries.at(entries.size() - 2).actor, QStringLiteral("ada@example.com"));
    QCOMPARE(entries.at(entries.size() - 2).subject, cat);
    QCOMPARE(std::count_if(
                 entries.cbegin(), entries.cend(),
                 [](const LedgerEntry &e) { return e.subject == cat && e.actor == QLatin1String("ben@example.com"); }),
             0);
    QCOMPARE(entries.last().actor, QStringLiteral("ben@example.com"));
    QCOMPARE(entries.last().subject, uma);
    QCOMPARE(m_ledger->check().value(), QStringList());
}

// The horizontal extent of `w`, in `table`'s viewport coordinates.
static std::pair<int, int> spanIn(QTableView *table, QWidget *w)
{
    const QPoint left = w->mapTo(table->window(), QPoint(0, 0));
    const QPoint origin = table->viewport()->mapTo(table->window(), QPoint(0, 0));
    return { left.x() - origin.x(), left.x() - origin.x() + w->width() };
}

void TestGridFlow::eachCountSitsUnderItsColumn()
{
    openGrid();
    auto *table = find<QTableView>("paidUsersTable");
    QHeaderView *header = table->horizontalHeader();
    const auto check = [&] {
        for (SeatType type : allSeatTypes()) {
            const int column = PaidUsersModel::columnOf(type);
            const int from = header->sectionViewportPosition(column);
            const int to = from + header->sectionSize(column);
            for (const QString &kind : { QStringLiteral("purchased-"), QStringLiteral("assigned-") }) {
                auto *label = m_window->findChild<QLabel *>(kind + seatTypeKey(type));
                QVERIFY(label->isVisible());
                const auto [left, right] = spanIn(table, label);
                QVERIFY2(left >= from - 1 && right <= to + 1,
                         qPrintable(QStringLiteral("%1: [%2, %3] not under [%4, %5]")
                                        .arg(label->objectName())
                                        .arg(left)
                                        .arg(right)
                                        .arg(from)
                                        .arg(to)));
            }
        }
    };
    check();
    m_window->resize(m_window->width() + 230, m_window->height());
    QTRY_VERIFY(header->sectionViewportPosition(PaidUsersModel::columnOf(SeatType::SalesStarter)) > 0);
    QTest::qWait(50);
    check();
    header->resizeSection(PaidUsersModel::columnOf(SeatType::SalesStarter),
                          header->sectionSize(PaidUsersModel::columnOf(SeatType::SalesStarter)) + 40);
    QTest::qWait(50);
    check();
}

void TestGridFlow::emailsAreNotCutWithRoomToSpare()
{
    NewUser u;
    u.email = QStringLiteral("rosalind.franklin@example.com");
    QVERIFY(m_ledger->createUser(u).ok());
    openGrid();
    auto *table = find<QTableView>("paidUsersTable");
    QTRY_VERIFY(gridCell(u.email, SeatType::SalesStarter).isValid());
    const int needed = static_cast<QAbstractItemView *>(table)->sizeHintForColumn(PaidUsersModel::EmailColumn);
    QVERIFY2(table->columnWidth(PaidUsersModel::EmailColumn) >= needed,
             qPrintable(QStringLiteral("%1 < %2").arg(table->columnWidth(PaidUsersModel::EmailColumn)).arg(needed)));
}

void TestGridFlow::saveSaysWhatItDid()
{
    openGrid();
    auto *table = find<QTableView>("paidUsersTable");
    GuiSupport::clickCheckBox(table, gridCell(cat, SeatType::SalesProfessional));
    m_window->statusBar()->clearMessage();
    click("paidUsersSave");
    QCOMPARE(m_ledger->user(cat).value().sales, std::optional<SeatType>(SeatType::SalesProfessional));
    QVERIFY2(!m_window->statusBar()->currentMessage().isEmpty(), "no word after Save");
}

QTEST_MAIN(TestGridFlow)
#include "tst_gridflow.moc"
