#!/bin/bash
# DESC: the KUnit suites under lockdep in qemu (a row per case), the console log scanned for splats, and the scan's control
# SCOPE: rows
# USES: scripts/kunit-run.sh scripts/scan-log.sh scripts/kunit-results.py kunit/*.kunitconfig kunit/*.c kunit/*.py
exec "$(dirname "$0")/../kunit-run.sh" lockdep
