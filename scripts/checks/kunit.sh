#!/bin/bash
# DESC: the KUnit suites under lockdep in qemu (a row per case), the console log scanned for splats, and the scan's control
# SCOPE: rows
exec "$(dirname "$0")/../kunit.sh" lockdep
