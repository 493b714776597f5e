#!/bin/bash
# kunit.sh NAME: build and run the KUnit suites with kunit/NAME.kunitconfig
# on x86_64 under qemu (SMP, QEMU_SMP CPUs), record every case, and fail on
# any kernel splat in the raw console log, which kunit.py does not judge.
# For the lockdep config, also prove the scan: boot once more with the
# control case armed and check that its lockdep report is caught.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

name=${1:?usage: kunit.sh NAME (kunit/NAME.kunitconfig)}
kconf=$TOP/kunit/$name.kunitconfig
[ -f "$kconf" ] || die "no such KUnit config: kunit/$name.kunitconfig"
out=$BUILD/kunit-$name
res=$BUILD/results
smp=${QEMU_SMP:-2}
control_suite=mlx5_kunit_control
control_arg=mlx5_esw_kunit.lockdep_control=1
mkdir -p "$res"

kunit() {
	(cd "$SRC" && python3 tools/testing/kunit/kunit.py "$@" --arch=x86_64 \
		--build_dir="$out")
}
kunit_exec() {
	kunit exec --timeout="${KUNIT_TIMEOUT:-900}" --qemu_args="-smp $smp" "$@"
}

# splat_check LOG CHECK: one result line for the splat scan of LOG.
splat_check() {
	local splats
	splats=$("$TOP/scripts/scan-log.sh" "$1")
	if [ -z "$splats" ]; then
		record PASS "$2" "console log" "no splat in $1"
	else
		printf '%s\n' "$splats" | head -n 20 | sed 's|^|  splat: |' >&2
		record FAIL "$2" "console log" "$(printf '%s\n' "$splats" | wc -l) splat lines in $1"
	fi
}

mapfile -t mk < <(kmake_flags | grep -v '^-j' | sed 's/^/--make_options=/')
if ! timed "KUnit build ($name config, $out)" \
	kunit build --kunitconfig="$kconf" --jobs="$JOBS" "${mk[@]}" > "$res/kunit-$name.build.log" 2>&1; then
	tail -n 30 "$res/kunit-$name.build.log" >&2
	record FAIL "kunit:$name" build "KUnit kernel does not build: $res/kunit-$name.build.log"
	exit 0
fi

rm -f "$res/kunit-$name.json"
timed "KUnit run ($name config, qemu -smp $smp)" \
	kunit_exec --json="$res/kunit-$name.json" > "$res/kunit-$name.out" 2>&1 || true
cp "$out/test.log" "$res/kunit-$name.console.log"
sed -n '/KTAP version/,$p' "$out/test.log" > "$res/kunit-$name.tap"
grep -E '^\[[0-9:]+\] (Testing complete|=+ \[|.*(PASSED|FAILED|SKIPPED))' "$res/kunit-$name.out" >&2 || true
if [ -s "$res/kunit-$name.json" ]; then
	python3 "$TOP/scripts/kunit-results.py" "$res/kunit-$name.json" "$name" "$control_suite" >> "$RESULTS"
else
	record FAIL "kunit:$name" run "kunit.py wrote no results: $res/kunit-$name.out"
fi
splat_check "$res/kunit-$name.console.log" "splat-scan:$name"

[ "$name" = lockdep ] || exit 0
# The control: the same kernel, booted with the control case armed, must
# produce a lockdep report, and the scan must see it.
timed "KUnit control run (lockdep report expected)" \
	kunit_exec --kernel_args="$control_arg" "$control_suite.*" \
	> "$res/kunit-control.out" 2>&1 || true
cp "$out/test.log" "$res/kunit-control.console.log"
if "$TOP/scripts/scan-log.sh" "$res/kunit-control.console.log" |
   grep -q 'possible circular locking dependency'; then
	record PASS splat-scan:control "provoked lockdep report" "caught in kunit-control.console.log"
else
	record FAIL splat-scan:control "provoked lockdep report" \
		"not caught: the splat scan would miss real reports ($res/kunit-control.console.log)"
fi
