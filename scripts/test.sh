#!/bin/bash
# test.sh [check|full|step NAME...]: the test command, and the runner of the
# checks in scripts/checks/. Each check is one script, one row name: its
# "# DESC:" line says what it checks, its "# SCOPE:" line how it runs:
#   patch   once per posted patch (PATCH as argument),
#   file    once per touched file its "# FILES:" regex selects,
#   series  once per posted series of the track (its folder as argument),
#   tree    once per track, on its patched tree,
#   rows    once, recording rows of its own (a KUnit case, a model
#           variant, a parser).
# A check prints its reason last on stdout and exits 0 (PASS), 250 (SKIP)
# or anything else (FAIL); this runner records the row and owns the order
# and the table.
# Tiers: every track (tracks/*/) lists its checks in track.conf, TEST for
# make test (the README's test command, .ci/run) and FULL for make
# test-full, which runs everything else. Each track's rows start with its
# apply; a track whose series does not apply records that and runs no
# other check, and the other tracks go on. "check" is TEST without the
# KUnit runs; "step NAME..." runs those checks on TRACK (6.12 unless
# told). Prints one table and "N passed, N failed[, N skipped]"; exits
# non-zero on any failure.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

# (WORKBENCH_CHECKS: the runner's selftest's own checks.)
C=${WORKBENCH_CHECKS:-$TOP/scripts/checks}
start=$(date +%s)
mkdir -p "$BUILD_ROOT/results"
# Where the time went: "SECONDS<TAB>CHECK<TAB>SUBJECT<TAB>ran|reused".
export TIMES=${TIMES:-$BUILD_ROOT/results/times.tsv}

# took NAME SUBJECT SINCE HOW: record the time since SINCE in TIMES.
took() {
	local t=${ROW_TRACK-$TRACK}
	printf '%s\t%s\t%s\t%s\n' "$(( $(date +%s) - $3 ))" "${t:+$t/}$1" \
		"$2" "$4" >> "$TIMES"
}

summary() {
	local pass fail skip
	pass=$(grep -c '^PASS' "$RESULTS" || true)
	fail=$(grep -c '^FAIL' "$RESULTS" || true)
	skip=$(grep -c '^SKIP' "$RESULTS" || true)
	# Kept for "make results", which copies it to docs/results/.
	{
		echo
		echo "Results (every row in $RESULTS):"
		python3 "$TOP/scripts/summary.py" "$RESULTS"
		python3 "$TOP/scripts/times.py" "$TIMES"
		echo "Took $(( $(date +%s) - start )) s."
		printf '%s passed, %s failed%s\n' "$pass" "$fail" \
			"$( [ "$skip" -eq 0 ] || printf ', %s skipped' "$skip")"
	} > "$BUILD_ROOT/results/summary-$mode.txt"
	cat "$BUILD_ROOT/results/summary-$mode.txt"
	[ "$fail" -eq 0 ]
}

# field NAME KEY: the "# KEY: value" line of check NAME.
field() {
	sed -n "s/^# $2: //p" "$C/$1.sh" | head -n 1
}

# Results are kept per check and per hash of everything they depend on,
# and a row whose inputs did not change is reused (passes and skips only:
# a failure always runs again). TEST_NO_REUSE=1 runs everything.
CACHE=$BUILD/results/cache
tools=$({
	for t in gcc clang sparse spatch sphinx-build qemu-system-x86_64 python3; do
		command -v "$t" >/dev/null && "$t" --version 2>&1 | head -n 1
	done
	command -v spin >/dev/null && spin -V 2>&1 | head -n 1
	# the host's iproute2 runs the VM selftests
	dpkg-query -W -f='${Version}' iproute2 2>/dev/null
	true
} | sha256sum | cut -c1-16)

# inputs_key NAME [ARG]: the hash of what check NAME's result for ARG
# depends on: the check, lib.sh and the files of its "# USES:" line, the
# track's own files (base.conf, track.conf, config fragments) and the
# base versions in use, the tools, and the series: the tree of the
# commit a patch made (so the stack up to it, whatever the commit's
# date) and the patch file; a file's directory at the base and at the
# posted tip; a series' folder (cover letter included); for the other
# scopes the whole tree, or the part of it that the check's "# TREE:"
# line names (tree_of). A check whose "# SERIES: no" line says it does
# not look at the series (the model, the parsers' fixtures) depends on
# its files only.
inputs_key() {
	local name=$1 arg=${2:-} f
	{
		cat "$C/$name.sh" "$TOP/scripts/lib.sh"
		find "$TDIR" -maxdepth 1 -type f -print0 | sort -z | xargs -0 cat
		cat "$BUILD/base.used" 2>/dev/null || true
		for f in $(field "$name" USES); do
			# An entry may be a glob, and a folder stands for every
			# file under it (cat would skip it, and the rest of the
			# key with it).
			# shellcheck disable=SC2086
			find "$TOP"/$f -type f -print0 | sort -z | xargs -0 cat
		done
		printf '%s\n' "$tools" "$arg" "${STRESS_MS:-}"
		case $(field "$name" SCOPE):$(field "$name" SERIES) in
		*:no) ;;
		patch:*) git -C "$SRC" rev-parse "$(sha_of "$arg")^{tree}"; cat "$arg" ;;
		file:*) git -C "$SRC" rev-parse -q --verify "base:$(dirname "$arg")" || true
			git -C "$SRC" rev-parse "$(posted_rev):$(dirname "$arg")" ;;
		series:*) cat "$arg"/*; tree_of "$name" ;;
		*) tree_of "$name" ;;
		esac
	} | sha256sum | cut -c1-16
}

# tree_of NAME: what the tree check NAME runs on is, for its key: the
# diff from the base of the paths its "# TREE:" line names (git pathspecs,
# exclusions allowed), else the whole tree and the series.
tree_of() {
	local paths
	read -ra paths <<< "$(field "$1" TREE)"
	if [ ${#paths[@]} -gt 0 ]; then
		git -C "$SRC" diff base HEAD -- "${paths[@]}"
	else
		git -C "$SRC" rev-parse 'HEAD^{tree}'
		patches_hash
	fi
}

# reuse NAME KEY: record the rows kept for NAME under KEY, if there are.
reuse() {
	local kept=$CACHE/$1/$2.tsv when
	[ -z "${TEST_NO_REUSE:-}" ] && [ -f "$kept" ] || return 1
	when=$(date -u -r "$kept" '+%Y-%m-%d %H:%M')
	awk -F'\t' -v OFS='\t' -v w="$when" \
		'{ $4 = ($4 == "" ? "" : $4 " ") "(reused, from " w " UTC)"; print }' \
		"$kept" >> "$RESULTS"
}

# keep NAME KEY FROM: keep the rows NAME added to the results after line
# FROM, unless one of them failed.
keep() {
	local rows
	rows=$(tail -n "+$(( $3 + 1 ))" "$RESULTS")
	[ -n "$rows" ] || return 0
	! printf '%s\n' "$rows" | grep -q '^FAIL' || return 0
	mkdir -p "$CACHE/$1"
	printf '%s\n' "$rows" > "$CACHE/$1/$2.tsv"
}

# run_one NAME SUBJECT ARG...: run check NAME and record its row.
run_one() {
	local name=$1 subject=$2 out rc=0 status key from t0
	shift 2
	t0=$(date +%s)
	key=$(inputs_key "$name" "${1:-}")
	! reuse "$name" "$key" || { took "$name" "$subject" "$t0" reused; return 0; }
	from=$(wc -l < "$RESULTS")
	out=$("$C/$name.sh" "$@") || rc=$?
	case $rc in
	0) status=PASS ;;
	250) status=SKIP ;;
	*) status=FAIL ;;
	esac
	record "$status" "$name" "$subject" "$(printf '%s\n' "$out" | tail -n 1)"
	took "$name" "$subject" "$t0" ran
	keep "$name" "$key" "$from"
	[ "$status" != FAIL ]
}

# run_rows NAME: run check NAME, which records rows of its own.
run_rows() {
	local name=$1 key from rc=0 t0
	t0=$(date +%s)
	# apply lays the tree out: it always runs.
	key=$(inputs_key "$name")
	[ "$name" = apply ] ||
		! reuse "$name" "$key" || { took "$name" rows "$t0" reused; return 0; }
	from=$(wc -l < "$RESULTS")
	# A check of this kind records its own rows; one that dies (or
	# records nothing) must still show.
	"$C/$name.sh" || rc=$?
	if [ "$rc" -ne 0 ] || [ "$(wc -l < "$RESULTS")" -eq "$from" ]; then
		record FAIL "$name" run "scripts/checks/$name.sh exited $rc after recording $(( $(wc -l < "$RESULTS") - from )) rows"
	fi
	took "$name" rows "$t0" ran
	[ "$name" = apply ] || keep "$name" "$key" "$from"
}

# run_check NAME: run check NAME over its scope.
run_check() {
	local name=$1 scope p f files
	[ -x "$C/$name.sh" ] || die "no check scripts/checks/$name.sh"
	scope=$(field "$name" SCOPE)
	case $scope in
	patch)
		while read -r p; do
			run_one "$name" "$(basename "$p")" "$p" || true
		done < <(series_files)
		;;
	file)
		mapfile -t files < <(touched_files | grep -E "$(field "$name" FILES)" || true)
		if [ ${#files[@]} -eq 0 ]; then
			record SKIP "$name" series "the series touches no such file"
		fi
		for f in "${files[@]}"; do
			run_one "$name" "$f" "$f" || true
		done
		;;
	series)
		while read -r d; do
			run_one "$name" "$(basename "$d")" "$d" || true
		done < <(series_dirs)
		;;
	tree)
		run_one "$name" tree || true
		;;
	rows)
		run_rows "$name" || true
		;;
	*)
		die "scripts/checks/$name.sh: unknown scope '$scope'"
		;;
	esac
}

# run_track MODE: the track's checks for MODE (all, check, full), after
# its apply. Called once per track, with TRACK set (see below).
run_track() {
	local name list
	case $1 in
	all) list=$TEST ;;
	check) list=${TEST//kunit/} ;;
	full) list=$FULL ;;
	esac
	run_check apply
	if grep -q "^FAIL"$'\t'"$TRACK/apply"$'\t' "$RESULTS"; then
		return 0
	fi
	for name in $list; do
		[ "$name" = apply ] || run_check "$name"
	done
}

# trackless NAME: a check that belongs to no track (its rows say so).
trackless() {
	ROW_TRACK='' run_check "$1"
}

# lists: every check each track's TEST and FULL name must exist, so that
# a misspelt name fails make test's selftest, not a later make test-full.
lists() {
	local conf t var name
	for conf in "$TRACKS"/*/track.conf; do
		t=$(basename "$(dirname "$conf")")
		for var in TEST FULL; do
			# shellcheck disable=SC1090 # the track's own config
			for name in $(. "$conf"; printf '%s' "${!var}"); do
				[ -x "$C/$name.sh" ] ||
					echo "track $t: $var names $name, but there is no scripts/checks/$name.sh"
			done
		done
	done
}

mode=${1:-all}
case $mode in
all|check|full) ;;
lists) lists; exit 0 ;;
track) run_track "$2"; exit 0 ;;
key) inputs_key "$2" "${3:-}"; exit 0 ;;
step) [ $# -ge 2 ] || die "usage: test.sh step NAME..." ;;
*) die "usage: test.sh [check|full|step NAME...]" ;;
esac

"$TOP/scripts/deps.sh" check
case $mode in full|step) "$TOP/scripts/deps.sh" full ;; esac
: > "$RESULTS"
: > "$TIMES"
if [ "$mode" = step ]; then
	[ "$2" = apply ] || "$TOP/scripts/prepare.sh"
	for name in "${@:2}"; do
		case $name in
		selftest|model) trackless "$name" ;;
		*) run_check "$name" ;;
		esac
	done
	summary
	exit
fi

trackless selftest
# Every track in its own runner (lib.sh binds the track's paths), rows
# in the same results.
for t in $(find "$TRACKS" -mindepth 2 -maxdepth 2 -name track.conf |
	   awk -F/ '{ print $(NF - 1) }' | sort -rV); do
	TRACK=$t "$0" track "$mode" ||
		ROW_TRACK=$t record FAIL runner "$mode" "scripts/test.sh track $mode exited non-zero"
done
[ "$mode" != full ] || trackless model
summary
