#!/bin/bash
# Make sure the pinned base package is installed and verified.
# Prints the tarball path and the version in use, one per line.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

tarball=/usr/src/$BASE_PKG.tar.xz
installed() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || true; }
served() { apt-cache madison "$BASE_PKG" 2>/dev/null | awk '{print $3}'; }

install_version() {
	[ "$(id -u)" -eq 0 ] || die "$BASE_PKG=$1 is needed; run as root or install it"
	env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends --allow-downgrades \
		"$BASE_PKG=$1" "linux-config-6.12=$1" >/dev/null ||
		die "apt-get could not install $BASE_PKG=$1"
}

version=$BASE_VERSION
if [ "$(installed "$BASE_PKG")" != "$BASE_VERSION" ] ||
   [ "$(installed linux-config-6.12)" != "$BASE_VERSION" ]; then
	if ! served | grep -qxF "$BASE_VERSION"; then
		timed "apt-get update" apt-get update -q >/dev/null || true
	fi
	if served | grep -qxF "$BASE_VERSION"; then
		timed "installing $BASE_PKG=$BASE_VERSION" install_version "$BASE_VERSION"
	else
		version=$(served | sort -V | tail -n 1)
		[ -n "$version" ] || die "apt serves no $BASE_PKG at all"
		warn "pinned $BASE_PKG $BASE_VERSION is no longer served;"
		warn "using the newest one, $version: every patch must still apply without fuzz"
		[ "$(installed "$BASE_PKG")" = "$version" ] ||
			timed "installing $BASE_PKG=$version" install_version "$version"
	fi
fi

[ -f "$tarball" ] || die "$tarball is missing although $BASE_PKG is installed"
if [ "$version" = "$BASE_VERSION" ]; then
	sum=$(sha256sum "$tarball" | cut -d' ' -f1)
	[ "$sum" = "$BASE_SHA256" ] ||
		die "$tarball: sha256 $sum, but base.conf pins $BASE_SHA256 for $BASE_VERSION"
fi
printf '%s\n%s\n' "$tarball" "$version"
