#pragma once

// The PostgreSQL server the tests run against: the one scripts/with-postgres.sh
// starts for ctest, named by SEATKEEPER_TEST_POSTGRES (a URI of its maintenance
// database). Each test gets a database of its own, new and empty.

#include "PostgresDatabase.h"

#include <functional>
#include <QAtomicInt>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QUrl>

namespace PostgresServer {

inline QString maintenanceUri()
{
    return qEnvironmentVariable("SEATKEEPER_TEST_POSTGRES");
}

inline bool available()
{
    return !maintenanceUri().isEmpty();
}

inline constexpr const char *unavailable = "no PostgreSQL server for the tests (SEATKEEPER_TEST_POSTGRES is not set): "
                                           "run them through scripts/with-postgres.sh, as ctest does";

// Runs `sql` on a connection of its own, as another program would (psql,
// say), then `read` on its query: an empty string if it went through, the
// server's error otherwise.
inline QString exec(const QString &uri, const QString &sql, const std::function<void(QSqlQuery &)> &read)
{
    static QAtomicInt counter;
    const QString name = QStringLiteral("raw-pg-%1").arg(counter.fetchAndAddRelaxed(1));
    QString error;
    {
        const auto address = PostgresDatabase::parse(uri);
        if (!address)
            return address.error().message;
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(address.value().host);
        if (address.value().port > 0)
            db.setPort(address.value().port);
        db.setUserName(address.value().user);
        db.setDatabaseName(address.value().database);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(sql))
                error = q.lastError().text();
            else if (read)
                read(q);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

inline QString exec(const QString &uri, const QString &sql)
{
    return exec(uri, sql, {});
}

// The first column of the first row `sql` returns; -1 if it failed.
inline qint64 scalar(const QString &uri, const QString &sql)
{
    qint64 value = -1;
    exec(uri, sql, [&value](QSqlQuery &q) {
        if (q.next())
            value = q.value(0).toLongLong();
    });
    return value;
}

// The URI of `name` on the test server.
inline QString uriOf(const QString &name)
{
    QUrl url(maintenanceUri());
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

// A new, empty database; its URI.
inline QString createDatabase()
{
    static QAtomicInt counter;
    const QString name
        = QStringLiteral("seatkeeper_%1_%2").arg(QCoreApplication::applicationPid()).arg(counter.fetchAndAddRelaxed(1));
    const QString error = exec(maintenanceUri(), QStringLiteral("CREATE DATABASE ") + name);
    if (!error.isEmpty())
        qFatal("cannot create the test database %s: %s", qPrintable(name), qPrintable(error));
    return uriOf(name);
}

// Drops it, whoever is still connected.
inline void dropDatabase(const QString &uri)
{
    const QString name = QUrl(uri).path().mid(1);
    exec(maintenanceUri(), QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
}

} // namespace PostgresServer
