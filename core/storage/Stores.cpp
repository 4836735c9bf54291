#include "Stores.h"

#include "Backups.h"
#include "SqliteStore.h"

Result<std::unique_ptr<SeatStore>> Stores::open(const QString &location)
{
    auto store = SqliteStore::open(location);
    if (!store)
        return store.error();
    return std::unique_ptr<SeatStore>(store.takeValue());
}

Result<std::unique_ptr<SeatStore>> Stores::create(const QString &location,
                                                  const std::function<Status(SeatStore &)> &populate)
{
    auto store = SqliteStore::create(location, populate);
    if (!store)
        return store.error();
    return std::unique_ptr<SeatStore>(store.takeValue());
}

QVector<BackupInfo> Stores::backups(const QString &location)
{
    return Backups::list(location);
}

Result<QString> Stores::restore(const QString &location, const QString &backup)
{
    return Backups::restore(location, backup);
}
