#!/bin/bash
# base.sh: the track's base (tracks/TRACK/base.conf), fetched and checked.
# Prints four lines: the source tarball, the source version in use, the
# Debian config file, the config version in use. Writes build/TRACK/
# base.used (those versions) and build/TRACK/base.drift (one line per
# package whose pinned version is no longer served, else empty).
# base.sh newest: the newest served version of the source and config
# packages, one per line (make rebase-base).
# base.sh plan PINNED SERVED_FILE: the version choice alone, on a list of
# served versions (the selftest's fixtures): "pinned V", "drift P V" or
# "none" (exit 1).
#
# One path for every base: the packages are never installed. apt-get
# download fetches the pinned version (or the newest served one, when
# Debian no longer serves it) into build/bases/, and only the tarball or
# config file is kept. A base from another suite (SUITE= in base.conf)
# comes through a private sources list under build/apt/; the system's
# apt configuration is never changed.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

BASES=$BUILD_ROOT/bases

# plan PINNED: the version to use, from the served versions on stdin.
plan() {
	local pinned=$1 newest="" v
	while read -r v; do
		[ -n "$v" ] || continue
		[ "$v" != "$pinned" ] || { echo "pinned $v"; return 0; }
		if [ -z "$newest" ] || dpkg --compare-versions "$v" gt "$newest"; then
			newest=$v
		fi
	done
	[ -n "$newest" ] || { echo none; return 1; }
	echo "drift $pinned $newest"
}

# The apt options of the track's suite: none for the system's sources,
# else a private sources list, lists and cache under build/apt/SUITE.
apt_opts=()
set_apt_opts() {
	local dir=$BUILD_ROOT/apt/$SUITE site
	[ -n "${SUITE:-}" ] || return 0
	mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial"
	if [ ! -s "$dir/sources.list" ]; then
		# The mirror the system already uses for Debian itself.
		# shellcheck disable=SC2016 # apt's format, not the shell's
		site=$(apt-get indextargets --format '$(SITE) $(ORIGIN)' 2>/dev/null |
			awk '$2 == "Debian" { print $1; exit }')
		[ -n "$site" ] ||
			die "track $TRACK: no Debian mirror in the system's apt sources to fetch $SUITE from"
		printf 'deb %s %s main\n' "$site" "$SUITE" > "$dir/sources.list"
	fi
	apt_opts=(-o "Dir::Etc::sourcelist=$dir/sources.list"
		-o Dir::Etc::sourceparts=- -o "Dir::State::Lists=$dir/lists"
		-o "Dir::Cache=$dir/cache" -o APT::Get::List-Cleanup=0)
}

# update_lists: apt-get update of the track's sources, once per hour at
# most (a fresh machine has no lists; a pinned version may be new).
update_lists() {
	local stamp=$BUILD_ROOT/apt/${SUITE:-system}.updated where=$SUITE
	[ -n "$where" ] || where="the system's sources"
	mkdir -p "$BUILD_ROOT/apt"
	[ -z "$(find "$stamp" -mmin -60 2>/dev/null)" ] || return 0
	[ "$(id -u)" -eq 0 ] || [ -n "${SUITE:-}" ] ||
		die "track $TRACK: apt's lists need an update; run as root"
	timed "apt-get update ($where)" \
		apt-get "${apt_opts[@]}" update -q >/dev/null ||
		die "track $TRACK: apt-get update of $where failed"
	touch "$stamp"
}

served() {
	apt-cache "${apt_opts[@]}" madison "$1" 2>/dev/null | awk -F' *[|] *' '{ print $2 }'
}

# choose PKG PINNED: the version of PKG to use; updates the lists once if
# the pinned version is not among those served.
choose() {
	local out
	if ! served "$1" | grep -qxF "$2"; then
		update_lists
	fi
	out=$(served "$1" | plan "$2") ||
		die "track $TRACK: apt serves no $1 at all (pinned $2)"
	printf '%s\n' "$out"
}

# fetch PKG VERSION FILE: FILE (a path inside the package) of PKG
# VERSION, downloaded once into build/bases/; prints its path.
fetch() {
	local dest=$BASES/$1_$2 tmp
	if [ ! -f "$dest/$3" ]; then
		tmp=$(mktemp -d "$BASES.tmp.XXXXXX")
		(cd "$tmp" && apt-get "${apt_opts[@]}" -o APT::Sandbox::User=root \
			-q download "$1=$2" >/dev/null) ||
			{ rm -rf "$tmp"; die "track $TRACK: apt-get download $1=$2 failed"; }
		mkdir -p "$tmp/x"
		dpkg-deb --fsys-tarfile "$tmp"/*.deb | tar -x -C "$tmp/x" "./$3" ||
			{ rm -rf "$tmp"; die "track $TRACK: $1 $2 has no $3"; }
		mkdir -p "$(dirname "$dest/$3")"
		mv "$tmp/x/$3" "$dest/$3"
		rm -rf "$tmp"
	fi
	printf '%s\n' "$dest/$3"
}

# use WHAT PKG PINNED SHA FILE: fetch the chosen version, check the sum
# where the pin holds, note a drift. Prints the file, then the version.
use() {
	local what=$1 pkg=$2 pinned=$3 sha=$4 file=$5 choice path sum
	choice=$(choose "$pkg" "$pinned") || exit 1
	local version=${choice##* }
	path=$(fetch "$pkg" "$version" "$file")
	if [ "${choice%% *}" = pinned ]; then
		sum=$(sha256sum "$path" | cut -d' ' -f1)
		[ "$sum" = "$sha" ] ||
			die "track $TRACK: $file of $pkg $version has sha256 $sum, but tracks/$TRACK/base.conf pins $sha"
	else
		printf '%s %s pinned %s, used %s\n' "$what" "$pkg" "$pinned" \
			"$version" >> "$BUILD/base.drift.new"
		warn "track $TRACK: $pkg $pinned is no longer served; using $version (make rebase-base TRACK=$TRACK moves the pin)"
	fi
	printf '%s\n%s\n' "$path" "$version"
}

mkdir -p "$BASES" "$BUILD"
set_apt_opts
case ${1:-} in
plan)
	plan "$2" < "$3"
	exit
	;;
newest)
	for pkg in "$SRC_PKG" "$CONFIG_PKG"; do
		update_lists
		served "$pkg" | plan "" | awk '{ print $NF }'
	done
	exit
	;;
'') ;;
*) die "usage: base.sh [newest | plan PINNED SERVED_FILE]" ;;
esac

rm -f "$BUILD/base.drift.new"
touch "$BUILD/base.drift.new"
mapfile -t src < <(use source "$SRC_PKG" "$SRC_VERSION" "$SRC_SHA256" \
	"usr/src/$SRC_PKG.tar.xz")
mapfile -t cfg < <(use config "$CONFIG_PKG" "$CONFIG_VERSION" \
	"$CONFIG_SHA256" "$CONFIG_FILE")
[ ${#src[@]} -eq 2 ] && [ ${#cfg[@]} -eq 2 ] || exit 1
mv "$BUILD/base.drift.new" "$BUILD/base.drift"
printf '%s %s\n%s %s\n' "$SRC_PKG" "${src[1]}" "$CONFIG_PKG" "${cfg[1]}" \
	> "$BUILD/base.used"
printf '%s\n' "${src[@]}" "${cfg[@]}"
