#!/bin/bash
# scan-log.sh LOG: print the kernel splats of a console log (lockdep,
# KASAN, UBSAN, KCSAN, BUG, WARNING, hung tasks, leaks), one per line,
# except inside regions a test marked as expected with the lines
# "kunit-expect-splat: begin" and "kunit-expect-splat: end".
set -euo pipefail
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
	echo "usage: scan-log.sh LOG" >&2
	exit 2
fi
awk '
/kunit-expect-splat: begin/ { quiet = 1; next }
/kunit-expect-splat: end/   { quiet = 0; next }
quiet { next }
/possible circular locking dependency|possible recursive locking|inconsistent lock state|suspicious RCU usage|BUG: |WARNING: |KASAN: |UBSAN: |KCSAN: |INFO: task .* blocked for more than|unreferenced object|Kernel panic|Oops: |general protection fault/ {
	sub(/^\[[ 0-9.]*\] */, "")
	print
}' "$1"
