#!/usr/bin/env bash
# Fuzzes the plan-file parser (whole, and read from a pipe in pieces), the
# e-mail validator and key, and the CSV import reader, with libFuzzer (clang, address and
# undefined-behaviour sanitizers) for a bounded time, starting from the
# committed seed corpus in fuzz/corpus/ (plan_stream starts from plan's). Not
# part of CI.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]     (default 60)
# Prints the executions run and any crash; new inputs it finds stay in
# build-fuzz/, never in the committed corpus. Exits 1 if a target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}

missing=()
for p in clang libclang-rt-14-dev qt6-base-dev cmake; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}"
fi

cmake -S fuzz -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j2 >/dev/null

status=0
for target in plan plan_stream email csv; do
    corpus=build-fuzz/corpus-$target
    mkdir -p "$corpus"
    log=build-fuzz/fuzz_$target.log
    echo "== fuzz_$target for ${seconds}s"
    if ! ASAN_OPTIONS=detect_leaks=1 build-fuzz/fuzz_$target -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="build-fuzz/crash-$target-" "$corpus" "fuzz/corpus/${target%_stream}" >"$log" 2>&1; then
        echo "   CRASH — see $log and build-fuzz/crash-$target-*"; status=1
    fi
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    echo "   executions: $execs; corpus: $(ls "$corpus" | wc -l) inputs"
done
exit $status
