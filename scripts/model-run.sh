#!/usr/bin/env bash
# A longer model-based run than CI's (tests/core/tst_model.cpp), with a seed of
# your choice:  scripts/model-run.sh [OPERATIONS] [SEED]
# Defaults: 1,000,000 operations, a seed from the clock (printed, to replay).
set -euo pipefail
cd "$(dirname "$0")/.."
ops=${1:-1000000}
seed=${2:-$(( $(date +%s) % 2147483647 ))}
[ -x build/tests/core/tst_model ] || ./scripts/quickstart.sh build
echo "model run: $ops operations, seed $seed"
# Qt Test stops a test function after 5 minutes unless told otherwise.
QTEST_FUNCTION_TIMEOUT=86400000 SEATKEEPER_MODEL_OPS=$ops SEATKEEPER_MODEL_SEED=$seed QT_QPA_PLATFORM=offscreen \
    build/tests/core/tst_model
