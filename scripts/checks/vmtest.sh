#!/bin/bash
# DESC: the netdevsim devlink selftests in qemu with the real devlink tool, on the base and patched kernels (a row per case, a patched failure of a base pass fails), our devlink_defaults.sh under two devlink= command lines, console logs scanned
# SCOPE: rows
# USES: scripts/vmtest.sh scripts/scan-log.sh vm/*
exec "$(dirname "$0")/../vmtest.sh"
