#pragma once

#include "Backup.h"
#include "Result.h"

#include <optional>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QVector>

class SeatDatabase;

// Rotating copies of a database, next to it: seats.db.2026-11-26T153012.345Z.backup.
// Each is a complete, compacted SQLite file written with VACUUM INTO under a
// temporary name and renamed when whole, so a crash never leaves half a backup
// that looks like one. Taken before every migration, once a day on open, and on
// demand (seatctl backup); only the newest Keep are kept.
class Backups
{
    Q_DECLARE_TR_FUNCTIONS(Backups)

public:
    static constexpr int Keep = 5;
    static constexpr qint64 DailyIntervalSecs = 24 * 60 * 60;

    // The backups of the database at databasePath, newest first.
    static QVector<BackupInfo> list(const QString &databasePath);
    // Writes a new backup of db and removes the oldest beyond Keep.
    static Result<BackupInfo> take(const SeatDatabase &db);
    // Takes a backup unless the newest one is less than a day old; returns it, or nothing.
    static Result<std::optional<BackupInfo>> takeDaily(const SeatDatabase &db);
    // Puts the backup in place of the database at databasePath. The backup is
    // checked first (a regular file, ours, readable, quick_check); the file it
    // replaces, if any, is kept beside it (with its -wal and -shm) and its path
    // returned: a restore never destroys anything.
    static Result<QString> restore(const QString &databasePath, const QString &backupPath);
};
