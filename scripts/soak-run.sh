#!/usr/bin/env bash
# A longer multi-process soak than CI's (tests/cli/tst_soak.cpp): two real
# windows, seatctl writers and readers, backups and restores on one database.
#   scripts/soak-run.sh [ROUNDS] [SEED]
# Defaults: 10,000 rounds, a seed from the clock (printed, to replay). The
# programs are copied first, so a rebuild during the run does not change them.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-10000}
seed=${2:-$(( $(date +%s) % 2147483647 ))}
[ -x build/tests/cli/tst_soak ] || ./scripts/quickstart.sh build
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
cp build/tests/cli/tst_soak build/app/seatctl/seatctl build/app/seatkeeper/seatkeeper "$bin/"
echo "soak run: $rounds rounds, seed $seed"
# Qt Test stops a test function after 5 minutes unless told otherwise.
QTEST_FUNCTION_TIMEOUT=86400000 SEATKEEPER_SOAK_ROUNDS=$rounds SEATKEEPER_SOAK_SEED=$seed \
    SEATKEEPER_SOAK_SEATCTL="$bin/seatctl" SEATKEEPER_SOAK_WINDOW="$bin/seatkeeper" \
    QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 "$bin/tst_soak"
