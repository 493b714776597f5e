#!/bin/bash
# DESC: each stable backport's KUnit regression case passes on its base under lockdep in qemu (a row per case), the console log scanned for splats
# SCOPE: rows
# SERIES: no
# USES: scripts/stable.sh scripts/scan-log.sh scripts/kunit-results.py kunit/lockdep.kunitconfig stable/*/*
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"
# shellcheck source=scripts/stable.sh
. "$TOP/scripts/stable.sh"

res=$BUILD/results
mkdir -p "$res"
# The workbench's lockdep options, as --kconfig_add (a base's kunit.py may
# take one --kunitconfig only), and SMP for the worker and the drain.
mapfile -t kconf < <(grep -h '^CONFIG_' "$TOP/kunit/lockdep.kunitconfig" |
	sed 's/^/--kconfig_add=/')
mapfile -t mk < <(kmake_flags | grep -v '^-j' | sed 's/^/--make_options=/')

# stable_kunit NAME TREE: build, run and record NAME's KUnit suites.
stable_kunit() {
	local name=$1 tree=$2 out=$BUILD/stable/$1/kunit tag=stable-$1 splats
	kpy() { (cd "$tree" && python3 tools/testing/kunit/kunit.py "$@"); }
	if ! timed "KUnit build (stable/$name, lockdep)" \
		kpy build --build_dir="$out" --arch=x86_64 --jobs="$JOBS" \
		--kunitconfig="$MLX5/tests" --kconfig_add=CONFIG_SMP=y \
		"${kconf[@]}" "${mk[@]}" > "$res/kunit-$tag.build.log" 2>&1; then
		tail -n 30 "$res/kunit-$tag.build.log" >&2
		record FAIL "kunit:$tag" build "KUnit kernel does not build: $res/kunit-$tag.build.log"
		return
	fi
	rm -f "$res/kunit-$tag.json"
	timed "KUnit run (stable/$name, qemu -smp 2)" \
		kpy exec --build_dir="$out" --arch=x86_64 --timeout=600 \
		--qemu_args="-smp 2" --json="$res/kunit-$tag.json" \
		> "$res/kunit-$tag.out" 2>&1 || true
	cp "$out/test.log" "$res/kunit-$tag.console.log"
	if [ -s "$res/kunit-$tag.json" ]; then
		python3 "$TOP/scripts/kunit-results.py" "$res/kunit-$tag.json" "$tag" >> "$RESULTS"
	else
		record FAIL "kunit:$tag" run "kunit.py wrote no results: $res/kunit-$tag.out"
	fi
	splats=$("$TOP/scripts/scan-log.sh" "$res/kunit-$tag.console.log")
	if [ -z "$splats" ]; then
		record PASS "splat-scan:$tag" "console log" "no splat in $res/kunit-$tag.console.log"
	else
		printf '%s\n' "$splats" | head -n 20 | sed 's|^|  splat: |' >&2
		record FAIL "splat-scan:$tag" "console log" \
			"$(printf '%s\n' "$splats" | wc -l) splat lines in $res/kunit-$tag.console.log"
	fi
}

for name in $(stable_names); do
	stable_ready "$name"
	stable_kunit "$name" "$S_TREE"
done
