#!/bin/bash
# Install the Debian packages the workbench needs, only those missing.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

pkgs=(build-essential flex bison bc libelf-dev libssl-dev dwarves python3
      cpio kmod rsync ccache xz-utils git quilt sparse qemu-system-x86)
# The bases are not packages installed here: scripts/base.sh fetches them.
# Extra groups on request: deps.sh check (make test's checks), deps.sh
# full (make test-full's).
for group in "$@"; do
	case $group in
	check) pkgs+=(codespell shellcheck) ;;
	full) pkgs+=(coccinelle ocaml clang lld llvm python3-sphinx iproute2 jq
		     netsniff-ng udev spin) ;;
	*) die "deps.sh: unknown package group '$group'" ;;
	esac
done

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done
# The base is checked by version, not just presence: prepare.sh decides.
[ ${#missing[@]} -eq 0 ] && exit 0

[ "$(id -u)" -eq 0 ] || die "missing packages (${missing[*]}); run as root or install them"
timed "apt-get update" apt-get update -q >/dev/null
timed "apt-get install ${missing[*]}" env DEBIAN_FRONTEND=noninteractive \
	apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
