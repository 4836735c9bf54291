#include "RestoreCommand.h"

#include "Backups.h"
#include "SeatLedger.h"

#include <QDir>

bool RestoreCommand::worksOnFiles(const QStringList &) const
{
    return true;
}

int RestoreCommand::run(CommandContext &context)
{
    Output &output = context.output;
    const QString &path = context.database;
    if (context.words.size() != 2)
        return output.usage(tr("Usage: restore BACKUP|latest"));
    if (Status kept = SeatLedger::backupsKept(path); !kept)
        return output.fail(kept.error());
    QString chosen = context.words.at(1);
    if (chosen == QLatin1String("latest")) {
        const QVector<BackupInfo> all = Backups::list(path);
        // A backup that is not there is a missing file, as for any other path (exit 3).
        if (all.isEmpty())
            return output.fail(Error {
                ErrorKind::Storage, tr("There is no backup of %1 to restore.").arg(QDir::toNativeSeparators(path)) });
        chosen = all.first().path; // the most recently written
    }
    // What is at `chosen` (missing, a folder, a pipe) is for the restore to say.
    // Recorded in the restored ledger: the --as given (a restore needs no
    // operator, the database may not open), else the system login.
    auto restored = SeatLedger::restore(path, chosen, context.as.value_or(SeatLedger::loginLabel()));
    if (!restored)
        return output.fail(restored.error());
    const QString keptAside = restored.value();
    QString text
        = tr("Restored %1 from the backup %2.").arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(chosen));
    if (!keptAside.isEmpty())
        text += QLatin1Char('\n') + tr("The file it replaced is kept as %1.").arg(QDir::toNativeSeparators(keptAside));
    return output.done(
        text,
        { { QStringLiteral("restored_from"), chosen },
          { QStringLiteral("kept_aside"), keptAside.isEmpty() ? QJsonValue() : QJsonValue(keptAside) } });
}
