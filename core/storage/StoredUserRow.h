#pragma once

#include "InputText.h"
#include "Role.h"
#include "SeatStore.h"
#include "SeatType.h"
#include "SqlText.h"
#include "Validation.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

// The look-up the rules make before a change (StoredUser): one user by e-mail
// key, a row per seat held, in these columns on every backend.
#define SEATKEEPER_STORED_USER_SELECT                                                                                  \
    "SELECT u.id, u.email, u.role, a.product, a.seat_type, u.first_name, u.last_name, u.email_key "                    \
    "FROM users u LEFT JOIN assignments a ON a.user_id = u.id "

namespace StoredUserRow {

inline SqlText byEmailKeySql()
{
    return SEATKEEPER_STORED_USER_SELECT "WHERE u.email_key = :key";
}

// Several by their keys, bound as one PostgreSQL array (:keys).
inline SqlText byEmailKeysSql()
{
    return SEATKEEPER_STORED_USER_SELECT "WHERE u.email_key = ANY (CAST(:keys AS TEXT[]))";
}

// One row of those statements onto `user` (a user's rows, one per seat, add up).
inline void addTo(StoredUser &user, const QSqlQuery &row)
{
    user.id = row.value(0).toLongLong();
    user.email = row.value(1).toString();
    user.role = roleFromKey(row.value(2).toString()).value_or(Role::User);
    if (const auto product = productFromKey(row.value(3).toString()))
        user.seats[productIndex(*product)] = seatTypeFromKey(row.value(4).toString());
    user.firstName = row.value(5).toString();
    user.lastName = row.value(6).toString();
}

// The row's e-mail key (column 7).
inline QString keyOf(const QSqlQuery &row)
{
    return row.value(7).toString();
}

// What both backends say of an address no user has (shown as typed, made safe).
inline Error notFound(const QString &email)
{
    return Error {
        ErrorKind::NotFound,
        QCoreApplication::translate("SeatLedger", "No user has the email address “%1”.").arg(InputText::escaped(email))
    };
}

// The look-up by `email`'s key through `q` (byEmailKeySql(), prepared on `db`,
// a SeatDatabase or a PostgresDatabase): the user, or notFound().
template<class Database> Result<StoredUser> find(Database &db, QSqlQuery &q, const QString &email)
{
    q.bindValue(QStringLiteral(":key"), Validation::emailKey(email));
    if (Status s = db.exec(q); !s)
        return s.error();
    StoredUser found;
    while (q.next())
        addTo(found, q);
    const QSqlError error = q.lastError();
    q.finish();
    if (error.isValid())
        return db.storageError(error);
    if (found.id == 0)
        return notFound(email);
    return found;
}

} // namespace StoredUserRow

#undef SEATKEEPER_STORED_USER_SELECT
