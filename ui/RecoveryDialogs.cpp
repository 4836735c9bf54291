#include "RecoveryDialogs.h"

#include "Appearance.h"
#include "BackgroundWork.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// The same moment in UTC, for the tooltip: what seatctl and the file names say.
QString utcTime(const QDateTime &utc)
{
    return RestoreDialog::tr("%1 UTC").arg(utc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

} // namespace

QString backupTime(const QDateTime &utc)
{
    const QLocale locale;
    const QDateTime local = utc.toLocalTime();
    return RestoreDialog::tr("%1 at %2")
        .arg(locale.toString(local.date(), QLocale::LongFormat), locale.toString(local.time(), QLocale::ShortFormat));
}

OpenProblemDialog::OpenProblemDialog(const QString &databasePath, const QString &problem,
                                     const QVector<BackupInfo> &backups, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("openProblem"));
    setWindowTitle(tr("Seatkeeper cannot open this database"));
    auto *title = new QLabel(tr("Seatkeeper cannot open this database"), this);
    Appearance::makeTitle(title, 1.2);
    auto *file = wrapped(QDir::toNativeSeparators(databasePath), this);
    file->setObjectName(QStringLiteral("openProblemFile"));
    auto *reason = wrapped(problem, this);
    reason->setObjectName(QStringLiteral("openProblemReason"));
    reason->setStyleSheet(Appearance::problemStyle());
    const QString advice = backups.isEmpty()
        ? tr("There is no backup of this database. Quit, then look for another copy of the file; or, if another "
             "program is using it, close that program and try again.")
        : tr("You can restore it from one of its %n backup(s): the file as it is now is kept beside it, "
             "never deleted.",
             nullptr, int(backups.size()));
    auto *what = wrapped(advice, this);
    what->setObjectName(QStringLiteral("openProblemAdvice"));

    auto *buttons = new QDialogButtonBox(this);
    if (!backups.isEmpty()) {
        QPushButton *restore = buttons->addButton(tr("Restore from backup…"), QDialogButtonBox::AcceptRole);
        restore->setObjectName(QStringLiteral("restoreFromBackup"));
        restore->setAccessibleName(tr("Restore from backup…"));
        restore->setDefault(true);
        connect(restore, &QPushButton::clicked, this, [this] { m_choice = Restore; });
    }
    QPushButton *retry = buttons->addButton(tr("Try again"), QDialogButtonBox::AcceptRole);
    retry->setObjectName(QStringLiteral("tryAgain"));
    retry->setAccessibleName(tr("Try again"));
    connect(retry, &QPushButton::clicked, this, [this] { m_choice = TryAgain; });
    QPushButton *quit = buttons->addButton(tr("Quit"), QDialogButtonBox::RejectRole);
    quit->setObjectName(QStringLiteral("quit"));
    quit->setAccessibleName(tr("Quit"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, [this] {
        m_choice = Quit;
        reject();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(file);
    layout->addWidget(reason);
    layout->addWidget(what);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

RestoreDialog::RestoreDialog(const QString &databasePath, const QVector<BackupInfo> &backups, QWidget *parent)
    : QDialog(parent)
    , m_backups(backups)
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("restoreDialog"));
    setWindowTitle(tr("Restore from backup"));
    auto *intro = wrapped(tr("Choose the backup of %1 to restore. Changes made after it was taken will not be in "
                             "the restored database; the file as it is now is kept beside it.")
                              .arg(QDir::toNativeSeparators(databasePath)),
                          this);
    auto *listLabel = new QLabel(tr("Backups"), this);
    listLabel->setBuddy(m_list);
    m_list->setObjectName(QStringLiteral("backupList"));
    m_list->setAccessibleName(tr("Backups"));
    const QLocale locale;
    for (const BackupInfo &b : backups) {
        auto *item = new QListWidgetItem(
            QStringLiteral("%1 — %2").arg(backupTime(b.takenAt), locale.formattedDataSize(b.bytes)), m_list);
        item->setToolTip(utcTime(b.takenAt) + QLatin1Char('\n') + QDir::toNativeSeparators(b.path));
    }
    m_list->setCurrentRow(0);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *restore = buttons->addButton(tr("Restore"), QDialogButtonBox::AcceptRole);
    restore->setObjectName(QStringLiteral("restore"));
    restore->setAccessibleName(tr("Restore"));
    restore->setEnabled(!backups.isEmpty());
    restore->setDefault(true);
    QPushButton *cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setAccessibleName(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(listLabel);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

BackupInfo RestoreDialog::chosen() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_backups.size() ? m_backups.at(row) : BackupInfo {};
}

std::optional<BackupInfo> chooseBackup(QWidget *parent, const QString &databasePath)
{
    RestoreDialog dialog(databasePath, SeatLedger::backups(databasePath), parent);
    dialog.setWindowModality(Qt::WindowModal);
    if (dialog.exec() != QDialog::Accepted || dialog.chosen().path.isEmpty())
        return std::nullopt;
    const BackupInfo chosen = dialog.chosen();
    // Replacing the database undoes every change since the backup: said plainly, Cancel first.
    QMessageBox confirm(QMessageBox::Warning, RestoreDialog::tr("Restore from backup"),
                        RestoreDialog::tr("Replace %1 with the backup of %2?")
                            .arg(QDir::toNativeSeparators(databasePath), backupTime(chosen.takenAt)),
                        QMessageBox::NoButton, parent);
    confirm.setObjectName(QStringLiteral("confirmRestore"));
    confirm.setWindowModality(Qt::WindowModal);
    confirm.setInformativeText(
        RestoreDialog::tr("Every user, seat and change made after that backup (%1) will be gone from the database. "
                          "The file as it is now is kept beside it.")
            .arg(QFileInfo(chosen.path).fileName()));
    QPushButton *replace = confirm.addButton(RestoreDialog::tr("Restore"), QMessageBox::AcceptRole);
    replace->setObjectName(QStringLiteral("confirmRestoreYes"));
    replace->setAccessibleName(replace->text());
    QPushButton *cancel = confirm.addButton(RestoreDialog::tr("Cancel"), QMessageBox::RejectRole);
    cancel->setAccessibleName(cancel->text());
    confirm.setDefaultButton(cancel);
    confirm.setEscapeButton(cancel);
    confirm.exec();
    if (confirm.clickedButton() != replace)
        return std::nullopt;
    return chosen;
}

bool restoreBackup(QWidget *parent, const QString &databasePath, const BackupInfo &backup, const QString &recordedBy)
{
    // Copying and checking a large backup takes a moment: on a worker, with a progress dialog.
    Result<QString> restored = Error {};
    runBusy(parent, RestoreDialog::tr("Restoring %1…").arg(QDir::toNativeSeparators(databasePath)), [&]() -> Status {
        restored = SeatLedger::restore(databasePath, backup.path, recordedBy);
        return {};
    });
    QMessageBox box(parent);
    box.setObjectName(QStringLiteral("restoreOutcome"));
    box.setWindowTitle(RestoreDialog::tr("Restore from backup"));
    if (!restored) {
        box.setIcon(QMessageBox::Critical);
        box.setText(restored.error().message);
    } else {
        box.setIcon(QMessageBox::Information);
        QString text = RestoreDialog::tr("%1 was restored from the backup of %2.")
                           .arg(QDir::toNativeSeparators(databasePath), backupTime(backup.takenAt));
        if (!restored.value().isEmpty())
            text += QLatin1Char('\n')
                + RestoreDialog::tr("The file it replaced is kept as %1.")
                      .arg(QDir::toNativeSeparators(restored.value()));
        box.setText(text);
    }
    box.exec();
    return restored.ok();
}

bool restoreFromBackup(QWidget *parent, const QString &databasePath, const QString &recordedBy)
{
    const auto chosen = chooseBackup(parent, databasePath);
    return chosen && restoreBackup(parent, databasePath, *chosen, recordedBy);
}
