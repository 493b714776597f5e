#!/bin/bash
# test.sh [check|full]: the test command. Applies the series to the pinned
# base, runs the maintainer checks (checkpatch, kernel-doc, tags, headers,
# quilt, mbox, get_maintainer, a W=1 + sparse build after each patch, clang,
# coccinelle), then, unless only "check" was asked for, the KUnit suites
# under lockdep in qemu with the console log scanned for splats, and the
# SPIN model of the protocol.
# "full" is the reliability run instead (make test-full): the suites on 4
# CPUs under lockdep with a longer stress run (STRESS_MS, 10 s by default),
# then under KASAN, KCSAN, UBSAN and kmemleak, and the SPIN model.
# Prints one table and "N passed, N failed[, N skipped]"; exits non-zero on
# any failure.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

start=$(date +%s)
mkdir -p "$BUILD/results"
: > "$RESULTS"

summary() {
	local pass fail skip
	pass=$(grep -c '^PASS' "$RESULTS" || true)
	fail=$(grep -c '^FAIL' "$RESULTS" || true)
	skip=$(grep -c '^SKIP' "$RESULTS" || true)
	echo
	echo "Results (every row in $RESULTS):"
	python3 "$TOP/scripts/summary.py" "$RESULTS"
	echo "Took $(( $(date +%s) - start )) s."
	printf '%s passed, %s failed%s\n' "$pass" "$fail" \
		"$( [ "$skip" -eq 0 ] || printf ', %s skipped' "$skip")"
	[ "$fail" -eq 0 ]
}

# The SPIN model (about 80 s): its own rows, or one saying it broke.
run_model() {
	"$TOP/scripts/model.sh" || grep -q '^FAIL	model' "$RESULTS" ||
		record FAIL model spin "scripts/model.sh failed before its verdict"
}

mode=${1:-all}
case $mode in all|check|full) ;; *) die "usage: test.sh [check|full]" ;; esac

"$TOP/scripts/deps.sh" check
# The workbench's own parsers first: the rows below depend on them.
"$TOP/scripts/selftest.sh"
if ! "$TOP/scripts/prepare.sh" 2>&1 | tee "$BUILD/results/prepare.log" >&2; then
	record FAIL apply series "$(grep '^ERROR' "$BUILD/results/prepare.log" | tail -n 1)"
	summary
	exit 1
fi
record PASS apply series "$(wc -l < "$PATCHES/series") patches applied with git am"

if [ "$mode" = full ]; then
	QEMU_SMP=4 KUNIT_KERNEL_ARGS="mlx5_esw_kunit.stress_ms=${STRESS_MS:-10000}" \
		"$TOP/scripts/kunit.sh" lockdep
	for config in kasan kcsan ubsan kmemleak; do
		QEMU_SMP=4 "$TOP/scripts/kunit.sh" "$config"
	done
	run_model
	# The results page keeps the latest reliability run, dated.
	mkdir -p "$TOP/docs/results"
	{
		echo "make test-full, $(date -u +%Y-%m-%d), $(nproc) host CPUs"
		summary || true
		grep -h 'esw_stress_.*: ' "$BUILD"/results/kunit-*.console.log 2>/dev/null |
			sed 's/^[[:space:]]*#* *//' || true
	} > "$TOP/docs/results/test-full.txt"
	summary
	exit
fi

"$TOP/scripts/checkpatch.sh"
"$TOP/scripts/check-deprecated-api.sh"
"$TOP/scripts/check-series.sh"
"$TOP/scripts/bisect.sh"
"$TOP/scripts/check-llvm.sh"
"$TOP/scripts/check-docs.sh"
"$TOP/scripts/check-cocci.sh"
# What "make" builds: Debian's config, without KUnit, as distros ship it.
if "$TOP/scripts/build.sh"; then
	record PASS debian-build mlx5_core.ko "Debian's config.amd64_none_amd64, build/debian"
else
	record FAIL debian-build mlx5_core.ko "does not build with Debian's config: build/debian/mlx5.log"
fi
if [ "$mode" = all ]; then
	"$TOP/scripts/kunit.sh" lockdep
	run_model
fi
summary
