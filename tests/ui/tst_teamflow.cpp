// Teams (R14) and editing a user, in the real window: the Teams tab of Users
// & Teams, its dialogs, the side panel's names, role and teams, the Main team
// column and the team filter — driven by keyboard, checked against the core,
// with another connection changing the database underneath.

#include "GuiSupport.h"
#include "LedgerWatcher.h"
#include "TeamDialogs.h"
#include "TeamsModel.h"
#include "TeamsPage.h"
#include "UserPanel.h"
#include "UsersModel.h"
#include "UsersPage.h"
#include "WindowFixture.h"

#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QStatusBar>
#include <QTabBar>
#include <QTableView>
#include <QTabWidget>
#include <QTest>

using GuiSupport::whenDialogShows;
using TestSupport::SmallAccount::ada;
using TestSupport::SmallAccount::ben;
using TestSupport::SmallAccount::bob;
using TestSupport::SmallAccount::cat;

class TestTeamFlow : public QObject, protected WindowFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpOnce(); }
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void teamsTabCreatesRenamesAndDeletesByKeyboard();
    void deletingATeamWithMembersOffersToMoveThem();
    void sidePanelEditsNamesRoleAndTeams();
    void theRoleSaysWhyItCannotChange();
    void teamFilterShowsOnlyTheTeamsMembers();
    void anotherConnectionRenamingATeamUpdatesTheWindow();
    void everyTeamControlIsNamedAsItReads();

private:
    QTabWidget *usersTabs() { return find<QTabWidget>("usersTabs"); }
    void showTeamsTab()
    {
        QTabBar *bar = usersTabs()->tabBar();
        bar->setFocus();
        QTest::keyClick(bar, Qt::Key_Right);
        QTRY_COMPARE(usersTabs()->currentIndex(), 1);
    }
    // Presses a button by keyboard, as a person tabbing to it would.
    void press(const char *name)
    {
        auto *button = find<QPushButton>(name);
        QVERIFY2(button && button->isEnabled(), name);
        button->setFocus();
        QTest::keyClick(button, Qt::Key_Space);
    }
    // Answers the next team name dialog: types `name`, then Enter.
    void typeTeamName(const QString &name)
    {
        whenDialogShows([name](QWidget *dialog) {
            auto *field = dialog->findChild<QLineEdit *>(QStringLiteral("teamName"));
            field->selectAll();
            QTest::keyClicks(field, name);
            QTest::keyClick(field, Qt::Key_Return);
        });
    }
    void selectTeamRow(const QString &name)
    {
        auto *table = find<QTableView>("teamsTable");
        const int row = find<TeamsPage>("teamsPage")->model()->rowOfTeam(name);
        QVERIFY(row >= 0);
        table->setFocus();
        table->selectionModel()->clear();
        QTest::keyClick(table, Qt::Key_Home);
        for (int i = 0; i < row; ++i)
            QTest::keyClick(table, Qt::Key_Down);
        QTRY_COMPARE(table->selectionModel()->selectedRows().value(0).row(), row);
    }
    QString teamsCell(int row, int column)
    {
        return find<QTableView>("teamsTable")->model()->index(row, column).data().toString();
    }
    QString mainTeamShownFor(const QString &email)
    {
        const QModelIndex row = usersRow(email);
        return row.isValid() ? row.sibling(row.row(), UsersModel::MainTeamColumn).data().toString()
                             : QStringLiteral("?");
    }
    void openUser(const QString &email)
    {
        auto *table = find<QTableView>("usersTable");
        table->setCurrentIndex(usersRow(email));
        QTRY_COMPARE(find<UserPanel>("userPanel")->userEmail(), email);
    }
};

void TestTeamFlow::teamsTabCreatesRenamesAndDeletesByKeyboard()
{
    QCOMPARE(usersTabs()->tabText(0), QStringLiteral("Users"));
    QCOMPARE(usersTabs()->tabText(1), QStringLiteral("Teams"));
    showTeamsTab();
    auto *table = find<QTableView>("teamsTable");
    QCOMPARE(table->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Team"));
    QCOMPARE(table->model()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Members"));
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(!find<QPushButton>("renameTeam")->isEnabled()); // nothing selected yet

    typeTeamName(QStringLiteral("  Sales "));
    press("createTeam");
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(teamsCell(0, 0), QStringLiteral("Sales"));
    QCOMPARE(teamsCell(0, 1), QStringLiteral("0"));
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Team “Sales” created."));

    // A second Sales in other letters: the dialog says so and Create stays off.
    QString said;
    bool createOn = true;
    whenDialogShows([&](QWidget *dialog) {
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("teamName")), QStringLiteral("SALES"));
        said = dialog->findChild<QLabel *>(QStringLiteral("teamNameProblem"))->text();
        createOn = dialog->findChild<QPushButton *>(QStringLiteral("teamNameOk"))->isEnabled();
        QTest::keyClick(dialog, Qt::Key_Escape);
    });
    press("createTeam");
    QTRY_COMPARE(said, QStringLiteral("A team named “Sales” already exists."));
    QVERIFY(!createOn);
    QCOMPARE(m_ledger->teams().value().size(), 1);

    selectTeamRow(QStringLiteral("Sales"));
    typeTeamName(QStringLiteral("Field sales"));
    press("renameTeam");
    QTRY_COMPARE(teamsCell(0, 0), QStringLiteral("Field sales"));
    QCOMPARE(m_ledger->teams().value().first().name, QStringLiteral("Field sales"));

    selectTeamRow(QStringLiteral("Field sales"));
    QString question;
    whenDialogShows([&](QWidget *dialog) {
        question = dialog->findChild<QLabel *>(QStringLiteral("teamDeleteText"))->text();
        QVERIFY(!dialog->findChild<QRadioButton *>(QStringLiteral("teamDeleteMove"))->isVisible());
        // Enter alone cancels: Delete must be chosen.
        QTest::keyClick(dialog, Qt::Key_Return);
    });
    press("deleteTeam");
    QTRY_COMPARE(question, QStringLiteral("Delete the team “Field sales”? It has no members."));
    QCOMPARE(m_ledger->teams().value().size(), 1);
    whenDialogShows([](QWidget *dialog) {
        auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("teamDeleteOk"));
        ok->setFocus();
        QTest::keyClick(ok, Qt::Key_Space);
    });
    press("deleteTeam");
    QTRY_COMPARE(table->model()->rowCount(), 0);
    QCOMPARE(m_ledger->teams().value().size(), 0);
    QCOMPARE(m_ledger->check().value(), QStringList());
}

void TestTeamFlow::deletingATeamWithMembersOffersToMoveThem()
{
    QVERIFY(m_ledger->createTeam(QStringLiteral("Sales")).ok());
    QVERIFY(m_ledger->createTeam(QStringLiteral("Support")).ok());
    UserEdit bobs;
    bobs.mainTeam = QStringLiteral("Sales");
    QVERIFY(m_ledger->editUser(bob, bobs).ok());
    UserEdit cats;
    cats.addTeams = QStringList { QStringLiteral("Sales") };
    QVERIFY(m_ledger->editUser(cat, cats).ok());
    showTeamsTab();
    QTRY_COMPARE(teamsCell(0, 1), QStringLiteral("2"));

    selectTeamRow(QStringLiteral("Sales"));
    QString question;
    QStringList targets;
    whenDialogShows([&](QWidget *dialog) {
        question = dialog->findChild<QLabel *>(QStringLiteral("teamDeleteText"))->text();
        auto *move = dialog->findChild<QRadioButton *>(QStringLiteral("teamDeleteMove"));
        auto *target = dialog->findChild<QComboBox *>(QStringLiteral("teamDeleteTarget"));
        QVERIFY(!target->isEnabled()); // until Move is chosen
        for (int i = 0; i < target->count(); ++i)
            targets << target->itemText(i);
        move->setFocus();
        QTest::keyClick(move, Qt::Key_Space);
        QVERIFY(target->isEnabled());
        auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("teamDeleteOk"));
        ok->setFocus();
        QTest::keyClick(ok, Qt::Key_Space);
    });
    press("deleteTeam");
    QTRY_COMPARE(find<QTableView>("teamsTable")->model()->rowCount(), 1);
    QVERIFY2(question.startsWith(QStringLiteral("Delete the team “Sales”? It has 2 member")), qPrintable(question));
    QCOMPARE(targets, QStringList { QStringLiteral("Support") });
    QCOMPARE(m_ledger->user(bob).value().mainTeam, QStringLiteral("Support"));
    QCOMPARE(m_ledger->user(cat).value().additionalTeams, QStringList { QStringLiteral("Support") });
    QCOMPARE(teamsCell(0, 1), QStringLiteral("2"));
    QTRY_COMPARE(mainTeamShownFor(bob), QStringLiteral("Support"));
    QCOMPARE(m_ledger->check().value(), QStringList());
}

void TestTeamFlow::sidePanelEditsNamesRoleAndTeams()
{
    QVERIFY(m_ledger->createTeam(QStringLiteral("Sales")).ok());
    QVERIFY(m_ledger->createTeam(QStringLiteral("Support")).ok());
    QTRY_VERIFY(find<QComboBox>("teamFilter")->count() == 3);
    openUser(cat);
    auto *first = find<QLineEdit>("panelFirstName");
    auto *last = find<QLineEdit>("panelLastName");
    auto *role = find<QComboBox>("panelRole");
    auto *mainTeam = find<QComboBox>("panelMainTeam");
    auto *additional = find<QListWidget>("panelAdditionalTeams");
    QVERIFY(first->isVisible());
    QCOMPARE(first->text(), QStringLiteral("Cat"));
    QCOMPARE(role->currentText(), QStringLiteral("User"));
    QCOMPARE(mainTeam->currentText(), QStringLiteral("No team"));
    QVERIFY(!find<QPushButton>("panelConfirm")->isEnabled()); // nothing changed yet

    first->setFocus();
    first->selectAll();
    QTest::keyClicks(first, QStringLiteral("Catherine"));
    QTest::keyClick(first, Qt::Key_Tab);
    QVERIFY(last->hasFocus());
    QTest::keyClicks(last, QStringLiteral("Zeta-Jones"));
    QTest::keyClick(last, Qt::Key_Tab);
    QVERIFY(role->hasFocus());
    // ada, a Super admin, is offered all three roles; Up goes from User to Admin.
    QCOMPARE(role->count(), 3);
    QTest::keyClick(role, Qt::Key_Up);
    QCOMPARE(role->currentText(), QStringLiteral("Admin"));
    QTest::keyClick(role, Qt::Key_Tab);
    QVERIFY(mainTeam->hasFocus());
    QTest::keyClick(mainTeam, Qt::Key_Down); // Sales
    QCOMPARE(mainTeam->currentText(), QStringLiteral("Sales"));
    // The main team cannot be an additional one too.
    QVERIFY(!(additional->item(0)->flags() & Qt::ItemIsEnabled));
    QTest::keyClick(mainTeam, Qt::Key_Tab);
    QVERIFY(additional->hasFocus());
    additional->setCurrentRow(1);
    QTest::keyClick(additional, Qt::Key_Space); // Support
    QCOMPARE(additional->item(1)->checkState(), Qt::Checked);
    QVERIFY(find<QPushButton>("panelConfirm")->isEnabled());
    press("panelConfirm");

    QTRY_COMPARE(m_ledger->user(cat).value().role, Role::Admin);
    const User saved = m_ledger->user(cat).value();
    QCOMPARE(saved.fullName(), QStringLiteral("Catherine Zeta-Jones"));
    QCOMPARE(saved.mainTeam, QStringLiteral("Sales"));
    QCOMPARE(saved.additionalTeams, QStringList { QStringLiteral("Support") });
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Changes to cat@example.com saved."));
    QTRY_COMPARE(mainTeamShownFor(cat), QStringLiteral("Sales"));
    QCOMPARE(usersRow(cat).sibling(usersRow(cat).row(), UsersModel::RoleColumn).data().toString(),
             QStringLiteral("Admin"));
    QCOMPARE(find<QLabel>("panelTitle")->text(), QStringLiteral("Catherine Zeta-Jones\ncat@example.com"));
    // A name with a hidden character is refused with the reason, and nothing changes.
    last->setFocus();
    last->insert(QStringLiteral("\u202E")); // pasted: no key types it
    press("panelConfirm");
    QTRY_VERIFY(find<QLabel>("panelProblem")->isVisible());
    QVERIFY(find<QLabel>("panelProblem")->text().contains(QStringLiteral("U+202E")));
    QCOMPARE(m_ledger->user(cat).value().lastName, QStringLiteral("Zeta-Jones"));
    QCOMPARE(m_ledger->check().value(), QStringList());
}

void TestTeamFlow::theRoleSaysWhyItCannotChange()
{
    // ada is the only Super admin: her role cannot change, and the panel says why.
    openUser(ada);
    auto *role = find<QComboBox>("panelRole");
    QVERIFY(!role->isEnabled());
    QVERIFY(find<QLabel>("panelRoleNote")->isVisible());
    QCOMPARE(find<QLabel>("panelRoleNote")->text(),
             QStringLiteral("ada@example.com is the only Super admin: their role cannot change. Make another user "
                            "Super admin first."));
    QCOMPARE(role->accessibleDescription(), find<QLabel>("panelRoleNote")->text());

    // ben, an Admin, in a window of his own: Super admin is not offered to him,
    // and a Super admin's role is not his to change.
    auto benLedger = SeatLedger::open(m_path);
    QVERIFY(benLedger.ok());
    QVERIFY(benLedger.value()->setActor(ben).ok());
    SettingsWindow window(*benLedger.value());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *table = window.findChild<QTableView *>(QStringLiteral("usersTable"));
    const auto open = [&](const QString &email) {
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, UsersModel::EmailColumn).data().toString() == email)
                table->setCurrentIndex(table->model()->index(row, 0));
        }
        QTRY_COMPARE(window.findChild<UserPanel *>(QStringLiteral("userPanel"))->userEmail(), email);
    };
    auto *benRole = window.findChild<QComboBox *>(QStringLiteral("panelRole"));
    open(cat);
    QStringList offered;
    for (int i = 0; i < benRole->count(); ++i)
        offered << benRole->itemText(i);
    QCOMPARE(offered, (QStringList { QStringLiteral("Admin"), QStringLiteral("User") }));
    QVERIFY(benRole->isEnabled());
    open(ada);
    QVERIFY(!benRole->isEnabled());
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("panelRoleNote"))->text(),
             QStringLiteral("Only a Super admin can change the role of a Super admin."));
    // Her name is his to change, though.
    QVERIFY(window.findChild<QLineEdit *>(QStringLiteral("panelFirstName"))->isEnabled());
}

void TestTeamFlow::teamFilterShowsOnlyTheTeamsMembers()
{
    QVERIFY(m_ledger->createTeam(QStringLiteral("Sales")).ok());
    QVERIFY(m_ledger->createTeam(QStringLiteral("Support")).ok());
    UserEdit bobs;
    bobs.mainTeam = QStringLiteral("Sales");
    QVERIFY(m_ledger->editUser(bob, bobs).ok());
    UserEdit cats;
    cats.addTeams = QStringList { QStringLiteral("Sales") };
    QVERIFY(m_ledger->editUser(cat, cats).ok());
    auto *filter = find<QComboBox>("teamFilter");
    QTRY_COMPARE(filter->count(), 3);
    QCOMPARE(filter->itemText(0), QStringLiteral("All teams"));
    auto *table = find<QTableView>("usersTable");
    QCOMPARE(table->model()->headerData(UsersModel::MainTeamColumn, Qt::Horizontal).toString(),
             QStringLiteral("Main team"));
    QCOMPARE(table->model()->rowCount(), 5);
    filter->setFocus();
    QTest::keyClick(filter, Qt::Key_Down); // Sales: bob (main) and cat (additional)
    QCOMPARE(filter->currentText(), QStringLiteral("Sales"));
    QCOMPARE(table->model()->rowCount(), 2);
    QTest::keyClick(filter, Qt::Key_Down); // Support: nobody
    QCOMPARE(table->model()->rowCount(), 0);
    QTest::keyClick(filter, Qt::Key_Home);
    QCOMPARE(table->model()->rowCount(), 5);
    QTest::keyClick(filter, Qt::Key_Down);
    // Somebody joins elsewhere: the filtered list follows.
    auto other = SeatLedger::open(m_path);
    QVERIFY(other.value()->setActor(ada).ok());
    UserEdit umas;
    umas.addTeams = QStringList { QStringLiteral("Sales") };
    QVERIFY(other.value()->editUser(QStringLiteral("uma@example.com"), umas).ok());
    QTRY_COMPARE(table->model()->rowCount(), 3);
}

void TestTeamFlow::anotherConnectionRenamingATeamUpdatesTheWindow()
{
    QVERIFY(m_ledger->createTeam(QStringLiteral("Sales")).ok());
    UserEdit bobs;
    bobs.mainTeam = QStringLiteral("Sales");
    QVERIFY(m_ledger->editUser(bob, bobs).ok());
    QTRY_COMPARE(mainTeamShownFor(bob), QStringLiteral("Sales"));
    openUser(bob);
    QCOMPARE(find<QComboBox>("panelMainTeam")->currentText(), QStringLiteral("Sales"));

    // Another admin, on another connection (as another process would be), renames it.
    auto other = SeatLedger::open(m_path);
    QVERIFY(other.ok());
    QVERIFY(other.value()->setActor(ben).ok());
    QVERIFY(other.value()->renameTeam(QStringLiteral("Sales"), QStringLiteral("Field sales")).ok());
    QTRY_COMPARE(mainTeamShownFor(bob), QStringLiteral("Field sales"));
    QTRY_COMPARE(find<QComboBox>("panelMainTeam")->currentText(), QStringLiteral("Field sales"));
    QCOMPARE(find<QComboBox>("teamFilter")->itemText(1), QStringLiteral("Field sales"));
    QCOMPARE(find<TeamsPage>("teamsPage")->model()->teamAt(0).name, QStringLiteral("Field sales"));
    QVERIFY(!find<QPushButton>("panelConfirm")->isEnabled()); // nothing of the admin's to save
    // And a new team there shows here.
    QVERIFY(other.value()->createTeam(QStringLiteral("Support")).ok());
    QTRY_COMPARE(find<QListWidget>("panelAdditionalTeams")->count(), 2);
}

void TestTeamFlow::everyTeamControlIsNamedAsItReads()
{
    QVERIFY(m_ledger->createTeam(QStringLiteral("Sales")).ok());
    showTeamsTab();
    for (const char *name : { "createTeam", "renameTeam", "deleteTeam" }) {
        auto *b = find<QPushButton>(name);
        QCOMPARE(b->accessibleName(), b->text());
    }
    QCOMPARE(find<QPushButton>("createTeam")->text(), QStringLiteral("Create team"));
    QCOMPARE(find<QTableView>("teamsTable")->accessibleName(), QStringLiteral("Teams"));
    // The dialogs, as Create team, Rename and Delete open them.
    TeamNameDialog create(find<TeamsPage>("teamsPage")->model()->teams(), {}, m_window.get());
    TeamNameDialog rename(find<TeamsPage>("teamsPage")->model()->teams(), QStringLiteral("Sales"), m_window.get());
    TeamDeleteDialog remove(Team { 1, QStringLiteral("Sales"), 3 }, { Team { 2, QStringLiteral("Ops"), 0 } },
                            m_window.get());
    QCOMPARE(create.windowTitle(), QStringLiteral("Create team"));
    QCOMPARE(rename.windowTitle(), QStringLiteral("Rename team"));
    QCOMPARE(remove.windowTitle(), QStringLiteral("Delete team"));
    for (QDialog *dialog : std::initializer_list<QDialog *> { &create, &rename, &remove }) {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        for (QWidget *w : dialog->findChildren<QWidget *>()) {
            if (!w->isVisible() || w->objectName().isEmpty() || w->objectName().startsWith(QLatin1String("qt_")))
                continue;
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
            if (auto *b = qobject_cast<QAbstractButton *>(w))
                QCOMPARE(b->accessibleName(), b->text());
        }
        dialog->close();
    }
    QCOMPARE(create.findChild<QLineEdit *>(QStringLiteral("teamName"))->accessibleName(), QStringLiteral("Team name"));
    QCOMPARE(rename.findChild<QPushButton *>(QStringLiteral("teamNameOk"))->text(), QStringLiteral("Rename"));
    QCOMPARE(remove.findChild<QRadioButton *>(QStringLiteral("teamDeleteLeave"))->accessibleName(),
             QStringLiteral("Leave them without this team"));

    usersTabs()->setCurrentIndex(0);
    QCOMPARE(find<QComboBox>("teamFilter")->accessibleName(), QStringLiteral("Team"));
    openUser(bob);
    QCOMPARE(find<QLineEdit>("panelFirstName")->accessibleName(), QStringLiteral("First name"));
    QCOMPARE(find<QLineEdit>("panelLastName")->accessibleName(), QStringLiteral("Last name"));
    QCOMPARE(find<QComboBox>("panelRole")->accessibleName(), QStringLiteral("Role"));
    QCOMPARE(find<QComboBox>("panelMainTeam")->accessibleName(), QStringLiteral("Main team"));
    QCOMPARE(find<QListWidget>("panelAdditionalTeams")->accessibleName(), QStringLiteral("Additional teams"));
    // Each field's label says the same as its accessible name.
    for (QLabel *label : find<QWidget>("panelDetails")->findChildren<QLabel *>()) {
        if (label->buddy())
            QCOMPARE(label->buddy()->accessibleName(), label->text());
    }
}

QTEST_MAIN(TestTeamFlow)
#include "tst_teamflow.moc"
