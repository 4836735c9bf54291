#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png from the real window, offscreen, in English
# and French (tests/ui/tst_screenshots.cpp). Usage: scripts/screenshots.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cmake --build "$build" --target tst_screenshots
QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE= TZ=UTC QT_SCALE_FACTOR=1 \
    SCREENSHOT_DIR="$PWD/docs/screenshots" "$build/tests/ui/tst_screenshots"
