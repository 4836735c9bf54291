// The help article's flow, end to end, in the real window: every step driven
// through the widgets a person uses, and checked against what the core holds.
// This half is the Users page and its side panel (create, edit, delete, search,
// keyboard, accessibility); Manage paid users is in tst_gridflow.

#include "GuiSupport.h"
#include "HostileInput.h"
#include "InputText.h"
#include "TestSupport.h"
#include "ToggleSwitch.h"
#include "UserPanel.h"
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
#include <QTableView>
#include <QTabWidget>
#include <QTest>

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
    QTRY_VERIFY(!panel->isVisible());
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
        const QString shown = find<QLabel>("panelEmailProblem")->text();
        // An empty field is not shouted at; anything else says what is wrong.
        QVERIFY2(email.isEmpty() ? shown.isEmpty() : shown.contains(refusal), qPrintable(shown));
        QVERIFY2(!InputText::firstHidden(shown), qPrintable(shown)); // shown, never obeyed
        QTest::keyClick(field, Qt::Key_Return);
        QVERIFY(field->isVisible());
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
    QCOMPARE(find<QLabel>("panelEmailProblem")->text(),
             QStringLiteral("A user with the email address “%1” already exists.").arg(first));
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(field->isVisible());
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
                .replace(QLatin1Char('\x01'), QLatin1Char('&'));
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

QTEST_MAIN(TestUserFlow)
#include "tst_userflow.moc"
