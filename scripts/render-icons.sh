#!/usr/bin/env bash
# Renders the committed PNG icons from the hand-written SVG (rsvg-convert, package
# librsvg2-bin). Run it after editing resources/icons/io.github.seatkeeper.Seatkeeper.svg.
set -euo pipefail
cd "$(dirname "$0")/../resources/icons"
for size in 16 24 32 48 64 128 256; do
    rsvg-convert --width "$size" --height "$size" io.github.seatkeeper.Seatkeeper.svg --output "seatkeeper-$size.png"
done
