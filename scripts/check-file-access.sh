#!/usr/bin/env bash
# Rule R13: no Seatkeeper process opens, reads, renames or deletes a database
# file (or its -wal, -shm, journal) outside SQLite. One place owns that access,
# core/storage/sqlite/SqliteFiles; this check keeps every other file of core/,
# ui/, app/ and cli/ from touching files by hand, except the few listed below, each
# for files that are never a database in use.
set -u
cd "$(dirname "$0")/.."
# file: why it may touch files itself
allowed=(
    "core/storage/sqlite/SqliteFiles.cpp"  # the owner
    "core/storage/sqlite/Backups.cpp"      # backup files only: .backup and .part names, never the database
    "cli/ApplyCommand.cpp"                 # a plan file, read whole before the database opens
    "core/io/DataFiles.cpp"                # CSV files to import and export: refuses the database's own files first
)
pattern='\bQ(Save|Temporary)?File\b|QFile::|QDir::(remove|rename)|QDir\([^)]*\)\.(remove|rename)|(^|[^A-Za-z_>.:])::(open|unlink|rename|renameat2|link|truncate|ftruncate)\(|\bfopen\b|std::[io]?fstream|sqlite3_open'
status=0
while IFS= read -r hit; do
    file=${hit%%:*}
    ok=0
    for a in "${allowed[@]}"; do [ "$file" = "$a" ] && ok=1; done
    [ $ok -eq 1 ] && continue
    echo "FAIL: touches a file outside SqliteFiles (rule R13): $hit"; status=1
done < <(grep -rnE "$pattern" core ui app cli --include='*.cpp' --include='*.h' | grep -vE '^[^:]+:[0-9]+:\s*//')
[ $status -eq 0 ] && echo "files: only SqliteFiles touches database files"
exit $status
