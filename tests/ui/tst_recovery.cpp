// What the window does with a database it cannot trust: a damaged, foreign or
// locked file gets a dialog naming it, with its backups to restore; a ledger
// edited behind the app's back gets a banner.

#include "Backups.h"
#include "GuiSupport.h"
#include "Language.h"
#include "OpenDatabase.h"
#include "RecoveryDialogs.h"
#include "SettingsWindow.h"
#include "TestSupport.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using GuiSupport::whenDialogShows;
using TestSupport::fileHash;
using TestSupport::snapshot;

class TestRecovery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void healthyDatabaseOpensWithTheDaysBackup();
    void damagedDatabaseOffersItsBackups();
    void unreadableFileWithoutBackupsChangesNothing_data();
    void unreadableFileWithoutBackupsChangesNothing();
    void lockedDatabaseCanBeTriedAgain();
    void tamperedLedgerShowsABanner();
    void cleanLedgerShowsNoBanner();
    void databaseMenuBacksUpAndAsksToRestore();

private:
    QStringList listing() const { return QDir(m_dir->path()).entryList(QDir::Files, QDir::Name); }
    static QString labelText(QWidget *dialog, const char *name)
    {
        auto *label = dialog->findChild<QLabel *>(QLatin1String(name));
        return label ? label->text() : QString();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestRecovery::initTestCase()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    Language::install(QStringLiteral("en"));
}

void TestRecovery::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir->path());
    m_path = m_dir->filePath(QStringLiteral("seats.db"));
}

void TestRecovery::cleanup()
{
    Language::install(QStringLiteral("en"));
    m_dir.reset();
}

void TestRecovery::healthyDatabaseOpensWithTheDaysBackup()
{
    QString expected;
    {
        auto ledger = TestSupport::smallAccount(m_path);
        expected = snapshot(*ledger);
    }
    OpenedDatabase opened = DatabaseOpener::open(nullptr, m_path);
    QVERIFY(opened.ledger);
    QCOMPARE(opened.notice, QString());
    QVERIFY(opened.users.revision >= 0); // the users were read on the worker
    QCOMPARE(opened.users.users.size(), 5);
    QCOMPARE(snapshot(*opened.ledger), expected);
    QCOMPARE(Backups::list(m_path).size(), 1);
    opened.ledger.reset();
    // Once a day: a second start takes none.
    opened = DatabaseOpener::open(nullptr, m_path);
    QVERIFY(opened.ledger);
    QCOMPARE(Backups::list(m_path).size(), 1);
}

void TestRecovery::damagedDatabaseOffersItsBackups()
{
    QString atBackup;
    {
        auto ledger = TestSupport::smallAccount(m_path);
        atBackup = snapshot(*ledger);
        QVERIFY(ledger->backup().ok());
        QVERIFY(ledger->assignSeat(QStringLiteral("cat@example.com"), SeatType::SalesProfessional).ok());
    }
    {
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(4096));
        f.write(QByteArray(int(f.size()) - 4096, '\x5a'));
    }
    const QByteArray damaged = fileHash(m_path);

    QString file, reason, listed, outcome;
    bool offered = false;
    whenDialogShows([&](QWidget *dialog) {
        QCOMPARE(dialog->objectName(), QStringLiteral("openProblem"));
        file = labelText(dialog, "openProblemFile");
        reason = labelText(dialog, "openProblemReason");
        auto *restore = dialog->findChild<QPushButton *>(QStringLiteral("restoreFromBackup"));
        offered = restore && restore->isVisible() && restore->accessibleName() == restore->text();
        whenDialogShows([&](QWidget *chooser) {
            QCOMPARE(chooser->objectName(), QStringLiteral("restoreDialog"));
            auto *list = chooser->findChild<QListWidget *>(QStringLiteral("backupList"));
            QVERIFY(list);
            QCOMPARE(list->count(), 1);
            listed = list->currentItem()->text();
            whenDialogShows([&](QWidget *box) {
                outcome = static_cast<QMessageBox *>(box)->text();
                static_cast<QMessageBox *>(box)->accept();
            });
            QTest::mouseClick(chooser->findChild<QPushButton *>(QStringLiteral("restore")), Qt::LeftButton);
        });
        if (restore)
            QTest::mouseClick(restore, Qt::LeftButton);
    });
    OpenedDatabase opened = DatabaseOpener::open(nullptr, m_path);

    QCOMPARE(file, QDir::toNativeSeparators(m_path));
    QVERIFY2(reason.contains(QLatin1String("damaged")), qPrintable(reason));
    QVERIFY(offered);
    // The backup is shown by its date, in the reader's words.
    const QDateTime taken = Backups::list(m_path).first().takenAt.toLocalTime();
    QVERIFY2(listed.contains(QLocale().toString(taken.date(), QLocale::LongFormat)), qPrintable(listed));
    QVERIFY2(outcome.contains(QLatin1String("kept as")), qPrintable(outcome));
    QVERIFY(opened.ledger);
    QCOMPARE(snapshot(*opened.ledger), atBackup);
    // The damaged file is still there, byte for byte.
    const QStringList aside = QDir(m_dir->path()).entryList({ QStringLiteral("seats.db.replaced-*") }, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QCOMPARE(fileHash(m_dir->filePath(aside.first())), damaged);
}

void TestRecovery::unreadableFileWithoutBackupsChangesNothing_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    QTest::newRow("random bytes") << QByteArray(8192, '\x7f') << "is not a Seatkeeper database";
    QTest::newRow("empty file") << QByteArray() << "is empty";
    QTest::newRow("another application's") << QByteArray("foreign") << "another application";
    QTest::newRow("newer schema") << QByteArray("newer") << "newer version of Seatkeeper";
    QTest::newRow("truncated") << QByteArray("truncated") << "is damaged";
    QTest::newRow("missing folder") << QByteArray("missing folder") << "does not exist";
}

void TestRecovery::unreadableFileWithoutBackupsChangesNothing()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    if (content == "missing folder")
        m_path = m_dir->filePath(QStringLiteral("no-such-folder/seats.db"));
    else
        QVERIFY(TestSupport::writeUnusableFile(m_path, content));
    const QByteArray before = fileHash(m_path);
    const QStringList files = listing();
    QString shown, advice;
    bool restoreOffered = true;
    whenDialogShows([&](QWidget *dialog) {
        shown = labelText(dialog, "openProblemReason");
        advice = labelText(dialog, "openProblemAdvice");
        restoreOffered = dialog->findChild<QPushButton *>(QStringLiteral("restoreFromBackup")) != nullptr;
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("quit")), Qt::LeftButton);
    });
    OpenedDatabase opened = DatabaseOpener::open(nullptr, m_path);
    QVERIFY(!opened.ledger);
    QVERIFY2(shown.contains(reason), qPrintable(shown));
    QVERIFY2(shown.contains(QDir::toNativeSeparators(m_path)), qPrintable(shown));
    QVERIFY2(advice.contains(QLatin1String("no backup")), qPrintable(advice));
    QVERIFY(!restoreOffered);
    QCOMPARE(fileHash(m_path), before);
    QCOMPARE(listing(), files);
}

void TestRecovery::lockedDatabaseCanBeTriedAgain()
{
    QVERIFY(TestSupport::smallAccount(m_path));
    // Another program holds the file exclusively, past the busy timeout.
    auto other = std::make_unique<TestSupport::RawConnection>(m_path);
    QCOMPARE(other->exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE")), QString());
    QCOMPARE(other->exec(QStringLiteral("BEGIN EXCLUSIVE")), QString());
    QString reason;
    int dialogs = 0;
    whenDialogShows(
        [&](QWidget *dialog) {
            ++dialogs;
            reason = labelText(dialog, "openProblemReason");
            other.reset(); // that program is done
            QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("tryAgain")), Qt::LeftButton);
        },
        2000);
    OpenedDatabase opened = DatabaseOpener::open(nullptr, m_path);
    QCOMPARE(dialogs, 1);
    QVERIFY2(reason.contains(QLatin1String("locked by another program")), qPrintable(reason));
    QVERIFY(opened.ledger);
    QCOMPARE(opened.ledger->users().value().size(), 5);
}

void TestRecovery::tamperedLedgerShowsABanner()
{
    auto ledger = TestSupport::smallAccount(m_path);
    {
        TestSupport::RawConnection raw(m_path);
        QCOMPARE(raw.exec(QStringLiteral("DROP TRIGGER ledger_no_update")), QString());
        QCOMPARE(raw.exec(QStringLiteral("UPDATE ledger SET new_value = '7' WHERE action = 'seats-bought'")),
                 QString());
    }
    SettingsWindow window(*ledger);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *banner = window.findChild<QWidget *>(QStringLiteral("auditBanner"));
    QVERIFY(banner && !banner->isVisible());
    window.startAudit();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
    const QString text = window.findChild<QLabel *>(QStringLiteral("auditText"))->text();
    QVERIFY2(text.contains(QLatin1String("changed outside Seatkeeper")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("was altered")), qPrintable(text));
    QVERIFY(window.auditProblems().size() >= 2);

    auto *restore = window.findChild<QPushButton *>(QStringLiteral("auditRestore"));
    QCOMPARE(restore->accessibleName(), restore->text());
    QCOMPARE(restore->text(), QStringLiteral("Restore from backup…"));
    QSignalSpy asked(&window, &SettingsWindow::restoreRequested);
    QTest::mouseClick(restore, Qt::LeftButton);
    QCOMPARE(asked.size(), 1);

    // The banner speaks the language chosen while the window runs.
    window.setLanguage(QStringLiteral("fr"));
    QCOMPARE(restore->text(), QStringLiteral("Restaurer depuis une sauvegarde…"));
    QVERIFY2(window.findChild<QLabel *>(QStringLiteral("auditText"))->text().contains(QLatin1String("Seatkeeper")),
             "banner retranslated");
    QVERIFY(
        !window.findChild<QLabel *>(QStringLiteral("auditText"))->text().contains(QLatin1String("changed outside")));
}

void TestRecovery::cleanLedgerShowsNoBanner()
{
    auto ledger = TestSupport::smallAccount(m_path);
    SettingsWindow window(*ledger);
    window.show();
    window.startAudit();
    QTRY_VERIFY_WITH_TIMEOUT(!window.auditRunning(), 20000);
    QCoreApplication::processEvents(); // the result arrives as a queued call
    QCOMPARE(window.auditProblems(), QStringList());
    QVERIFY(!window.findChild<QWidget *>(QStringLiteral("auditBanner"))->isVisible());
}

void TestRecovery::databaseMenuBacksUpAndAsksToRestore()
{
    auto ledger = TestSupport::smallAccount(m_path);
    SettingsWindow window(*ledger);
    window.show();
    auto *menu = window.findChild<QMenu *>(QStringLiteral("databaseMenu"));
    QCOMPARE(menu->title(), QStringLiteral("&Database"));
    auto *backup = window.findChild<QAction *>(QStringLiteral("backupNow"));
    auto *restore = window.findChild<QAction *>(QStringLiteral("restoreBackup"));
    QVERIFY(menu->actions().contains(backup) && menu->actions().contains(restore));
    QCOMPARE(backup->text(), QStringLiteral("Back up now"));

    backup->trigger();
    const QVector<BackupInfo> taken = Backups::list(m_path);
    QCOMPARE(taken.size(), 1);
    QVERIFY2(window.statusBar()->currentMessage().contains(QDir::toNativeSeparators(taken.first().path)),
             qPrintable(window.statusBar()->currentMessage()));

    // Restoring replaces the open file: the window asks to be closed first.
    QSignalSpy asked(&window, &SettingsWindow::restoreRequested);
    restore->trigger();
    QCOMPARE(asked.size(), 1);

    window.setLanguage(QStringLiteral("fr"));
    QCOMPARE(menu->title(), QStringLiteral("&Base de données"));
    QCOMPARE(backup->text(), QStringLiteral("Sauvegarder maintenant"));
    QCOMPARE(restore->text(), QStringLiteral("Restaurer depuis une sauvegarde…"));
}

QTEST_MAIN(TestRecovery)
#include "tst_recovery.moc"
