// What a new admin tripped over (issue "Polish"), each in the real widgets:
// an e-mail problem shouted at the first character, a Next button that jumped,
// a welcome whose message clipped the text above it, a restore that hid the
// window and replaced the database without asking, read-only switches that
// looked the same on and off, and a grid search that left the view at the
// bottom of its results and did not answer Escape.

#include "Backups.h"
#include "GuiSupport.h"
#include "LedgerWatcher.h"
#include "RecoveryDialogs.h"
#include "TestSupport.h"
#include "UserPanel.h"
#include "WelcomeDialog.h"
#include "WindowFixture.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <time.h>

using GuiSupport::whenDialogShows;
using TestSupport::SmallAccount::bob;
using TestSupport::SmallAccount::uma;

class TestPolish : public QObject, protected WindowFixture
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Local time five hours behind UTC, whatever the machine says: a backup's
        // local time and its UTC time then read differently.
        qputenv("TZ", "XYZ+05");
        tzset();
        setUpOnce();
    }
    void init() { setUp(); }
    void cleanup()
    {
        Language::install(QStringLiteral("en"));
        tearDown();
    }

    void theEmailProblemWaitsUntilTheFieldIsLeft();
    void nextDoesNotMoveWhenAProblemShows();
    void theWelcomeProblemWrapsWithoutClippingAnything();
    void theWelcomeProblemWaitsUntilTheFieldIsLeft();
    void readOnlySwitchesLookOnOrOff();
    void theGridSearchStartsAtTheTopOfItsResults();
    void escapeEmptiesTheGridSearch();
    void theGridSearchFollowsChangesMadeElsewhere();
    void restoreAsksOverTheVisibleWindowInLocalTime();
    void restoreAsksBeforeReplacingTheDatabase();

private:
    void startCreate()
    {
        click("createUser");
        QTRY_VERIFY(find<QLineEdit>("panelEmail")->isVisible());
    }
    void addUsers(int count)
    {
        QVector<NewUser> many;
        for (int i = 0; i < count; ++i)
            many.append(NewUser { QStringLiteral("user%1@example.com").arg(i, 3, 10, QLatin1Char('0')),
                                  QStringLiteral("User %1").arg(i),
                                  {},
                                  Role::User,
                                  {},
                                  {} });
        QVERIFY(m_ledger->createUsers(many).ok());
        m_window->watcher()->checkNow();
    }
};

void TestPolish::theEmailProblemWaitsUntilTheFieldIsLeft()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    startCreate();
    auto *email = find<QLineEdit>("panelEmail");
    auto *problem = find<QLabel>("panelEmailProblem");
    QTRY_COMPARE(QApplication::focusWidget(), email);
    for (const QChar c : QStringLiteral("dan.example")) {
        QTest::keyClick(email, c.toLatin1());
        QCOMPARE(problem->text(), QString()); // not while typing
        QVERIFY(!find<QPushButton>("panelNext")->isEnabled());
    }
    QTest::keyClick(email, Qt::Key_Tab); // leaves the field
    QVERIFY(QApplication::focusWidget() != email);
    QVERIFY2(problem->text().contains(QStringLiteral("has no @")), qPrintable(problem->text()));
    QVERIFY(problem->isVisible());
    // Back in the field, the problem follows the corrections, and goes when fixed.
    email->setFocus();
    email->end(false);
    email->setCursorPosition(3);
    QTest::keyClick(email, '@');
    QCOMPARE(email->text(), QStringLiteral("dan@.example"));
    QVERIFY(!problem->text().isEmpty());
    email->setText(QStringLiteral("dan@example.com"));
    QCOMPARE(problem->text(), QString());
    QVERIFY(find<QPushButton>("panelNext")->isEnabled());
    // A new user starts with a clean field again.
    click("panelCancel");
    startCreate();
    QTest::keyClicks(find<QLineEdit>("panelEmail"), QStringLiteral("x"));
    QCOMPARE(problem->text(), QString());
}

void TestPolish::nextDoesNotMoveWhenAProblemShows()
{
    startCreate();
    auto *email = find<QLineEdit>("panelEmail");
    auto *next = find<QPushButton>("panelNext");
    auto *problem = find<QLabel>("panelEmailProblem");
    const QPoint before = next->mapTo(m_window.get(), QPoint(0, 0));
    QTest::keyClicks(email, QStringLiteral("BOB@example.com"));
    QTest::keyClick(email, Qt::Key_Return);
    QCOMPARE(problem->text(), QStringLiteral("A user with the email address “bob@example.com” already exists."));
    QCOMPARE(next->mapTo(m_window.get(), QPoint(0, 0)), before);
    // And the message is whole: nothing under Next, nothing cut.
    QVERIFY(problem->height() >= problem->heightForWidth(problem->width()));
    QVERIFY(!problem->geometry().intersects(next->geometry()));
    email->clear();
    QTest::keyClicks(email, QStringLiteral("dan@example.com"));
    QCOMPARE(next->mapTo(m_window.get(), QPoint(0, 0)), before);
}

void TestPolish::theWelcomeProblemWrapsWithoutClippingAnything()
{
    Language::install(QStringLiteral("fr")); // longer messages
    WelcomeDialog dialog(m_dir->filePath(QStringLiteral("new.db")));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *email = dialog.findChild<QLineEdit *>(QStringLiteral("welcomeEmail"));
    auto *problem = dialog.findChild<QLabel *>(QStringLiteral("welcomeProblem"));
    QTest::keyClicks(email, QStringLiteral("une.adresse.vraiment.tres.longue.sans.arobase.example.com"));
    QTest::keyClick(email, Qt::Key_Return);
    QVERIFY2(problem->text().contains(QStringLiteral("@")), qPrintable(problem->text()));
    QCoreApplication::processEvents();
    // Two lines at least, each widget gets the height its text needs, and none
    // overlaps another or leaves the dialog.
    QVERIFY(problem->heightForWidth(problem->width()) > problem->fontMetrics().lineSpacing() * 3 / 2);
    QList<QWidget *> parts;
    for (QWidget *w : dialog.findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (w->isVisible())
            parts << w;
    }
    QVERIFY(parts.size() >= 5);
    for (QWidget *w : parts) {
        QVERIFY2(dialog.rect().contains(w->geometry()), qPrintable(w->objectName()));
        if (auto *label = qobject_cast<QLabel *>(w); label && label->wordWrap())
            QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                     qPrintable(QStringLiteral("%1: %2 < %3")
                                    .arg(label->text())
                                    .arg(label->height())
                                    .arg(label->heightForWidth(label->width()))));
        for (QWidget *other : parts) {
            if (other != w)
                QVERIFY2(!w->geometry().intersects(other->geometry()),
                         qPrintable(w->metaObject()->className() + QStringLiteral(" over ")
                                    + other->metaObject()->className()));
        }
    }
}

void TestPolish::theWelcomeProblemWaitsUntilTheFieldIsLeft()
{
    WelcomeDialog dialog(m_dir->filePath(QStringLiteral("new.db")));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *email = dialog.findChild<QLineEdit *>(QStringLiteral("welcomeEmail"));
    auto *problem = dialog.findChild<QLabel *>(QStringLiteral("welcomeProblem"));
    email->setFocus();
    QTest::keyClicks(email, QStringLiteral("me.example"));
    QCOMPARE(problem->text(), QString());
    QTest::keyClick(email, Qt::Key_Tab);
    QVERIFY2(problem->text().contains(QStringLiteral("has no @")), qPrintable(problem->text()));
}

namespace {

// How much of `rect` in `image` is near `color`, as a fraction.
double share(const QImage &image, const QRect &rect, const std::function<bool(QColor)> &near)
{
    int hits = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x)
            hits += near(image.pixelColor(x, y));
    }
    return double(hits) / (rect.width() * rect.height());
}

} // namespace

void TestPolish::readOnlySwitchesLookOnOrOff()
{
    // A User operator on bob, who holds Sales Professional: every switch is read-only.
    m_window.reset();
    QVERIFY(m_ledger->setActor(uma).ok());
    m_window = std::make_unique<SettingsWindow>(*m_ledger);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    find<QTableView>("usersTable")->selectRow(usersRow(bob).row());
    QTRY_VERIFY(find<UserPanel>("userPanel")->isVisible());
    auto *on = find<ToggleSwitch>("sales-professional");
    auto *off = find<ToggleSwitch>("sales-starter");
    QVERIFY(on->isVisible() && off->isVisible());
    QVERIFY(!on->isEnabled() && !off->isEnabled());
    QVERIFY(on->isChecked() && !off->isChecked());
    // Once the panel is laid out (it opens beside the list, then takes its width).
    QTRY_VERIFY(on->width() >= 40 && on->height() >= 20 && off->width() >= 40);
    const QImage onImage = on->grab().toImage();
    const QImage offImage = off->grab().toImage();
    const qreal dpr = onImage.devicePixelRatio();
    // The track: 36 × 20 at the left, centred.
    const QRect track(QPointF(2 * dpr, (on->height() - 20) / 2.0 * dpr).toPoint(), QSize(36, 20) * dpr);
    const QColor accent = on->palette().color(QPalette::Active, QPalette::Highlight);
    const QColor background = on->palette().color(QPalette::Active, QPalette::Window);
    const auto accentLike = [&accent](QColor c) {
        return c.hsvSaturationF() > 0.25 && std::abs(c.hsvHue() - accent.hsvHue()) < 25;
    };
    const auto backgroundLike = [&background](QColor c) {
        return std::abs(c.red() - background.red()) + std::abs(c.green() - background.green())
            + std::abs(c.blue() - background.blue())
            < 30;
    };
    const auto white = [](QColor c) {
        return c.red() > 248 && c.green() > 248 && c.blue() > 248;
    };
    // On: a filled accent track with a white check mark in its left half.
    QVERIFY2(share(onImage, track, accentLike) > 0.35, qPrintable(QString::number(share(onImage, track, accentLike))));
    const QRect leftHalf(track.topLeft(), QSize(track.width() / 2, track.height()));
    QVERIFY(share(onImage, leftHalf, white) > 0.03);
    // Off: an empty outline, no accent and no mark.
    QVERIFY2(share(offImage, track, backgroundLike) > 0.35,
             qPrintable(QString::number(share(offImage, track, backgroundLike))));
    QVERIFY(share(offImage, track, accentLike) < 0.02);
    QVERIFY(share(offImage, leftHalf, white) < 0.01);
}

void TestPolish::theGridSearchStartsAtTheTopOfItsResults()
{
    addUsers(400);
    openGrid();
    auto *grid = find<QTableView>("paidUsersTable");
    auto *search = find<QLineEdit>("paidUsersFilter");
    grid->scrollToBottom();
    QVERIFY(grid->verticalScrollBar()->value() > 0);
    QTest::keyClicks(search, QStringLiteral("user 1"));
    // Those of the 400 whose name or address holds both words.
    const auto expected = [](const QString &word) {
        int n = 0;
        for (int i = 0; i < 400; ++i)
            n += QStringLiteral("user %1 user%2@example.com").arg(i).arg(i, 3, 10, QLatin1Char('0')).contains(word);
        return n;
    };
    QTRY_COMPARE(grid->model()->rowCount(), expected(QStringLiteral("1")));
    QCOMPARE(grid->verticalScrollBar()->value(), 0);
    QCOMPARE(grid->indexAt(QPoint(1, 1)).row(), 0); // the first result in view
    // The cell the admin was on stays in view while it is listed.
    const QModelIndex target = gridCell(QStringLiteral("user188@example.com"), SeatType::SalesStarter);
    grid->setCurrentIndex(target);
    grid->scrollToTop();
    QTest::keyClicks(search, QStringLiteral("8"));
    QTRY_COMPARE(grid->model()->rowCount(), expected(QStringLiteral("18")));
    QVERIFY(grid->currentIndex().isValid());
    QCOMPARE(grid->currentIndex().siblingAtColumn(PaidUsersModel::EmailColumn).data().toString(),
             QStringLiteral("user188@example.com"));
    QVERIFY(grid->viewport()->rect().intersects(grid->visualRect(grid->currentIndex())));
}

void TestPolish::escapeEmptiesTheGridSearch()
{
    openGrid();
    auto *search = find<QLineEdit>("paidUsersFilter");
    auto *grid = find<QTableView>("paidUsersTable");
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("bob"));
    QTRY_COMPARE(grid->model()->rowCount(), 1);
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(search->text(), QString());
    QTRY_COMPARE(grid->model()->rowCount(), 5);
    QCOMPARE(QApplication::focusWidget(), search); // still typing where they were
    QVERIFY(find<PaidUsersPage>("paidUsersPage")->isVisible()); // and still on the grid
}

void TestPolish::theGridSearchFollowsChangesMadeElsewhere()
{
    openGrid();
    auto *grid = find<QTableView>("paidUsersTable");
    auto *search = find<QLineEdit>("paidUsersFilter");
    QTest::keyClicks(search, QStringLiteral("zoe"));
    QTRY_COMPARE(grid->model()->rowCount(), 0);
    QTest::keyClicks(search, QStringLiteral(" z")); // narrows the search: only its matches are looked at
    QCOMPARE(grid->model()->rowCount(), 0);
    // Another admin adds Zoé Zola while the search is typed.
    auto other = SeatLedger::open(m_path);
    QVERIFY(other && other.value()->setActor(TestSupport::SmallAccount::ada).ok());
    QVERIFY(
        other.value()
            ->createUser(NewUser {
                QStringLiteral("zoe@example.com"), QStringLiteral("Zoé"), QStringLiteral("Zola"), Role::User, {}, {} })
            .ok());
    QTRY_COMPARE(grid->model()->rowCount(), 1);
    QCOMPARE(grid->model()->index(0, PaidUsersModel::EmailColumn).data().toString(), QStringLiteral("zoe@example.com"));
    QTest::keyClick(search, Qt::Key_Backspace); // "zoe " : a wider search
    QCOMPARE(grid->model()->rowCount(), 1);
    QTest::keyClicks(search, QStringLiteral("q"));
    QCOMPARE(grid->model()->rowCount(), 0);
}

void TestPolish::restoreAsksOverTheVisibleWindowInLocalTime()
{
    auto taken = m_ledger->backup();
    QVERIFY(taken);
    const QDateTime at = taken.value().takenAt;
    QVERIFY(at.toLocalTime().time().hour() != at.toUTC().time().hour()); // the test's premise
    QSignalSpy asked(m_window.get(), &SettingsWindow::restoreRequested);
    bool windowShown = false;
    bool overTheWindow = false;
    QString item;
    QString tip;
    whenDialogShows([&](QWidget *chooser) {
        windowShown = m_window->isVisible();
        overTheWindow = chooser->parentWidget() == m_window.get() && chooser->isModal();
        auto *list = chooser->findChild<QListWidget *>(QStringLiteral("backupList"));
        item = list->item(0)->text();
        tip = list->item(0)->toolTip();
        static_cast<QDialog *>(chooser)->reject();
    });
    m_window->findChild<QAction *>(QStringLiteral("restoreBackup"))->trigger();
    QVERIFY(windowShown);
    QVERIFY(overTheWindow);
    const QLocale locale;
    const QString local = locale.toString(at.toLocalTime().time(), QLocale::ShortFormat);
    const QString utc = at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QVERIFY2(item.contains(local), qPrintable(item + QStringLiteral(" / ") + local));
    QVERIFY2(item.contains(locale.toString(at.toLocalTime().date(), QLocale::LongFormat)), qPrintable(item));
    QVERIFY2(!item.contains(utc), qPrintable(item));
    QVERIFY2(tip.contains(utc + QStringLiteral(" UTC")), qPrintable(tip));
    QCOMPARE(asked.size(), 0);
    QVERIFY(m_window->isVisible());
}

void TestPolish::restoreAsksBeforeReplacingTheDatabase()
{
    auto taken = m_ledger->backup();
    QVERIFY(taken);
    const QString backupName = QFileInfo(taken.value().path).fileName();
    QVERIFY(m_ledger->buySeats(SeatType::SalesStarter, 4).ok());
    const QString before = TestSupport::snapshot(*m_ledger);
    QSignalSpy asked(m_window.get(), &SettingsWindow::restoreRequested);
    QString question;
    QString details;
    bool cancelIsDefault = false;
    const auto answer = [&](bool yes) {
        whenDialogShows([&, yes](QWidget *chooser) {
            whenDialogShows([&, yes](QWidget *confirm) {
                auto *box = static_cast<QMessageBox *>(confirm);
                question = box->text();
                details = box->informativeText();
                cancelIsDefault = box->defaultButton()
                    && box->defaultButton() != box->findChild<QPushButton *>(QStringLiteral("confirmRestoreYes"));
                if (yes)
                    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmRestoreYes")),
                                      Qt::LeftButton);
                else
                    QTest::keyClick(box, Qt::Key_Escape);
            });
            QTest::keyClick(chooser->findChild<QListWidget *>(QStringLiteral("backupList")), Qt::Key_Return);
        });
    };
    auto *restore = m_window->findChild<QAction *>(QStringLiteral("restoreBackup"));
    answer(false);
    restore->trigger();
    QVERIFY2(question.contains(QDir::toNativeSeparators(m_path)), qPrintable(question));
    QVERIFY2(question.contains(backupTime(taken.value().takenAt)), qPrintable(question));
    QVERIFY2(details.contains(backupName), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("will be gone")), qPrintable(details));
    QVERIFY(cancelIsDefault); // Enter does not replace anything
    QCOMPARE(asked.size(), 0);
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);

    answer(true);
    restore->trigger();
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().first().toString(), taken.value().path);
}

QTEST_MAIN(TestPolish)
#include "tst_polish.moc"
