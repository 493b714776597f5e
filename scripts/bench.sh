#!/bin/bash
# make bench: the mlx5_esw_bench KUnit suite (kunit/bench.kunitconfig) on
# x86_64 under qemu with QEMU_SMP (2) CPUs. Prints the table and keeps it
# in build/results/bench.txt. Timings are printed, never asserted.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

# The suite lived in the 6.12 series that upstream's backported commits
# replaced; no track carries it now. Its figures stay in
# docs/results.md.
grep -qs 'MLX5_ESWITCH_KUNIT_BENCH' "$SRC/$MLX5/Kconfig" ||
	die "make bench: track $TRACK has no mlx5_esw_bench suite (CONFIG_MLX5_ESWITCH_KUNIT_BENCH); the last figures are in docs/results.md"
out=$BUILD/kunit-bench
res=$BUILD/results
mkdir -p "$res"
timed "KUnit build (bench config, $out)" \
	kunit_build "$out" "$TOP/kunit/bench.kunitconfig" --arch=x86_64 \
	> "$res/kunit-bench.build.log" 2>&1 ||
	{ tail -n 30 "$res/kunit-bench.build.log" >&2; die "the bench kernel does not build"; }
timed "mlx5_esw_bench (qemu -smp ${QEMU_SMP:-2})" \
	kunit_py exec "$out" --arch=x86_64 --timeout=900 --qemu_args="-smp ${QEMU_SMP:-2}" \
		'mlx5_esw_bench.*' \
	> "$res/kunit-bench.out" 2>&1 || true
cp "$out/test.log" "$res/kunit-bench.console.log"
{
	echo "mlx5_esw_bench, $(date -u +%Y-%m-%d), qemu -smp ${QEMU_SMP:-2} on $(nproc) host CPUs ($(uname -m)), no KVM"
	sed -n 's/.*mlx5-bench| //p' "$res/kunit-bench.console.log"
} > "$res/bench.txt"
[ "$(wc -l < "$res/bench.txt")" -gt 2 ] ||
	die "the benchmark printed no table: $res/kunit-bench.out"
cat "$res/bench.txt"
log "make results copies it to docs/results/bench.txt"
