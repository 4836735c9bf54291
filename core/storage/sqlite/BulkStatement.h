#pragma once

#include "Result.h"
#include "SqlText.h"

#include <memory>
#include <optional>
#include <QSqlQuery>
#include <QString>

class SeatDatabase;
struct sqlite3;
struct sqlite3_stmt;

// One prepared statement run many times with new values: the ledger's
// entries, a Save's edits. On SQLite it goes through the sqlite3 handle Qt's
// driver already holds — Qt Sql wraps every bound value in a QVariant, which
// for 10,000 ledger rows costs more than SQLite's own work — and elsewhere
// through QSqlQuery. The SQL is SqlText, so it is a literal like any other.
class BulkStatement
{
public:
    static Result<std::unique_ptr<BulkStatement>> prepare(const SeatDatabase &db, const SqlText &sql);
    ~BulkStatement();
    BulkStatement(const BulkStatement &) = delete;
    BulkStatement &operator=(const BulkStatement &) = delete;

    // Values for the next run, by position from 0. A null QString is bound as ''
    // (the schema's "none"); bindNull() binds SQL NULL.
    void bind(int index, const QString &text);
    void bind(int index, qint64 value);
    void bindNull(int index);
    // Runs the statement once with the values bound since the last run.
    Status run();

private:
    explicit BulkStatement(const SeatDatabase &db);

    const SeatDatabase &m_db;
    sqlite3 *m_handle = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    std::optional<QSqlQuery> m_query; // when the database is not SQLite
};
