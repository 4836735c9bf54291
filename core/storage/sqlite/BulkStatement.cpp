#include "BulkStatement.h"

#include "SeatDatabase.h"

#include <cstring>
#include <QSqlDriver>
#include <sqlite3.h>

BulkStatement::BulkStatement(const SeatDatabase &db)
    : m_db(db)
{
}

BulkStatement::~BulkStatement()
{
    sqlite3_finalize(m_stmt); // a no-op on null
}

Result<std::unique_ptr<BulkStatement>> BulkStatement::prepare(const SeatDatabase &db, const SqlText &sql)
{
    std::unique_ptr<BulkStatement> statement(new BulkStatement(db));
    statement->m_handle = db.handle();
    if (!statement->m_handle) {
        auto query = db.prepare(sql);
        if (!query)
            return query.error();
        statement->m_query = query.takeValue();
        return statement;
    }
    const QByteArray text = sql.toString().toUtf8();
    if (sqlite3_prepare_v2(statement->m_handle, text.constData(), int(text.size()), &statement->m_stmt, nullptr)
        != SQLITE_OK) {
        const QString message = QString::fromUtf8(sqlite3_errmsg(statement->m_handle));
        return db.storageError(QSqlError(message, message, QSqlError::StatementError,
                                         QString::number(sqlite3_extended_errcode(statement->m_handle))));
    }
    return statement;
}

void BulkStatement::bind(int index, const QString &text)
{
    if (m_query) {
        m_query->bindValue(index, sqlText(text));
        return;
    }
    // UTF-16 straight from the QString; SQLite copies it (SQLITE_TRANSIENT).
    // sqlText() turns a null QString (which would bind NULL) into ''.
    const QString value = sqlText(text);
    sqlite3_bind_text16(m_stmt, index + 1, value.utf16(), int(value.size() * 2), SQLITE_TRANSIENT);
}

void BulkStatement::bind(int index, qint64 value)
{
    if (m_query)
        m_query->bindValue(index, value);
    else
        sqlite3_bind_int64(m_stmt, index + 1, value);
}

void BulkStatement::bindNull(int index)
{
    if (m_query)
        m_query->bindValue(index, QVariant());
    else
        sqlite3_bind_null(m_stmt, index + 1);
}

Status BulkStatement::run()
{
    if (m_query)
        return m_db.exec(*m_query);
    const int rc = sqlite3_step(m_stmt);
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return {};
    const QString message = QString::fromUtf8(sqlite3_errmsg(m_handle));
    return m_db.storageError(
        QSqlError(message, message, QSqlError::StatementError, QString::number(sqlite3_extended_errcode(m_handle))));
}
