// Writes docs/screenshots/*.png from the real window, offscreen, on a sample
// account generated with a fixed seed, in English and French. Not a test that
// ctest runs: scripts/screenshots.sh builds and runs it on demand. Each picture
// is the same on every run on the same machine (fonts are the system's).

#include "GuiSupport.h"
#include "Language.h"
#include "PaidUsersModel.h"
#include "PaidUsersPage.h"
#include "RecoveryDialogs.h"
#include "SampleAccount.h"
#include "SettingsWindow.h"
#include "TestSupport.h"
#include "ToggleSwitch.h"
#include "UsersModel.h"
#include "UsersPage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTabBar>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

class Screenshots : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void window_data();
    void window();

private:
    void save(QWidget *w, const QString &name, const QRect &part = {});
    QString m_out;
};

void Screenshots::initTestCase()
{
    m_out = qEnvironmentVariable("SCREENSHOT_DIR", QStringLiteral(SOURCE_DIR "/docs/screenshots"));
    QVERIFY(QDir().mkpath(m_out));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    ToggleSwitch::installAccessibility();
    QApplication::setStyle(QStringLiteral("Fusion"));
}

void Screenshots::save(QWidget *w, const QString &name, const QRect &part)
{
    QCoreApplication::processEvents();
    const QPixmap shot = part.isNull() ? w->grab() : w->grab(part);
    QVERIFY2(shot.save(QDir(m_out).filePath(name)), qPrintable(name));
    qInfo("wrote %s", qPrintable(QDir(m_out).filePath(name)));
}

void Screenshots::window_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("fr") << QStringLiteral("fr");
}

void Screenshots::window()
{
    QFETCH(QString, language);
    Language::install(language);
    QTemporaryDir dir;
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
    const QString path = dir.filePath(QStringLiteral("seatkeeper.db"));
    auto created = SeatLedger::create(path, QStringLiteral("ada@example.com"), QStringLiteral("Ada"),
                                      QStringLiteral("Lovelace"));
    QVERIFY(created);
    SeatLedger &ledger = *created.value();
    QVERIFY(SampleAccount::populate(ledger, 24, 2026).ok());
    // A few teams, and people in them.
    const QStringList teams { QStringLiteral("Sales EMEA"), QStringLiteral("Support"),
                              QStringLiteral("Équipe Montréal") };
    for (const QString &team : teams)
        QVERIFY(ledger.createTeam(team).ok());
    const QVector<User> people = ledger.users().value();
    for (int i = 0; i < people.size(); i += 2) {
        UserEdit edit;
        edit.mainTeam = teams.at((i / 2) % teams.size());
        if (i % 6 == 0)
            edit.addTeams << teams.at((i / 2 + 1) % teams.size());
        QVERIFY(ledger.editUser(people.at(i).email, edit).ok());
    }
    const QString suffix = QLatin1Char('-') + language + QStringLiteral(".png");

    {
        SettingsWindow window(ledger);
        window.resize(1180, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Users & Teams, a user open in the panel.
        auto *table = window.findChild<QTableView *>(QStringLiteral("usersTable"));
        table->selectRow(3);
        QTRY_VERIFY(window.findChild<QWidget *>(QStringLiteral("userPanel"))->isVisible());
        save(&window, QStringLiteral("users") + suffix);

        // The Teams tab.
        auto *usersTabs = window.findChild<QTabWidget *>(QStringLiteral("usersTabs"));
        usersTabs->setCurrentIndex(1);
        QTest::qWait(50);
        save(&window, QStringLiteral("teams") + suffix);
        usersTabs->setCurrentIndex(0);

        // Create user, both tabs.
        QTest::mouseClick(window.findChild<QAbstractButton *>(QStringLiteral("createUser")), Qt::LeftButton);
        QTest::keyClicks(window.findChild<QLineEdit *>(QStringLiteral("panelEmail")),
                         QStringLiteral("new.colleague@example.com"));
        QTest::mouseClick(window.findChild<QAbstractButton *>(QStringLiteral("panelNext")), Qt::LeftButton);
        QTest::mouseClick(window.findChild<ToggleSwitch *>(QStringLiteral("salesAccess")), Qt::LeftButton);
        for (const char *name : { "sales-professional", "sales-starter", "sales-enterprise" }) {
            auto *tier = window.findChild<ToggleSwitch *>(QLatin1String(name));
            if (tier->isEnabled()) {
                QTest::mouseClick(tier, Qt::LeftButton);
                break;
            }
        }
        QTest::qWait(200); // the knob's slide
        save(&window, QStringLiteral("panel-sales") + suffix);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("panelTabs"));
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(1).center());
        QTest::mouseClick(window.findChild<ToggleSwitch *>(QStringLiteral("serviceAccess")), Qt::LeftButton);
        QTest::qWait(200);
        save(&window, QStringLiteral("panel-service") + suffix);
        QTest::mouseClick(window.findChild<QAbstractButton *>(QStringLiteral("panelCancel")), Qt::LeftButton);

        // Manage paid users with three pending ticks.
        window.showPaidUsers();
        auto *grid = window.findChild<QTableView *>(QStringLiteral("paidUsersTable"));
        for (int row : { 1, 4, 6 }) {
            const QModelIndex cell = grid->model()->index(row, PaidUsersModel::columnOf(SeatType::ServiceStarter));
            grid->model()->setData(cell, Qt::Checked, Qt::CheckStateRole);
        }
        save(&window, QStringLiteral("grid") + suffix);
        window.paidUsersPage()->reload(); // no question about unsaved edits on closing

        // History, newest first.
        window.showHistory();
        QTest::qWait(300);
        save(&window, QStringLiteral("history") + suffix);
    }

    // A damaged database with two backups.
    {
        QVector<BackupInfo> backups;
        for (int i = 0; i < 2; ++i) {
            BackupInfo b;
            b.path = QStringLiteral("/home/admin/seats.db.00000%1.backup").arg(2 - i);
            b.takenAt = QDateTime(QDate(2026, 11, 26 - i), QTime(17, 30), Qt::UTC);
            b.bytes = 1'843'200;
            backups << b;
        }
        OpenProblemDialog dialog(QStringLiteral("/home/admin/seats.db"),
                                 QCoreApplication::translate("SeatDatabase",
                                                             "The database %1 is damaged: the table %2 "
                                                             "is missing. Restore it from a backup.")
                                     .arg(QStringLiteral("/home/admin/seats.db"), QStringLiteral("ledger")),
                                 backups);
        dialog.resize(700, 260);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        save(&dialog, QStringLiteral("open-problem") + suffix);
    }

    // A ledger edited outside Seatkeeper: the banner over the window.
    {
        TestSupport::RawConnection raw(path);
        QCOMPARE(raw.exec(QStringLiteral("DROP TRIGGER ledger_no_update")), QString());
        QCOMPARE(raw.exec(QStringLiteral("UPDATE ledger SET new_value = '7' WHERE action = 'seats-bought'")),
                 QString());
    }
    SettingsWindow window(ledger);
    window.resize(1180, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.startAudit();
    auto *banner = window.findChild<QWidget *>(QStringLiteral("auditBanner"));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
    QCoreApplication::processEvents();
    save(&window, QStringLiteral("audit-banner") + suffix, QRect(0, 0, 1180, banner->geometry().bottom() + 120));
}

QTEST_MAIN(Screenshots)
#include "tst_screenshots.moc"
