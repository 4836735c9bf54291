// Bulk work in the real window, offscreen: Import users (Preview, Buy, Import),
// Export users (the selection, For Excel, through the file dialog), and actions
// on several users selected with Ctrl-click or Ctrl+A.

#include "GuiSupport.h"
#include "UsersPage.h"
#include "WindowFixture.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>

using GuiSupport::whenDialogShows;
namespace SmallAccount = TestSupport::SmallAccount;

class TestBulk : public QObject, protected WindowFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpOnce(); }
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void previewListsBadRowsAndImportsNothing();
    void buyWhenShortThenImport();
    void exportTheSelectionForExcel();
    void assignAndRemoveForSeveralUsers();
    void deleteSeveralUsersRefusesSeatHolders();
    void setTheMainTeamOfSeveralUsers();
    void createSeveralUsersFromAPastedList();
    void gridTicksSeveralRowsInOneUndoStep();

private:
    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir->filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(bytes);
        return path;
    }
    UsersPage *page() const { return find<UsersPage>("usersPage"); }
    QTableView *table() const { return find<QTableView>("usersTable"); }
    void ctrlClick(const QString &email)
    {
        const QModelIndex row = usersRow(email);
        QVERIFY(row.isValid());
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, Qt::ControlModifier, table()->visualRect(row).center());
    }
    QAction *action(const char *name) const { return m_window->findChild<QAction *>(QLatin1String(name)); }
};

void TestBulk::previewListsBadRowsAndImportsNothing()
{
    const QString before = TestSupport::snapshot(*m_ledger);
    const QString path = writeFile("in.csv", "Email,First name\nnew@example.com,New\nbroken,Bad\n");
    QString summary;
    QStringList problem;
    bool importEnabled = true;
    whenDialogShows([&](QWidget *dialog) {
        QCOMPARE(dialog->objectName(), QStringLiteral("importDialog"));
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Import users"));
        summary = dialog->findChild<QLabel *>("importSummary")->text();
        auto *problems = dialog->findChild<QTableWidget *>("importProblems");
        problem << problems->item(0, 0)->text() << problems->item(0, 1)->text();
        importEnabled = dialog->findChild<QPushButton *>("importButton")->isEnabled();
        QTest::mouseClick(dialog->findChild<QPushButton *>("importCancel"), Qt::LeftButton);
    });
    page()->importFile(path);
    QVERIFY2(summary.startsWith("Preview\n1 bad row") && summary.contains("1 user to create."), qPrintable(summary));
    QCOMPARE(problem.value(0), QStringLiteral("3"));
    QVERIFY2(problem.value(1).contains("has no @"), qPrintable(problem.value(1)));
    QVERIFY(!importEnabled);
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);
}

void TestBulk::buyWhenShortThenImport()
{
    // 1 Service Starter seat purchased, none held: three are wanted.
    const QString path = writeFile("in.csv",
                                   "\xEF\xBB\xBF"
                                   "Adresse e-mail;Prénom;Siège Service\r\n"
                                   "n1@example.com;Un;Service Starter\r\n"
                                   "n2@example.com;Deux;Service Starter\r\n"
                                   "n3@example.com;Trois;service-starter\r\n");
    QString buyText;
    bool importBefore = true;
    bool importAfter = false;
    whenDialogShows([&](QWidget *dialog) {
        auto *buy = dialog->findChild<QPushButton *>("importBuy");
        auto *import = dialog->findChild<QPushButton *>("importButton");
        buyText = buy->isVisible() ? buy->text() : QString();
        importBefore = import->isEnabled();
        buy->setFocus();
        QTest::keyClick(buy, Qt::Key_Space);
        importAfter = import->isEnabled();
        import->setFocus();
        QTest::keyClick(import, Qt::Key_Space);
    });
    page()->importFile(path);
    QCOMPARE(buyText, QStringLiteral("Buy 2 seats"));
    QVERIFY(!importBefore);
    QVERIFY(importAfter);
    QCOMPARE(m_ledger->user("n2@example.com").value().service, SeatType::ServiceStarter);
    QCOMPARE(m_ledger->user("n3@example.com").value().firstName, QStringLiteral("Trois"));
    QCOMPARE(m_ledger->seatCounts().value()[seatTypeIndex(SeatType::ServiceStarter)].purchased, 3);
    QTRY_VERIFY(usersRow("n1@example.com").isValid()); // the list follows through the change feed
}

void TestBulk::exportTheSelectionForExcel()
{
    ctrlClick(SmallAccount::bob);
    ctrlClick(SmallAccount::cat);
    QCOMPARE(table()->selectionModel()->selectedRows().size(), 2);
    const QString path = m_dir->filePath("chosen.csv");
    bool selectionChosen = false;
    bool forExcel = false;
    whenDialogShows([&](QWidget *dialog) {
        QCOMPARE(dialog->objectName(), QStringLiteral("exportDialog"));
        selectionChosen = dialog->findChild<QRadioButton *>("exportSelection")->isChecked();
        forExcel = dialog->findChild<QCheckBox *>("exportForExcel")->isChecked();
        whenDialogShows([path](QWidget *files) {
            auto *fileDialog = qobject_cast<QFileDialog *>(files);
            QVERIFY(fileDialog);
            GuiSupport::chooseFile(fileDialog, path);
        });
        QTest::mouseClick(dialog->findChild<QPushButton *>("exportButton"), Qt::LeftButton);
    });
    action("exportUsers")->trigger();
    QVERIFY(selectionChosen);
    QVERIFY(forExcel);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(),
             QByteArray("\xEF\xBB\xBF"
                        "Email,First name,Last name,Role,Sales seat,Service seat,Main team,Additional "
                        "teams\r\n"
                        "bob@example.com,Bob,,User,Sales Professional,,,\r\n"
                        "cat@example.com,Cat,,User,,,,\r\n"));
}

void TestBulk::assignAndRemoveForSeveralUsers()
{
    // Ctrl+A selects everyone; five users, one Service Starter seat: refused, nothing changed.
    table()->setFocus();
    QTest::keyClick(table(), Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(table()->selectionModel()->selectedRows().size(), 5);
    QVERIFY(!find<QWidget>("userPanel") || !find<QWidget>("userPanel")->isVisible());
    const QString before = TestSupport::snapshot(*m_ledger);
    QString refusal;
    whenDialogShows([&](QWidget *box) {
        refusal = static_cast<QMessageBox *>(box)->text();
        static_cast<QMessageBox *>(box)->accept();
    });
    action("assignSelected-service-starter")->trigger();
    QVERIFY2(refusal.contains("Service Starter: 1 purchased, 5 would be assigned. Buy 4 more"), qPrintable(refusal));
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);

    // bob and cat: bob already holds Sales Professional, cat takes the other one; one transaction.
    table()->clearSelection();
    ctrlClick(SmallAccount::bob);
    ctrlClick(SmallAccount::cat);
    const qint64 revision = m_ledger->revision().value();
    action("assignSelected-sales-professional")->trigger();
    QCOMPARE(m_ledger->revision().value(), revision + 1);
    QCOMPARE(m_ledger->user(SmallAccount::cat).value().sales, SeatType::SalesProfessional);
    action("removeSelected-sales")->trigger();
    QCOMPARE(m_ledger->revision().value(), revision + 2);
    QVERIFY(!m_ledger->user(SmallAccount::bob).value().sales);
    QVERIFY(!m_ledger->user(SmallAccount::cat).value().sales);
}

void TestBulk::deleteSeveralUsersRefusesSeatHolders()
{
    ctrlClick(SmallAccount::bob); // holds a seat
    ctrlClick(SmallAccount::cat);
    ctrlClick(SmallAccount::uma);
    const QString before = TestSupport::snapshot(*m_ledger);
    QString refusal;
    whenDialogShows([&](QWidget *question) {
        QVERIFY(static_cast<QMessageBox *>(question)->text().contains("Delete 3 users?"));
        whenDialogShows([&](QWidget *box) {
            refusal = static_cast<QMessageBox *>(box)->text();
            static_cast<QMessageBox *>(box)->accept();
        });
        static_cast<QMessageBox *>(question)->button(QMessageBox::Yes)->click();
    });
    action("deleteSelected")->trigger();
    QVERIFY2(refusal.contains("1 of the selected users still holds a seat"), qPrintable(refusal));
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);

    table()->clearSelection();
    ctrlClick(SmallAccount::cat);
    ctrlClick(SmallAccount::uma);
    whenDialogShows([](QWidget *question) { static_cast<QMessageBox *>(question)->button(QMessageBox::Yes)->click(); });
    action("deleteSelected")->trigger();
    QCOMPARE(m_ledger->user(SmallAccount::cat).error().kind, ErrorKind::NotFound);
    QCOMPARE(m_ledger->user(SmallAccount::uma).error().kind, ErrorKind::NotFound);
    QTRY_VERIFY(!usersRow(SmallAccount::cat).isValid());
}

void TestBulk::setTheMainTeamOfSeveralUsers()
{
    QVERIFY(m_ledger->createTeam("Support"));
    QVERIFY(m_ledger->createTeam("Night shift"));
    UserEdit edit;
    edit.addTeams = QStringList { "Support" };
    QVERIFY(m_ledger->editUser(SmallAccount::cat, edit));
    QVERIFY(!action("setMainTeamOfSelected")->isEnabled()); // nothing selected yet
    ctrlClick(SmallAccount::bob);
    ctrlClick(SmallAccount::cat);
    QVERIFY(action("setMainTeamOfSelected")->isEnabled());
    QCOMPARE(action("setMainTeamOfSelected")->text(), QStringLiteral("Set main team…"));

    // Cancel changes nothing.
    const QString before = TestSupport::snapshot(*m_ledger);
    whenDialogShows([](QWidget *dialog) {
        QTest::keyClick(dialog->findChild<QComboBox *>("mainTeamChoice"), Qt::Key_Down);
        QTest::keyClick(dialog, Qt::Key_Escape);
    });
    action("setMainTeamOfSelected")->trigger();
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);

    // Chosen with the keyboard; both users in one transaction, cat's
    // additional Support becoming her main team.
    QString text;
    QStringList choices;
    whenDialogShows([&](QWidget *dialog) {
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Set main team"));
        text = dialog->findChild<QLabel *>("mainTeamText")->text();
        auto *choice = dialog->findChild<QComboBox *>("mainTeamChoice");
        QCOMPARE(choice->accessibleName(), QStringLiteral("Main team"));
        for (int i = 0; i < choice->count(); ++i)
            choices << choice->itemText(i);
        choice->setFocus();
        QTest::keyClick(choice, Qt::Key_Down);
        QTest::keyClick(choice, Qt::Key_Down);
        QTest::keyClick(choice, Qt::Key_Return);
    });
    const qint64 revision = m_ledger->revision().value();
    action("setMainTeamOfSelected")->trigger();
    QCOMPARE(text, QStringLiteral("Selected users: 2"));
    QCOMPARE(choices, QStringList({ "No team", "Night shift", "Support" }));
    QCOMPARE(m_ledger->revision().value(), revision + 1);
    QCOMPARE(m_ledger->user(SmallAccount::bob).value().mainTeam, QStringLiteral("Support"));
    QCOMPARE(m_ledger->user(SmallAccount::cat).value().mainTeam, QStringLiteral("Support"));
    QCOMPARE(m_ledger->user(SmallAccount::cat).value().additionalTeams, QStringList());
    QCOMPARE(m_ledger->check().value(), QStringList());

    // No team takes it away again.
    whenDialogShows([](QWidget *dialog) {
        dialog->findChild<QComboBox *>("mainTeamChoice")->setCurrentIndex(0);
        dialog->findChild<QPushButton *>("mainTeamOk")->click();
    });
    action("setMainTeamOfSelected")->trigger();
    QCOMPARE(m_ledger->user(SmallAccount::bob).value().mainTeam, QString());
    QCOMPARE(m_ledger->user(SmallAccount::cat).value().mainTeam, QString());
}

void TestBulk::createSeveralUsersFromAPastedList()
{
    click("createUser");
    auto *email = find<QLineEdit>("panelEmail");
    auto *next = find<QAbstractButton>("panelNext");
    auto *problem = find<QLabel>("panelEmailProblem");
    QTRY_VERIFY(email->hasFocus());
    // Bad, repeated and taken addresses are all listed, and nothing goes further.
    QGuiApplication::clipboard()->setText("new1@example.com\nbroken\nNEW1@example.com; ben@example.com");
    QTest::keyClick(email, Qt::Key_V, Qt::ControlModifier);
    QVERIFY(!next->isEnabled());
    const QString problems = problem->text();
    QVERIFY2(problems.contains("“broken” has no @") && problems.contains("is in the list twice")
                 && problems.contains("“ben@example.com” already exists"),
             qPrintable(problems));

    email->selectAll();
    QGuiApplication::clipboard()->setText("new1@example.com\nnew2@example.com, new3@example.com;new4@example.com");
    QTest::keyClick(email, Qt::Key_V, Qt::ControlModifier);
    QVERIFY2(next->isEnabled(), qPrintable(problem->text()));
    QTest::keyClick(email, Qt::Key_Return);
    QTRY_COMPARE(find<QLabel>("panelTitle")->text(), QStringLiteral("Create user\n4 users"));
    // The same seat for all four: 1 Sales Professional free, so Create is refused with what to buy.
    clickSwitch(QStringLiteral("salesAccess"));
    clickSwitch(QStringLiteral("sales-professional"));
    const QString before = TestSupport::snapshot(*m_ledger);
    click("panelConfirm");
    QTRY_VERIFY(find<QLabel>("panelProblem")->isVisible());
    QVERIFY2(find<QLabel>("panelProblem")->text().contains("Buy 3 more"),
             qPrintable(find<QLabel>("panelProblem")->text()));
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);
    // Without a seat, all four are created at once.
    clickSwitch(QStringLiteral("salesAccess"));
    click("panelConfirm");
    for (const char *address : { "new1@example.com", "new2@example.com", "new3@example.com", "new4@example.com" })
        QVERIFY2(m_ledger->user(QLatin1String(address)), address);
}

void TestBulk::gridTicksSeveralRowsInOneUndoStep()
{
    openGrid();
    auto *grid = find<QTableView>("paidUsersTable");
    grid->setFocus();
    // Ctrl-click three users' Service Starter cells (beside the box, so nothing is ticked yet).
    for (const QString &email : { SmallAccount::uma, SmallAccount::bob, SmallAccount::cat }) {
        const QModelIndex cell = gridCell(email, SeatType::ServiceStarter);
        QTest::mouseClick(grid->viewport(), Qt::LeftButton, Qt::ControlModifier,
                          grid->visualRect(cell).topRight() + QPoint(-2, 2));
    }
    QCOMPARE(grid->currentIndex(), gridCell(SmallAccount::cat, SeatType::ServiceStarter));
    const QString before = TestSupport::snapshot(*m_ledger);
    QTest::keyClick(grid, Qt::Key_Space);
    for (const QString &email : { SmallAccount::uma, SmallAccount::bob, SmallAccount::cat })
        QCOMPARE(gridCell(email, SeatType::ServiceStarter).data(Qt::CheckStateRole).value<Qt::CheckState>(),
                 Qt::Checked);
    QCOMPARE(TestSupport::snapshot(*m_ledger), before); // pending until Save (R10)
    // One Ctrl+Z takes back all three.
    QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier);
    for (const QString &email : { SmallAccount::uma, SmallAccount::bob, SmallAccount::cat })
        QCOMPARE(gridCell(email, SeatType::ServiceStarter).data(Qt::CheckStateRole).value<Qt::CheckState>(),
                 Qt::Unchecked);
    // Ctrl+A, then Space on a column nobody holds, ticks it for everyone; one Ctrl+Z clears it again.
    QTest::keyClick(grid, Qt::Key_A, Qt::ControlModifier);
    grid->selectionModel()->setCurrentIndex(gridCell(SmallAccount::ada, SeatType::SalesStarter),
                                            QItemSelectionModel::NoUpdate);
    QTest::keyClick(grid, Qt::Key_Space);
    QCOMPARE(gridCell(SmallAccount::ben, SeatType::SalesStarter).data(Qt::CheckStateRole).value<Qt::CheckState>(),
             Qt::Checked);
    QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(gridCell(SmallAccount::ben, SeatType::SalesStarter).data(Qt::CheckStateRole).value<Qt::CheckState>(),
             Qt::Unchecked);
}

QTEST_MAIN(TestBulk)
#include "tst_bulk.moc"
