#include "Automation.h"
#include "Language.h"
#include "OpenDatabase.h"
#include "OperatorDialog.h"
#include "RecoveryDialogs.h"
#include "SampleAccount.h"
#include "SeatLedger.h"
#include "SettingsWindow.h"
#include "ToggleSwitch.h"
#include "WelcomeDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

namespace {

QString defaultDatabasePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("seatkeeper.db"));
}

// The operator is remembered per database: file, or server URI as given.
QString operatorKey(const QString &path)
{
    const QByteArray id
        = path.contains(QLatin1String("://")) ? path.toUtf8() : QFileInfo(path).absoluteFilePath().toUtf8();
    return QStringLiteral("operators/")
        + QString::fromLatin1(QCryptographicHash::hash(id, QCryptographicHash::Sha1).toHex());
}

int refuse(const QString &message, int code)
{
    QMessageBox box(QMessageBox::Critical, QApplication::translate("main", "Seatkeeper"), message, QMessageBox::Close);
    box.setObjectName(QStringLiteral("startupError"));
    box.exec();
    return code;
}

// A newcomer's first database: the operator becomes its Super admin, and a
// sample account if asked for.
std::unique_ptr<SeatLedger> welcome(const QString &path, int &exitCode)
{
    WelcomeDialog dialog(path);
    if (dialog.exec() != QDialog::Accepted) {
        exitCode = 0;
        return nullptr;
    }
    auto created = SeatLedger::create(path, dialog.email());
    if (!created) {
        // Another window or seatctl created the file meanwhile: say so, then open theirs.
        const bool appeared = created.error().kind == ErrorKind::Refused;
        exitCode = refuse(created.error().message, appeared ? -1 : 3);
        return nullptr;
    }
    if (dialog.sampleAccount()) {
        if (Status s = SampleAccount::populate(*created.value(), 24); !s) {
            exitCode = refuse(s.error().message, 3);
            return nullptr;
        }
    }
    return created.takeValue();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Seatkeeper"));
    QApplication::setOrganizationName(QStringLiteral("Seatkeeper"));
    QApplication::setApplicationVersion(QStringLiteral(SEATKEEPER_VERSION));
    // The desktop entry's id ties the window to its icon and entry on Wayland.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.seatkeeper.Seatkeeper"));
    QIcon icon;
    for (int size : { 16, 24, 32, 48, 64, 128, 256 })
        icon.addFile(QStringLiteral(":/icons/seatkeeper-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    ToggleSwitch::installAccessibility();
    Language::install(Language::system());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Manage paid seats of Sales Hub and Service Hub."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption database(QStringLiteral("database"),
                                      QApplication::translate("main", "The database file (default: %1).")
                                          .arg(QDir::toNativeSeparators(defaultDatabasePath())),
                                      QStringLiteral("PATH"));
    const QCommandLineOption as(QStringLiteral("as"),
                                QApplication::translate("main", "The operator for this run (an existing user)."),
                                QStringLiteral("EMAIL"));
    const QCommandLineOption language(QStringLiteral("language"),
                                      QApplication::translate("main", "Language of the window: en or fr."),
                                      QStringLiteral("LANGUAGE"));
    parser.addOptions({ database, as, language });
    parser.process(app);

    // --language, else the saved choice, else the system's.
    QSettings settings;
    const QString chosen = Language::choose(
        parser.value(language), settings.value(QStringLiteral("language")).toString(), QLocale::system().name());
    if (!Language::install(chosen))
        return refuse(QApplication::translate("main", "Unknown language “%1”; expected en or fr.").arg(chosen), 2);

    QString path = parser.isSet(database) ? parser.value(database) : defaultDatabasePath();
    QString previous; // the database the person left for `path`: back to it if `path` will not open
    QString operatorForRun = parser.value(as); // --as names a user of the first database only
    // The window runs until it is closed — or until the person asks for a
    // backup to be restored (then the database is closed, restored and opened
    // again), or for another database (then this one is closed and that opened).
    for (;;) {
        std::unique_ptr<SeatLedger> ledger;
        QString notice;
        WindowStart start;
        std::optional<Status> settled; // on a server, by the opener's worker
        const QFileInfo file(path);
        if (!file.exists() && file.absoluteDir().exists() && SeatLedger::backups(path).isEmpty()) {
            // A new database: never written over an existing file.
            int exitCode = 0;
            ledger = welcome(path, exitCode);
            if (!ledger && exitCode == -1)
                continue;
            if (!ledger)
                return exitCode;
        } else {
            // A missing file with backups beside it was lost, not new: offer them.
            // A missing folder is a mistyped path: say so rather than create anything.
            OpenedDatabase opened = DatabaseOpener::open(nullptr, path, operatorForRun);
            if (!opened.ledger && !previous.isEmpty()) {
                path = previous; // the person gave up on the other one
                previous.clear();
                continue;
            }
            if (!opened.ledger)
                return 3;
            ledger = std::move(opened.ledger);
            notice = opened.notice;
            start = std::move(opened.start);
            settled = opened.operatorSettled;
        }

        if (Status s = settled
                ? *settled
                : settleOperator(nullptr, *ledger, operatorForRun, settings.value(operatorKey(path)).toString());
            !s) {
            if (s.error().message.isEmpty())
                return 0; // the person chose Quit
            return refuse(s.error().message, s.error().kind == ErrorKind::Storage ? 3 : 1);
        }
        // --as is for this run only; without it, the operator is remembered.
        if (operatorForRun.isEmpty())
            settings.setValue(operatorKey(path), ledger->actor());

        bool restore = false;
        QString another;
        BackupInfo chosen;
        {
            SettingsWindow window(*ledger, std::move(start));
            QObject::connect(&window, &SettingsWindow::restoreRequested, &window, [&](const QString &backup) {
                for (const BackupInfo &b : SeatLedger::backups(path)) {
                    if (b.path == backup)
                        chosen = b;
                }
                restore = !chosen.path.isEmpty() && window.close(); // unsaved edits may keep it open
            });
            QObject::connect(&window, &SettingsWindow::openRequested, &window, [&](const QString &location) {
                if (window.close()) // unsaved edits may keep it open
                    another = location;
            });
            window.show();
            if (!notice.isEmpty())
                window.statusBar()->showMessage(notice);
            window.startAudit();
            if (qEnvironmentVariable("SEATKEEPER_AUTOMATION") == QLatin1String("1"))
                new Automation(window, &window); // tests and scripts drive the window through stdin
            const int code = app.exec();
            if (!restore && another.isEmpty())
                return code;
        }
        if (!another.isEmpty()) {
            previous = path;
            path = another;
            operatorForRun.clear();
            continue; // the window is gone; `ledger` closes as the loop goes round
        }
        const QString operatorWho = ledger->actor();
        ledger.reset(); // closed before its file is replaced
        restoreBackup(nullptr, path, chosen, operatorWho);
    }
}
