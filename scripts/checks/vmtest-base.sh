#!/bin/bash
# DESC: the netdevsim devlink selftests in qemu with the real devlink tool on the pristine base kernel (a row per case), the console log scanned; what the patched kernel is compared with
# SCOPE: rows
# SERIES: no
# USES: scripts/vmtest.sh scripts/scan-log.sh vm/*
exec "$(dirname "$0")/../vmtest.sh" base
