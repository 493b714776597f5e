#!/bin/bash
# DESC: the workbench's parsers on the saved inputs of scripts/selftest/fixtures/ (one row per tool)
# SCOPE: rows
exec "$(dirname "$0")/../selftest.sh"
