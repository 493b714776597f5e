#!/bin/bash
# DESC: make test-full: the KUnit suites under KCSAN on 4 CPUs in qemu (a row per case), the console log scanned for its reports
# SCOPE: rows
# USES: scripts/kunit-run.sh scripts/scan-log.sh scripts/kunit-results.py kunit/mlx5.kunitconfig kunit/kcsan.kunitconfig kunit/*.c kunit/*.py
QEMU_SMP=4 exec "$(dirname "$0")/../kunit-run.sh" kcsan
