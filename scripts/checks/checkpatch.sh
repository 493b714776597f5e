#!/bin/bash
# DESC: checkpatch.pl as netdev's patch CI runs it, findings accepted only in tracks/$TRACK/checkpatch-exceptions
# SCOPE: patch
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

p=$1
name=$(basename "$p")
exceptions=$TDIR/checkpatch-exceptions
codespell=/usr/lib/python3/dist-packages/codespell_lib/data/dictionary.txt
[ -f "$codespell" ] || { echo "no codespell dictionary at $codespell"; exit 1; }
# netdev's CI: its checkpatch test's flags and ignore list.
ignore=COMMIT_LOG_LONG_LINE,MACRO_ARG_REUSE,ALLOC_SIZEOF_STRUCT,NO_AUTHOR_SIGN_OFF
ignore+=,GIT_COMMIT_ID,CAMELCASE,FILE_PATH_CHANGES,BAD_REPORTED_BY_LINK
netdev=(--strict --codespell "--codespellfile=$codespell" --max-line-length=80
	"--ignore=$ignore")

# The accepted finding types for this patch, as "A|B|".
accepted=""
while read -r type glob reason; do
	case $type in ''|'#'*) continue ;; esac
	[ -n "$reason" ] || { echo "tracks/$TRACK/checkpatch-exceptions: $type has no reason"; exit 1; }
	# shellcheck disable=SC2254 # the glob is meant to match
	case $name in $glob) accepted+="$type|" ;; esac
done < <(cat "$exceptions" 2>/dev/null || true)

rc=0
out=$("$SRC/scripts/checkpatch.pl" "${netdev[@]}" --no-tree --terse --show-types "$p" 2>&1) || rc=$?
findings=$(printf '%s\n' "$out" | grep -E ': (ERROR|WARNING|CHECK):' || true)
# checkpatch.pl exits 0 when it found nothing (and, terse, prints
# nothing) and 1 when it found something; anything else, or 1 with no
# finding, is checkpatch.pl not running (or dying half way): no finding
# is then no proof.
if [ "$rc" -gt 1 ] || { [ "$rc" -eq 1 ] && [ -z "$findings" ]; }; then
	printf '%s\n' "$out" | tail -n 5 >&2
	echo "checkpatch.pl did not run (exit $rc, no finding): $(printf '%s\n' "$out" | tail -n 1)"
	exit 1
fi
bad=$(printf '%s\n' "$findings" | grep -vE ": (ERROR|WARNING|CHECK):(${accepted%|}|-):" | grep . || true)
if [ -n "$bad" ]; then
	printf '%s\n' "$bad" | sed "s|^.*/$name:|  $name:|" >&2
	echo "$(printf '%s\n' "$bad" | wc -l) findings (see above)"
	exit 1
fi
if [ -n "$findings" ]; then
	echo "accepted: $(printf '%s\n' "$findings" |
		sed -E 's/^.*: (ERROR|WARNING|CHECK):([A-Z_]+):.*/\2/' | sort -u | paste -sd, -)"
fi
