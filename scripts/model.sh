#!/bin/bash
# make model: check the Promela model of the E-Switch work queue locking
# (upstream's design with our net fixes: model/esw.pml, see
# model/README.md) with SPIN, exhaustively (no bitstate). The code must
# verify with no error and no truncated search, with one worker and with
# two; each broken variant (the worker before upstream's deadlock fix,
# the mutants, the code without each net fix) must give its
# counterexample. pan is generated and built in build/TRACK/model/, one
# directory per variant, and runs at nice 19. One line per variant, one
# row each in build/results/checks.tsv (or $RESULTS); exits non-zero on
# any unexpected outcome.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

model=$TOP/model/esw.pml
out=$BUILD/model
depth=${MODEL_DEPTH:-10000}	# pan -m: the search depth limit
memlim=${MODEL_MEMLIM:-1024}	# MB; pan stops rather than swap

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
	"lock-first deadlock LOCK_FIRST"
	"no-cleanup-invalidate deadlock NO_CLEANUP_INVALIDATE"
	"reps-held-rescan deadlock REPS_HELD_RESCAN"
	"lag-keeps-ldev assertion LAG_KEEPS_LDEV"
	"no-net-fix1 assertion NO_NET_FIX1"
	"no-net-fix2 assertion NO_NET_FIX2"
)

# field NAME FILE: the number before (or after, for "depth reached" and
# "errors:") NAME in pan's report.
stored() { sed -nE 's/^ *([0-9]+) states, stored.*/\1/p' "$1" | tail -n 1; }
reached() { sed -nE 's/.*depth reached ([0-9]+).*/\1/p' "$1" | tail -n 1; }
elapsed() { sed -nE 's/^pan: elapsed time ([0-9.e+-]+) seconds.*/\1/p' "$1" | tail -n 1; }

# summary DIR [-D...]: the counterexample in DIR, from its printf()s (spin
# -t, with the -D options pan was generated with) and where each task that
# did not finish is stuck (none, for an assertion that fires once all
# tasks are done).
summary() {
	local dir=$1
	shift
	(cd "$dir" && spin -t "$@" esw.pml) > "$dir/trail.txt" 2>&1 || true
	printf '    %s\n' "$(grep -m1 '^spin: trail ends' "$dir/trail.txt" || echo 'spin: no trail')"
	sed -n '/^spin: trail ends/q; s/^ *//; s/  \+/ /g; s/ :/:/; p' "$dir/trail.txt" |
		grep -v '^$' | sed 's/^/    /'
	grep -E '^ *[0-9]+:[[:space:]]+proc ' "$dir/trail.txt" | { grep -v 'valid end state' || true; } |
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
	lock-first) cflags+=(-DREACH); pflags+=(-i) ;;
	# 9.7 million states: without compression (lossless: the search
	# stays exhaustive) they do not fit in 1024 MB; -O2 halves the pan
	# time, for a few seconds of gcc.
	esw-2workers) cflags=(-O2 -DCOLLAPSE -DSAFETY "-DMEMLIM=$memlim") ;;
	esac
	(cd "$dir" && nice -n 19 spin -a "${flags[@]}" esw.pml) > "$dir/spin.log" 2>&1 ||
		{ cat "$dir/spin.log" >&2; die "spin -a ${flags[*]} failed on $model"; }
	(cd "$dir" && nice -n 19 gcc "${cflags[@]}" -o pan pan.c) > "$dir/gcc.log" 2>&1 ||
		{ cat "$dir/gcc.log" >&2; die "pan does not compile: $dir/gcc.log"; }
	(cd "$dir" && nice -n 19 ./pan "${pflags[@]}") > "$dir/pan.out" 2>&1 || true

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
	# The counterexample: in full for the worker before the deadlock
	# fix and for any surprise, in $dir/trail.txt for the others.
	if [ "$got" != verified ]; then
		trail=$(summary "$dir" "${flags[@]}")
		[ "$name" != lock-first ] && [ -z "$why" ] || printf '%s\n' "$trail"
	fi
done
[ "$bad" -eq 0 ] || die "the model check failed (logs in $out)"
log "model: all variants as expected (logs in $out)"
