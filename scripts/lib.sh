# shellcheck shell=bash
# Common helpers for the workbench scripts. Sourced, never run.

# Used by the scripts that source this file.
# shellcheck disable=SC2034
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# A track is a base and the series on it: tracks/NAME/ holds base.conf
# (the pinned Debian packages), track.conf (its series and checks) and a
# folder per series. TRACK picks one; 6.12 unless told.
# (WORKBENCH_TRACKS and WORKBENCH_BUILD put both elsewhere: the
# runner's selftest.)
TRACKS=${WORKBENCH_TRACKS:-$TOP/tracks}
TRACK=${TRACK:-6.12}
TDIR=$TRACKS/$TRACK
# build/ holds every track's tree and builds (build/TRACK/), the Debian
# packages of the bases (build/bases/) and the results of the test
# command (build/results/).
BUILD_ROOT=${WORKBENCH_BUILD:-$TOP/build}
BUILD=$BUILD_ROOT/$TRACK
SRC=$BUILD/linux
MLX5=drivers/net/ethernet/mellanox/mlx5/core
JOBS=${JOBS:-$(nproc)}
export CCACHE_DIR=${CCACHE_DIR:-${HOME:-/root}/.cache/ccache}
# Paths below build/ are hashed relative, so that another clone (CI's)
# hits the same cache entries.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$BUILD_ROOT}

log() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

if [ ! -f "$TDIR/track.conf" ] || [ ! -f "$TDIR/base.conf" ]; then
	die "no track '$TRACK': tracks/ has $(cd "$TRACKS" && echo */ | tr -d /)"
fi
# track.conf: SERIES (the posted series' folders, in the order they
# apply), TEST and FULL (its checks in make test and make test-full),
# REF_SERIES (the series whose patches a backport series carries: row
# backport), OWN_SERIES (a backport track's series of its own, with no
# upstream counterpart: row backport passes them by), REF_TRACK (the
# track whose code a backport track's should equal: row upstream-diff),
# DEP3 (yes: export writes DEP-3 headers), KUNIT_CONTROL (the module
# whose parameters arm the KUnit controls; kunit-run.sh).
SERIES="" TEST="" FULL="" REF_SERIES="" OWN_SERIES="" REF_TRACK="" DEP3=""
KUNIT_CONTROL=""
# shellcheck source=tracks/6.12/track.conf
. "$TDIR/track.conf"
# shellcheck source=tracks/6.12/base.conf
. "$TDIR/base.conf"
# The first posted series and the local queue (applied after every
# posted series for our own runs, never posted).
PATCHES=$TDIR/${SERIES%% *}
LOCAL=$TDIR/local

# timed LABEL CMD...: run CMD, report how long it took.
timed() {
	local label=$1 start rc=0
	shift
	start=$(date +%s)
	log "$label ..."
	"$@" || rc=$?
	log "$label: $(( $(date +%s) - start )) s$( [ "$rc" -eq 0 ] || echo ", FAILED (exit $rc)")"
	return "$rc"
}

# series_files [DIR]: the patch files of DIR/series in order; without
# DIR, those of every posted series of the track, in SERIES order (cover
# letters excluded).
series_files() {
	local dir p s
	if [ $# -eq 0 ]; then
		for s in $SERIES; do
			series_files "$TDIR/$s"
		done
		return
	fi
	dir=$1
	[ -f "$dir/series" ] || die "${dir#"$TOP"/}/series is missing"
	while read -r p; do
		case $p in ''|'#'*) continue ;; esac
		[ -f "$dir/$p" ] || die "${dir#"$TOP"/}/series names $p, which does not exist"
		printf '%s\n' "$dir/$p"
	done < "$dir/series"
}

# series_dirs: the folders of the track's posted series, in order.
series_dirs() {
	local s
	for s in $SERIES; do
		printf '%s\n' "$TDIR/$s"
	done
}

# patches_hash: what prepare.sh compares to know build/linux is current:
# the series, the local queue and the base versions in use.
patches_hash() {
	{
		series_dirs | sed 's|$|/series|' | xargs -r cat
		series_files | xargs -r cat
		if [ -f "$LOCAL/series" ]; then
			cat "$LOCAL/series"
			local_series_files | xargs -r cat
		fi
		cat "$BUILD/base.used" 2>/dev/null || true
	} | sha256sum | cut -d' ' -f1
}

# local_series_files: the patches of the local queue, if there is one.
local_series_files() {
	[ ! -f "$LOCAL/series" ] || series_files "$LOCAL"
}

# posted_rev: the tip of the posted series in build/linux. The local
# queue's commits, on top of it, have subjects that start with "local:".
posted_rev() {
	local sha
	sha=$(git -C "$SRC" log --format='%H %s' base..HEAD |
		awk '$2 != "local:" { print $1; exit }')
	if [ -n "$sha" ]; then
		printf '%s\n' "$sha"
	else
		git -C "$SRC" rev-parse base
	fi
}

# The make flags every kernel build here shares: ccache for the compiler.
kmake_flags() {
	printf '%s\n' "CC=ccache gcc" "HOSTCC=ccache gcc" "-j$JOBS"
}

# Results of the test command: one line per check, "STATUS<TAB>CHECK<TAB>
# SUBJECT<TAB>REASON", STATUS one of PASS, FAIL, SKIP.
# CHECK is "TRACK/NAME", or NAME alone for the checks that belong to no
# track (ROW_TRACK set empty: the workbench's selftest, the model).
RESULTS=${RESULTS:-$BUILD_ROOT/results/checks.tsv}
record() {
	local t=${ROW_TRACK-$TRACK} check
	check=${t:+$t/}$2
	mkdir -p "$(dirname "$RESULTS")"
	printf '%s\t%s\t%s\t%s\n' "$1" "$check" "$3" "${4:-}" >> "$RESULTS"
	[ "$1" != FAIL ] || printf 'FAIL: %s %s: %s\n' "$check" "$3" "${4:-}" >&2
}

# tracked: rows made by another tool (kunit-results.py), on stdin, with
# the track's name put before their check, as record() does.
tracked() {
	local t=${ROW_TRACK-$TRACK}
	sed -E "s|^([A-Z]+)\t|\1\t${t:+$t/}|"
}

# The files the posted series touches, one per line.
touched_files() {
	git -C "$SRC" diff --name-only --diff-filter=AM base "$(posted_rev)"
}

# The directories the per-patch and clang builds cover: mlx5 core (its
# subdirectories come with it) and that of every other C file touched.
build_dirs() {
	{ echo "$MLX5/"; touched_files | grep '\.c$' | grep -v "^$MLX5/" |
		xargs -r -n1 dirname | sed 's|$|/|'; } | sort -u
}

# Compiler and sparse warnings of a build log, one per line, without line
# and column numbers, so that a warning moved by an edit is not new.
build_warnings() {
	grep -E ': (warning|error):' "$1" | sed -E 's|^([^:]+):[0-9]+:([0-9]+:)?|\1:|' | sort -u || true
}

# kunit_py COMMAND OUT ARGS...: kunit.py COMMAND of the patched tree,
# with its kernel built in OUT.
kunit_py() {
	(cd "$SRC" && PATH=$TOP/scripts/qemu:$PATH \
		python3 tools/testing/kunit/kunit.py "$1" --build_dir="$2" "${@:3}")
}

# kunit_build OUT CONFIG ARGS...: build in OUT the KUnit kernel of the
# series' own tests/.kunitconfig, with kunit/mlx5.kunitconfig, the
# track's own tracks/TRACK/kunitconfig (if any) and CONFIG on top, with
# the workbench's compiler flags (ccache) and jobs.
kunit_build() {
	local out=$1 config=$2 mk track=()
	shift 2
	mapfile -t mk < <(kmake_flags | grep -v '^-j' | sed 's/^/--make_options=/')
	[ ! -f "$TDIR/kunitconfig" ] || track=(--kunitconfig="$TDIR/kunitconfig")
	kunit_py build "$out" --kunitconfig="$MLX5/tests" \
		--kunitconfig="$TOP/kunit/mlx5.kunitconfig" "${track[@]}" \
		--kunitconfig="$config" --jobs="$JOBS" "${mk[@]}" "$@"
}

# new_lines OLD NEW: the lines of NEW (a file or "-") that OLD lacks: the
# "new warnings against the base" of every check that compares.
new_lines() {
	comm -13 <(sort -u "$1") <(sort -u "$2")
}

# worktree NAME [REV]: a worktree of build/linux at $BUILD/NAME, at REV
# (base by default), created if missing; prints its path.
worktree() {
	local wt=$BUILD/$1
	# A worktree of a tree unpacked again (a new base) is stale: renewed.
	if [ "$(git -C "$wt" rev-parse --path-format=absolute --git-common-dir 2>/dev/null)" != "$SRC/.git" ]; then
		rm -rf "$wt"
		git -C "$SRC" worktree prune
		git -C "$SRC" worktree add -q --detach "$wt" base
	fi
	git -C "$wt" checkout -q -f --detach "${2:-base}"
	printf '%s\n' "$wt"
}

# pristine NAME: the worktree NAME at the base, with nothing else in it.
pristine() {
	local wt
	wt=$(worktree "$1")
	git -C "$wt" am --abort >/dev/null 2>&1 || true
	git -C "$wt" checkout -q -f --detach base
	git -C "$wt" clean -q -f -d -x
	printf '%s\n' "$wt"
}

# The per-patch W=1 + sparse builds of the check config, shared by the
# build and sparse checks: one log per revision, kept while the revision,
# the config fragment and the compilers are the same.
CHECK_WT=bisect-src
CHECK_OUT=$BUILD/check
CHECK_LOGS=$BUILD/results/bisect

check_kmake() {
	make -s -C "$BUILD/$CHECK_WT" O="$CHECK_OUT" CC="ccache gcc" \
		HOSTCC="ccache gcc" -j"$JOBS" "$@"
}

# module_undefined DIR...: the symbols that the modules built in DIRs
# use and that neither they nor the tree export: what modpost would call
# unresolved (it does not run on a directory build, and cannot without
# vmlinux). A module's composite object is linked in the directory build.
module_undefined() {
	local mods d
	mods=$(for d in "$@"; do
		find "$CHECK_OUT/$d" -name '*.mod' 2>/dev/null
	done | sed 's/\.mod$/.o/' | while read -r o; do
		[ ! -f "$o" ] || printf '%s\n' "$o"
	done)
	[ -n "$mods" ] || return 0
	# shellcheck disable=SC2086 # one object per word
	comm -23 <(nm -u $mods | awk 'NF == 2 { print $2 }' | sort -u) \
		<({ nm --defined-only $mods | awk 'NF == 3 { print $3 }'
		    git -C "$BUILD/$CHECK_WT" grep -h -oE \
			'EXPORT_SYMBOL[A-Z_]*\([[:space:]]*[A-Za-z0-9_]+' |
			sed -E 's/.*\([[:space:]]*//'; } | sort -u)
}

check_build_key() {
	{
		cat "$TDIR/check.config"
		gcc --version | head -n 1
		sparse --version 2>&1 | head -n 1
		build_dirs
		# how the build is made, so that changing it builds again
		declare -f check_kmake check_build_log
	} | sha256sum | cut -c1-12
}

# check_build_log REV: the log of the W=1 C=1 build of build_dirs at REV,
# built if there is none yet; the build's exit status is in LOG.rc. Kept
# by REV's tree, so that applying the same patches again (new commits,
# the same trees) builds nothing.
check_build_log() {
	local sha log dirs wt
	sha=$(git -C "$SRC" rev-parse "$1")
	log=$CHECK_LOGS/$(git -C "$SRC" rev-parse "$sha^{tree}").$(check_build_key).log
	# A failed build is built again: its cause may be outside the tree.
	if [ "$(cat "$log.rc" 2>/dev/null)" != 0 ]; then
		mkdir -p "$CHECK_LOGS"
		wt=$(worktree "$CHECK_WT" "$sha")
		mapfile -t dirs < <(build_dirs)
		[ -f "$CHECK_OUT/.config" ] || check_kmake defconfig >/dev/null
		"$wt/scripts/kconfig/merge_config.sh" -m -O "$CHECK_OUT" \
			"$CHECK_OUT/.config" "$TDIR/check.config" >/dev/null
		check_kmake olddefconfig >/dev/null
		check_kmake prepare >/dev/null 2>&1 || true
		local rc=0 start
		start=$(date +%s)
		check_kmake W=1 C=1 "${dirs[@]}" > "$log" 2>&1 || rc=$?
		log "W=1 C=1 build of ${dirs[*]} at $(git -C "$SRC" log -1 --format='%h %s' "$sha" | cut -c1-60): $(( $(date +%s) - start )) s"
		[ "$rc" -ne 0 ] || module_undefined "${dirs[@]}" > "$log.undef"
		echo "$rc" > "$log.rc"
	fi
	printf '%s\n' "$log"
}

# check_build_new KIND PATCH: KIND (gcc or sparse) warnings that the
# build after posted PATCH has and the base's build had not. Prints the
# reason and returns 1 if there are any, or if a build failed.
check_build_new() {
	local kind=$1 base log new flag=-E
	[ "$kind" = gcc ] || flag=-vE
	base=$(check_build_log base)
	log=$(check_build_log "$(sha_of "$2")")
	if [ "$(cat "$base.rc")" != 0 ]; then
		echo "the pristine base does not build: $base"
		return 1
	fi
	if [ "$(cat "$log.rc")" != 0 ]; then
		grep -E 'error' "$log" | head -n 20 >&2 || true
		echo "does not build on its own: $log"
		return 1
	fi
	if [ "$kind" = gcc ]; then
		new=$(new_lines "$base.undef" "$log.undef")
		if [ -n "$new" ]; then
			echo "unresolved at modpost (nothing exports them): $(printf '%s\n' "$new" | paste -sd' ' -)"
			return 1
		fi
	fi
	# gcc's warnings end with their -W option; sparse's do not.
	new=$(new_lines <(build_warnings "$base" | grep "$flag" '\[-W[^]]*\]$' || true) \
		<(build_warnings "$log" | grep "$flag" '\[-W[^]]*\]$' || true))
	if [ -n "$new" ]; then
		printf '%s\n' "$new" | sed "s|^|  $(basename "$2"): |" >&2
		echo "$(printf '%s\n' "$new" | wc -l) new $kind warnings: $log"
		return 1
	fi
}

# sha_of PATCH: the commit of build/linux that a posted patch file made.
sha_of() {
	local n
	n=$(series_files | grep -nxF "$1" | cut -d: -f1)
	[ -n "$n" ] || die "$1 is not in a posted series of track $TRACK"
	git -C "$SRC" rev-list --reverse base.."$(posted_rev)" | sed -n "${n}p"
}

# blank_context PATCH...: write a blank context line empty, not as one
# space, which git am, GNU patch (quilt) and checkpatch all read as a
# blank context line: run from a git tree that tracks the patches,
# checkpatch takes a .patch for a source file, and would report each " "
# line as trailing whitespace.
blank_context() {
	local p
	for p in "$@"; do
		[ -f "$p" ] || continue
		awk '/^diff --git / { hunks = 1 } hunks && $0 == " " { $0 = "" } { print }' \
			"$p" > "$p.new"
		mv "$p.new" "$p"
	done
}

# mail_form PATCH: the patch as git format-patch wrote it and as it is
# mailed, blank context lines back to one space (undoes blank_context):
# what git am, b4 and git patch-id read from the list.
mail_form() {
	awk '/^diff --git / { hunks = 1 } hunks && $0 == "" { $0 = " " } { print }' "$1"
}

# stable_patch_id: git patch-id --stable of the patch on stdin, the id
# alone: what prerequisite-patch-id: names (git format-patch --base).
stable_patch_id() {
	git -C "$SRC" patch-id --stable | cut -d' ' -f1
}

# exporter_identity: "Name <address>" of whoever exports or posts, from
# git's user.name and user.email; a reason on stderr and non-zero when
# git has none or a placeholder (a reserved domain, a noreply address).
exporter_identity() {
	local name email domain
	name=$(git -C "$TOP" config user.name || true)
	email=$(git -C "$TOP" config user.email || true)
	if [ -z "$name" ] || [ -z "$email" ]; then
		echo "git knows no identity: set yours with git config --global user.name 'Your Name' and user.email you@your.domain" >&2
		return 1
	fi
	domain=${email##*@}
	case $email in
	*noreply*|*@localhost|*.example|*.invalid|*.test|*.localhost|\
	*@example.com|*@example.org|*@example.net)
		echo "git's identity <$email> is a placeholder ($domain): posted patches carry a real person's address; set yours with git config --global user.email" >&2
		return 1 ;;
	esac
	printf '%s <%s>\n' "$name" "$email"
}

# commit_base TREE PKG VERSION: commit everything in TREE as the pristine
# base of Debian's PKG VERSION, tagged "base". Fixed identity and date:
# the base commit has the same sha everywhere.
commit_base() {
	git -C "$1" add -f -A . >/dev/null
	GIT_AUTHOR_NAME=base GIT_AUTHOR_EMAIL=base@localhost \
	GIT_COMMITTER_NAME=base GIT_COMMITTER_EMAIL=base@localhost \
	GIT_AUTHOR_DATE='2000-01-01T00:00:00Z' GIT_COMMITTER_DATE='2000-01-01T00:00:00Z' \
		git -C "$1" commit -q --no-verify -m "$2 $3" \
		-m "Pristine source of Debian's $2 $3 package."
	git -C "$1" tag -f base >/dev/null
}
