#pragma once

#include <QDateTime>
#include <QString>

// One backup of a database, as listed to a person.
struct BackupInfo
{
    QString path;
    // UTC, as the clock said when the backup was written: a clock set wrong
    // then makes it wrong, so it names a backup but never orders them.
    QDateTime takenAt;
    qint64 bytes = 0;
    // The order backups were written in: 1, 2, 3… Zero for a backup written
    // before names carried one; those count as older than every numbered one.
    qint64 sequence = 0;
};
