#!/bin/bash
# test.sh [check|full|step NAME...]: the test command, and the runner of the
# checks in scripts/checks/. Each check is one script, one row name: its
# "# DESC:" line says what it checks, its "# SCOPE:" line how it runs:
#   patch   once per posted patch (PATCH as argument),
#   file    once per touched file its "# FILES:" regex selects,
#   series  once,
#   rows    once, recording rows of its own (a KUnit case, a model
#           variant, a parser).
# A check prints its reason last on stdout and exits 0 (PASS), 250 (SKIP)
# or anything else (FAIL); this runner records the row and owns the order
# and the table.
# "check" is the maintainer checks alone; "full" the reliability run
# (make test-full): the suites on 4 CPUs under lockdep with a longer
# stress run (STRESS_MS, 10 s by default), then under KASAN, KCSAN, UBSAN
# and kmemleak, and the SPIN model. "step NAME..." runs those checks.
# Prints one table and "N passed, N failed[, N skipped]"; exits non-zero on
# any failure.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

C=$TOP/scripts/checks
# The order of the checks: the parsers they rely on, then the series'
# shape and text (cheap), then the builds, then the runs.
CHECKS=(selftest apply checkpatch deprecated-api tags headers kdoc-new
	kernel-doc quilt optional stable-apply stable-sync mbox cover-letter get_maintainer build
	sparse clang docs coccinelle debian-build stable-build)
RUNS=(kunit stable-kunit vmtest-base vmtest model)
# make test-full: the suites on 4 CPUs under lockdep with the long stress
# run, then under the sanitizers, and the model.
FULL=(kunit-stress kunit-kasan kunit-kcsan kunit-ubsan kunit-kmemleak model)

start=$(date +%s)
mkdir -p "$BUILD/results"
: > "$RESULTS"
# Where the time went: "SECONDS<TAB>CHECK<TAB>SUBJECT<TAB>ran|reused".
TIMES=$BUILD/results/times.tsv
: > "$TIMES"

# took NAME SUBJECT SINCE HOW: record the time since SINCE in TIMES.
took() {
	printf '%s\t%s\t%s\t%s\n' "$(( $(date +%s) - $3 ))" "$1" "$2" "$4" \
		>> "$TIMES"
}

summary() {
	local pass fail skip
	pass=$(grep -c '^PASS' "$RESULTS" || true)
	fail=$(grep -c '^FAIL' "$RESULTS" || true)
	skip=$(grep -c '^SKIP' "$RESULTS" || true)
	echo
	echo "Results (every row in $RESULTS):"
	python3 "$TOP/scripts/summary.py" "$RESULTS"
	python3 "$TOP/scripts/times.py" "$TIMES"
	echo "Took $(( $(date +%s) - start )) s."
	printf '%s passed, %s failed%s\n' "$pass" "$fail" \
		"$( [ "$skip" -eq 0 ] || printf ', %s skipped' "$skip")"
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
	true
} | sha256sum | cut -c1-16)

# inputs_key NAME [ARG]: the hash of what check NAME's result for ARG
# depends on: the check, lib.sh and the files of its "# USES:" line, the
# base, the tools, and the series: the tree of the commit a patch made
# (so the stack up to it, whatever the commit's date) and the patch file;
# a file's directory at the base and at the posted tip; for the other
# scopes the whole tree, or the part of it that the check's "# TREE:"
# line names (tree_of). A check whose
# "# SERIES: no" line says it does not look at the series (the model,
# the parsers' fixtures) depends on its files only.
inputs_key() {
	local name=$1 arg=${2:-} f
	{
		cat "$C/$name.sh" "$TOP/scripts/lib.sh" "$TOP/base.conf"
		for f in $(field "$name" USES); do
			# shellcheck disable=SC2086 # an entry may be a glob
			cat "$TOP"/$f
		done
		printf '%s\n' "$tools" "$arg" "${STRESS_MS:-}"
		case $(field "$name" SCOPE):$(field "$name" SERIES) in
		*:no) ;;
		patch:*) git -C "$SRC" rev-parse "$(sha_of "$arg")^{tree}"; cat "$arg" ;;
		file:*) git -C "$SRC" rev-parse -q --verify "base:$(dirname "$arg")" || true
			git -C "$SRC" rev-parse "$(posted_rev):$(dirname "$arg")" ;;
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
	if [ "$name" != apply ]; then
		key=$(inputs_key "$name" "${1:-}")
		! reuse "$name" "$key" || { took "$name" "$subject" "$t0" reused; return 0; }
	fi
	from=$(wc -l < "$RESULTS")
	out=$("$C/$name.sh" "$@") || rc=$?
	case $rc in
	0) status=PASS ;;
	250) status=SKIP ;;
	*) status=FAIL ;;
	esac
	record "$status" "$name" "$subject" "$(printf '%s\n' "$out" | tail -n 1)"
	took "$name" "$subject" "$t0" ran
	[ "$name" = apply ] || keep "$name" "$key" "$from"
	[ "$status" != FAIL ]
}

# run_rows NAME: run check NAME, which records rows of its own.
run_rows() {
	local name=$1 key from rc=0 t0
	t0=$(date +%s)
	key=$(inputs_key "$name")
	! reuse "$name" "$key" || { took "$name" rows "$t0" reused; return 0; }
	from=$(wc -l < "$RESULTS")
	# A check of this kind records its own rows; one that dies (or
	# records nothing) must still show.
	"$C/$name.sh" || rc=$?
	if [ "$rc" -ne 0 ] || [ "$(wc -l < "$RESULTS")" -eq "$from" ]; then
		record FAIL "$name" run "scripts/checks/$name.sh exited $rc after recording $(( $(wc -l < "$RESULTS") - from )) rows"
	fi
	took "$name" rows "$t0" ran
	keep "$name" "$key" "$from"
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
		run_one "$name" series
		;;
	rows)
		run_rows "$name"
		;;
	*)
		die "scripts/checks/$name.sh: unknown scope '$scope'"
		;;
	esac
}

mode=${1:-all}
case $mode in
all|check|full) ;;
step) [ $# -ge 2 ] || die "usage: test.sh step NAME..." ;;
*) die "usage: test.sh [check|full|step NAME...]" ;;
esac

"$TOP/scripts/deps.sh" check
if [ "$mode" = step ]; then
	[ "$2" = apply ] || "$TOP/scripts/prepare.sh"
	for name in "${@:2}"; do
		run_check "$name" || true
	done
	summary
	exit
fi

run_check selftest
# Nothing else can run on a series that does not apply.
if ! run_one apply series; then
	summary
	exit 1
fi

if [ "$mode" = full ]; then
	for name in "${FULL[@]}"; do
		run_check "$name"
	done
	# The results page keeps the latest reliability run, dated.
	mkdir -p "$TOP/docs/results"
	{
		echo "make test-full, $(date -u +%Y-%m-%d), $(nproc) host CPUs"
		summary || true
		# The stress suite's own lines (not the fake devices' messages),
		# under the run they come from.
		for name in "${FULL[@]}"; do
			log=$BUILD/results/$name.console.log
			[ -f "$log" ] || continue
			echo "$name:"
			sed -nE 's/^[[:space:]]*#?[[:space:]]*(esw_stress_[a-z_.]+: )/  \1/p' "$log"
		done
	} > "$TOP/docs/results/test-full.txt"
	summary
	exit
fi

for name in "${CHECKS[@]}"; do
	case $name in selftest|apply) continue ;; esac
	run_check "$name"
done
if [ "$mode" = all ]; then
	for name in "${RUNS[@]}"; do
		run_check "$name"
	done
fi
summary
