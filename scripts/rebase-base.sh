#!/bin/bash
# rebase-base.sh: move the track's base (tracks/TRACK/base.conf) to the
# newest source and config versions Debian serves: fetch them, update the
# pins (versions and sha256), lay the tree out again with every series
# applied without fuzz, re-export the series (index lines, offsets,
# base-commit), and print what changed. Nothing is changed if a patch
# does not apply: base.conf is restored.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

conf=$TDIR/base.conf
mapfile -t newest < <("$TOP/scripts/base.sh" newest)
if [ ${#newest[@]} -ne 2 ] || [ -z "${newest[0]}" ] || [ -z "${newest[1]}" ]; then
	die "track $TRACK: apt serves no $SRC_PKG or $CONFIG_PKG"
fi
if [ "${newest[0]}" = "$SRC_VERSION" ] && [ "${newest[1]}" = "$CONFIG_VERSION" ]; then
	log "track $TRACK: $SRC_PKG $SRC_VERSION and $CONFIG_PKG $CONFIG_VERSION are the newest served: nothing to do"
	exit 0
fi
[ -z "$(git -C "$TOP" status --porcelain -- "tracks/$TRACK")" ] ||
	die "tracks/$TRACK has uncommitted changes: commit them first"
[ ! -d "$SRC/.git" ] || [ -z "$(git -C "$SRC" status --porcelain --untracked-files=no)" ] ||
	die "build/$TRACK/linux has uncommitted changes"

cp "$conf" "$BUILD/base.conf.old"
# set KEY VALUE: one line of base.conf.
set_pin() { sed -i "s|^$1=.*|$1=$2|" "$conf"; }
restore() { cp "$BUILD/base.conf.old" "$conf"; }
trap 'restore' ERR

set_pin SRC_VERSION "${newest[0]}"
set_pin CONFIG_VERSION "${newest[1]}"
# The new pins' sums: base.sh checks a pin's sum, so fetch unchecked.
set_pin SRC_SHA256 unknown
set_pin CONFIG_SHA256 unknown
files=()
for pkg_ver_file in "$SRC_PKG ${newest[0]} usr/src/$SRC_PKG.tar.xz" \
		    "$CONFIG_PKG ${newest[1]} $CONFIG_FILE"; do
	read -r pkg ver file <<< "$pkg_ver_file"
	f=$BUILD_ROOT/bases/${pkg}_$ver/$file
	if [ ! -f "$f" ]; then
		# base.sh fetches and, with the pin unknown, stops at the sum:
		# the file is there afterwards.
		"$TOP/scripts/base.sh" >/dev/null 2>&1 || true
	fi
	[ -f "$f" ] || { restore; die "track $TRACK: could not fetch $pkg $ver"; }
	files+=("$f")
done
set_pin SRC_SHA256 "$(sha256sum "${files[0]}" | cut -d' ' -f1)"
set_pin CONFIG_SHA256 "$(sha256sum "${files[1]}" | cut -d' ' -f1)"
trap - ERR

if ! TRACK=$TRACK "$TOP/scripts/prepare.sh"; then
	restore
	die "track $TRACK: the series does not apply without fuzz to the newest base (above); base.conf left as it was"
fi
if [ -n "$SERIES" ]; then
	"$TOP/scripts/export.sh"
fi
log "track $TRACK: $SRC_PKG $SRC_VERSION -> ${newest[0]}, $CONFIG_PKG $CONFIG_VERSION -> ${newest[1]}"
git -C "$TOP" --no-pager diff --stat -- "tracks/$TRACK"
git -C "$TOP" --no-pager diff -- "tracks/$TRACK/base.conf"
