#pragma once

#include "Result.h"
#include "SqlText.h"
#include "User.h"

#include <QSqlQuery>
#include <QString>
#include <QVector>

class SeatDatabase;

// Reads users with the seat they hold of each product: one row per user.
namespace UserReader {
// One user by case-folded e-mail (:key); every user, in id order. Plain SQL,
// which the PostgreSQL backend reads with fromRow() too.
SqlText selectByEmailKeySql();
SqlText selectAllSql();
// The same with the user's login as a last column (PostgreSQL's users have one).
SqlText selectByEmailKeyWithLoginSql();
SqlText selectAllWithLoginSql();
User fromRow(const QSqlQuery &row, bool withLogin = false);
// Every user, in id order. On SQLite it reads through the sqlite3 handle Qt
// already holds: for 100,000 users, Qt Sql's per-value QVariants cost more than
// SQLite's own read, and this is the read every window starts with.
Result<QVector<User>> readAll(const SeatDatabase &db);
} // namespace UserReader
