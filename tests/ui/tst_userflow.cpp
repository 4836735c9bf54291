// The help article's flow, end to end, in the real window: every step driven
// through the widgets a person uses, and checked against what the core holds.
// This half is the Users page and its side panel (create, edit, delete, search,
// keyboard, accessibility); Manage paid users is in tst_gridflow.

#include "GuiSupport.h"
#include "HostileInput.h"
#include "InputText.h"
#include "LedgerWatcher.h"
#include "PaidUsersPage.h"
#include "TestSupport.h"
#include "ToggleSwitch.h"
#include "UserPanel.h"
#include "UsersModel.h"
#include "UsersPage.h"
#include "Validation.h"
#include "WindowFixture.h"

#include <QAccessible>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QStyledItemDelegate>
#include <QTabBar>
#include <QTableView>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

using GuiSupport::whenDialogShows;

using TestSupport::SmallAccount::bob;
using TestSupport::SmallAccount::cat;
using TestSupport::SmallAccount::uma;

class TestUserFlow : public QObject, protected WindowFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpOnce(); }
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void createUserWithSalesAndServiceSeats();
    void nextNeedsAValidUnusedAddress();
    void hostileEmailsThroughTheSidePanel_data() { HostileInput::emailRows(); }
    void hostileEmailsThroughTheSidePanel();
    void oneMailboxIsOneUserInTheSidePanel_data() { HostileInput::sameMailboxRows(); }
    void oneMailboxIsOneUserInTheSidePanel();
    void buyAnotherUserWhenNoSeatIsFree();
    void cancelCreatesNothing();
    void editingAUserSwitchesTierInOneStep();
    void deleteIsRefusedWhileHoldingASeatThenAllowed();
    void searchFiltersByNameOrEmail();
    void clickingAHeaderSorts();
    void aUserOperatorCanLookButNotChange();
    void toggleSwitchWorksByKeyboardAndIsACheckBox();
    void wholeCreateFlowByKeyboardAlone();
    void windowRemembersItsGeometry();
    void everyControlIsNamedAsItReads();

    // Issue 15: what a new admin tripped over.
    void typingInTheSearchKeepsTheFocusAndOpensNoPanel();
    void enterPressesTheFocusedButton();
    void aTabWithAccessButNoTierSaysWhatIsMissing();
    void theOperatorIsNotOfferedToDeleteThemselves();
    void columnsFitTheirWidestRowNotJustTheFirst();
    void theSidebarIsNotCutInANarrowWindow();
    void escapeClearsTheSearchThenClosesThePanel();
    void enterInTheDeleteQuestionDeletesNothing();
    void removingPaidAccessAsksWithTheCounts();
    void emailsSortInNaturalOrder();
    void aUserOpensOnTheTabOfTheirSeat();
    void createAndSaveSayWhatTheyDid();
    void buySaysWhatTheCountsBecome();
};

void TestUserFlow::createUserWithSalesAndServiceSeats()
{
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Settings"));
    QCOMPARE(m_window->findChild<QListWidget *>(QStringLiteral("sidebar"))->currentItem()->text(),
             QStringLiteral("Users & Teams"));
    click("createUser");
    auto *panel = find<UserPanel>("userPanel");
    QVERIFY(panel->isVisible());
    QCOMPARE(find<QLabel>("panelTitle")->text(), QStringLiteral("Create user"));
    QTest::keyClicks(find<QLineEdit>("panelEmail"), QStringLiteral("dan@example.com"));
    QTRY_VERIFY(find<QPushButton>("panelNext")->isEnabled());
    click("panelNext");

    QCOMPARE(find<QTabWidget>("panelTabs")->tabText(0), QStringLiteral("Sales"));
    QCOMPARE(find<QTabWidget>("panelTabs")->tabText(1), QStringLiteral("Service"));
    auto *salesAccess = m_window->findChild<ToggleSwitch *>(QStringLiteral("salesAccess"));
    QCOMPARE(salesAccess->text(), QStringLiteral("Sales access"));
    QVERIFY(!m_window->findChild<ToggleSwitch *>(QStringLiteral("sales-professional"))->isVisible());
    clickSwitch(QStringLiteral("salesAccess"));
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("sales-professional-count"))->text(),
             QStringLiteral("Assigned: 1 of 2"));
    QVERIFY(!find<QPushButton>("panelConfirm")->isEnabled()); // access on, no tier yet
    // No Sales Starter seat is purchased: that switch cannot be turned on.
    QVERIFY(!m_window->findChild<ToggleSwitch *>(QStringLiteral("sales-starter"))->isEnabled());
    clickSwitch(QStringLiteral("sales-professional"));
    selectTab(1);
    QCOMPARE(m_window->findChild<ToggleSwitch *>(QStringLiteral("serviceAccess"))->text(),
             QStringLiteral("Service Hub access"));
    clickSwitch(QStringLiteral("serviceAccess"));
    clickSwitch(QStringLiteral("service-starter"));
    QCOMPARE(find<QPushButton>("panelConfirm")->text(), QStringLiteral("Create"));
    click("panelConfirm");

    const auto dan = m_ledger->user(QStringLiteral("dan@example.com"));
    QVERIFY(dan.ok());
    QCOMPARE(dan.value().sales, std::optional<SeatType>(SeatType::SalesProfessional));
    QCOMPARE(dan.value().service, std::optional<SeatType>(SeatType::ServiceStarter));
    // The panel goes on showing the new user, on the tab of their first seat.
    QCOMPARE(panel->mode(), UserPanel::Mode::Edit);
    QCOMPARE(panel->userEmail(), QStringLiteral("dan@example.com"));
    QCOMPARE(find<QTabWidget>("panelTabs")->currentIndex(), 0);
    const QModelIndex row = usersRow(QStringLiteral("dan@example.com"));
    QVERIFY(row.isValid());
    QCOMPARE(row.sibling(row.row(), 3).data().toString(), QStringLiteral("Sales Professional"));
    QCOMPARE(row.sibling(row.row(), 4).data().toString(), QStringLiteral("Service Starter"));
}

void TestUserFlow::nextNeedsAValidUnusedAddress()
{
    click("createUser");
    auto *email = find<QLineEdit>("panelEmail");
    auto *next = find<QPushButton>("panelNext");
    auto *problem = find<QLabel>("panelEmailProblem");
    QVERIFY(!next->isEnabled());
    QTest::keyClicks(email, QStringLiteral("dan.example.com"));
    QVERIFY(!next->isEnabled());
    QTest::keyClick(email, Qt::Key_Return); // the problem shows once the address is submitted
    QVERIFY2(problem->text().contains(QStringLiteral("has no @")), qPrintable(problem->text()));
    email->clear();
    QTest::keyClicks(email, QStringLiteral("BOB@example.com"));
    QVERIFY(!next->isEnabled());
    QCOMPARE(problem->text(), QStringLiteral("A user with the email address “bob@example.com” already exists."));
    QTest::keyClick(email, Qt::Key_Return); // Enter does not get past a refused address
    QVERIFY(email->isVisible());
    email->clear();
    QTest::keyClicks(email, QStringLiteral("dan@example.com"));
    QVERIFY(next->isEnabled());
    QVERIFY(problem->text().isEmpty());
}

void TestUserFlow::hostileEmailsThroughTheSidePanel()
{
    QFETCH(QString, email);
    QFETCH(QString, refusal);
    // Blanks around a pasted address are not part of it: the panel trims them.
    const QString address = email.trimmed();
    if (address != email) {
        QVERIFY(Validation::checkEmail(address).ok());
        refusal.clear();
    }
    const QString before = TestSupport::snapshot(*m_ledger);
    click("createUser");
    auto *field = find<QLineEdit>("panelEmail");
    field->setText(email); // pasted, control characters and all
    auto *next = find<QPushButton>("panelNext");
    if (refusal.isEmpty()) {
        QVERIFY2(next->isEnabled(), qPrintable(find<QLabel>("panelEmailProblem")->text()));
        click("panelNext");
        click("panelConfirm");
        const auto stored = m_ledger->user(address);
        QVERIFY(stored.ok());
        QCOMPARE(stored.value().email, address);
        QVERIFY(usersRow(address).isValid());
    } else {
        QVERIFY(!next->isEnabled());
        QTest::keyClick(field, Qt::Key_Return); // refused, and now says why
        QVERIFY(field->isVisible());
        const QString shown = find<QLabel>("panelEmailProblem")->text();
        // An empty field is not shouted at; anything else says what is wrong.
        QVERIFY2(email.isEmpty() ? shown.isEmpty() : shown.contains(refusal), qPrintable(shown));
        QVERIFY2(!InputText::firstHidden(shown), qPrintable(shown)); // shown, never obeyed
        QCOMPARE(TestSupport::snapshot(*m_ledger), before);
    }
}

void TestUserFlow::oneMailboxIsOneUserInTheSidePanel()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    NewUser existing;
    existing.email = first;
    QVERIFY(m_ledger->createUser(existing).ok());
    const QString before = TestSupport::snapshot(*m_ledger);
    click("createUser");
    auto *field = find<QLineEdit>("panelEmail");
    field->setText(second);
    QVERIFY(!find<QPushButton>("panelNext")->isEnabled());
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(field->isVisible());
    QCOMPARE(find<QLabel>("panelEmailProblem")->text(),
             QStringLiteral("A user with the email address “%1” already exists.").arg(first));
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);
}

void TestUserFlow::buyAnotherUserWhenNoSeatIsFree()
{
    click("createUser");
    QTest::keyClicks(find<QLineEdit>("panelEmail"), QStringLiteral("dan@example.com"));
    QTest::keyClick(find<QLineEdit>("panelEmail"), Qt::Key_Return);
    clickSwitch(QStringLiteral("salesAccess"));
    auto *enterprise = m_window->findChild<ToggleSwitch *>(QStringLiteral("sales-enterprise"));
    auto *buy = m_window->findChild<QPushButton *>(QStringLiteral("sales-enterprise-buy"));
    QVERIFY(!enterprise->isEnabled()); // none purchased
    QVERIFY(buy->isVisible());
    QCOMPARE(buy->text(), QStringLiteral("Buy another user"));
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("sales-enterprise-count"))->text(),
             QStringLiteral("Assigned: 0 of 0"));

    QString asked;
    whenDialogShows([&](QWidget *dialog) {
        asked = dialog->windowTitle();
        auto *count = dialog->findChild<QSpinBox *>(QStringLiteral("buySeatsCount"));
        QCOMPARE(count->value(), 1); // one by default
        count->setValue(2);
        for (QPushButton *b : dialog->findChildren<QPushButton *>()) {
            if (b->text() == QLatin1String("Buy"))
                b->click();
        }
    });
    QTest::mouseClick(buy, Qt::LeftButton);
    QCOMPARE(asked, QStringLiteral("Buy another user"));
    const auto counts = m_ledger->seatCounts().value();
    QCOMPARE(counts[seatTypeIndex(SeatType::SalesEnterprise)].purchased, 2);
    QCOMPARE(m_ledger->entries().value().last().action, LedgerAction::SeatsBought);
    QVERIFY(enterprise->isChecked()); // bought to be given: switched on
    QVERIFY(!buy->isVisible());
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("sales-enterprise-count"))->text(),
             QStringLiteral("Assigned: 0 of 2"));
    click("panelConfirm");
    QCOMPARE(m_ledger->user(QStringLiteral("dan@example.com")).value().sales,
             std::optional<SeatType>(SeatType::SalesEnterprise));
}

void TestUserFlow::cancelCreatesNothing()
{
    const QString before = TestSupport::snapshot(*m_ledger);
    click("createUser");
    QTest::keyClicks(find<QLineEdit>("panelEmail"), QStringLiteral("dan@example.com"));
    click("panelNext");
    clickSwitch(QStringLiteral("salesAccess"));
    clickSwitch(QStringLiteral("sales-professional"));
    click("panelCancel");
    QVERIFY(!find<UserPanel>("userPanel")->isVisible());
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);
}

void TestUserFlow::editingAUserSwitchesTierInOneStep()
{
    QVERIFY(m_ledger->buySeats(SeatType::SalesEnterprise, 1).ok());
    m_window->usersPage()->reload();
    auto *table = find<QTableView>("usersTable");
    table->selectRow(usersRow(bob).row());
    auto *panel = find<UserPanel>("userPanel");
    QTRY_VERIFY(panel->isVisible());
    QCOMPARE(panel->mode(), UserPanel::Mode::Edit);
    QVERIFY(find<QLabel>("panelTitle")->text().contains(bob));
    QVERIFY(m_window->findChild<ToggleSwitch *>(QStringLiteral("sales-professional"))->isChecked());
    QCOMPARE(find<QPushButton>("panelConfirm")->text(), QStringLiteral("Save"));
    QVERIFY(!find<QPushButton>("panelConfirm")->isEnabled()); // nothing changed yet
    clickSwitch(QStringLiteral("sales-enterprise"));
    QVERIFY(!m_window->findChild<ToggleSwitch *>(QStringLiteral("sales-professional"))->isChecked());
    const int entries = int(m_ledger->entries().value().size());
    click("panelConfirm");
    QCOMPARE(m_ledger->user(bob).value().sales, std::optional<SeatType>(SeatType::SalesEnterprise));
    QCOMPARE(m_ledger->entries().value().size(), entries + 1);
    QCOMPARE(m_ledger->seatCounts().value()[seatTypeIndex(SeatType::SalesProfessional)].assigned, 0);
}

void TestUserFlow::deleteIsRefusedWhileHoldingASeatThenAllowed()
{
    find<QTableView>("usersTable")->selectRow(usersRow(bob).row());
    QTRY_VERIFY(find<UserPanel>("userPanel")->isVisible());
    QCOMPARE(find<QPushButton>("panelDelete")->text(), QStringLiteral("Delete user"));
    click("panelDelete");
    auto *problem = find<QLabel>("panelProblem");
    QVERIFY(problem->isVisible());
    QCOMPARE(problem->text(),
             QStringLiteral("bob@example.com still holds a Sales Professional seat. Remove their paid "
                            "access first, then delete the user."));
    QVERIFY(m_ledger->user(bob).ok());
    auto *remove = find<QPushButton>("panelRemoveAccess");
    QVERIFY(remove->isVisible());
    whenDialogShows([](QWidget *dialog) { qobject_cast<QMessageBox *>(dialog)->button(QMessageBox::Yes)->click(); });
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(m_ledger->user(bob).value().sales, std::nullopt);

    QString question;
    whenDialogShows([&](QWidget *dialog) {
        auto *box = qobject_cast<QMessageBox *>(dialog);
        question = box->text();
        box->button(QMessageBox::Yes)->click();
    });
    click("panelDelete");
    QCOMPARE(question, QStringLiteral("Delete bob@example.com? Their history stays in the ledger."));
    QCOMPARE(int(m_ledger->user(bob).error().kind), int(ErrorKind::NotFound));
    QTRY_VERIFY(!usersRow(bob).isValid());
}

void TestUserFlow::searchFiltersByNameOrEmail()
{
    auto *search = find<QLineEdit>("usersSearch");
    auto *table = find<QTableView>("usersTable");
    QTest::keyClicks(search, QStringLiteral("love"));
    QCOMPARE(table->model()->rowCount(), 1); // Ada Lovelace, by last name
    QCOMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("ada@example.com"));
    search->clear();
    QTest::keyClicks(search, QStringLiteral("CAT@"));
    QCOMPARE(table->model()->rowCount(), 1);
    search->clear();
    QCOMPARE(table->model()->rowCount(), 5);
}

void TestUserFlow::clickingAHeaderSorts()
{
    auto *table = find<QTableView>("usersTable");
    QHeaderView *header = table->horizontalHeader();
    QCOMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("ada@example.com")); // by e-mail
    QCOMPARE(header->sortIndicatorSection(), 1);
    const auto clickHeader = [header](int section) {
        QTest::mouseClick(
            header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(section) + header->sectionSize(section) / 2, header->height() / 2));
    };
    clickHeader(1); // again: descending
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("uma@example.com"));
    clickHeader(3); // Sales seat
    QCOMPARE(header->sortIndicatorSection(), 3);
    const QAbstractItemModel *m = table->model();
    QStringList seats;
    for (int row = 0; row < m->rowCount(); ++row)
        seats << m->index(row, 3).data().toString();
    QStringList sorted = seats;
    std::sort(sorted.begin(), sorted.end());
    if (header->sortIndicatorOrder() == Qt::DescendingOrder)
        std::reverse(sorted.begin(), sorted.end());
    QCOMPARE(seats, sorted);
}

void TestUserFlow::aUserOperatorCanLookButNotChange()
{
    m_window.reset();
    QVERIFY(m_ledger->setActor(uma).ok());
    m_window = std::make_unique<SettingsWindow>(*m_ledger);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(!find<QPushButton>("createUser")->isEnabled());
    auto *status = find<QLabel>("usersStatus");
    QVERIFY(status->isVisible());
    QVERIFY2(status->text().contains(QStringLiteral("uma@example.com, a User")), qPrintable(status->text()));
    QCOMPARE(find<QTableView>("usersTable")->model()->rowCount(), 5); // sees everything

    find<QTableView>("usersTable")->selectRow(usersRow(bob).row());
    QTRY_VERIFY(find<UserPanel>("userPanel")->isVisible());
    QVERIFY(!m_window->findChild<ToggleSwitch *>(QStringLiteral("salesAccess"))->isEnabled());
    QVERIFY(!find<QPushButton>("panelDelete")->isEnabled());

    const QString before = TestSupport::snapshot(*m_ledger);
    openGrid();
    auto *table = find<QTableView>("paidUsersTable");
    GuiSupport::clickCheckBox(table, gridCell(cat, SeatType::SalesProfessional));
    table->setCurrentIndex(gridCell(uma, SeatType::ServiceStarter));
    QTest::keyClick(table, Qt::Key_Space);
    QCOMPARE(gridCell(cat, SeatType::SalesProfessional).data(Qt::CheckStateRole), QVariant(Qt::Unchecked));
    QVERIFY(!find<QPushButton>("paidUsersSave")->isEnabled());
    QVERIFY(find<QLabel>("paidUsersNotice")->isVisible());
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);
}

void TestUserFlow::toggleSwitchWorksByKeyboardAndIsACheckBox()
{
    ToggleSwitch toggle;
    toggle.setText(QStringLiteral("Sales access"));
    toggle.show();
    QVERIFY(QTest::qWaitForWindowExposed(&toggle));
    QVERIFY(toggle.focusPolicy() & Qt::TabFocus);
    toggle.setFocus();
    QTest::keyClick(&toggle, Qt::Key_Space);
    QVERIFY(toggle.isChecked());
    QTRY_COMPARE(toggle.knobPosition(), 1.0); // the slide ends on the right
    QAccessibleInterface *a = QAccessible::queryAccessibleInterface(&toggle);
    QVERIFY(a);
    QCOMPARE(a->role(), QAccessible::CheckBox);
    QCOMPARE(a->text(QAccessible::Name), QStringLiteral("Sales access"));
    QVERIFY(a->state().checkable);
    QVERIFY(a->state().checked);
    a->actionInterface()->doAction(QAccessibleActionInterface::toggleAction());
    QVERIFY(!toggle.isChecked());
    QVERIFY(!a->state().checked);
}

// Presses Tab until `target` has the focus; fails if it is not reachable.
static bool tabTo(QWidget *window, QWidget *target)
{
    for (int i = 0; i < 40; ++i) {
        if (QApplication::focusWidget() == target)
            return true;
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : window, Qt::Key_Tab);
    }
    return QApplication::focusWidget() == target;
}

void TestUserFlow::wholeCreateFlowByKeyboardAlone()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    find<QLineEdit>("usersSearch")->setFocus();
    QVERIFY(tabTo(m_window.get(), find<QPushButton>("createUser")));
    QTest::keyClick(find<QPushButton>("createUser"), Qt::Key_Space);
    QTRY_COMPARE(QApplication::focusWidget(), find<QLineEdit>("panelEmail"));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("kim@example.com"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // Next
    auto *salesAccess = m_window->findChild<ToggleSwitch *>(QStringLiteral("salesAccess"));
    QVERIFY(tabTo(m_window.get(), salesAccess));
    QTest::keyClick(salesAccess, Qt::Key_Space);
    auto *pro = m_window->findChild<ToggleSwitch *>(QStringLiteral("sales-professional"));
    QVERIFY(tabTo(m_window.get(), pro));
    QTest::keyClick(pro, Qt::Key_Space);
    QVERIFY(pro->isChecked());
    // The Service tab, by keyboard: Ctrl+Tab in the tab widget.
    auto *tabs = find<QTabWidget>("panelTabs");
    QTest::keyClick(tabs, Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 1);
    auto *serviceAccess = m_window->findChild<ToggleSwitch *>(QStringLiteral("serviceAccess"));
    QVERIFY(tabTo(m_window.get(), serviceAccess));
    QTest::keyClick(serviceAccess, Qt::Key_Space);
    auto *starter = m_window->findChild<ToggleSwitch *>(QStringLiteral("service-starter"));
    QVERIFY(tabTo(m_window.get(), starter));
    QTest::keyClick(starter, Qt::Key_Space);
    QVERIFY(tabTo(m_window.get(), find<QPushButton>("panelConfirm")));
    QTest::keyClick(find<QPushButton>("panelConfirm"), Qt::Key_Space);
    const auto kim = m_ledger->user(QStringLiteral("kim@example.com"));
    QVERIFY(kim.ok());
    QCOMPARE(kim.value().sales, std::optional<SeatType>(SeatType::SalesProfessional));
    QCOMPARE(kim.value().service, std::optional<SeatType>(SeatType::ServiceStarter));
}

void TestUserFlow::windowRemembersItsGeometry()
{
    m_window->resize(1234, 777);
    m_window->close(); // saves
    SettingsWindow again(*m_ledger);
    QCOMPARE(again.size(), QSize(1234, 777));
}

void TestUserFlow::everyControlIsNamedAsItReads()
{
    // Walk the flow's screens and check every visible control.
    const auto checkVisible = [this] {
        for (QAbstractButton *b : m_window->findChildren<QAbstractButton *>()) {
            if (!b->isVisibleTo(m_window.get()) || b->text().isEmpty() || b->objectName() == QLatin1String("panelClose")
                || b->objectName().startsWith(QLatin1String("qt_")))
                continue;
            QString shown = b->text();
            shown.replace(QLatin1String("&&"), QLatin1String("\x01"))
                .remove(QLatin1Char('&'))
                .replace(QLatin1Char('\x01'), QLatin1Char('&'))
                .replace(QLatin1Char('\n'), QLatin1Char(' ')); // a line break is read as a space
            QVERIFY2(b->accessibleName() == shown,
                     qPrintable(QStringLiteral("%1: “%2” vs “%3”").arg(b->objectName(), b->accessibleName(), shown)));
        }
        for (QLineEdit *e : m_window->findChildren<QLineEdit *>()) {
            if (e->isVisibleTo(m_window.get()))
                QVERIFY2(!e->accessibleName().isEmpty(), qPrintable(e->objectName()));
        }
    };
    checkVisible();
    click("createUser");
    checkVisible();
    QTest::keyClicks(find<QLineEdit>("panelEmail"), QStringLiteral("dan@example.com"));
    click("panelNext");
    clickSwitch(QStringLiteral("salesAccess"));
    checkVisible();
    selectTab(1);
    clickSwitch(QStringLiteral("serviceAccess"));
    checkVisible();
    click("panelCancel");
    openGrid();
    checkVisible();
}

void TestUserFlow::typingInTheSearchKeepsTheFocusAndOpensNoPanel()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto *table = find<QTableView>("usersTable");
    auto *panel = find<UserPanel>("userPanel");
    table->selectRow(usersRow(bob).row()); // a row was selected before
    QTRY_VERIFY(panel->isVisible());
    auto *search = find<QLineEdit>("usersSearch");
    QTest::mouseClick(search, Qt::LeftButton);
    QTRY_COMPARE(QApplication::focusWidget(), search);
    for (const QChar c : QStringLiteral("cat")) {
        QTest::keyClick(QApplication::focusWidget(), c.toLatin1());
        QCOMPARE(QApplication::focusWidget(), search);
    }
    QCOMPARE(search->text(), QStringLiteral("cat"));
    QCOMPARE(table->model()->rowCount(), 1);
    QVERIFY(panel->userEmail() != cat); // the filter chose nobody
    search->clear();
    QTest::keyClicks(search, QStringLiteral("bo"));
    QCOMPARE(QApplication::focusWidget(), search);
    QCOMPARE(search->text(), QStringLiteral("bo"));
}

void TestUserFlow::enterPressesTheFocusedButton()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto *panel = find<UserPanel>("userPanel");
    auto *create = find<QPushButton>("createUser");
    create->setFocus();
    QTest::keyClick(create, Qt::Key_Return);
    QVERIFY(panel->isVisible());
    QCOMPARE(panel->mode(), UserPanel::Mode::Create);
    QTest::keyClicks(find<QLineEdit>("panelEmail"), QStringLiteral("kim@example.com"));
    QTest::keyClick(find<QLineEdit>("panelEmail"), Qt::Key_Return);
    clickSwitch(QStringLiteral("salesAccess"));
    clickSwitch(QStringLiteral("sales-professional"));
    auto *confirm = find<QPushButton>("panelConfirm");
    confirm->setFocus();
    QTest::keyClick(confirm, Qt::Key_Enter, Qt::KeypadModifier); // the keypad's Enter too
    QVERIFY(m_ledger->user(QStringLiteral("kim@example.com")).ok());

    // Every other button of the page and the panel.
    find<QTableView>("usersTable")->selectRow(usersRow(bob).row());
    QTRY_VERIFY(panel->isVisible());
    auto *del = find<QPushButton>("panelDelete");
    del->setFocus();
    QTest::keyClick(del, Qt::Key_Return);
    QVERIFY(find<QLabel>("panelProblem")->isVisible()); // bob holds a seat: refused, with the way out
    auto *close = find<QToolButton>("panelClose");
    close->setFocus();
    QTest::keyClick(close, Qt::Key_Return);
    QVERIFY(!panel->isVisible());
    click("createUser");
    QTest::keyClicks(find<QLineEdit>("panelEmail"), QStringLiteral("lee@example.com"));
    click("panelNext");
    auto *cancel = find<QPushButton>("panelCancel");
    cancel->setFocus();
    QTest::keyClick(cancel, Qt::Key_Return);
    QVERIFY(!panel->isVisible());
    openGrid();
    auto *back = find<QToolButton>("paidUsersBack");
    back->setFocus();
    QTest::keyClick(back, Qt::Key_Return);
    QTRY_VERIFY(!find<PaidUsersPage>("paidUsersPage")->isVisible());
}

void TestUserFlow::aTabWithAccessButNoTierSaysWhatIsMissing()
{
    click("createUser");
    QTest::keyClicks(find<QLineEdit>("panelEmail"), QStringLiteral("dan@example.com"));
    click("panelNext");
    clickSwitch(QStringLiteral("salesAccess")); // on, no tier yet
    selectTab(1);
    auto *tabs = find<QTabWidget>("panelTabs");
    QVERIFY(!find<QPushButton>("panelConfirm")->isEnabled());
    // On the Service tab, the admin sees why Create is off, and where to go.
    auto *missing = find<QLabel>("panelIncomplete");
    QVERIFY(missing && missing->isVisible());
    QVERIFY2(missing->text().contains(QStringLiteral("Sales")), qPrintable(missing->text()));
    QVERIFY(!tabs->tabIcon(0).isNull());
    QCOMPARE(tabs->tabBar()->tabTextColor(0), QColor(0xb0, 0x00, 0x20));
    QVERIFY(tabs->tabIcon(1).isNull());
    QCOMPARE(tabs->tabText(0), QStringLiteral("Sales")); // the label, and so its name, stays
    selectTab(0);
    clickSwitch(QStringLiteral("sales-professional"));
    QVERIFY(!missing->isVisible());
    QVERIFY(tabs->tabIcon(0).isNull());
    QVERIFY(find<QPushButton>("panelConfirm")->isEnabled());
}

void TestUserFlow::theOperatorIsNotOfferedToDeleteThemselves()
{
    QCOMPARE(m_ledger->actor(), QStringLiteral("ada@example.com"));
    find<QTableView>("usersTable")->selectRow(usersRow(QStringLiteral("ada@example.com")).row());
    QTRY_VERIFY(find<UserPanel>("userPanel")->isVisible());
    auto *del = find<QPushButton>("panelDelete");
    QVERIFY(del->isVisible());
    QVERIFY(!del->isEnabled());
    QVERIFY2(del->toolTip().contains(QStringLiteral("yourself")), qPrintable(del->toolTip()));
    QCOMPARE(del->accessibleDescription(), del->toolTip());
    // Anybody else can be.
    find<QTableView>("usersTable")->selectRow(usersRow(cat).row());
    QTRY_COMPARE(find<UserPanel>("userPanel")->userEmail(), cat);
    QVERIFY(del->isEnabled());
    QVERIFY(del->toolTip().isEmpty());
}

// The widest text of `column` in `table`, as the view draws it.
static int widestCell(QTableView *table, int column)
{
    int widest = 0;
    QStyleOptionViewItem option;
    option.initFrom(table->viewport());
    option.font = table->font();
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QModelIndex index = table->model()->index(row, column);
        widest = std::max(widest, table->itemDelegateForIndex(index)->sizeHint(option, index).width());
    }
    return widest;
}

void TestUserFlow::columnsFitTheirWidestRowNotJustTheFirst()
{
    // Far more rows than the header measures, the longest name in the middle.
    QVector<NewUser> people;
    for (int i = 0; i < 3000; ++i) {
        NewUser u;
        u.email = QStringLiteral("p%1@example.com").arg(i, 4, 10, QLatin1Char('0'));
        u.firstName = QStringLiteral("Jo");
        if (i == 1500) {
            u.firstName = QStringLiteral("Jürgen");
            u.lastName = QStringLiteral("Wolfeschlegelsteinhausenbergerdorff");
            u.email = QStringLiteral("juergen.wolfeschlegelsteinhausenbergerdorff@example.com");
        }
        people.append(u);
    }
    QVERIFY(m_ledger->createUsers(people).ok());
    m_window->watcher()->checkNow();
    auto *table = find<QTableView>("usersTable");
    QCOMPARE(table->model()->rowCount(), 3005);
    for (int column : { int(UsersModel::NameColumn), int(UsersModel::EmailColumn) })
        QVERIFY2(table->columnWidth(column) >= widestCell(table, column),
                 qPrintable(QStringLiteral("column %1: %2 < %3")
                                .arg(column)
                                .arg(table->columnWidth(column))
                                .arg(widestCell(table, column))));
}

void TestUserFlow::theSidebarIsNotCutInANarrowWindow()
{
    m_window->resize(900, 700);
    auto *sidebar = find<QListWidget>("sidebar");
    QTRY_COMPARE(m_window->width(), 900);
    const int text = sidebar->fontMetrics().horizontalAdvance(sidebar->item(0)->text());
    QVERIFY2(sidebar->viewport()->width() >= text + 12,
             qPrintable(QStringLiteral("%1 < %2").arg(sidebar->viewport()->width()).arg(text + 12)));
}

void TestUserFlow::escapeClearsTheSearchThenClosesThePanel()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto *panel = find<UserPanel>("userPanel");
    find<QTableView>("usersTable")->selectRow(usersRow(bob).row());
    QTRY_VERIFY(panel->isVisible());
    auto *search = find<QLineEdit>("usersSearch");
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("bo"));
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(search->text(), QString());
    QVERIFY(panel->isVisible()); // one thing at a time
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!panel->isVisible());
    // From inside the panel too.
    click("createUser");
    QTRY_COMPARE(QApplication::focusWidget(), find<QLineEdit>("panelEmail"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!panel->isVisible());
}

void TestUserFlow::enterInTheDeleteQuestionDeletesNothing()
{
    find<QTableView>("usersTable")->selectRow(usersRow(cat).row());
    QTRY_VERIFY(find<UserPanel>("userPanel")->isVisible());
    bool destructiveIsDefault = true;
    whenDialogShows([&](QWidget *dialog) {
        auto *box = qobject_cast<QMessageBox *>(dialog);
        destructiveIsDefault = box->defaultButton() == box->button(QMessageBox::Yes);
        QWidget *focus = box->focusWidget();
        QTest::keyClick(focus ? focus : box, Qt::Key_Return);
    });
    click("panelDelete");
    QVERIFY(!destructiveIsDefault);
    QVERIFY(m_ledger->user(cat).ok());
}

void TestUserFlow::removingPaidAccessAsksWithTheCounts()
{
    find<QTableView>("usersTable")->selectRow(usersRow(bob).row());
    QTRY_VERIFY(find<UserPanel>("userPanel")->isVisible());
    click("panelDelete");
    QString question;
    whenDialogShows([&](QWidget *dialog) {
        auto *box = qobject_cast<QMessageBox *>(dialog);
        question = box->text();
        box->button(QMessageBox::Cancel)->click();
    });
    click("panelRemoveAccess");
    QVERIFY2(question.contains(QStringLiteral("Sales Professional")), qPrintable(question));
    QVERIFY2(question.contains(QStringLiteral("1 of 2")) && question.contains(QStringLiteral("0 of 2")),
             qPrintable(question));
    QCOMPARE(m_ledger->user(bob).value().sales, std::optional<SeatType>(SeatType::SalesProfessional)); // kept
    whenDialogShows([](QWidget *dialog) { qobject_cast<QMessageBox *>(dialog)->button(QMessageBox::Yes)->click(); });
    click("panelRemoveAccess");
    QCOMPARE(m_ledger->user(bob).value().sales, std::nullopt);
}

void TestUserFlow::emailsSortInNaturalOrder()
{
    QVector<NewUser> people;
    for (const char *email : { "x.10659@example.com", "x.1840@example.com", "x.9@example.com" }) {
        NewUser u;
        u.email = QLatin1String(email);
        people.append(u);
    }
    QVERIFY(m_ledger->createUsers(people).ok());
    m_window->usersPage()->reload();
    QStringList order;
    auto *m = find<QTableView>("usersTable")->model();
    for (int row = 0; row < m->rowCount(); ++row) {
        const QString email = m->index(row, UsersModel::EmailColumn).data().toString();
        if (email.startsWith(QLatin1String("x.")))
            order << email;
    }
    QCOMPARE(order,
             (QStringList { QStringLiteral("x.9@example.com"), QStringLiteral("x.1840@example.com"),
                            QStringLiteral("x.10659@example.com") }));
}

void TestUserFlow::aUserOpensOnTheTabOfTheirSeat()
{
    QVERIFY(m_ledger->assignSeat(cat, SeatType::ServiceStarter).ok());
    m_window->watcher()->checkNow();
    auto *tabs = find<QTabWidget>("panelTabs");
    auto *table = find<QTableView>("usersTable");
    table->selectRow(usersRow(cat).row()); // a Service seat only
    QTRY_COMPARE(find<UserPanel>("userPanel")->userEmail(), cat);
    QCOMPARE(tabs->currentIndex(), 1);
    table->selectRow(usersRow(bob).row()); // a Sales seat
    QTRY_COMPARE(find<UserPanel>("userPanel")->userEmail(), bob);
    QCOMPARE(tabs->currentIndex(), 0);
    selectTab(1);
    table->selectRow(usersRow(uma).row()); // no seat: the tab last used
    QTRY_COMPARE(find<UserPanel>("userPanel")->userEmail(), uma);
    QCOMPARE(tabs->currentIndex(), 1);
}

void TestUserFlow::createAndSaveSayWhatTheyDid()
{
    click("createUser");
    QTest::keyClicks(find<QLineEdit>("panelEmail"), QStringLiteral("dan@example.com"));
    click("panelNext");
    click("panelConfirm");
    QVERIFY(m_ledger->user(QStringLiteral("dan@example.com")).ok());
    auto *table = find<QTableView>("usersTable");
    QTRY_VERIFY(!table->selectionModel()->selectedRows().isEmpty());
    QCOMPARE(table->selectionModel()->selectedRows().first().row(), usersRow(QStringLiteral("dan@example.com")).row());
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("dan@example.com")),
             qPrintable(m_window->statusBar()->currentMessage()));

    table->selectRow(usersRow(cat).row());
    QTRY_COMPARE(find<UserPanel>("userPanel")->userEmail(), cat);
    selectTab(1);
    clickSwitch(QStringLiteral("serviceAccess"));
    clickSwitch(QStringLiteral("service-starter"));
    m_window->statusBar()->clearMessage();
    click("panelConfirm");
    QCOMPARE(m_ledger->user(cat).value().service, std::optional<SeatType>(SeatType::ServiceStarter));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(cat),
             qPrintable(m_window->statusBar()->currentMessage()));
}

void TestUserFlow::buySaysWhatTheCountsBecome()
{
    click("createUser");
    QTest::keyClicks(find<QLineEdit>("panelEmail"), QStringLiteral("dan@example.com"));
    QTest::keyClick(find<QLineEdit>("panelEmail"), Qt::Key_Return);
    clickSwitch(QStringLiteral("salesAccess"));
    QString before;
    QString after;
    whenDialogShows([&](QWidget *dialog) {
        auto *shown = dialog->findChild<QLabel *>(QStringLiteral("buySeatsAfter"));
        before = shown ? shown->text() : QString();
        auto *count = dialog->findChild<QSpinBox *>(QStringLiteral("buySeatsCount"));
        count->selectAll();
        QTest::keyClicks(count, QStringLiteral("3"));
        after = shown ? shown->text() : QString();
        qobject_cast<QDialog *>(dialog)->reject();
    });
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("sales-enterprise-buy")), Qt::LeftButton);
    QCOMPARE(before, QStringLiteral("After buying: 1 purchased, 0 assigned, 1 free."));
    QCOMPARE(after, QStringLiteral("After buying: 3 purchased, 0 assigned, 3 free."));
    QCOMPARE(m_ledger->seatCounts().value()[seatTypeIndex(SeatType::SalesEnterprise)].purchased, 0); // cancelled
}

QTEST_MAIN(TestUserFlow)
#include "tst_userflow.moc"
