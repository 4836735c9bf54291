#include "BackupCommand.h"

#include "Backups.h"
#include "Formats.h"
#include "SeatLedger.h"

#include <QDir>
#include <QJsonArray>

bool BackupCommand::worksOnFiles(const QStringList &words) const
{
    return words.size() >= 2;
}

bool BackupCommand::needsOperator(const QStringList &) const
{
    return false;
}

int BackupCommand::run(CommandContext &context)
{
    Output &output = context.output;
    if (worksOnFiles(context.words)) {
        if (context.words.size() != 2 || context.words.at(1) != QLatin1String("list"))
            return output.usage(tr("Usage: backup | backup list"));
        return list(context);
    }
    auto taken = context.ledger->backup();
    if (!taken)
        return output.fail(taken.error());
    return output.done(tr("Wrote the backup %1.").arg(QDir::toNativeSeparators(taken.value().path)),
                       { { QStringLiteral("backup"), Formats::backupJson(taken.value()) } });
}

int BackupCommand::list(CommandContext &context)
{
    if (Status kept = SeatLedger::backupsKept(context.database); !kept)
        return context.output.fail(kept.error());
    const QVector<BackupInfo> all = Backups::list(context.database);
    QJsonArray json;
    for (const BackupInfo &b : all)
        json.append(Formats::backupJson(b));
    const QString text = all.isEmpty()
        ? tr("There is no backup of %1 yet.").arg(QDir::toNativeSeparators(context.database))
        : Formats::backupsTable(all);
    return context.output.done(text, { { QStringLiteral("backups"), json } });
}
