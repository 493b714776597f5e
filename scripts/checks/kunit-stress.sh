#!/bin/bash
# DESC: make test-full: the KUnit suites under lockdep on 4 CPUs with the long stress run (STRESS_MS, 10 s by default), the console log scanned
# SCOPE: rows
# USES: scripts/kunit-run.sh scripts/scan-log.sh scripts/kunit-results.py kunit/mlx5.kunitconfig kunit/lockdep.kunitconfig kunit/*.c kunit/*.py
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"
QEMU_SMP=4 KUNIT_KERNEL_ARGS="mlx5_esw_kunit.stress_ms=${STRESS_MS:-10000}" \
	"$TOP/scripts/kunit-run.sh" lockdep
# make test's own lockdep run writes the same console log: keep this one
# for the test-full summary.
cp "$BUILD/results/kunit-lockdep.console.log" "$BUILD/results/kunit-stress.console.log"
