#!/bin/bash
# DESC: make test-full: the KUnit suites under KASAN, UBSAN and kmemleak in one kernel on 4 CPUs, the console log scanned, kmemleak's scan after the suites and its control
# SCOPE: rows
# USES: scripts/kunit-run.sh scripts/scan-log.sh scripts/kunit-results.py kunit/mlx5.kunitconfig kunit/memory.kunitconfig kunit/*.c kunit/*.py
QEMU_SMP=4 exec "$(dirname "$0")/../kunit-run.sh" memory
