#include "UserReader.h"

#include "BulkStatement.h"
#include "SeatDatabase.h"

#include <cstring>
#include <QSqlDriver>
#include <sqlite3.h>

namespace {

// A macro so that each full statement below is one string literal.
#define SEATKEEPER_USER_COLUMNS                                                                                        \
    "SELECT u.id, u.email, u.first_name, u.last_name, u.role, u.created_at, s.seat_type, v.seat_type"
#define SEATKEEPER_USER_FROM                                                                                           \
    " FROM users u "                                                                                                   \
    "LEFT JOIN assignments s ON s.user_id = u.id AND s.product = 'sales' "                                             \
    "LEFT JOIN assignments v ON v.user_id = u.id AND v.product = 'service' "
#define SEATKEEPER_USER_SELECT SEATKEEPER_USER_COLUMNS SEATKEEPER_USER_FROM
#define SEATKEEPER_USER_SELECT_LOGIN SEATKEEPER_USER_COLUMNS ", u.login" SEATKEEPER_USER_FROM

const char allUsersSql[] = SEATKEEPER_USER_SELECT "ORDER BY u.id";
const char userByKeySql[] = SEATKEEPER_USER_SELECT "WHERE u.email_key = :key";
const char allUsersWithLoginSql[] = SEATKEEPER_USER_SELECT_LOGIN "ORDER BY u.id";
const char userByKeyWithLoginSql[] = SEATKEEPER_USER_SELECT_LOGIN "WHERE u.email_key = :key";

// The stored form is always "YYYY-MM-DDTHH:MM:SS.mmmZ" (LedgerChain::timeText);
// reading it by hand is several times faster than QDateTime::fromString.
QDateTime utcFromText(QStringView text)
{
    const auto digits = [&text](int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; ++i) {
            const int d = text.at(i).digitValue();
            if (d < 0)
                return -1;
            value = value * 10 + d;
        }
        return value;
    };
    if (text.size() == 24 && text.at(10) == QLatin1Char('T') && text.at(23) == QLatin1Char('Z')) {
        const QDate date(digits(0, 4), digits(5, 2), digits(8, 2));
        const QTime time(digits(11, 2), digits(14, 2), digits(17, 2), digits(20, 3));
        if (date.isValid() && time.isValid())
            return QDateTime(date, time, Qt::UTC);
    }
    return QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
}

QString text(sqlite3_stmt *stmt, int column)
{
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(stmt, column));
    return bytes ? QString::fromUtf8(bytes, sqlite3_column_bytes(stmt, column)) : QString();
}

std::optional<SeatType> seatFromColumn(sqlite3_stmt *stmt, int column)
{
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(stmt, column));
    if (!bytes)
        return std::nullopt;
    return seatTypeFromKey(QString::fromLatin1(bytes, sqlite3_column_bytes(stmt, column)));
}

Role roleFromColumn(sqlite3_stmt *stmt, int column)
{
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(stmt, column));
    if (bytes && std::strcmp(bytes, "super-admin") == 0)
        return Role::SuperAdmin;
    if (bytes && std::strcmp(bytes, "admin") == 0)
        return Role::Admin;
    return Role::User;
}

} // namespace

SqlText UserReader::selectByEmailKeySql()
{
    return userByKeySql;
}

SqlText UserReader::selectAllSql()
{
    return allUsersSql;
}

SqlText UserReader::selectByEmailKeyWithLoginSql()
{
    return userByKeyWithLoginSql;
}

SqlText UserReader::selectAllWithLoginSql()
{
    return allUsersWithLoginSql;
}

User UserReader::fromRow(const QSqlQuery &row, bool withLogin)
{
    User u;
    u.id = row.value(0).toLongLong();
    u.email = row.value(1).toString();
    u.firstName = row.value(2).toString();
    u.lastName = row.value(3).toString();
    u.role = roleFromKey(row.value(4).toString()).value_or(Role::User);
    u.createdAt = utcFromText(row.value(5).toString());
    u.sales = seatTypeFromKey(row.value(6).toString());
    u.service = seatTypeFromKey(row.value(7).toString());
    if (withLogin)
        u.login = row.value(8).toString();
    return u;
}

Result<QVector<User>> UserReader::readAll(const SeatDatabase &db)
{
    const QByteArray sql(allUsersSql);
    QVector<User> users;
    if (sqlite3 *handle = db.handle()) {
        sqlite3_stmt *stmt = nullptr;
        int rc = sqlite3_prepare_v2(handle, sql.constData(), int(sql.size()), &stmt, nullptr);
        while (stmt && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            User u;
            u.id = sqlite3_column_int64(stmt, 0);
            u.email = text(stmt, 1);
            u.firstName = text(stmt, 2);
            u.lastName = text(stmt, 3);
            u.role = roleFromColumn(stmt, 4);
            u.createdAt = utcFromText(text(stmt, 5));
            u.sales = seatFromColumn(stmt, 6);
            u.service = seatFromColumn(stmt, 7);
            users.append(std::move(u));
        }
        const QString message = QString::fromUtf8(sqlite3_errmsg(handle));
        const int code = sqlite3_extended_errcode(handle);
        sqlite3_finalize(stmt);
        if (rc != SQLITE_DONE)
            return db.storageError(QSqlError(message, message, QSqlError::StatementError, QString::number(code)));
        return users;
    }
    auto q = db.prepare(allUsersSql);
    if (!q)
        return q.error();
    if (Status s = db.exec(q.value()); !s)
        return s.error();
    while (q.value().next())
        users.append(fromRow(q.value()));
    if (q.value().lastError().isValid())
        return db.storageError(q.value().lastError());
    return users;
}
