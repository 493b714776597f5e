#!/bin/bash
# DESC: mlx5_core.ko builds on the track's patched tree with the track's Debian config (what "make" builds: no KUnit, distro options); modpost's unresolved symbols are only those vmlinux would resolve
# SCOPE: tree
# USES: scripts/base.sh
# debian-build.sh [TREE]: also "make build" (TREE: the track's tree).
# Incremental: make and ccache skip what did not change.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

tree=$SRC
OUT=$BUILD/debian
mapfile -t base < <("$TOP/scripts/base.sh" 2>/dev/null)
debconf=${base[2]:-}
[ -f "$debconf" ] || { echo "no Debian config for track $TRACK (scripts/base.sh)"; exit 1; }
mapfile -t flags < <(kmake_flags)
kmake() { make -s -C "$tree" O="$OUT" "${flags[@]}" "$@"; }

# Debian's config, adjusted only where the plain source cannot satisfy it:
# Debian signs modules with its own certificates, which the source package
# does not ship, so the build neither embeds nor signs with them; BTF needs
# a newer pahole than Debian 12's for the newest kernels, and no module
# here is loaded into a kernel that checks it.
configure() {
	mkdir -p "$OUT"
	xz -dc "$debconf" > "$OUT/.config"
	"$tree/scripts/config" --file "$OUT/.config" \
		--set-str SYSTEM_TRUSTED_KEYS "" \
		--set-str SYSTEM_REVOCATION_KEYS "" \
		--disable MODULE_SIG_ALL \
		--disable DEBUG_INFO_BTF
	kmake olddefconfig
	sha256sum "$debconf" | cut -d' ' -f1 > "$OUT/.config.debian"
}

if [ ! -f "$OUT/.config.debian" ] ||
   [ "$(cat "$OUT/.config.debian")" != "$(sha256sum "$debconf" | cut -d' ' -f1)" ]; then
	timed "configuring with Debian's $(basename "$debconf" .xz) (track $TRACK)" configure >&2
fi
timed "modules_prepare (Debian config)" kmake modules_prepare >&2
# vmlinux is not built (hours on 2 cores): modpost cannot resolve the
# kernel's symbols, so it warns instead of failing (they resolve at
# load). A symbol that no part of the kernel exports is still an error:
# it is checked below against the tree's exports.
build_mlx5() {
	kmake KBUILD_MODPOST_WARN=1 KBUILD_BUILTIN= "$MLX5/mlx5_core.ko" > "$OUT/mlx5.log" 2>&1
}
if ! timed "building $MLX5 (Debian config, log in $OUT/mlx5.log)" build_mlx5 >&2; then
	grep -E 'error|Error' "$OUT/mlx5.log" | head -n 20 >&2
	echo "does not build with Debian's config: $OUT/mlx5.log"
	exit 1
fi
ko=$OUT/$MLX5/mlx5_core.ko
[ -f "$ko" ] || { echo "the build did not produce $ko"; exit 1; }
find "$OUT/drivers/net/ethernet/mellanox" -name '*.ko' -printf '    %p (%s bytes)\n' >&2
echo "mlx5_core.ko with $(basename "$debconf" .xz) of $(sed -n 2p "$BUILD/base.used"), $OUT"
