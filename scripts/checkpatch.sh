#!/bin/bash
# checkpatch.pl on every posted patch with netdev's CI flags (80 columns,
# codespell, its ignore list), and kernel-doc on every .c/.h file the
# posted series touches (no warning the base did not have).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

cp=$SRC/scripts/checkpatch.pl
exceptions=$TOP/configs/checkpatch-exceptions
# As netdev's patch CI runs it (its checkpatch test's flags and ignores).
codespell=/usr/lib/python3/dist-packages/codespell_lib/data/dictionary.txt
[ -f "$codespell" ] || die "no codespell dictionary at $codespell (package codespell)"
ignore=COMMIT_LOG_LONG_LINE,MACRO_ARG_REUSE,ALLOC_SIZEOF_STRUCT,NO_AUTHOR_SIGN_OFF
ignore+=,GIT_COMMIT_ID,CAMELCASE,FILE_PATH_CHANGES,BAD_REPORTED_BY_LINK
netdev=(--strict --codespell "--codespellfile=$codespell" --max-line-length=80
	"--ignore=$ignore")

# The accepted finding types for patch NAME, as "A|B|".
ignored_types() {
	local type glob reason
	while read -r type glob reason; do
		case $type in ''|'#'*) continue ;; esac
		[ -n "$reason" ] || die "configs/checkpatch-exceptions: $type has no reason"
		# shellcheck disable=SC2254 # the glob is meant to match
		case $1 in $glob) printf "%s|" "$type" ;; esac
	done < "$exceptions"
}

while read -r p; do
	name=$(basename "$p")
	accepted=$(ignored_types "$name")
	out=$("$cp" "${netdev[@]}" --no-tree --terse --show-types "$p" 2>&1) || true
	findings=$(printf '%s\n' "$out" | grep -E ': (ERROR|WARNING|CHECK):' || true)
	bad=$(printf '%s\n' "$findings" | grep -vE ": (ERROR|WARNING|CHECK):(${accepted%|}|-):" | grep . || true)
	if [ -n "$bad" ]; then
		printf '%s\n' "$bad" | sed "s|^.*/$name:|  $name:|" >&2
		record FAIL checkpatch "$name" "$(printf '%s\n' "$bad" | wc -l) findings (see above)"
	elif [ -n "$findings" ]; then
		record PASS checkpatch "$name" "accepted: $(printf '%s\n' "$findings" |
			sed -E 's/^.*: (ERROR|WARNING|CHECK):([A-Z_]+):.*/\2/' | sort -u | paste -sd, -)"
	else
		record PASS checkpatch "$name"
	fi
done < <(series_files)

# kernel-doc warnings of FILE at REV, with line numbers dropped so that a
# warning moved by an edit above it is not new.
kdoc_warnings() {
	local tmp rc=0
	tmp=$(mktemp)
	git -C "$SRC" show "$2:$1" > "$tmp" 2>/dev/null || { rm -f "$tmp"; return 0; }
	"$SRC/scripts/kernel-doc" -Wall -none "$tmp" 2>&1 | sed -E "s|^$tmp:[0-9]+: ||; s|$tmp|$1|g" | sort || rc=$?
	rm -f "$tmp"
	return "$rc"
}

tip=$(posted_rev)
while read -r f; do
	case $f in *.c|*.h) ;; *) continue ;; esac
	new=$(comm -13 <(kdoc_warnings "$f" base) <(kdoc_warnings "$f" "$tip"))
	if [ -z "$new" ]; then
		record PASS kernel-doc "$f"
	else
		printf '%s\n' "$new" | sed "s|^|  $f: |" >&2
		record FAIL kernel-doc "$f" "$(printf '%s\n' "$new" | wc -l) new kernel-doc warnings (see above)"
	fi
done < <(touched_files)
