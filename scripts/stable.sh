# shellcheck shell=bash
# Helpers for the stable backports, sourced after lib.sh. Each folder
# stable/NAME/ holds a quilt series (series and the patches it names) for
# one Debian kernel source package, pinned in stable/NAME/base.conf the
# way base.conf pins the series' own base. Its tree is
# build/stable/NAME/linux: a worktree of build/linux at the base when
# NAME's base is the series' own, else the package's tarball unpacked
# and committed as the base, tagged "base".

STABLE=$TOP/stable

# stable_names: the NAMEs of the backports, oldest base last.
stable_names() {
	local d
	for d in "$STABLE"/*/; do
		[ -f "$d/series" ] && basename "$d"
	done | sort -rV
}

# stable_conf NAME: set S_PKG, S_VERSION, S_SHA256, S_CONFIG_PKG and
# S_CONFIG_FILE from stable/NAME/base.conf, without touching the
# variables of the series' own base.conf.
stable_conf() {
	local f=$STABLE/$1/base.conf c
	[ -f "$f" ] || die "stable/$1/base.conf is missing"
	# shellcheck disable=SC1090,SC2153 # a base.conf of stable/ sets them
	mapfile -t c < <(. "$f" && printf '%s\n' "$BASE_PKG" "$BASE_VERSION" \
		"$BASE_SHA256" "$CONFIG_PKG" "$CONFIG_FILE")
	if [ "${#c[@]}" -ne 5 ] || [ -z "${c[4]}" ]; then
		die "stable/$1/base.conf must set BASE_PKG, BASE_VERSION, BASE_SHA256, CONFIG_PKG and CONFIG_FILE"
	fi
	S_PKG=${c[0]} S_VERSION=${c[1]} S_SHA256=${c[2]}
	S_CONFIG_PKG=${c[3]} S_CONFIG_FILE=${c[4]}
}

# stable_install NAME: the pinned source and config packages of NAME,
# installed with apt if they are not, and the tarball's sha256 checked.
stable_install() {
	local tarball=/usr/src/$S_PKG.tar.xz sum
	have() { [ "$(dpkg-query -W -f='${Version}' "$1" 2>/dev/null)" = "$S_VERSION" ]; }
	if ! have "$S_PKG" || ! have "$S_CONFIG_PKG"; then
		[ "$(id -u)" -eq 0 ] ||
			die "$S_PKG=$S_VERSION and $S_CONFIG_PKG=$S_VERSION are needed for stable/$1; run as root or install them"
		apt-cache madison "$S_PKG" | awk '{print $3}' | grep -qxF "$S_VERSION" ||
			apt-get update -q >/dev/null || true
		env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			--no-install-recommends --allow-downgrades \
			"$S_PKG=$S_VERSION" "$S_CONFIG_PKG=$S_VERSION" >/dev/null ||
			die "apt-get could not install $S_PKG=$S_VERSION for stable/$1"
	fi
	sum=$(sha256sum "$tarball" | cut -d' ' -f1)
	[ "$sum" = "$S_SHA256" ] ||
		die "$tarball: sha256 $sum, but stable/$1/base.conf pins $S_SHA256"
	[ -f "$S_CONFIG_FILE" ] || die "$S_CONFIG_FILE is missing ($S_CONFIG_PKG)"
}

# stable_tree NAME: set S_TREE, the path of NAME's tree, creating it at
# its base if it is missing. stable_conf NAME first. NAME's patches are
# applied on top by stable_apply, and recorded in build/stable/NAME/applied.
stable_tree() {
	local name=$1 tree=$BUILD/stable/$1/linux tmp
	if [ "$S_PKG" = "$BASE_PKG" ] && [ "$S_VERSION" = "$BASE_VERSION" ]; then
		if [ ! -e "$tree/.git" ]; then
			mkdir -p "$BUILD/stable/$name"
			git -C "$SRC" worktree prune
			git -C "$SRC" worktree add -q --detach "$tree" base
		fi
		S_TREE=$tree
		return
	fi
	if [ ! -f "$tree/.git/base-version" ] ||
	   [ "$(cat "$tree/.git/base-version")" != "$S_VERSION" ]; then
		stable_install "$name"
		tmp=$BUILD/stable/$name/unpack.tmp
		rm -rf "$tmp" "$tree"
		mkdir -p "$tmp"
		log "unpacking $S_PKG $S_VERSION for stable/$name ..."
		tar -C "$tmp" -xf "/usr/src/$S_PKG.tar.xz"
		mv "$tmp"/* "$tree"
		rmdir "$tmp"
		git -C "$tree" init -q -b main
		git -C "$tree" config gc.auto 0
		git -C "$tree" config user.name "mlx5 workbench"
		git -C "$tree" config user.email "workbench@localhost"
		commit_base "$tree" "$S_PKG" "$S_VERSION"
		printf '%s\n' "$S_VERSION" > "$tree/.git/base-version"
	fi
	S_TREE=$tree
}

# stable_series_hash NAME: what the tree's applied state is checked against.
stable_series_hash() {
	series_files "$STABLE/$1" | xargs cat | cat "$STABLE/$1/series" - |
		sha256sum | cut -c1-16
}

# stable_apply NAME TREE: TREE reset to its base and NAME's patches
# applied with git am, one commit each. Dies naming the patch that does
# not apply.
stable_apply() {
	local name=$1 tree=$2 p
	if ! git -C "$tree" checkout -q -f --detach base ||
	   ! git -C "$tree" clean -q -fdx; then
		die "cannot reset $tree to its base"
	fi
	rm -f "$BUILD/stable/$name/applied"
	while read -r p; do
		git -C "$tree" am -q --no-3way "$p" ||
			{ git -C "$tree" am --abort || true
			  die "stable/$name/$(basename "$p") does not apply with git am to $S_PKG $S_VERSION"; }
	done < <(series_files "$STABLE/$name")
	stable_series_hash "$name" > "$BUILD/stable/$name/applied"
}

# stable_ready NAME: conf loaded, tree created and NAME's patches applied
# (again only if the series changed); S_TREE is the tree.
stable_ready() {
	stable_conf "$1"
	stable_tree "$1"
	if [ "$(cat "$BUILD/stable/$1/applied" 2>/dev/null)" != "$(stable_series_hash "$1")" ]; then
		stable_apply "$1" "$S_TREE"
	fi
}
