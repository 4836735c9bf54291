#include "Language.h"
#include "SeatLedger.h"
#include "SettingsWindow.h"
#include "WelcomeDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

namespace {

QString defaultDatabasePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("seatkeeper.db"));
}

// The operator is remembered per database file.
QString operatorKey(const QString &path)
{
    const QByteArray id = QFileInfo(path).absoluteFilePath().toUtf8();
    return QStringLiteral("operators/")
        + QString::fromLatin1(QCryptographicHash::hash(id, QCryptographicHash::Sha1).toHex());
}

int refuse(const QString &title, const QString &message, int code)
{
    QMessageBox box(QMessageBox::Critical, title, message, QMessageBox::Close);
    box.setObjectName(QStringLiteral("startupError"));
    box.exec();
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Seatkeeper"));
    QApplication::setOrganizationName(QStringLiteral("Seatkeeper"));
    QApplication::setApplicationVersion(QStringLiteral(SEATKEEPER_VERSION));

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
    parser.addOptions({ database, as });
    parser.process(app);

    const QString path = parser.isSet(database) ? parser.value(database) : defaultDatabasePath();
    const QString title = QApplication::translate("main", "Seatkeeper");

    std::unique_ptr<SeatLedger> ledger;
    if (!QFileInfo::exists(path)) {
        WelcomeDialog welcome(path);
        if (welcome.exec() != QDialog::Accepted)
            return 0;
        auto created = SeatLedger::create(path, welcome.email());
        if (!created)
            return refuse(title, created.error().message, 3);
        ledger = created.takeValue();
    } else {
        auto opened = SeatLedger::open(path);
        if (!opened)
            return refuse(title, opened.error().message, 3);
        ledger = opened.takeValue();
    }

    QSettings settings;
    QString operatorEmail = parser.value(as);
    if (operatorEmail.isEmpty())
        operatorEmail = settings.value(operatorKey(path)).toString();
    if (operatorEmail.isEmpty() && ledger->actor().isEmpty()) {
        auto sole = ledger->soleSuperAdmin();
        if (sole)
            operatorEmail = sole.value();
    }
    if (!operatorEmail.isEmpty()) {
        if (Status s = ledger->setActor(operatorEmail); !s)
            return refuse(title, s.error().message, 1);
    }
    settings.setValue(operatorKey(path), ledger->actor());

    SettingsWindow window(*ledger);
    window.show();
    return app.exec();
}
