#pragma once

#include "SeatStore.h"

#include <functional>

// Picks the backend a location names and opens, creates, lists the backups of,
// or restores a database there. Today every location is an SQLite file.
namespace Stores {
Result<std::unique_ptr<SeatStore>> open(const QString &location);
// A new database, filled by `populate` before anybody else can open it.
Result<std::unique_ptr<SeatStore>> create(const QString &location, const std::function<Status(SeatStore &)> &populate);
QVector<BackupInfo> backups(const QString &location);
Result<QString> restore(const QString &location, const QString &backup);
} // namespace Stores
