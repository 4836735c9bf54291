#!/usr/bin/env bash
# The desktop integration, as a fresh machine gets it: the desktop entry and the
# AppStream metainfo validate, the icons have their sizes, the .deb builds, and
# both programs run from the unpacked package — the window offscreen, up to
# Settings, on a new database. Usage: scripts/check-desktop.sh BUILD_DIR
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:?usage: $0 BUILD_DIR}" && pwd)"
id=io.github.seatkeeper.Seatkeeper
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== desktop-file-validate, appstreamcli validate"
desktop-file-validate "$root/resources/$id.desktop"
appstreamcli validate --no-net --pedantic "$root/resources/$id.metainfo.xml"
for size in 16 24 32 48 64 128 256; do
    file "$root/resources/icons/seatkeeper-$size.png" | grep -q "PNG image data, $size x $size," \
        || fail "seatkeeper-$size.png is not a $size×$size PNG"
done

echo "== cpack -G DEB"
# Its staging folders go to the temporary folder: nothing is left in the build.
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/package" >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log"; fail "cpack"; }
deb=("$work"/package/seatkeeper_*.deb)
[ -f "${deb[0]}" ] || fail "no seatkeeper_*.deb in $(ls "$work/package")"
dpkg-deb --field "${deb[0]}" Package Version Architecture Depends Recommends Section Maintainer
dpkg-deb --field "${deb[0]}" Depends | grep -q 'libqt6sql6-sqlite' || fail "Depends lacks libqt6sql6-sqlite"
dpkg-deb --field "${deb[0]}" Depends | grep -q 'libqt6widgets6' || fail "Depends lacks the shared libraries (shlibdeps)"
dpkg-deb --field "${deb[0]}" Recommends | grep -q 'libqt6sql6-psql' || fail "Recommends lacks libqt6sql6-psql"

echo "== dpkg-deb -x"
dpkg-deb -x "${deb[0]}" "$work/root"
usr="$work/root/usr"
for f in bin/seatkeeper bin/seatctl \
    share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
    share/icons/hicolor/scalable/apps/$id.svg \
    share/icons/hicolor/{16x16,24x24,32x32,48x48,64x64,128x128,256x256}/apps/$id.png \
    share/man/man1/seatctl.1.gz share/man/man1/seatkeeper.1.gz \
    share/doc/seatkeeper/copyright share/doc/seatkeeper/changelog.gz; do
    [ -f "$usr/$f" ] || fail "the package lacks /usr/$f"
done

echo "== the unpacked programs"
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_RUNTIME_DIR="$work/runtime" QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE=
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
version=$("$usr/bin/seatctl" --version)
echo "seatctl --version: $version"
[[ "$version" == *0.* ]] || fail "seatctl --version"
version=$("$usr/bin/seatkeeper" --version)
echo "seatkeeper --version: $version"
[[ "$version" == *0.* ]] || fail "seatkeeper --version"
"$usr/bin/seatctl" --help | grep -q -- '--database' || fail "seatctl --help"
"$usr/bin/seatkeeper" --help | grep -q -- '--database' || fail "seatkeeper --help"

db="$work/seats.db"
"$usr/bin/seatctl" --database "$db" init --admin a@example.com
answers=$(printf 'window\nquit\n' | SEATKEEPER_AUTOMATION=1 timeout 30 "$usr/bin/seatkeeper" --database "$db" --language en)
echo "$answers"
grep -q '^ready [0-9]' <<<"$answers" || fail "the window did not start"
grep -qx 'window visible Settings' <<<"$answers" || fail "the window does not show Settings"
grep -qx 'bye' <<<"$answers" || fail "the window did not close"
echo "OK"
