#pragma once

#include "Backup.h"
#include "Result.h"

#include <optional>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QVector>

class SeatDatabase;

// Rotating copies of a database, next to it:
// seats.db.000042.2026-11-26T153012.345Z.backup, the number counting backups in
// the order they were written and the time (UTC) saying when, as the clock had
// it. Each is a complete, compacted SQLite file written with VACUUM INTO under a
// temporary name and linked into place when whole, so a crash never leaves half
// a backup that looks like one. Taken before every migration, once a day before
// the first change, and on demand (seatctl backup).
//
// The number, never the time, orders them: a clock set wrong for a while leaves
// backups dated in the future or the past, and "latest", the daily backup and
// rotation still go by what was written last. Names from before the numbers
// (seats.db.2026-11-26T153012.345Z.backup) are still listed and restored, as
// older than every numbered one.
class Backups
{
    Q_DECLARE_TR_FUNCTIONS(Backups)

public:
    // Rotation keeps the newest KeepNewest, and the newest backup of each of the
    // last KeepDays days and of each of the last KeepWeeks ISO weeks (UTC) that
    // have one, going from the newest to the oldest; never the one just written.
    static constexpr int KeepNewest = 5;
    static constexpr int KeepDays = 7;
    static constexpr int KeepWeeks = 8;
    static constexpr qint64 DailyIntervalSecs = 24 * 60 * 60;

    // The backups of the database at databasePath, the most recently written first.
    static QVector<BackupInfo> list(const QString &databasePath);
    // Writes a new backup of db, numbered after every backup there, then rotates.
    static Result<BackupInfo> take(const SeatDatabase &db);
    // Takes a backup unless the most recently written one is less than a day
    // old; returns it, or nothing. One dated in the future (the clock was ahead,
    // or is behind now) does not count: a backup dated now is taken once.
    static Result<std::optional<BackupInfo>> takeDaily(const SeatDatabase &db);
    // Puts the backup in place of the database at databasePath. The backup is
    // checked first (a regular file, ours, readable, quick_check); the file it
    // replaces, if any, is kept beside it (with its -wal and -shm) and its path
    // returned: a restore never destroys anything.
    static Result<QString> restore(const QString &databasePath, const QString &backupPath);

    // The name of the backup numbered `sequence` taken at `at`; a sequence of 0
    // gives a name of the older form, without a number.
    static QString backupPath(const QString &databasePath, qint64 sequence, const QDateTime &at);
};
