#!/bin/bash
# DESC: the track's KUnit suites under lockdep in qemu, for a base whose kunit.py takes one --kunitconfig (6.1): a row per case, the console log scanned for splats
# SCOPE: rows
# USES: scripts/scan-log.sh scripts/kunit-results.py kunit/lockdep.kunitconfig
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

res=$BUILD/results
out=$BUILD/kunit
mkdir -p "$res"
# The workbench's lockdep options, as --kconfig_add (this kunit.py takes
# one --kunitconfig only), and SMP for the worker and the drain.
mapfile -t kconf < <(grep -h '^CONFIG_' "$TOP/kunit/lockdep.kunitconfig" |
	sed 's/^/--kconfig_add=/')
mapfile -t mk < <(kmake_flags | grep -v '^-j' | sed 's/^/--make_options=/')
kpy() { (cd "$SRC" && python3 tools/testing/kunit/kunit.py "$@"); }

if ! timed "KUnit build (track $TRACK, lockdep)" \
	kpy build --build_dir="$out" --arch=x86_64 --jobs="$JOBS" \
	--kunitconfig="$MLX5/tests" --kconfig_add=CONFIG_SMP=y \
	"${kconf[@]}" "${mk[@]}" > "$res/kunit.build.log" 2>&1; then
	tail -n 30 "$res/kunit.build.log" >&2
	record FAIL kunit:lockdep build "KUnit kernel does not build: $res/kunit.build.log"
	exit 0
fi
rm -f "$res/kunit.json"
timed "KUnit run (track $TRACK, qemu -smp 2)" \
	kpy exec --build_dir="$out" --arch=x86_64 --timeout=600 \
	--qemu_args="-smp 2" --json="$res/kunit.json" \
	> "$res/kunit.out" 2>&1 || true
cp "$out/test.log" "$res/kunit.console.log"
if [ -s "$res/kunit.json" ]; then
	python3 "$TOP/scripts/kunit-results.py" "$res/kunit.json" lockdep |
		tracked >> "$RESULTS"
else
	record FAIL kunit:lockdep run "kunit.py wrote no results: $res/kunit.out"
fi
splats=$("$TOP/scripts/scan-log.sh" "$res/kunit.console.log")
if [ -z "$splats" ]; then
	record PASS splat-scan:lockdep "console log" "no splat in $res/kunit.console.log"
else
	printf '%s\n' "$splats" | head -n 20 | sed 's|^|  splat: |' >&2
	record FAIL splat-scan:lockdep "console log" \
		"$(printf '%s\n' "$splats" | wc -l) splat lines in $res/kunit.console.log"
fi
