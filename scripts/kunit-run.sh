#!/bin/bash
# kunit-run.sh NAME: build and run the KUnit suites with kunit/mlx5.kunitconfig
# and kunit/NAME.kunitconfig on x86_64 under qemu (SMP, QEMU_SMP CPUs, 2 by default), record every
# case, and fail on any kernel splat in the raw console log, which kunit.py
# does not judge. KUNIT_KERNEL_ARGS adds kernel arguments (for example
# mlx5_esw_kunit.stress_ms=20000 for a longer stress run).
# For the lockdep config and a config with kmemleak, also prove the scan:
# boot once more with the control case armed and check that its report is
# caught. Where the tree has the suite mlx5_esw_default, boot again with
# devlink_eswitch_mode=*=switchdev and run only it (a skip fails).
# A kernel with kmemleak runs kunit/kmemleak-init.c as /init once
# the suites are done, which has kmemleak scan and print what it found.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

name=${1:?usage: kunit-run.sh NAME (kunit/NAME.kunitconfig)}
kconf=$TOP/kunit/$name.kunitconfig
[ -f "$kconf" ] || die "no such KUnit config: kunit/$name.kunitconfig"
out=$BUILD/kunit-$name
res=$BUILD/results
smp=${QEMU_SMP:-2}
control_suite=mlx5_kunit_control
# KUNIT_CONTROL (track.conf): the module whose parameters arm the controls
control=${KUNIT_CONTROL:-mlx5_kunit_control}
control_arg=$control.lockdep_control=1
mkdir -p "$res"

qemu=(--arch=x86_64)
build_extra=()
kargs=()
read -r -a kargs <<< "${KUNIT_KERNEL_ARGS:-}"
kmemleak=false
grep -qx 'CONFIG_DEBUG_KMEMLEAK=y' "$kconf" && kmemleak=true
if $kmemleak; then
	init_dir=$BUILD/kmemleak-init
	mkdir -p "$init_dir"
	gcc -static -O2 -Wall -Werror -o "$init_dir/init" "$TOP/kunit/kmemleak-init.c" ||
		die "cannot build kunit/kmemleak-init.c (needs libc6-dev)"
	printf '%s\n' 'dir /dev 0755 0 0' 'nod /dev/console 0600 0 0 c 5 1' \
		"file /init $init_dir/init 0755 0 0" > "$init_dir/initramfs.list"
	qemu=(--qemu_config="$TOP/kunit/qemu-x86_64-init.py")
	build_extra=(--kconfig_add="CONFIG_INITRAMFS_SOURCE=\"$init_dir/initramfs.list\"")
fi

kunit_exec() {
	local a args=()
	for a in "${kargs[@]}"; do
		args+=(--kernel_args="$a")
	done
	kunit_py exec "$out" "${qemu[@]}" --timeout="${KUNIT_TIMEOUT:-900}" \
		--qemu_args="-smp $smp" "${args[@]}" "$@"
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

if ! timed "KUnit build ($name config, $out)" \
	kunit_build "$out" "$kconf" "${qemu[@]}" "${build_extra[@]}" \
	> "$res/kunit-$name.build.log" 2>&1; then
	tail -n 30 "$res/kunit-$name.build.log" >&2
	record FAIL "kunit:$name" build "KUnit kernel does not build: $res/kunit-$name.build.log"
	exit 0
fi

# suites_run TAG WHAT RESULTS_OPTS EXEC_ARGS...: boot the kernel with
# EXEC_ARGS, record a row per case as kunit:TAG (kunit-results.py, with
# RESULTS_OPTS before its arguments: "" or --no-skip), and scan the
# console log for splats.
suites_run() {
	local tag=$1 what=$2 opts=()
	[ -z "$3" ] || opts=("$3")
	shift 3
	rm -f "$res/kunit-$tag.json"
	timed "KUnit run ($what, qemu -smp $smp)" \
		kunit_exec --json="$res/kunit-$tag.json" "$@" > "$res/kunit-$tag.out" 2>&1 || true
	cp "$out/test.log" "$res/kunit-$tag.console.log"
	sed -n '/KTAP version/,$p' "$out/test.log" > "$res/kunit-$tag.tap"
	grep -E '^\[[0-9:]+\] (Testing complete|=+ \[|.*(PASSED|FAILED|SKIPPED))' "$res/kunit-$tag.out" >&2 || true
	if [ -s "$res/kunit-$tag.json" ]; then
		python3 "$TOP/scripts/kunit-results.py" "${opts[@]}" \
			"$res/kunit-$tag.json" "$tag" "$control_suite" | tracked >> "$RESULTS"
	else
		record FAIL "kunit:$tag" run "kunit.py wrote no results: $res/kunit-$tag.out"
	fi
	splat_check "$res/kunit-$tag.console.log" "splat-scan:$tag"
}

suites_run "$name" "$name config" ""

# control_run ARG PATTERN WHAT: boot the same kernel with the control
# case armed by ARG; the scan must report PATTERN.
control_run() {
	timed "KUnit control run ($2 expected)" \
		kunit_exec --kernel_args="$1" "$control_suite.*" \
		> "$res/kunit-control-$name.out" 2>&1 || true
	cp "$out/test.log" "$res/kunit-control-$name.console.log"
	if "$TOP/scripts/scan-log.sh" "$res/kunit-control-$name.console.log" | grep -q "$2"; then
		record PASS "splat-scan:control-$name" "provoked $3" \
			"caught in kunit-control-$name.console.log"
	else
		record FAIL "splat-scan:control-$name" "provoked $3" \
			"not caught: the scan would miss real reports ($res/kunit-control-$name.console.log)"
	fi
}

if [ "$name" = lockdep ]; then
	control_run "$control_arg" 'possible circular locking dependency' "lockdep report"
fi

# The suites of the boot-time E-Switch mode (the devlink series) skip
# unless the kernel is booted with it: boot the same kernel once more
# with it and only them, where a skip is a failure.
default_arg='devlink_eswitch_mode=*=switchdev'
default_suite=mlx5_esw_default
if [ "$name" = lockdep ] && [ -f "$SRC/$MLX5/tests/esw_default_test.c" ]; then
	suites_run "$name-default" "$default_suite, booted with $default_arg" \
		--no-skip --kernel_args="$default_arg" "$default_suite.*"
fi
if $kmemleak; then
	# No line from /init: nothing was scanned, and no leak can show.
	if grep -q 'kmemleak-init: scan done' "$res/kunit-$name.console.log"; then
		record PASS "kmemleak-scan:$name" "scan after the suites" "ran"
	else
		record FAIL "kmemleak-scan:$name" "scan after the suites" \
			"/init did not scan: $res/kunit-$name.console.log"
	fi
	control_run "$control.kmemleak_control=1" 'unreferenced object' "leak"
fi
