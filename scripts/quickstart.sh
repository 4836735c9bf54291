#!/usr/bin/env bash
# Seatkeeper's quick start on Debian 12: installs what is missing, builds, then
#   run  [ARGS…]  starts the window (on its default database unless ARGS say otherwise)
#   test          runs every test headlessly and ends with ctest's summary
#   build         only builds
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
[ $# -gt 0 ] && shift
case "$mode" in run|test|build) ;; *) echo "usage: $0 run|test|build" >&2; exit 2;; esac

# postgresql-15: the throwaway server the tests start (scripts/with-postgres.sh);
# faketime: seatctl with a wrong clock in front of that server (tst_seatctlpostgres).
packages=(cmake g++ make pkg-config libsqlite3-dev librsvg2-bin desktop-file-utils appstream dpkg-dev file
          qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
          qt6-qpa-plugins libqt6sql6-sqlite libqt6sql6-psql libgl1-mesa-dev fonts-dejavu-core
          postgresql-15 faketime)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "== Installing: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

build_type=${SEATKEEPER_BUILD_TYPE:-RelWithDebInfo}
cmake -S . -B build -DCMAKE_BUILD_TYPE="$build_type" >/dev/null
cmake --build build --parallel "$(nproc)"

case "$mode" in
run)
    exec build/app/seatkeeper/seatkeeper "$@"
    ;;
test)
    cd build
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)"
    ;;
esac
