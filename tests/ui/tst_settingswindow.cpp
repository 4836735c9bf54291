// The window as a person sees it: titled Settings, Users & Teams listing every user.

#include "Language.h"
#include "SettingsWindow.h"
#include "TestSupport.h"
#include "UsersPage.h"

#include <QLabel>
#include <QListWidget>
#include <QTableView>
#include <QTest>

class TestSettingsWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Language::install(QStringLiteral("en")); }
    void showsUsersAndTeams();
};

void TestSettingsWindow::showsUsersAndTeams()
{
    QTemporaryDir dir;
    auto ledger = TestSupport::smallAccount(dir.filePath(QStringLiteral("seats.db")));
    SettingsWindow window(*ledger);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), QStringLiteral("Settings"));
    auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
    QVERIFY(sidebar);
    QCOMPARE(sidebar->currentItem()->text(), QStringLiteral("Users & Teams"));
    auto *title = window.findChild<QLabel *>(QStringLiteral("usersTitle"));
    QCOMPARE(title->text(), QStringLiteral("Users & Teams"));
    auto *table = window.findChild<QTableView *>(QStringLiteral("usersTable"));
    QVERIFY(table && table->isVisible());
    QCOMPARE(table->model()->rowCount(), 5);
    // Sorted by e-mail: ada, ben, bob, cat, uma.
    QCOMPARE(table->model()->index(2, 1).data().toString(), QStringLiteral("bob@example.com"));
    QCOMPARE(table->model()->index(2, 3).data().toString(), QStringLiteral("Sales Professional"));
}

QTEST_MAIN(TestSettingsWindow)
#include "tst_settingswindow.moc"
