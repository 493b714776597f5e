#!/bin/bash
# DESC: the netdevsim devlink selftests in qemu with the real devlink tool on the patched kernel (a row per case, a failure of a case that passes on the base fails), the series' devlink_eswitch_mode.sh under two devlink_eswitch_mode= command lines, lockdep on, console logs scanned
# SCOPE: rows
# USES: scripts/vmtest.sh scripts/scan-log.sh vm/*
# TREE: . :(exclude)drivers/net/ethernet/mellanox :(exclude)include/linux/mlx5 :(exclude)Documentation
exec "$(dirname "$0")/../vmtest.sh" patched
