#!/bin/bash
# DESC: the workbench's parsers on the saved inputs of scripts/selftest/fixtures/ (one row per tool)
# SCOPE: rows
# SERIES: no
# USES: scripts/selftest.sh scripts/selftest-checks.sh scripts/base.sh scripts/test.sh scripts/checks/*.sh scripts/scan-log.sh scripts/pan-verdict.sh scripts/*.py scripts/checks/deprecated-api.sh scripts/selftest/fixtures/*
exec "$(dirname "$0")/../selftest.sh"
