#!/bin/bash
# scan-log.sh LOG: print the kernel splats of a console log (lockdep,
# KASAN, UBSAN, KCSAN, BUG, WARNING, hung tasks, leaks), one per line,
# except inside regions a test marked as expected with the lines
# "kunit-expect-splat: begin" and "kunit-expect-splat: end".
# KCSAN reports races all over the kernel; only those in which one of the
# two racing functions matches KCSAN_SCOPE (an awk regex, the code under
# test by default) are splats, the others are counted on stderr.
set -euo pipefail
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
	echo "usage: scan-log.sh LOG" >&2
	exit 2
fi
scope=${KCSAN_SCOPE:-mlx5|esw|devl|reps_|stress_}
awk -v scope="$scope" '
/KCSAN: data-race in / {
	split(substr($0, index($0, "data-race in ") + 13), fn, " / ")
	if (fn[1] !~ scope && fn[2] !~ scope) { foreign++; next }
}
/kunit-expect-splat: begin/ { quiet = 1; next }
/kunit-expect-splat: end/   { quiet = 0; next }
quiet { next }
/possible circular locking dependency|possible recursive locking|inconsistent lock state|suspicious RCU usage|BUG: |WARNING: |KASAN: |UBSAN: |KCSAN: |INFO: task .* blocked for more than|unreferenced object|Kernel panic|Oops: |general protection fault/ {
	sub(/^\[[ 0-9.]*\] */, "")
	print
}
END {
	if (foreign)
		printf "scan-log: %d KCSAN reports outside %s not judged\n", foreign, scope > "/dev/stderr"
}' "$1"
