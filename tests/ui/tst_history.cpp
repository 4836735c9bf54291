// The History page end to end, in the real window offscreen: the ledger in the
// words of the UI language (English, then French after a live switch),
// filters that narrow, a user's panel opening their history, and a change made
// by a real seatctl process appearing on its own.

#include "GuiSupport.h"
#include "HistoryModel.h"
#include "HistoryPage.h"
#include "Processes.h"
#include "UserPanel.h"
#include "UsersPage.h"
#include "WindowFixture.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

using GuiSupport::whenDialogShows;
using namespace TestSupport::SmallAccount;

class TestHistory : public QObject, protected WindowFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpOnce(); }
    void init() { setUp(); }
    void cleanup()
    {
        Language::install(QStringLiteral("en"));
        tearDown();
    }

    void sidebarOpensTheLedgerInWords();
    void switchingToFrenchRewordsIt();
    void purchasesCountSeatsInWords();
    void teamChangesReadInWords();
    void filtersNarrow();
    void exportWritesWhatTheFiltersMatch();
    void aUsersPanelOpensTheirHistory();
    void aChangeBySeatctlAppears();
    void theModelReadsPageByPage();

private:
    QTableView *table() const { return find<QTableView>("historyTable"); }
    QString cell(int row, int column) const { return table()->model()->index(row, column).data().toString(); }
    QStringList column(int column) const
    {
        QStringList texts;
        for (int row = 0; row < table()->model()->rowCount(); ++row)
            texts << cell(row, column);
        return texts;
    }
    // Clicks History in the sidebar, as a person would.
    void openHistory()
    {
        auto *sidebar = find<QListWidget>("sidebar");
        QListWidgetItem *item = sidebar->item(1);
        QCOMPARE(item->text(),
                 Language::current() == QLatin1String("fr") ? QStringLiteral("Historique") : QStringLiteral("History"));
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, sidebar->visualItemRect(item).center());
        QTRY_VERIFY(find<HistoryPage>("historyPage")->isVisible());
    }
};

// smallAccount's ledger, newest first: bob's seat, two purchases, five users created.
void TestHistory::sidebarOpensTheLedgerInWords()
{
    openHistory();
    QCOMPARE(table()->accessibleName(), QStringLiteral("History"));
    QCOMPARE(table()->model()->rowCount(), 8);
    QCOMPARE(cell(0, HistoryModel::What), QStringLiteral("Assigned Sales Professional to bob@example.com"));
    QCOMPARE(cell(0, HistoryModel::Who), ada);
    QCOMPARE(cell(0, HistoryModel::ForWhom), bob);
    QCOMPARE(cell(0, HistoryModel::Change), QStringLiteral("— → Sales Professional"));
    QCOMPARE(cell(1, HistoryModel::Change), QStringLiteral("0 → 1 purchased"));
    QCOMPARE(cell(1, HistoryModel::ForWhom), QString());
    QCOMPARE(cell(2, HistoryModel::Change), QStringLiteral("0 → 2 purchased"));
    QCOMPARE(cell(3, HistoryModel::What), QStringLiteral("Created the user cat@example.com"));
    QCOMPARE(cell(3, HistoryModel::Change), QStringLiteral("— → User, Cat"));
    QCOMPARE(cell(7, HistoryModel::Change), QStringLiteral("— → Super admin, Ada Lovelace"));
    // When: local time, as the locale writes it.
    const QDateTime at = m_ledger->entries().value().last().at;
    QCOMPARE(cell(0, HistoryModel::When), QLocale().toString(at.toLocalTime(), QLocale::ShortFormat));
    const QStringList headers { QStringLiteral("When"), QStringLiteral("Who"), QStringLiteral("What"),
                                QStringLiteral("For whom"), QStringLiteral("Before → after") };
    for (int c = 0; c < HistoryModel::ColumnCount; ++c)
        QCOMPARE(table()->model()->headerData(c, Qt::Horizontal).toString(), headers.at(c));
    // Every filter is named as its label reads, and the label leads to it (Alt+letter, screen readers).
    int labelled = 0;
    for (QLabel *label : find<HistoryPage>("historyPage")->findChildren<QLabel *>()) {
        if (!label->buddy())
            continue;
        ++labelled;
        QCOMPARE(label->buddy()->accessibleName(), label->text());
    }
    QCOMPARE(labelled, 5);
    QCOMPARE(find<QPushButton>("historyClear")->accessibleName(), find<QPushButton>("historyClear")->text());
    QCOMPARE(find<QLineEdit>("historyUser")->accessibleName(), QStringLiteral("User"));
    QCOMPARE(find<QLineEdit>("historyOperator")->accessibleName(), QStringLiteral("Operator"));
    QCOMPARE(find<QComboBox>("historyAction")->accessibleName(), QStringLiteral("Action"));
    QCOMPARE(find<QDateEdit>("historyFrom")->accessibleName(), QStringLiteral("From"));
    QCOMPARE(find<QDateEdit>("historyTo")->accessibleName(), QStringLiteral("To"));
}

void TestHistory::switchingToFrenchRewordsIt()
{
    openHistory();
    m_window->findChild<QAction *>(QStringLiteral("language-fr"))->trigger();
    QCOMPARE(find<QListWidget>("sidebar")->item(1)->text(), QStringLiteral("Historique"));
    QCOMPARE(table()->accessibleName(), QStringLiteral("Historique"));
    QCOMPARE(cell(0, HistoryModel::What), QStringLiteral("Sales Pro attribué à bob@example.com"));
    QCOMPARE(cell(0, HistoryModel::Change), QStringLiteral("— → Sales Pro"));
    QCOMPARE(cell(1, HistoryModel::What), QStringLiteral("1 siège Service Starter acheté"));
    QCOMPARE(cell(2, HistoryModel::What), QStringLiteral("2 sièges Sales Pro achetés"));
    QCOMPARE(cell(2, HistoryModel::Change), QStringLiteral("0 → 2 achetés"));
    QCOMPARE(cell(3, HistoryModel::Change), QStringLiteral("— → Utilisateur, Cat"));
    QCOMPARE(table()->model()->headerData(HistoryModel::ForWhom, Qt::Horizontal).toString(),
             QStringLiteral("Pour qui"));
    QCOMPARE(find<QLineEdit>("historyUser")->accessibleName(), QStringLiteral("Utilisateur"));
}

// Teams and edits speak the same words as seats do, in both languages: no
// action code, no JSON.
void TestHistory::teamChangesReadInWords()
{
    QVERIFY(m_ledger->createTeam(QStringLiteral("Sales")).ok());
    UserEdit edit;
    edit.firstName = QStringLiteral("Bobby");
    edit.mainTeam = QStringLiteral("Sales");
    QVERIFY(m_ledger->editUser(bob, edit).ok());
    QVERIFY(m_ledger->renameTeam(QStringLiteral("Sales"), QStringLiteral("Sales EMEA")).ok());
    openHistory();
    QTRY_COMPARE(cell(0, HistoryModel::What), QStringLiteral("Renamed the team “Sales” to “Sales EMEA”"));
    QCOMPARE(cell(1, HistoryModel::What), QStringLiteral("Changed the teams of bob@example.com"));
    QCOMPARE(cell(1, HistoryModel::Change), QStringLiteral("No main team → Main team: Sales"));
    QCOMPARE(cell(2, HistoryModel::What), QStringLiteral("Edited the user bob@example.com"));
    QCOMPARE(cell(2, HistoryModel::Change), QStringLiteral("User, Bob → User, Bobby"));
    QCOMPARE(cell(3, HistoryModel::What), QStringLiteral("Created the team “Sales”"));
    m_window->findChild<QAction *>(QStringLiteral("language-fr"))->trigger();
    QCOMPARE(cell(0, HistoryModel::What),
             QStringLiteral("Équipe «\u00a0Sales\u00a0» renommée en «\u00a0Sales EMEA\u00a0»"));
    QCOMPARE(cell(1, HistoryModel::Change),
             QStringLiteral("Aucune équipe principale → Équipe principale\u00a0: Sales"));
    QCOMPARE(cell(2, HistoryModel::What), QStringLiteral("Utilisateur bob@example.com modifié"));
}

// "1 seat", "2 seats": plural forms, which English takes from its .ts file too.
void TestHistory::purchasesCountSeatsInWords()
{
    openHistory();
    QCOMPARE(cell(1, HistoryModel::What), QStringLiteral("Bought 1 Service Starter seat"));
    QCOMPARE(cell(2, HistoryModel::What), QStringLiteral("Bought 2 Sales Professional seats"));
}

void TestHistory::filtersNarrow()
{
    openHistory();
    auto *user = find<QLineEdit>("historyUser");
    user->setFocus();
    QTest::keyClicks(user, QStringLiteral("BO"));
    QTRY_COMPARE(table()->model()->rowCount(), 2);
    QCOMPARE(column(HistoryModel::ForWhom), (QStringList { bob, bob }));
    user->clear();
    QTest::keyClick(user, Qt::Key_Return);
    QTRY_COMPARE(table()->model()->rowCount(), 8);

    auto *action = find<QComboBox>("historyAction");
    QCOMPARE(action->itemText(0), QStringLiteral("All actions"));
    const int bought = action->findText(QStringLiteral("Seats bought"));
    QVERIFY(bought > 0);
    action->setFocus();
    while (action->currentIndex() != bought)
        QTest::keyClick(action, Qt::Key_Down); // the keyboard alone: activated() fires each step
    QTRY_COMPARE(table()->model()->rowCount(), 2);
    QCOMPARE(column(HistoryModel::Change),
             (QStringList { QStringLiteral("0 → 1 purchased"), QStringLiteral("0 → 2 purchased") }));

    // An operator who changed nothing: the page says so.
    auto *operatorField = find<QLineEdit>("historyOperator");
    QTest::keyClicks(operatorField, ben);
    QTest::keyClick(operatorField, Qt::Key_Return);
    QTRY_VERIFY(find<QLabel>("historyEmpty")->isVisible());
    QCOMPARE(find<QLabel>("historyEmpty")->text(), QStringLiteral("No change matches these filters."));
    QVERIFY(!table()->isVisible());
    operatorField->clear();
    QTest::keyClicks(operatorField, QStringLiteral("ADA@example.com"));
    QTest::keyClick(operatorField, Qt::Key_Return);
    QTRY_COMPARE(table()->model()->rowCount(), 2);
    QVERIFY(table()->isVisible());

    // Dates: from tomorrow, nothing; from today, everything again.
    auto *from = find<QDateEdit>("historyFrom");
    QCOMPARE(from->text(), QStringLiteral("Any date"));
    from->setDate(QDate::currentDate().addDays(1));
    QTRY_VERIFY(find<QLabel>("historyEmpty")->isVisible());
    from->setDate(QDate::currentDate());
    QTRY_COMPARE(table()->model()->rowCount(), 2);
    auto *to = find<QDateEdit>("historyTo");
    to->setDate(QDate::currentDate().addDays(-1));
    QTRY_VERIFY(find<QLabel>("historyEmpty")->isVisible());

    click("historyClear");
    QTRY_COMPARE(table()->model()->rowCount(), 8);
    QCOMPARE(from->text(), QStringLiteral("Any date"));
    QVERIFY(user->text().isEmpty());
}

void TestHistory::exportWritesWhatTheFiltersMatch()
{
    openHistory();
    auto *user = find<QLineEdit>("historyUser");
    user->setFocus();
    QTest::keyClicks(user, QStringLiteral("BO"));
    QTest::keyClick(user, Qt::Key_Return);
    QTRY_COMPARE(table()->model()->rowCount(), 2);
    auto *exportButton = find<QPushButton>("historyExport");
    QCOMPARE(exportButton->text(), QStringLiteral("Export…"));
    QCOMPARE(exportButton->accessibleName(), exportButton->text());

    // Plain CSV (For Excel unticked with the keyboard), the filter's two entries, oldest first.
    const QString path = m_dir->filePath("history.csv");
    const auto exportTo = [&](const QString &file, bool untickForExcel) {
        bool forExcelTicked = false;
        whenDialogShows([&, file, untickForExcel](QWidget *dialog) {
            QCOMPARE(dialog->windowTitle(), QStringLiteral("Export history"));
            auto *forExcel = dialog->findChild<QCheckBox *>("historyExportForExcel");
            forExcelTicked = forExcel->isChecked();
            QCOMPARE(forExcel->accessibleName(), QStringLiteral("For Excel"));
            if (untickForExcel) {
                forExcel->setFocus();
                QTest::keyClick(forExcel, Qt::Key_Space);
            }
            whenDialogShows([file](QWidget *files) {
                auto *fileDialog = qobject_cast<QFileDialog *>(files);
                QVERIFY(fileDialog);
                // A question the file dialog asks itself (a file to replace)
                // is answered Yes and said, never left open for ever.
                QPointer<QFileDialog> asking(fileDialog);
                whenDialogShows(
                    [asking](QWidget *box) {
                        auto *question = qobject_cast<QMessageBox *>(box);
                        if (!question || !asking || question->parentWidget() != asking)
                            return;
                        qWarning("the file dialog asked: %s", qPrintable(question->text()));
                        if (QAbstractButton *yes = question->button(QMessageBox::Yes))
                            yes->click();
                        else
                            question->defaultButton()->click();
                    },
                    50);
                GuiSupport::chooseFile(fileDialog, file);
            });
            QTest::mouseClick(dialog->findChild<QPushButton *>("historyExportButton"), Qt::LeftButton);
        });
        exportButton->setFocus();
        QTest::keyClick(exportButton, Qt::Key_Space);
        return forExcelTicked;
    };
    QVERIFY(exportTo(path, true)); // For Excel is ticked at first, as in Export users
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines.size(), 1 + 2 + 1); // header, two entries, the end
    QCOMPARE(lines.at(0), QByteArray("Id,Time (UTC),Actor,Action,Subject,Seat type,Before,After,Hash\r"));
    QVERIFY2(lines.at(1).contains(",bob@example.com,") && lines.at(2).contains(",bob@example.com,"),
             (lines.at(1) + lines.at(2)).constData());
    QVERIFY(lines.at(1).split(',').at(0).toInt() < lines.at(2).split(',').at(0).toInt());
    f.close();

    // Filters cleared: every entry, For Excel (a byte order mark).
    click("historyClear");
    QTRY_COMPARE(table()->model()->rowCount(), 8);
    const QString all = m_dir->filePath("all.csv");
    exportTo(all, false);
    QFile g(all);
    QVERIFY(g.open(QIODevice::ReadOnly));
    const QByteArray bytes = g.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QCOMPARE(bytes.count("\r\n"), 1 + 8);
}

void TestHistory::aUsersPanelOpensTheirHistory()
{
    auto *users = find<QTableView>("usersTable");
    users->selectRow(usersRow(bob).row());
    QTRY_VERIFY(find<QLabel>("panelTitle")->text().contains(bob));
    auto *history = find<QPushButton>("panelHistory");
    QVERIFY(history->isVisible());
    QCOMPARE(history->accessibleName(), QStringLiteral("History"));
    QTest::mouseClick(history, Qt::LeftButton);
    QTRY_VERIFY(find<HistoryPage>("historyPage")->isVisible());
    QCOMPARE(find<QListWidget>("sidebar")->currentRow(), 1);
    QCOMPARE(find<QLineEdit>("historyUser")->text(), bob);
    QCOMPARE(column(HistoryModel::What),
             (QStringList { QStringLiteral("Assigned Sales Professional to bob@example.com"),
                            QStringLiteral("Created the user bob@example.com") }));
    // Back to Users & Teams by the keyboard.
    auto *sidebar = find<QListWidget>("sidebar");
    sidebar->setFocus();
    QTest::keyClick(sidebar, Qt::Key_Up);
    QTRY_VERIFY(find<UsersPage>("usersPage")->isVisible());
}

void TestHistory::aChangeBySeatctlAppears()
{
    openHistory();
    QCOMPARE(table()->model()->rowCount(), 8);
    QByteArray out;
    QByteArray err;
    const int exit = Processes::runToEnd(QStringLiteral(SEATCTL_PATH),
                                         { QStringLiteral("--database"), m_path, QStringLiteral("--as"), ben,
                                           QStringLiteral("assign"), cat, QStringLiteral("service-starter") },
                                         &out, &err);
    QVERIFY2(exit == 0, err.constData());
    QTRY_COMPARE(table()->model()->rowCount(), 9);
    QCOMPARE(cell(0, HistoryModel::What), QStringLiteral("Assigned Service Starter to cat@example.com"));
    QCOMPARE(cell(0, HistoryModel::Who), ben);
    // A filter that does not match leaves it out, live too.
    auto *user = find<QLineEdit>("historyUser");
    QTest::keyClicks(user, bob);
    QTest::keyClick(user, Qt::Key_Return);
    QTRY_COMPARE(table()->model()->rowCount(), 2);
    QVERIFY2(Processes::runToEnd(QStringLiteral(SEATCTL_PATH),
                                 { QStringLiteral("--database"), m_path, QStringLiteral("--as"), ben,
                                   QStringLiteral("unassign"), cat, QStringLiteral("service") },
                                 &out, &err)
                 == 0,
             err.constData());
    QVERIFY2(Processes::runToEnd(QStringLiteral(SEATCTL_PATH),
                                 { QStringLiteral("--database"), m_path, QStringLiteral("--as"), ben,
                                   QStringLiteral("unassign"), bob, QStringLiteral("sales") },
                                 &out, &err)
                 == 0,
             err.constData());
    QTRY_COMPARE(table()->model()->rowCount(), 3);
    QCOMPARE(cell(0, HistoryModel::What), QStringLiteral("Removed the Sales Hub access of bob@example.com"));
    QCOMPARE(cell(0, HistoryModel::Change), QStringLiteral("Sales Professional → —"));
}

// The model under Qt's tester: a page at a time, newest first, new entries on top.
void TestHistory::theModelReadsPageByPage()
{
    QVector<NewUser> many;
    for (int i = 0; i < 250; ++i)
        many.append(NewUser { QStringLiteral("p%1@example.com").arg(i, 3, 10, QLatin1Char('0')),
                              {},
                              {},
                              Role::User,
                              std::nullopt,
                              std::nullopt });
    QVERIFY(m_ledger->createUsers(many));
    HistoryModel model(*m_ledger);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter({});
    QCOMPARE(model.rowCount(), HistoryModel::PageSize);
    QCOMPARE(model.rowCount(), HistoryModel::PageSize); // the tester fetched nothing during the reset
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 258);
    QVERIFY(!model.canFetchMore({}));
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.entryAt(row).id < model.entryAt(row - 1).id);
    QCOMPARE(model.entryAt(0).subject, QStringLiteral("p249@example.com"));

    LedgerFilter filter;
    filter.user = QStringLiteral("P1");
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 100); // p100 … p199
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(m_ledger->buySeats(SeatType::SalesStarter, 1)); // for nobody: not shown
    model.readNew();
    QCOMPARE(model.rowCount(), 100);
    QVERIFY(m_ledger->createUser(
        NewUser { QStringLiteral("p1000@example.com"), {}, {}, Role::User, std::nullopt, std::nullopt }));
    model.readNew();
    QCOMPARE(model.rowCount(), 101);
    QCOMPARE(model.index(0, HistoryModel::What).data().toString(),
             QStringLiteral("Created the user p1000@example.com"));
}

QTEST_MAIN(TestHistory)
#include "tst_history.moc"
