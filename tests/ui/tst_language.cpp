// French and English, switched while the window runs: every visible text
// becomes the glossary's French and comes back, with no restart.

#include "GuiSupport.h"
#include "Language.h"
#include "PaidUsersPage.h"
#include "SettingsWindow.h"
#include "TestSupport.h"
#include "ToggleSwitch.h"
#include "UserPanel.h"
#include "UsersModel.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

using GuiSupport::whenDialogShows;

namespace {
const QString nbsp(QChar(0x00a0));
}

class TestLanguage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void everyPageSwitchesToFrenchAndBack();
    void anOpenDialogFollowsTheSwitch();
    void qtsOwnButtonsSpeakFrench();
    void numbersFollowTheLanguage();
    void theChoiceIsSavedAndRestored_data();
    void theChoiceIsSavedAndRestored();
    void columnsFitAgainAfterASwitch();

private:
    template<typename T> T *find(const char *name) const { return m_window->findChild<T *>(QLatin1String(name)); }
    QString text(const char *name) const { return find<QWidget>(name)->property("text").toString(); }
    void switchTo(const char *language)
    {
        QAction *action = m_window->findChild<QAction *>(QStringLiteral("language-") + QLatin1String(language));
        QVERIFY(action);
        action->trigger();
    }
    QString header(const char *table, int column) const
    {
        return find<QTableView>(table)->model()->headerData(column, Qt::Horizontal).toString();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SeatLedger> m_ledger;
    std::unique_ptr<SettingsWindow> m_window;
};

void TestLanguage::initTestCase()
{
    ToggleSwitch::installAccessibility();
    QSettings::setDefaultFormat(QSettings::IniFormat);
}

void TestLanguage::init()
{
    Language::install(QStringLiteral("en"));
    m_dir = std::make_unique<QTemporaryDir>();
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir->path());
    m_ledger = TestSupport::smallAccount(m_dir->filePath(QStringLiteral("seats.db")));
    m_window = std::make_unique<SettingsWindow>(*m_ledger);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestLanguage::cleanup()
{
    m_window.reset();
    m_ledger.reset();
    m_dir.reset();
    Language::install(QStringLiteral("en"));
}

void TestLanguage::everyPageSwitchesToFrenchAndBack()
{
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Settings"));
    switchTo("fr");

    // The window, the sidebar and the Users & Teams page.
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Paramètres"));
    QCOMPARE(m_window->menuBar()->actions().size(), 3); // Database, Language, Help (tst_about checks Help)
    QCOMPARE(m_window->menuBar()->actions().at(0)->text(), QStringLiteral("&Base de données"));
    QCOMPARE(m_window->menuBar()->actions().at(1)->text(), QStringLiteral("&Langue"));
    QCOMPARE(find<QListWidget>("sidebar")->item(0)->text(), QStringLiteral("Utilisateurs et équipes"));
    QCOMPARE(text("usersTitle"), QStringLiteral("Utilisateurs et équipes"));
    QCOMPARE(text("createUser"), QStringLiteral("Créer un utilisateur"));
    QCOMPARE(find<QPushButton>("createUser")->accessibleName(), QStringLiteral("Créer un utilisateur"));
    QCOMPARE(text("usersActions"), QStringLiteral("Actions"));
    QCOMPARE(m_window->findChild<QAction *>(QStringLiteral("managePaidUsers"))->text(),
             QStringLiteral("Gérer les utilisateurs payants"));
    QCOMPARE(find<QLineEdit>("usersSearch")->placeholderText(), QStringLiteral("Rechercher par nom ou e-mail"));
    QCOMPARE(header("usersTable", 0), QStringLiteral("Nom"));
    QCOMPARE(header("usersTable", 1), QStringLiteral("E-mail"));
    QCOMPARE(header("usersTable", 2), QStringLiteral("Rôle"));
    auto *users = find<QTableView>("usersTable")->model();
    QCOMPARE(users->index(0, 2).data().toString(), QStringLiteral("Super administrateur")); // ada, sorted first
    QCOMPARE(users->index(1, 2).data().toString(), QStringLiteral("Administrateur"));
    QCOMPARE(users->index(2, 3).data().toString(), QStringLiteral("Sales Pro")); // bob's seat
    QCOMPARE(text("operatorLabel"), QStringLiteral("Opérateur") + nbsp + QStringLiteral(": ada@example.com"));

    // The side panel, both steps and both tabs.
    QTest::mouseClick(find<QPushButton>("createUser"), Qt::LeftButton);
    QCOMPARE(text("panelTitle"), QStringLiteral("Créer un utilisateur"));
    QCOMPARE(find<QLineEdit>("panelEmail")->accessibleName(), QStringLiteral("Adresse e-mail"));
    QCOMPARE(text("panelNext"), QStringLiteral("Suivant"));
    QTest::keyClicks(find<QLineEdit>("panelEmail"), QStringLiteral("dan.example.com"));
    QTest::keyClick(find<QLineEdit>("panelEmail"), Qt::Key_Return);
    QCOMPARE(text("panelEmailProblem"),
             QStringLiteral("L’adresse e-mail «") + nbsp + QStringLiteral("dan.example.com") + nbsp
                 + QStringLiteral("» n’a pas de @."));
    find<QLineEdit>("panelEmail")->clear();
    QTest::keyClicks(find<QLineEdit>("panelEmail"), QStringLiteral("dan@example.com"));
    QTest::mouseClick(find<QPushButton>("panelNext"), Qt::LeftButton);
    auto *tabs = find<QTabWidget>("panelTabs");
    QCOMPARE(tabs->tabText(0), QStringLiteral("Ventes"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Service"));
    QCOMPARE(text("salesAccess"), QStringLiteral("Accès aux ventes"));
    QCOMPARE(find<ToggleSwitch>("salesAccess")->accessibleName(), QStringLiteral("Accès aux ventes"));
    QTest::mouseClick(find<ToggleSwitch>("salesAccess"), Qt::LeftButton);
    QCOMPARE(text("sales-professional"), QStringLiteral("Sales Pro"));
    QCOMPARE(text("sales-enterprise"), QStringLiteral("Sales Entreprise"));
    QCOMPARE(text("sales-professional-count"), QStringLiteral("Attribués") + nbsp + QStringLiteral(": 1 sur 2"));
    QCOMPARE(text("sales-enterprise-buy"), QStringLiteral("Acheter un autre utilisateur"));
    QCOMPARE(text("serviceAccess"), QStringLiteral("Accès Service Hub"));
    QCOMPARE(text("service-professional"), QStringLiteral("Service Pro"));
    QCOMPARE(text("panelCancel"), QStringLiteral("Annuler"));
    QCOMPARE(text("panelConfirm"), QStringLiteral("Créer"));
    // Switching while the panel is open re-translates what it shows, title included.
    switchTo("en");
    QCOMPARE(text("panelTitle"), QStringLiteral("Create user\ndan@example.com"));
    QCOMPARE(tabs->tabText(0), QStringLiteral("Sales"));
    QCOMPARE(text("sales-professional"), QStringLiteral("Sales Professional"));
    switchTo("fr");
    QCOMPARE(text("panelTitle"), QStringLiteral("Créer un utilisateur\ndan@example.com"));
    QTest::mouseClick(find<QPushButton>("panelCancel"), Qt::LeftButton);

    // Manage paid users: headers, footer, messages.
    m_window->findChild<QAction *>(QStringLiteral("managePaidUsers"))->trigger();
    QCOMPARE(text("paidUsersTitle"), QStringLiteral("Gérer les utilisateurs payants"));
    QCOMPARE(find<QToolButton>("paidUsersBack")->accessibleName(), QStringLiteral("Utilisateurs et équipes"));
    QCOMPARE(header("paidUsersTable", 0), QStringLiteral("Nom"));
    QCOMPARE(header("paidUsersTable", 3), QStringLiteral("Sales\nPro"));
    QCOMPARE(header("paidUsersTable", 4), QStringLiteral("Sales\nEntreprise"));
    QCOMPARE(header("paidUsersTable", 7), QStringLiteral("Service\nEntreprise"));
    const auto labels = m_window->findChild<PaidUsersPage *>()->findChildren<QLabel *>();
    QStringList shown;
    for (QLabel *l : labels)
        shown << l->text();
    QVERIFY2(shown.contains(QStringLiteral("Achetés")) && shown.contains(QStringLiteral("Attribués")),
             qPrintable(shown.join(QLatin1Char('|'))));
    // Each count sits under its column, whose header names the seat type; its accessible name says it too.
    QVERIFY2(
        find<QLabel>("purchased-service-enterprise")->accessibleName().contains(QStringLiteral("Service Entreprise")),
        qPrintable(find<QLabel>("purchased-service-enterprise")->accessibleName()));
    QCOMPARE(text("paidUsersSave"), QStringLiteral("Enregistrer"));
    QCOMPARE(text("paidUsersCancel"), QStringLiteral("Annuler"));
    QCOMPARE(text("paidUsersUndo"), QStringLiteral("Défaire"));
    auto *grid = find<QTableView>("paidUsersTable");
    const auto tick = [grid](int row, int column) {
        grid->model()->setData(grid->model()->index(row, column), Qt::Checked, Qt::CheckStateRole);
    };
    tick(0, 3); // ada: Sales Pro
    tick(1, 3); // ben: Sales Pro, one too many
    QCOMPARE(text("paidUsersPending"), QStringLiteral("2 modifications non enregistrées"));
    QCOMPARE(text("paidUsersProblem"), QStringLiteral("Achetez 1 siège Sales Pro de plus, ou décochez 1 case."));
    QCOMPARE(find<QLabel>("assigned-sales-professional")->accessibleName(),
             QStringLiteral("Sales Pro attribués") + nbsp + QStringLiteral(": 3"));

    // And back to English, everything at once.
    switchTo("en");
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Settings"));
    QCOMPARE(header("paidUsersTable", 3), QStringLiteral("Sales\nProfessional"));
    QCOMPARE(text("paidUsersPending"), QStringLiteral("2 unsaved changes"));
    QCOMPARE(text("paidUsersProblem"), QStringLiteral("Buy 1 more Sales Professional seat, or clear 1 box."));
    QCOMPARE(text("paidUsersSave"), QStringLiteral("Save"));
    QCOMPARE(find<QListWidget>("sidebar")->item(0)->text(), QStringLiteral("Users & Teams"));
    QCOMPARE(find<QTableView>("usersTable")->model()->index(0, 2).data().toString(), QStringLiteral("Super admin"));
}

void TestLanguage::anOpenDialogFollowsTheSwitch()
{
    QTest::mouseClick(find<QPushButton>("createUser"), Qt::LeftButton);
    QTest::keyClicks(find<QLineEdit>("panelEmail"), QStringLiteral("dan@example.com"));
    QTest::mouseClick(find<QPushButton>("panelNext"), Qt::LeftButton);
    QTest::mouseClick(find<ToggleSwitch>("salesAccess"), Qt::LeftButton);
    QStringList titles;
    whenDialogShows([&](QWidget *dialog) {
        titles << dialog->windowTitle();
        Language::install(QStringLiteral("fr")); // e.g. from another window's menu
        QCoreApplication::processEvents();
        titles << dialog->windowTitle();
        const auto buttons = dialog->findChildren<QPushButton *>();
        for (QPushButton *b : buttons)
            titles << b->text();
        qobject_cast<QDialog *>(dialog)->reject();
    });
    QTest::mouseClick(find<QPushButton>("sales-enterprise-buy"), Qt::LeftButton);
    QCOMPARE(titles.value(0), QStringLiteral("Buy another user"));
    QCOMPARE(titles.value(1), QStringLiteral("Acheter un autre utilisateur"));
    QVERIFY2(titles.contains(QStringLiteral("Acheter")) && titles.contains(QStringLiteral("Annuler")),
             qPrintable(titles.join(QLatin1Char('|'))));
}

void TestLanguage::qtsOwnButtonsSpeakFrench()
{
    switchTo("fr");
    QDialogButtonBox box(QDialogButtonBox::Discard | QDialogButtonBox::Close);
    const QString discard = box.button(QDialogButtonBox::Discard)->text();
    QVERIFY2(discard != QLatin1String("Discard") && !discard.isEmpty(), qPrintable(discard));
    QCOMPARE(box.button(QDialogButtonBox::Close)->text().remove(QLatin1Char('&')), QStringLiteral("Fermer"));
}

void TestLanguage::numbersFollowTheLanguage()
{
    QVERIFY(m_ledger->buySeats(SeatType::ServiceEnterprise, 12500).ok());
    m_window->findChild<QAction *>(QStringLiteral("managePaidUsers"))->trigger();
    QCOMPARE(text("purchased-service-enterprise"), QStringLiteral("12,500"));
    switchTo("fr");
    const QString french = text("purchased-service-enterprise");
    QCOMPARE(french, QStringLiteral("12") + QChar(0x202f) + QStringLiteral("500")); // narrow no-break space
}

void TestLanguage::theChoiceIsSavedAndRestored_data()
{
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QString>("saved");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("expected");
    QTest::newRow("first start, French system") << ""
                                                << ""
                                                << "fr_CA"
                                                << "fr";
    QTest::newRow("first start, other system") << ""
                                               << ""
                                               << "de_DE"
                                               << "en";
    QTest::newRow("saved choice wins over the system") << ""
                                                       << "fr"
                                                       << "en_US"
                                                       << "fr";
    QTest::newRow("--language wins over both") << "en"
                                               << "fr"
                                               << "fr_FR"
                                               << "en";
    QTest::newRow("a saved value that is no language") << ""
                                                       << "xx"
                                                       << "fr_BE"
                                                       << "fr";
}

void TestLanguage::theChoiceIsSavedAndRestored()
{
    QFETCH(QString, commandLine);
    QFETCH(QString, saved);
    QFETCH(QString, system);
    QFETCH(QString, expected);
    QCOMPARE(Language::choose(commandLine, saved, system), expected);

    // The menu saves what the next start reads.
    switchTo("fr");
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("fr"));
    QCOMPARE(Language::choose({}, QSettings().value(QStringLiteral("language")).toString(), system),
             QStringLiteral("fr"));
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("language-fr"))->isChecked());
    switchTo("en");
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("en"));
}

void TestLanguage::columnsFitAgainAfterASwitch()
{
    auto *table = find<QTableView>("usersTable");
    const auto fits = [table] {
        QHeaderView *header = table->horizontalHeader();
        for (int column = 0; column < header->count() - 1; ++column) { // the last one stretches
            const int needed = std::max(static_cast<QAbstractItemView *>(table)->sizeHintForColumn(column),
                                        header->sectionSizeHint(column));
            if (table->columnWidth(column) < needed) {
                qWarning("column %d: %d < %d", column, table->columnWidth(column), needed);
                return false;
            }
        }
        return true;
    };
    QVERIFY(fits());
    switchTo("fr");
    QCOMPARE(table->model()->index(0, UsersModel::RoleColumn).data().toString(),
             QStringLiteral("Super administrateur"));
    QVERIFY(fits());
    switchTo("en");
    QVERIFY(fits());
}

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
