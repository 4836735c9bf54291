#!/usr/bin/env bash
# No SQL built from values. The compiler already refuses a QString where
# SeatDatabase expects SQL (see core/storage/SqlText.h); this check covers the rest:
#   - no QSqlQuery::exec()/prepare() outside the two connection classes
#     (SeatDatabase, PostgresDatabase) takes anything but a literal;
#   - ui/, app/ and cli/ run no SQL at all.
set -u
cd "$(dirname "$0")/.."
status=0
# Raw QSqlQuery objects (which take any QString) live only in SeatDatabase.cpp
# and PostgresDatabase.cpp, and there they run literals.
while IFS= read -r line; do
    echo "FAIL: a raw QSqlQuery outside SeatDatabase.cpp (use SeatDatabase::prepare): $line"; status=1
done < <(grep -rnE 'QSqlQuery +[A-Za-z_]+ *[;({]' core --include='*.cpp' | grep -vE '^core/storage/(sqlite/SeatDatabase|postgres/PostgresDatabase).cpp')
while IFS= read -r line; do
    echo "FAIL: SQL text that is not a literal: $line"; status=1
done < <(grep -nE '\.(exec|prepare)\([^)]' core/storage/sqlite/SeatDatabase.cpp core/storage/postgres/PostgresDatabase.cpp \
            | grep -vE '\.(exec|prepare)\((QStringLiteral\("|sql\.toString\(\)\))' | grep -vE '(m_db->|exec\(query\)|exec\(insert|exec\(update|exec\(select)')
if grep -rnE 'QSqlQuery|QSqlDatabase|sqlite3_' ui app cli >/dev/null; then
    echo "FAIL: ui/, app/ or cli/ runs SQL:"; grep -rnE 'QSqlQuery|QSqlDatabase|sqlite3_' ui app cli; status=1
fi
[ $status -eq 0 ] && echo "sql: no statement is built from values"
exit $status
