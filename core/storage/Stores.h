#pragma once

#include "SeatStore.h"

#include <functional>

// Picks the backend a location names and opens, creates, lists the backups of,
// or restores a database there: a postgresql:// URI names a database on a
// PostgreSQL server (PostgresStore), anything else an SQLite file (SqliteStore).
namespace Stores {
Result<std::unique_ptr<SeatStore>> open(const QString &location);
// A new database, filled by `populate` before anybody else can open it.
Result<std::unique_ptr<SeatStore>> create(const QString &location, const std::function<Status(SeatStore &)> &populate);
// Whether a server's address is well formed (files are checked when opened).
Status checkLocation(const QString &location);
bool isServer(const QString &location);
// A password typed in the window for a server database: in memory, for this process only.
void setSessionPassword(const QString &location, const QString &password);
bool wantsPassword(const QString &location);
// Whether Seatkeeper keeps backups of the database there (not of one on a server).
Status backupsKept(const QString &location);
QVector<BackupInfo> backups(const QString &location);
Result<QString> restore(const QString &location, const QString &backup);
} // namespace Stores
