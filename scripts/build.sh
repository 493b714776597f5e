#!/bin/bash
# build.sh [TREE OUT CONFIG]: build the mlx5 driver modules of the patched
# tree with Debian's own amd64 config, in build/debian (or of TREE, in OUT,
# with the Debian config file CONFIG: the stable backports' builds).
# Incremental: make and ccache skip what did not change.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

tree=${1:-$SRC}
OUT=${2:-$BUILD/debian}
debconf=${3:-/usr/src/linux-config-6.12/config.amd64_none_amd64.xz}
base=$(git -C "$tree" log -1 --format=%s base)
[ -f "$debconf" ] || die "$debconf is missing (Debian's linux-config package)"
mapfile -t flags < <(kmake_flags)
kmake() { make -s -C "$tree" O="$OUT" "${flags[@]}" "$@"; }

# Debian's config, adjusted only where the plain source cannot satisfy it:
# Debian signs modules with its own certificates, which the source package
# does not ship, so the build neither embeds nor signs with them.
configure() {
	mkdir -p "$OUT"
	xz -dc "$debconf" > "$OUT/.config"
	"$tree/scripts/config" --file "$OUT/.config" \
		--set-str SYSTEM_TRUSTED_KEYS "" \
		--set-str SYSTEM_REVOCATION_KEYS "" \
		--disable MODULE_SIG_ALL
	kmake olddefconfig
	sha256sum "$debconf" | cut -d' ' -f1 > "$OUT/.config.debian"
}

if [ ! -f "$OUT/.config.debian" ] ||
   [ "$(cat "$OUT/.config.debian")" != "$(sha256sum "$debconf" | cut -d' ' -f1)" ]; then
	timed "configuring with Debian's $(basename "$debconf" .xz) ($base)" configure
fi
timed "modules_prepare (Debian config)" kmake modules_prepare
# vmlinux is not built (hours on 2 cores): modpost cannot resolve the
# kernel's symbols, so it warns instead of failing (they resolve at load),
# and KBUILD_BUILTIN is cleared so that the module's BTF step does not ask
# for vmlinux (it is skipped with a notice instead).
build_mlx5() {
	kmake KBUILD_MODPOST_WARN=1 KBUILD_BUILTIN= "$MLX5/mlx5_core.ko" > "$OUT/mlx5.log" 2>&1
}
timed "building $MLX5 modules (Debian config, log in $OUT/mlx5.log)" build_mlx5 ||
	{ grep -E 'error|Error' "$OUT/mlx5.log" | head -n 20 >&2; die "the mlx5 build failed: $OUT/mlx5.log"; }
unresolved=$(( $(grep -c 'undefined!$' "$OUT/mlx5.log" || true) +
	$(sed -n 's/.*suppressed \([0-9]*\) unresolved.*/\1/p' "$OUT/mlx5.log" | head -n 1 | grep . || echo 0) ))
log "modpost left $unresolved kernel symbols to resolve at load time (no vmlinux)"

ko=$OUT/$MLX5/mlx5_core.ko
[ -f "$ko" ] || die "the build did not produce $ko"
log "built from $(git -C "$tree" rev-list --count base..HEAD) patches on $base:"
find "$OUT/drivers/net/ethernet/mellanox" -name '*.ko' -printf '    %p (%s bytes)\n' >&2
