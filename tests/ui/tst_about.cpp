// Help ▸ About: the version and the database it is open on, in English and in
// French, following a language switch made while it is open.

#include "GuiSupport.h"
#include "WindowFixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QMap>
#include <QMenuBar>
#include <QPushButton>

using GuiSupport::whenDialogShows;

namespace {

// What the dialog shows, read while it is open: exec() blocks the test until it closes.
using Shown = QMap<QString, QString>;

Shown read(QWidget *dialog)
{
    Shown shown;
    shown[QStringLiteral("objectName")] = dialog->objectName();
    shown[QStringLiteral("title")] = dialog->windowTitle();
    for (const char *name : { "aboutVersion", "aboutDatabase", "aboutQt", "aboutVersionLabel", "aboutDatabaseLabel",
                              "aboutQtLabel", "aboutName" }) {
        auto *label = dialog->findChild<QLabel *>(QLatin1String(name));
        shown[QLatin1String(name)] = label ? label->text() : QStringLiteral("(missing)");
        shown[QLatin1String(name) + QStringLiteral(".accessible")] = label ? label->accessibleName() : QString();
    }
    auto *close = dialog->findChild<QPushButton *>(QStringLiteral("aboutClose"));
    shown[QStringLiteral("close")] = close ? close->text() : QStringLiteral("(missing)");
    shown[QStringLiteral("close.accessible")] = close ? close->accessibleName() : QString();
    return shown;
}

// The French the glossary gives.
QString french(const char *, const char *, const char *translation)
{
    return QString::fromUtf8(translation);
}

} // namespace

class TestAbout : public QObject, protected WindowFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpOnce(); }
    void init()
    {
        Language::install(QStringLiteral("en"));
        setUp();
    }
    void cleanup()
    {
        tearDown();
        Language::install(QStringLiteral("en"));
    }

    void helpMenuOffersAbout();
    void showsVersionAndDatabaseInEnglishThenFrench();
    void opensInFrench();

private:
    void switchTo(const char *language)
    {
        QAction *action = m_window->findChild<QAction *>(QStringLiteral("language-") + QLatin1String(language));
        QVERIFY(action);
        action->trigger();
    }
    QAction *about() const { return m_window->findChild<QAction *>(QStringLiteral("aboutSeatkeeper")); }
    void checkFacts(const Shown &shown)
    {
        QCOMPARE(shown.value(QStringLiteral("objectName")), QStringLiteral("aboutDialog"));
        QCOMPARE(shown.value(QStringLiteral("aboutName")), QStringLiteral("Seatkeeper"));
        QCOMPARE(shown.value(QStringLiteral("aboutVersion")), QStringLiteral(SEATKEEPER_VERSION));
        QCOMPARE(shown.value(QStringLiteral("aboutDatabase")), QDir::toNativeSeparators(m_path));
        QCOMPARE(shown.value(QStringLiteral("aboutQt")), QString::fromLatin1(qVersion()));
        // Every value is named by its label, and the button by its text.
        for (const char *name : { "aboutVersion", "aboutDatabase", "aboutQt" })
            QCOMPARE(shown.value(QLatin1String(name) + QStringLiteral(".accessible")),
                     shown.value(QLatin1String(name) + QStringLiteral("Label")));
        QCOMPARE(shown.value(QStringLiteral("close.accessible")), shown.value(QStringLiteral("close")));
    }
    void checkEnglish(const Shown &shown)
    {
        QCOMPARE(shown.value(QStringLiteral("title")), QStringLiteral("About Seatkeeper"));
        QCOMPARE(shown.value(QStringLiteral("aboutVersionLabel")), QStringLiteral("Version"));
        QCOMPARE(shown.value(QStringLiteral("aboutDatabaseLabel")), QStringLiteral("Database"));
        QCOMPARE(shown.value(QStringLiteral("aboutQtLabel")), QStringLiteral("Qt version"));
        QCOMPARE(shown.value(QStringLiteral("close")), QStringLiteral("Close"));
    }
    void checkFrench(const Shown &shown)
    {
        QCOMPARE(shown.value(QStringLiteral("title")),
                 french("AboutDialog", "About Seatkeeper", "À propos de Seatkeeper"));
        QCOMPARE(shown.value(QStringLiteral("aboutVersionLabel")), french("AboutDialog", "Version", "Version"));
        QCOMPARE(shown.value(QStringLiteral("aboutDatabaseLabel")),
                 french("AboutDialog", "Database", "Base de données"));
        QCOMPARE(shown.value(QStringLiteral("aboutQtLabel")), french("AboutDialog", "Qt version", "Version de Qt"));
        QCOMPARE(shown.value(QStringLiteral("close")), french("AboutDialog", "Close", "Fermer"));
    }
};

void TestAbout::helpMenuOffersAbout()
{
    auto *help = find<QMenu>("helpMenu");
    QVERIFY(help);
    QVERIFY(m_window->menuBar()->actions().contains(help->menuAction()));
    QCOMPARE(help->title(), QStringLiteral("&Help"));
    QVERIFY(about());
    QVERIFY(help->actions().contains(about()));
    QCOMPARE(about()->text(), QStringLiteral("About Seatkeeper"));
    switchTo("fr");
    QCOMPARE(help->title(), french("SettingsWindow", "&Help", "&Aide"));
    QCOMPARE(about()->text(), french("SettingsWindow", "About Seatkeeper", "À propos de Seatkeeper"));
}

void TestAbout::showsVersionAndDatabaseInEnglishThenFrench()
{
    Shown english, switched;
    bool closed = false;
    whenDialogShows([&](QWidget *dialog) {
        english = read(dialog);
        // The language changes while the dialog is open: it follows at once.
        QAction *fr = m_window->findChild<QAction *>(QStringLiteral("language-fr"));
        if (fr)
            fr->trigger();
        switched = read(dialog);
        auto *close = dialog->findChild<QPushButton *>(QStringLiteral("aboutClose"));
        if (close)
            QTest::mouseClick(close, Qt::LeftButton);
        closed = close != nullptr;
    });
    about()->trigger();
    QVERIFY(closed);
    checkFacts(english);
    checkEnglish(english);
    checkFacts(switched);
    checkFrench(switched);
    QCOMPARE(Language::current(), QStringLiteral("fr"));
}

void TestAbout::opensInFrench()
{
    switchTo("fr");
    Shown shown;
    whenDialogShows([&](QWidget *dialog) {
        shown = read(dialog);
        static_cast<QDialog *>(dialog)->reject();
    });
    about()->trigger();
    checkFacts(shown);
    checkFrench(shown);
}

QTEST_MAIN(TestAbout)
#include "tst_about.moc"
