#!/bin/bash
# selftest.sh: the workbench's own parsers against saved inputs in
# scripts/selftest/fixtures/, in seconds and without a kernel, as kunit.py
# tests its parser on saved logs: the log scan (scan-log.sh), the KUnit
# results (kunit-results.py), the per-patch checks (check-patches.py,
# checks/deprecated-api.sh) and SPIN's verdicts (pan-verdict.sh).
# One result row per tool; a failing row shows the difference.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

F=$TOP/scripts/selftest/fixtures
S=$TOP/scripts
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# expect TOOL EXPECTED CMD...: CMD's output must be EXPECTED's content.
expect() {
	local tool=$1 want=$2
	shift 2
	if ! "$@" > "$tmp/out" 2> "$tmp/err"; then
		sed "s|^|  $tool: |" "$tmp/err" >&2
		printf 'exit status %s\n' "$?" > "$tmp/failed.$tool"
		return
	fi
	# SELFTEST_BLESS=1 writes what the tools print as the expected
	# output: review it with git diff before committing it.
	[ -z "${SELFTEST_BLESS:-}" ] || cp "$tmp/out" "$want"
	if ! diff -u "$want" "$tmp/out" > "$tmp/diff"; then
		sed "s|^|  $tool: |" "$tmp/diff" >&2
		printf '%s\n' "differs from $(basename "$want")" >> "$tmp/failed.$tool"
	fi
}

for log in scan-clean scan-splats; do
	expect scan-log "$F/$log.expected" "$S/scan-log.sh" "$F/$log.log"
done
expect kunit-results "$F/kunit.expected" \
	python3 "$S/kunit-results.py" "$F/kunit.json" lockdep mlx5_kunit_control
expect kunit-results "$F/kunit-empty.expected" \
	python3 "$S/kunit-results.py" "$F/kunit-empty.json" lockdep
git -C "$tmp" init -q repo
# patch_checks PATCH...: each check's exit status and reason, per patch.
patch_checks() {
	local p c out rc
	for p in "$@"; do
		for c in tags headers kdoc-new; do
			rc=0
			out=$(python3 "$S/check-patches.py" --check "$c" "$tmp/repo" "$p") || rc=$?
			printf '%s\t%s\t%s\t%s\n' "$(basename "$p")" "$c" "$rc" "$out"
		done
	done
}
expect check-patches "$F/check-patches.expected" \
	patch_checks "$F/good.patch" "$F/bad.patch"
# deprecated PATCH...: the check's exit status and reason, per patch.
deprecated() {
	local p out rc
	for p in "$@"; do
		rc=0
		out=$("$S/checks/deprecated-api.sh" "$p" 2>/dev/null) || rc=$?
		printf '%s\t%s\t%s\n' "$(basename "$p")" "$rc" "$out"
	done
}
expect deprecated-api "$F/deprecated-api.expected" \
	deprecated "$F/param.patch" "$F/reword.patch"
for out in "$F"/pan-*.out; do
	expect pan-verdict "${out%.out}.expected" "$S/pan-verdict.sh" "$out"
done

# shellcheck source=scripts/selftest-checks.sh
. "$S/selftest-checks.sh"

for tool in scan-log kunit-results check-patches deprecated-api pan-verdict \
	    base-plan runner tools cover-letter cache-key unresolved identity \
	    track-lists; do
	if [ -f "$tmp/failed.$tool" ]; then
		record FAIL selftest "$tool" "$(paste -sd';' "$tmp/failed.$tool")"
	else
		record PASS selftest "$tool" "fixtures in scripts/selftest/fixtures/"
	fi
done
