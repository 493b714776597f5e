#!/bin/bash
# pan-verdict.sh LOG: what SPIN's pan found, from its output LOG, as one
# line "VERDICT<TAB>PROBLEM": VERDICT is deadlock, assertion, verified or
# "no verdict (errors: N)"; PROBLEM is empty, or why a "verified" cannot
# be trusted (the search was truncated, pan ran out of memory).
set -euo pipefail
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
	echo "usage: pan-verdict.sh LOG" >&2
	exit 2
fi
log=$1
n=$(sed -nE 's/.*errors: ([0-9]+).*/\1/p' "$log" | tail -n 1)
if grep -qE '^pan:[0-9]+: invalid end state' "$log"; then
	got=deadlock
elif grep -qE '^pan:[0-9]+: assertion violated' "$log"; then
	got=assertion
elif [ "${n:-x}" = 0 ] && grep -q 'Full statespace search' "$log"; then
	got=verified
else
	got="no verdict (errors: ${n:-?})"
fi
why=""
# An error found is an error; "no error" is only worth anything if the
# whole state space was searched.
if grep -q 'max search depth too small' "$log" && [ "$got" = verified ]; then
	why="the search was truncated (max search depth too small): raise MODEL_DEPTH"
fi
# pan reports the search it did even when it stopped at -DMEMLIM: "Full
# statespace search" and "errors: 0" with part of the states unseen.
if grep -qE 'out of memory|memory limit|reached -DMEMLIM bound' "$log"; then
	why="pan ran out of memory"
fi
printf '%s\t%s\n' "$got" "$why"
