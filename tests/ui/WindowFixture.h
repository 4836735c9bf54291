#pragma once

// The fixture of the end-to-end window tests (tst_userflow, tst_gridflow): a
// small account in a temporary folder, the real SettingsWindow over it, and
// helpers to find and drive its widgets by name.
//
// A plain class, not a QObject: each test class derives from QObject (for moc)
// and from this, and keeps its own slots:
//     class TestX : public QObject, protected WindowFixture

#include "Language.h"
#include "PaidUsersModel.h"
#include "PaidUsersPage.h"
#include "SettingsWindow.h"
#include "TestSupport.h"
#include "ToggleSwitch.h"

#include <memory>
#include <QAbstractButton>
#include <QAction>
#include <QMenu>
#include <QSettings>
#include <QTabBar>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

class WindowFixture
{
protected:
    // For initTestCase().
    static void setUpOnce()
    {
        Language::install(QStringLiteral("en"));
        ToggleSwitch::installAccessibility();
        QSettings::setDefaultFormat(QSettings::IniFormat);
    }

    // For init(): a fresh account and a window open on it.
    void setUp()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir->path()); // never the user's own settings
        m_path = m_dir->filePath(QStringLiteral("seats.db"));
        m_ledger = TestSupport::smallAccount(m_path);
        m_window = std::make_unique<SettingsWindow>(*m_ledger);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    // For cleanup().
    void tearDown()
    {
        m_window.reset();
        m_ledger.reset();
        m_dir.reset();
    }

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

    // Opens Manage paid users from the Users page's Actions menu.
    void openGrid()
    {
        auto *actions = find<QToolButton>("usersActions");
        QCOMPARE(actions->text(), QStringLiteral("Actions"));
        QAction *manage = m_window->findChild<QAction *>(QStringLiteral("managePaidUsers"));
        QCOMPARE(manage->text(), QStringLiteral("Manage paid users"));
        QVERIFY(actions->menu()->actions().contains(manage));
        manage->trigger();
        QTRY_VERIFY(find<PaidUsersPage>("paidUsersPage")->isVisible());
    }

    // The grid's check box for `email` and `type`.
    QModelIndex gridCell(const QString &email, SeatType type) const
    {
        auto *table = m_window->findChild<QTableView *>(QStringLiteral("paidUsersTable"));
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, PaidUsersModel::EmailColumn).data().toString() == email)
                return table->model()->index(row, PaidUsersModel::columnOf(type));
        }
        return {};
    }

    // The first cell of `email`'s row in the Users table.
    QModelIndex usersRow(const QString &email) const
    {
        auto *table = m_window->findChild<QTableView *>(QStringLiteral("usersTable"));
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, 1).data().toString() == email)
                return table->model()->index(row, 0);
        }
        return {};
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SeatLedger> m_ledger;
    std::unique_ptr<SettingsWindow> m_window;
    QString m_path;
};
