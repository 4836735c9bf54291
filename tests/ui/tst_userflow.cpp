// The help article's flow, end to end, in the real window: every step driven
// through the widgets a person uses, and checked against what the core holds.

#include "BackgroundWork.h"
#include "GuiSupport.h"
#include "HostileInput.h"
#include "Language.h"
#include "LedgerWatcher.h"
#include "PaidUsersModel.h"
#include "PaidUsersPage.h"
#include "SeatAccessTab.h"
#include "SettingsWindow.h"
#include "TestSupport.h"
#include "ToggleSwitch.h"
#include "UserPanel.h"
#include "UsersModel.h"
#include "UsersPage.h"
#include "Validation.h"

#include <QAccessible>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabBar>
#include <QTableView>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using GuiSupport::whenDialogShows;

namespace {
const QString bob = QStringLiteral("bob@example.com");
const QString cat = QStringLiteral("cat@example.com");
const QString uma = QStringLiteral("uma@example.com");
} // namespace

class TestUserFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void createUserWithSalesAndServiceSeats();
    void nextNeedsAValidUnusedAddress();
    void hostileEmailsThroughTheSidePanel_data() { HostileInput::emailRows(); }
    void hostileEmailsThroughTheSidePanel();
    void buyAnotherUserWhenNoSeatIsFree();
    void cancelCreatesNothing();
    void editingAUserSwitchesTierInOneStep();
    void deleteIsRefusedWhileHoldingASeatThenAllowed();
    void searchFiltersByNameOrEmail();
    void clickingAHeaderSorts();
    void gridCountsPendingTicksAndSaves();
    void gridRefusesOverAssignmentAndUndoes();
    void gridCancelDropsEdits();
    void leavingTheGridWithPendingEditsAsks();
    void aUserOperatorCanLookButNotChange();
    void aBigSaveRunsInTheBackgroundAndKeepsPainting();
    void aLargeAccountReloadsInTheBackground();
    void changesFromAnotherConnectionRefreshAndConflict();
    void twoWindowsEditingTheGridNeverLoseAnUpdate();
    void toggleSwitchWorksByKeyboardAndIsACheckBox();
    void wholeCreateFlowByKeyboardAlone();
    void windowRemembersItsGeometry();
    void everyControlIsNamedAsItReads();

private:
    template<typename T> T *find(const char *name) const
    {
        T *w = m_window->findChild<T *>(QLatin1String(name));
        if (!w)
            qWarning("no widget named %s", name);
        return w;
    }
    void click(const char *name) { QTest::mouseClick(find<QAbstractButton>(name), Qt::LeftButton); }
    void clickSwitch(const QString &name)
    {
        auto *s = m_window->findChild<ToggleSwitch *>(name);
        QVERIFY2(s && s->isVisible() && s->isEnabled(), qPrintable(name));
        QTest::mouseClick(s, Qt::LeftButton);
    }
    void selectTab(int index)
    {
        auto *tabs = find<QTabWidget>("panelTabs");
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(index).center());
        QCOMPARE(tabs->currentIndex(), index);
    }
    void openGrid();
    QModelIndex gridCell(const QString &email, SeatType type) const;
    QModelIndex usersRow(const QString &email) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SeatLedger> m_ledger;
    std::unique_ptr<SettingsWindow> m_window;
    QString m_path;
};

void TestUserFlow::initTestCase()
{
    Language::install(QStringLiteral("en"));
    ToggleSwitch::installAccessibility();
    QSettings::setDefaultFormat(QSettings::IniFormat);
}

void TestUserFlow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir->path()); // never the user's own settings
    m_path = m_dir->filePath(QStringLiteral("seats.db"));
    m_ledger = TestSupport::smallAccount(m_path);
    m_window = std::make_unique<SettingsWindow>(*m_ledger);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestUserFlow::cleanup()
{
    m_window.reset();
    m_ledger.reset();
    m_dir.reset();
}

void TestUserFlow::openGrid()
{
    auto *actions = find<QToolButton>("usersActions");
    QCOMPARE(actions->text(), QStringLiteral("Actions"));
    QAction *manage = m_window->findChild<QAction *>(QStringLiteral("managePaidUsers"));
    QCOMPARE(manage->text(), QStringLiteral("Manage paid users"));
    QVERIFY(actions->menu()->actions().contains(manage));
    manage->trigger();
    QTRY_VERIFY(find<PaidUsersPage>("paidUsersPage")->isVisible());
}

QModelIndex TestUserFlow::gridCell(const QString &email, SeatType type) const
{
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("paidUsersTable"));
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, PaidUsersModel::EmailColumn).data().toString() == email)
            return table->model()->index(row, PaidUsersModel::columnOf(type));
    }
    return {};
}

QModelIndex TestUserFlow::usersRow(const QString &email) const
{
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("usersTable"));
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 1).data().toString() == email)
            return table->model()->index(row, 0);
    }
    return {};
}

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
        QTest::keyClick(field, Qt::Key_Return);
        QVERIFY(field->isVisible());
        QCOMPARE(TestSupport::snapshot(*m_ledger), before);
    }
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

void TestUserFlow::gridCountsPendingTicksAndSaves()
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

void TestUserFlow::gridRefusesOverAssignmentAndUndoes()
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

void TestUserFlow::gridCancelDropsEdits()
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

void TestUserFlow::leavingTheGridWithPendingEditsAsks()
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

void TestUserFlow::aBigSaveRunsInTheBackgroundAndKeepsPainting()
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

void TestUserFlow::aLargeAccountReloadsInTheBackground()
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

void TestUserFlow::changesFromAnotherConnectionRefreshAndConflict()
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
void TestUserFlow::twoWindowsEditingTheGridNeverLoseAnUpdate()
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
