#include "Stores.h"

#include "Backups.h"
#include "PostgresDatabase.h"
#include "PostgresStore.h"
#include "SqliteStore.h"

namespace {

template<typename Store> Result<std::unique_ptr<SeatStore>> asSeatStore(Result<std::unique_ptr<Store>> store)
{
    if (!store)
        return store.error();
    return std::unique_ptr<SeatStore>(store.takeValue());
}

} // namespace

Result<std::unique_ptr<SeatStore>> Stores::open(const QString &location)
{
    if (PostgresDatabase::isUri(location))
        return asSeatStore(PostgresStore::open(location));
    return asSeatStore(SqliteStore::open(location));
}

Result<std::unique_ptr<SeatStore>> Stores::create(const QString &location,
                                                  const std::function<Status(SeatStore &)> &populate)
{
    if (PostgresDatabase::isUri(location))
        return asSeatStore(PostgresStore::create(location, populate));
    return asSeatStore(SqliteStore::create(location, populate));
}

Status Stores::checkLocation(const QString &location)
{
    if (!PostgresDatabase::isUri(location))
        return {};
    auto address = PostgresDatabase::parse(location);
    return address ? Status() : Status(address.error());
}

bool Stores::isServer(const QString &location)
{
    return PostgresDatabase::isUri(location);
}

void Stores::setSessionPassword(const QString &location, const QString &password)
{
    PostgresDatabase::setSessionPassword(location, password);
}

bool Stores::wantsPassword(const QString &location)
{
    return PostgresDatabase::isUri(location) && PostgresDatabase::wantsPassword(location);
}

Status Stores::backupsKept(const QString &location)
{
    if (PostgresDatabase::isUri(location))
        return PostgresStore::noBackups(location);
    return {};
}

QVector<BackupInfo> Stores::backups(const QString &location)
{
    if (PostgresDatabase::isUri(location))
        return {};
    return Backups::list(location);
}

Result<QString> Stores::restore(const QString &location, const QString &backup)
{
    if (PostgresDatabase::isUri(location))
        return PostgresStore::noBackups(location);
    return Backups::restore(location, backup);
}
