#!/bin/bash
# make model: check the Promela model of the E-Switch work queue and
# representor guard protocol (model/esw.pml, see model/README.md) with
# SPIN, exhaustively (no bitstate). Our code must verify with no error and
# no truncated search, with one worker and with two; the 6.12 worker must
# deadlock; each mutant of our code must be caught. pan is generated and
# built in build/model/, one directory per variant. One line per variant,
# one row each in build/results/checks.tsv; exits non-zero on any
# unexpected outcome.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

model=$TOP/model/esw.pml
out=$BUILD/model
depth=${MODEL_DEPTH:-10000}	# pan -m: the search depth limit
memlim=${MODEL_MEMLIM:-2048}	# MB; pan stops rather than swap

command -v spin >/dev/null || "$TOP/scripts/deps.sh" full
command -v spin >/dev/null || die "spin is not installed (scripts/deps.sh full)"
command -v gcc >/dev/null || die "gcc is not installed"
[ -f "$model" ] || die "$model is missing"

# NAME EXPECTED DEFINES: EXPECTED is verified (no error), deadlock (an
# invalid end state) or assertion (an assertion violated); DEFINES is -
# (none) or a comma-separated list of spin -D options (NAME or NAME=VALUE).
variants=(
	"esw verified -"
	"esw-2workers verified WORKERS=2"
	"old deadlock OLD_BEHAVIOUR"
	"old-2workers deadlock OLD_BEHAVIOUR,WORKERS=2"
	"lost-wakeup-lock deadlock LOST_WAKEUP_LOCK"
	"lost-wakeup-guard deadlock LOST_WAKEUP_GUARD"
	"no-unlock-wake deadlock NO_UNLOCK_WAKE"
	"no-invalidate-wake deadlock NO_INVALIDATE_WAKE"
	"no-cleanup-invalidate deadlock NO_CLEANUP_INVALIDATE"
	"invalidate-first assertion INVALIDATE_FIRST"
	"wake-one-2workers deadlock WAKE_ONE,WORKERS=2"
)

# field NAME FILE: the number before (or after, for "depth reached" and
# "errors:") NAME in pan's report.
stored() { sed -nE 's/^ *([0-9]+) states, stored.*/\1/p' "$1" | tail -n 1; }
reached() { sed -nE 's/.*depth reached ([0-9]+).*/\1/p' "$1" | tail -n 1; }
elapsed() { sed -nE 's/^pan: elapsed time ([0-9.e+-]+) seconds.*/\1/p' "$1" | tail -n 1; }

# summary DIR [-D...]: the counterexample in DIR, from its printf()s (spin
# -t, with the -D options pan was generated with) and where each task that
# did not finish is stuck.
summary() {
	local dir=$1
	shift
	(cd "$dir" && spin -t "$@" esw.pml) > "$dir/trail.txt" 2>&1 || true
	printf '    %s\n' "$(grep -m1 '^spin: trail ends' "$dir/trail.txt" || echo 'spin: no trail')"
	sed -n '/^spin: trail ends/q; s/^ *//; s/  \+/ /g; s/ :/:/; p' "$dir/trail.txt" |
		grep -v '^$' | sed 's/^/    /'
	grep -E '^ *[0-9]+:[[:space:]]+proc ' "$dir/trail.txt" | grep -v 'valid end state' |
		while read -r _ _ _ proc at _; do
			line=${at##*:}
			proc=${proc#(}
			# An inline is reported at its opening brace: name it.
			src=$(sed -n "${line}s/^[[:space:]]*//p" "$dir/esw.pml")
			[ "$src" != "{" ] || src="in $(sed -n "$((line - 1))p" "$dir/esw.pml")"
			printf '    stuck: %s at esw.pml:%s: %s\n' "${proc%%:*}" "$line" "$src"
		done
}

bad=0
printf '%-22s %-9s %s\n' variant result details
for v in "${variants[@]}"; do
	read -r name expect defs <<< "$v"
	dir=$out/$name
	rm -rf "$dir"
	mkdir -p "$dir"
	# A copy, so that pan writes its trail here, not in the repository.
	cp "$model" "$dir/esw.pml"
	flags=()
	if [ "$defs" != - ]; then
		IFS=, read -ra dl <<< "$defs"
		for d in "${dl[@]}"; do
			flags+=("-D$d")
		done
	fi
	# Safety only (assertions, invalid end states). -O0: gcc -O2 takes
	# longer on pan.c than pan takes on these state spaces, except the
	# two-worker one.
	cflags=(-O0 -DSAFETY "-DMEMLIM=$memlim")
	pflags=("-m$depth")
	case $name in
	# The one counterexample printed in full: the shortest one.
	old) cflags+=(-DREACH); pflags+=(-i) ;;
	# 21 million states: without compression (lossless: the search
	# stays exhaustive) they do not fit in 2048 MB; -O2 saves 40% of the
	# pan time, for a few seconds of gcc.
	esw-2workers) cflags=(-O2 -DCOLLAPSE -DSAFETY "-DMEMLIM=$memlim") ;;
	esac
	(cd "$dir" && spin -a "${flags[@]}" esw.pml) > "$dir/spin.log" 2>&1 ||
		{ cat "$dir/spin.log" >&2; die "spin -a ${flags[*]} failed on $model"; }
	(cd "$dir" && gcc "${cflags[@]}" -o pan pan.c) > "$dir/gcc.log" 2>&1 ||
		{ cat "$dir/gcc.log" >&2; die "pan does not compile: $dir/gcc.log"; }
	(cd "$dir" && nice -n 10 ./pan "${pflags[@]}") > "$dir/pan.out" 2>&1 || true

	log=$dir/pan.out
	facts="$(stored "$log") states stored, depth reached $(reached "$log") of $depth, $(elapsed "$log") s"
	IFS=$'\t' read -r got why < <("$TOP/scripts/pan-verdict.sh" "$log")
	[ -z "$why" ] || why="$why: $log"
	[ "$got" = "$expect" ] || why=${why:-"expected $expect, got $got: $log"}

	subject="esw.pml${flags[*]:+ ${flags[*]}}"
	case $expect in
	verified) what="verified (full search, not truncated), errors: 0" ;;
	*) what="$got found, as expected" ;;
	esac
	if [ -z "$why" ]; then
		printf '%-22s %-9s %s\n' "$name" PASS "$what; $facts"
		record PASS model "$subject" "$what; $facts"
	else
		bad=1
		printf '%-22s %-9s %s\n' "$name" FAIL "$why; $facts"
		record FAIL model "$subject" "$why"
	fi
	# The counterexample: in full for the 6.12 worker and for any
	# surprise, in $dir/trail.txt for the others.
	if [ "$got" != verified ]; then
		trail=$(summary "$dir" "${flags[@]}")
		[ "$name" != old ] && [ -z "$why" ] || printf '%s\n' "$trail"
	fi
done
[ "$bad" -eq 0 ] || die "the model check failed (logs in $out)"
log "model: all variants as expected (logs in $out)"
