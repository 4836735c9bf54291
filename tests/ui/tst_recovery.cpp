// What the window does with a database it cannot trust: a damaged, foreign or
// locked file gets a dialog naming it, with its backups to restore; a ledger
// edited behind the app's back gets a banner.

#include "Backups.h"
#include "GuiSupport.h"
#include "Language.h"
#include "OpenDatabase.h"
#include "OperatorDialog.h"
#include "RecoveryDialogs.h"
#include "SettingsWindow.h"
#include "TestSupport.h"

#include <QComboBox>
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
    void usersCannotBackUpOrRestoreFromTheWindow();
    void aWindowRestoreIsRecordedWithItsOperator();
    void aDeletedRememberedOperatorLetsTheAdminChooseAnother();

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
    QVERIFY(opened.start.users.revision >= 0); // the users were read on the worker
    QCOMPARE(opened.start.users.users.size(), 5);
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
            whenDialogShows([&](QWidget *confirm) { // replacing the database is confirmed first
                QCOMPARE(confirm->objectName(), QStringLiteral("confirmRestore"));
                whenDialogShows([&](QWidget *box) {
                    outcome = static_cast<QMessageBox *>(box)->text();
                    static_cast<QMessageBox *>(box)->accept();
                });
                QTest::mouseClick(confirm->findChild<QPushButton *>(QStringLiteral("confirmRestoreYes")),
                                  Qt::LeftButton);
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
    QCOMPARE(snapshot(*opened.ledger), TestSupport::restoredSnapshot(atBackup));
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
    QString shown;
    whenDialogShows([&](QWidget *chooser) {
        shown = chooser->objectName();
        static_cast<QDialog *>(chooser)->reject();
    });
    QTest::mouseClick(restore, Qt::LeftButton);
    QCOMPARE(shown, QStringLiteral("restoreDialog")); // the backups are offered over the window
    QCOMPARE(asked.size(), 0); // and nothing is restored unless one is chosen

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

    // Restoring replaces the open file: once a backup is chosen and confirmed,
    // the window asks to be closed first.
    QSignalSpy asked(&window, &SettingsWindow::restoreRequested);
    whenDialogShows([&](QWidget *chooser) {
        whenDialogShows([&](QWidget *confirm) {
            QTest::mouseClick(confirm->findChild<QPushButton *>(QStringLiteral("confirmRestoreYes")), Qt::LeftButton);
        });
        QTest::mouseClick(chooser->findChild<QPushButton *>(QStringLiteral("restore")), Qt::LeftButton);
    });
    restore->trigger();
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().first().toString(), taken.first().path);

    window.setLanguage(QStringLiteral("fr"));
    QCOMPARE(menu->title(), QStringLiteral("&Base de données"));
    QCOMPARE(backup->text(), QStringLiteral("Sauvegarder maintenant"));
    QCOMPARE(restore->text(), QStringLiteral("Restaurer depuis une sauvegarde…"));
}

void TestRecovery::usersCannotBackUpOrRestoreFromTheWindow()
{
    // A User could undo the admins' work with Restore, and nothing recorded it.
    auto ledger = TestSupport::smallAccount(m_path);
    QVERIFY(ledger->setActor(TestSupport::SmallAccount::uma));
    SettingsWindow window(*ledger);
    window.show();
    auto *backup = window.findChild<QAction *>(QStringLiteral("backupNow"));
    auto *restore = window.findChild<QAction *>(QStringLiteral("restoreBackup"));
    auto *bannerRestore = window.findChild<QPushButton *>(QStringLiteral("auditRestore"));
    QVERIFY(!backup->isEnabled());
    QVERIFY(!restore->isEnabled());
    QVERIFY(!bannerRestore->isEnabled());
    QCOMPARE(restore->toolTip(), QStringLiteral("Only a Super admin or an Admin can back up or restore."));
    QSignalSpy asked(&window, &SettingsWindow::restoreRequested);
    backup->trigger();
    restore->trigger();
    QTest::mouseClick(bannerRestore, Qt::LeftButton);
    QCOMPARE(asked.size(), 0);
    QCOMPARE(Backups::list(m_path).size(), 0);
    window.setLanguage(QStringLiteral("fr"));
    QCOMPARE(restore->toolTip(),
             QStringLiteral("Seul un Super administrateur ou un Administrateur peut sauvegarder ou restaurer."));
}

void TestRecovery::aWindowRestoreIsRecordedWithItsOperator()
{
    {
        auto ledger = TestSupport::smallAccount(m_path);
        QVERIFY(ledger->backup().ok());
        QVERIFY(ledger->buySeats(SeatType::SalesStarter, 4).ok());
    }
    const QString backupName = QFileInfo(Backups::list(m_path).first().path).fileName();
    whenDialogShows([&](QWidget *chooser) {
        QCOMPARE(chooser->objectName(), QStringLiteral("restoreDialog"));
        whenDialogShows([&](QWidget *confirm) {
            QCOMPARE(confirm->objectName(), QStringLiteral("confirmRestore"));
            whenDialogShows([&](QWidget *box) { static_cast<QMessageBox *>(box)->accept(); });
            QTest::mouseClick(confirm->findChild<QPushButton *>(QStringLiteral("confirmRestoreYes")), Qt::LeftButton);
        });
        QTest::mouseClick(chooser->findChild<QPushButton *>(QStringLiteral("restore")), Qt::LeftButton);
    });
    QVERIFY(restoreFromBackup(nullptr, m_path, TestSupport::SmallAccount::ben));
    auto reopened = SeatLedger::open(m_path);
    QVERIFY(reopened);
    auto entries = reopened.value()->entries();
    QVERIFY(entries);
    const LedgerEntry last = entries.value().last();
    QCOMPARE(last.action, LedgerAction::DatabaseRestored);
    QCOMPARE(last.actor, TestSupport::SmallAccount::ben);
    QCOMPARE(last.before, backupName);
    QVERIFY2(last.after.startsWith(QStringLiteral("seats.db.replaced-")), qPrintable(last.after));
    QVERIFY(QFileInfo::exists(m_dir->filePath(last.after)));
    QVERIFY(reopened.value()->check().ok());
}

void TestRecovery::aDeletedRememberedOperatorLetsTheAdminChooseAnother()
{
    // The window remembered dan; another admin deleted dan meanwhile. The
    // window used to refuse to start ("No user has the email address …").
    const QString dan = QStringLiteral("dan@example.com");
    auto ledger = TestSupport::smallAccount(m_path);
    QVERIFY(ledger->createUser(NewUser { dan, QStringLiteral("Dan"), {}, Role::Admin, {}, {} }));
    QVERIFY(ledger->deleteUser(dan));
    auto reopened = SeatLedger::open(m_path);
    QVERIFY(reopened);
    SeatLedger &fresh = *reopened.value();

    QString reason;
    QStringList offered;
    bool labelled = false;
    whenDialogShows([&](QWidget *dialog) {
        QCOMPARE(dialog->objectName(), QStringLiteral("operatorDialog"));
        reason = labelText(dialog, "operatorReason");
        auto *choice = dialog->findChild<QComboBox *>(QStringLiteral("operatorChoice"));
        for (int i = 0; i < choice->count(); ++i)
            offered << choice->itemText(i);
        labelled = choice->accessibleName() == QStringLiteral("Operator");
        choice->setCurrentIndex(1);
        QTest::keyClick(dialog, Qt::Key_Return); // Continue is the default button
    });
    QVERIFY(settleOperator(nullptr, fresh, QString(), dan));
    QVERIFY2(reason.contains(QStringLiteral("dan@example.com, who used this database last on this computer, is no "
                                            "longer one of its users")),
             qPrintable(reason));
    QVERIFY(labelled);
    // Every user, those who can change something first.
    QCOMPARE(offered.size(), 5);
    QVERIFY2(offered.at(0).contains(QStringLiteral("ada@example.com"))
                 && offered.at(0).endsWith(QStringLiteral("Super admin")),
             qPrintable(offered.join(QLatin1Char('|'))));
    QVERIFY(offered.at(1).contains(QStringLiteral("ben@example.com")));
    QCOMPARE(fresh.actor(), TestSupport::SmallAccount::ben);

    // Quit starts nothing; an unknown --as is still refused, without asking.
    auto again = SeatLedger::open(m_path);
    whenDialogShows([](QWidget *dialog) { static_cast<QDialog *>(dialog)->reject(); });
    const Status quit = settleOperator(nullptr, *again.value(), QString(), dan);
    QVERIFY(!quit && quit.error().message.isEmpty());
    QCOMPARE(again.value()->actor(), QString());
    const Status wrong = settleOperator(nullptr, *again.value(), QStringLiteral("nobody@example.com"), QString());
    QVERIFY(!wrong);
    QVERIFY(wrong.error().message.contains(QStringLiteral("No user has the email address")));
}

QTEST_MAIN(TestRecovery)
#include "tst_recovery.moc"
