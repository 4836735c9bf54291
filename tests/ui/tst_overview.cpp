// Users & Teams' seat overview, filters and search, in the real window: the
// counts per seat type always in view and live, a click on a type listing its
// holders, the seat and role filters combined with a search that ignores
// accents and case and knows seat and role names.

#include "GuiSupport.h"
#include "LedgerWatcher.h"
#include "SeatOverview.h"
#include "TestSupport.h"
#include "UsersPage.h"
#include "WindowFixture.h"

#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using TestSupport::SmallAccount::ada;
using TestSupport::SmallAccount::bob;
using TestSupport::SmallAccount::cat;
using TestSupport::SmallAccount::uma;

class TestOverview : public QObject, protected WindowFixture
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

    void theOverviewShowsEachSeatTypesCounts();
    void aTypeWithNoFreeSeatSaysSoInWordsAndToAssistiveTools();
    void theOverviewFollowsChangesMadeElsewhere();
    void theOverviewFollowsTheGridsSave();
    void clickingATypeListsItsHolders();
    void aTypeCanBeChosenByKeyboard();
    void seatAndRoleFiltersCombineWithTheSearch();
    void theSearchIgnoresAccentsAndCase_data();
    void theSearchIgnoresAccentsAndCase();
    void theSearchKnowsSeatAndRoleNamesInTheCurrentLanguage();
    void anEmptyResultSaysSo();

private:
    QString label(const char *name) const { return find<QLabel>(name)->text(); }
    QTableView *table() const { return find<QTableView>("usersTable"); }
    QStringList listed() const
    {
        QStringList emails;
        for (int row = 0; row < table()->model()->rowCount(); ++row)
            emails << table()->model()->index(row, 1).data().toString();
        emails.sort();
        return emails;
    }
    QToolButton *typeButton(SeatType type) const
    {
        return m_window->findChild<QToolButton *>(QStringLiteral("overview-") + seatTypeKey(type));
    }
    // Chooses `text` in a combo box the way a person does: focus it, then arrow keys.
    void choose(const char *comboName, const QString &text)
    {
        auto *combo = find<QComboBox>(comboName);
        const int wanted = combo->findText(text);
        QVERIFY2(wanted >= 0, qPrintable(text));
        combo->setFocus();
        while (combo->currentIndex() < wanted)
            QTest::keyClick(combo, Qt::Key_Down);
        while (combo->currentIndex() > wanted)
            QTest::keyClick(combo, Qt::Key_Up);
        QCOMPARE(combo->currentText(), text);
    }
};

void TestOverview::theOverviewShowsEachSeatTypesCounts()
{
    // Small account: 2 Sales Professional purchased (bob holds one), 1 Service Starter.
    auto *overview = find<SeatOverview>("seatOverview");
    QVERIFY(overview->isVisible());
    QCOMPARE(label("overviewPurchased-sales-professional"), QStringLiteral("2"));
    QCOMPARE(label("overviewAssigned-sales-professional"), QStringLiteral("1"));
    QCOMPARE(label("overviewFree-sales-professional"), QStringLiteral("1"));
    QCOMPARE(label("overviewPurchased-service-starter"), QStringLiteral("1"));
    QCOMPARE(label("overviewAssigned-service-starter"), QStringLiteral("0"));
    QCOMPARE(label("overviewFree-service-starter"), QStringLiteral("1"));
    QCOMPARE(label("usersCount"), QStringLiteral("Users: 5"));
    QCOMPARE(typeButton(SeatType::SalesProfessional)->text(), QStringLiteral("Sales\nProfessional"));
    QCOMPARE(typeButton(SeatType::SalesProfessional)->accessibleName(), QStringLiteral("Sales Professional"));
    // Above the list, whatever it scrolls to.
    QVERIFY(overview->mapTo(m_window.get(), QPoint(0, overview->height())).y()
            <= table()->mapTo(m_window.get(), QPoint(0, 0)).y());

    m_window->setLanguage(QStringLiteral("fr"));
    QCOMPARE(typeButton(SeatType::SalesProfessional)->text(), QStringLiteral("Sales\nPro"));
    QCOMPARE(typeButton(SeatType::SalesProfessional)->accessibleName(), QStringLiteral("Sales Pro"));
}

void TestOverview::aTypeWithNoFreeSeatSaysSoInWordsAndToAssistiveTools()
{
    // Sales Starter: none purchased; Sales Professional: one free, until cat takes it.
    QCOMPARE(label("overviewFree-sales-starter"), QStringLiteral("None free"));
    QVERIFY(!typeButton(SeatType::SalesStarter)->icon().isNull()); // a warning sign, not colour alone
    QVERIFY2(typeButton(SeatType::SalesStarter)->accessibleDescription().contains(QStringLiteral("No free seat")),
             qPrintable(typeButton(SeatType::SalesStarter)->accessibleDescription()));
    QVERIFY(typeButton(SeatType::SalesProfessional)->icon().isNull());
    QVERIFY(!typeButton(SeatType::SalesProfessional)->accessibleDescription().contains(QStringLiteral("No free")));
    QAccessibleInterface *a = QAccessible::queryAccessibleInterface(typeButton(SeatType::SalesStarter));
    QVERIFY(a->text(QAccessible::Description).contains(QStringLiteral("No free seat")));

    QVERIFY(m_ledger->assignSeat(cat, SeatType::SalesProfessional).ok());
    m_window->watcher()->checkNow();
    QCOMPARE(label("overviewFree-sales-professional"), QStringLiteral("None free"));
    QVERIFY(!typeButton(SeatType::SalesProfessional)->icon().isNull());
}

void TestOverview::theOverviewFollowsChangesMadeElsewhere()
{
    // Another connection (another window or seatctl) buys and assigns: no click here.
    auto other = SeatLedger::open(m_path);
    QVERIFY(other);
    QVERIFY(other.value()->setActor(ada).ok());
    QVERIFY(other.value()->buySeats(SeatType::ServiceEnterprise, 3).ok());
    QVERIFY(other.value()->assignSeat(uma, SeatType::ServiceEnterprise).ok());
    NewUser dan;
    dan.email = QStringLiteral("dan@example.com");
    QVERIFY(other.value()->createUser(dan).ok());
    QTRY_COMPARE(label("overviewPurchased-service-enterprise"), QStringLiteral("3"));
    QTRY_COMPARE(label("overviewAssigned-service-enterprise"), QStringLiteral("1"));
    QCOMPARE(label("overviewFree-service-enterprise"), QStringLiteral("2"));
    QTRY_COMPARE(label("usersCount"), QStringLiteral("Users: 6"));
}

void TestOverview::theOverviewFollowsTheGridsSave()
{
    openGrid();
    auto *grid = find<QTableView>("paidUsersTable");
    GuiSupport::clickCheckBox(grid, gridCell(cat, SeatType::ServiceStarter));
    click("paidUsersSave");
    click("paidUsersBack");
    QCOMPARE(label("overviewAssigned-service-starter"), QStringLiteral("1"));
    QCOMPARE(label("overviewFree-service-starter"), QStringLiteral("None free"));
}

void TestOverview::clickingATypeListsItsHolders()
{
    QVERIFY(m_ledger->buySeats(SeatType::ServiceStarter, 1).ok());
    QVERIFY(m_ledger->assignSeat(uma, SeatType::ServiceStarter).ok());
    m_window->watcher()->checkNow();
    QTest::mouseClick(typeButton(SeatType::SalesProfessional), Qt::LeftButton);
    QCOMPARE(listed(), QStringList { bob });
    QVERIFY(typeButton(SeatType::SalesProfessional)->isChecked());
    QCOMPARE(find<QComboBox>("seatFilter")->currentText(), QStringLiteral("Sales Professional"));
    QCOMPARE(label("usersCount"), QStringLiteral("Users: 1 of 5"));
    // Another type replaces it; the same type again lists everybody.
    QTest::mouseClick(typeButton(SeatType::ServiceStarter), Qt::LeftButton);
    QCOMPARE(listed(), QStringList { uma });
    QVERIFY(!typeButton(SeatType::SalesProfessional)->isChecked());
    QTest::mouseClick(typeButton(SeatType::ServiceStarter), Qt::LeftButton);
    QCOMPARE(listed().size(), 5);
    QCOMPARE(find<QComboBox>("seatFilter")->currentIndex(), 0);
    QCOMPARE(label("usersCount"), QStringLiteral("Users: 5"));
}

void TestOverview::aTypeCanBeChosenByKeyboard()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    // Tab from Create user reaches the first type; Tab moves along the types.
    find<QWidget>("createUser")->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), typeButton(SeatType::SalesStarter));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), typeButton(SeatType::SalesProfessional));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(listed(), QStringList { bob });
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QCOMPARE(listed().size(), 5);
}

void TestOverview::seatAndRoleFiltersCombineWithTheSearch()
{
    QCOMPARE(find<QComboBox>("seatFilter")->accessibleName(), QStringLiteral("Seat type"));
    QCOMPARE(find<QComboBox>("roleFilter")->accessibleName(), QStringLiteral("Role"));
    choose("seatFilter", QStringLiteral("No seat"));
    QCOMPARE(listed(), (QStringList { ada, TestSupport::SmallAccount::ben, cat, uma }));
    choose("roleFilter", QStringLiteral("User"));
    QCOMPARE(listed(), (QStringList { cat, uma }));
    QTest::keyClicks(find<QLineEdit>("usersSearch"), QStringLiteral("um"));
    QCOMPARE(listed(), QStringList { uma });
    QCOMPARE(label("usersCount"), QStringLiteral("Users: 1 of 5"));
    choose("seatFilter", QStringLiteral("All seats"));
    find<QLineEdit>("usersSearch")->clear();
    QCOMPARE(listed(), (QStringList { bob, cat, uma }));
    choose("roleFilter", QStringLiteral("Super admin"));
    QCOMPARE(listed(), QStringList { ada });

    // The choices keep their meaning across a change of language.
    m_window->setLanguage(QStringLiteral("fr"));
    QCOMPARE(find<QComboBox>("roleFilter")->currentText(), QStringLiteral("Super administrateur"));
    QCOMPARE(listed(), QStringList { ada });
}

void TestOverview::theSearchIgnoresAccentsAndCase_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("found");
    QTest::newRow("plain, two words") << QStringLiteral("gaelle belanger") << true;
    QTest::newRow("words in another order") << QStringLiteral("belanger gaelle") << true;
    QTest::newRow("capitals and accents") << QStringLiteral("GAËLLE BÉLANGER") << true;
    QTest::newRow("part of the e-mail and a name") << QStringLiteral("g.bel gaë") << true;
    QTest::newRow("blanks around") << QStringLiteral("  gaelle   ") << true;
    QTest::newRow("one word that does not match") << QStringLiteral("gaelle martin") << false;
}

void TestOverview::theSearchIgnoresAccentsAndCase()
{
    QFETCH(QString, typed);
    QFETCH(bool, found);
    NewUser gaelle;
    gaelle.email = QStringLiteral("g.belanger@example.com");
    gaelle.firstName = QStringLiteral("Gaëlle");
    gaelle.lastName = QStringLiteral("Bélanger");
    QVERIFY(m_ledger->createUser(gaelle).ok());
    m_window->watcher()->checkNow();
    auto *search = find<QLineEdit>("usersSearch");
    search->setFocus();
    // Typed key by key, as a person does (accented letters as text).
    for (const QChar c : typed)
        QTest::sendKeyEvent(QTest::Click, search, Qt::Key_unknown, QString(c), Qt::NoModifier);
    QCOMPARE(search->text(), typed);
    QCOMPARE(listed(), found ? QStringList { gaelle.email } : QStringList());
}

void TestOverview::theSearchKnowsSeatAndRoleNamesInTheCurrentLanguage()
{
    auto *search = find<QLineEdit>("usersSearch");
    QTest::keyClicks(search, QStringLiteral("sales professional"));
    QCOMPARE(listed(), QStringList { bob });
    search->clear();
    QTest::keyClicks(search, QStringLiteral("super admin"));
    QCOMPARE(listed(), QStringList { ada });
    search->clear();
    QTest::keyClicks(search, QStringLiteral("user bo")); // a role and a name together
    QCOMPARE(listed(), QStringList { bob });
    search->clear();
    m_window->setLanguage(QStringLiteral("fr"));
    QTest::keyClicks(search, QStringLiteral("sales pro"));
    QCOMPARE(listed(), QStringList { bob });
    search->clear();
    QTest::keyClicks(search, QStringLiteral("SUPER ADMINISTRATEUR"));
    QCOMPARE(listed(), QStringList { ada });
    // Switched while a search is typed: it is matched against the new names.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("utilisateur"));
    QCOMPARE(listed(), (QStringList { bob, cat, uma }));
    m_window->setLanguage(QStringLiteral("en"));
    QCOMPARE(listed(), QStringList());
}

void TestOverview::anEmptyResultSaysSo()
{
    auto *empty = find<QLabel>("usersEmpty");
    QVERIFY(!empty->isVisible());
    QTest::keyClicks(find<QLineEdit>("usersSearch"), QStringLiteral("nobody here"));
    QCOMPARE(table()->model()->rowCount(), 0);
    QVERIFY(empty->isVisible());
    QCOMPARE(empty->text(), QStringLiteral("No user matches the search and filters."));
    QCOMPARE(label("usersCount"), QStringLiteral("Users: 0 of 5"));
    // Escape empties the search: everybody is back, the message gone.
    find<QLineEdit>("usersSearch")->setFocus();
    QTest::keyClick(find<QLineEdit>("usersSearch"), Qt::Key_Escape);
    QCOMPARE(table()->model()->rowCount(), 5);
    QVERIFY(!empty->isVisible());
}

QTEST_MAIN(TestOverview)
#include "tst_overview.moc"
