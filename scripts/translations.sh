#!/usr/bin/env bash
# Keeps translations/*.ts in step with the sources.
#   check   (default) fails if a string has no finished translation, or if the
#           committed .ts files are stale (lupdate would change them)
#   update  rewrites the .ts files from the sources (then translate what is new)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-check}
LUPDATE=${LUPDATE:-$(command -v lupdate6 || command -v lupdate || echo /usr/lib/qt6/bin/lupdate)}
[ -x "$LUPDATE" ] || LUPDATE=/usr/lib/qt6/bin/lupdate
sources=(app cli core ui)

run_lupdate() { # ts-file options…
    local ts=$1; shift
    "$LUPDATE" -silent -locations none -no-obsolete "$@" "${sources[@]}" -ts "$ts" >/dev/null
}

status=0
for ts in translations/seatkeeper_*.ts; do
    opts=()
    [ "$(basename "$ts")" = seatkeeper_en.ts ] && opts=(-pluralonly) # English: plural forms only
    if [ "$mode" = update ]; then
        run_lupdate "$ts" "${opts[@]}"
        continue
    fi
    tmp=$(mktemp -d)
    cp "$ts" "$tmp/copy.ts"
    run_lupdate "$tmp/copy.ts" "${opts[@]}"
    unfinished=$(grep -c 'type="unfinished"' "$tmp/copy.ts" || true)
    if [ "$unfinished" -gt 0 ]; then
        echo "FAIL: $ts: $unfinished strings have no finished translation:"
        grep -B3 'type="unfinished"' "$tmp/copy.ts" | grep '<source>' | sed 's/^ */    /' | head -40
        status=1
    fi
    if ! diff -q "$ts" "$tmp/copy.ts" >/dev/null; then
        echo "FAIL: $ts is stale: run scripts/translations.sh update, then translate what is new."
        diff "$ts" "$tmp/copy.ts" | head -20
        status=1
    fi
    rm -rf "$tmp"
done
[ "$mode" = check ] && [ $status -eq 0 ] && echo "translations: every string translated, .ts files up to date"
exit $status
