#!/bin/bash
# DESC: the kernel's report-mode semantic patches find nothing new in the files the posted series touches
# SCOPE: tree
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

LOGS=$BUILD/results/cocci
exec 3>&1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mapfile -t cfiles < <(touched_files | grep '\.c$' || true)
if [ ${#cfiles[@]} -eq 0 ]; then
	echo "the series touches no .c file"
	exit 250
fi

SPATCH=${SPATCH:-spatch}
# Report-mode findings of every semantic patch on DIR, line numbers
# dropped. A semantic patch that spatch cannot run fails the row: no
# finding from a run that did not happen is no proof.
findings() {
	local cocci rc out
	grep -rl '^virtual report' "$SRC/scripts/coccinelle" --include='*.cocci' | sort |
	while read -r cocci; do
		rc=0
		out=$(cd "$1" && "$SPATCH" -D report --very-quiet --no-show-diff \
			--no-includes --include-headers --timeout 60 \
			--cocci-file "$cocci" --dir . 2> "$tmp/spatch.err") || rc=$?
		if [ "$rc" -ne 0 ]; then
			echo "spatch failed (exit $rc) on ${cocci#"$SRC"/}: $(tail -n 1 "$tmp/spatch.err")" >&2
			return 1
		fi
		printf '%s\n' "$out" | grep . |
			sed -E "s|^\./||; s|:[0-9]+:[0-9]+-[0-9]+:|:|; s|:[0-9]+:[0-9]+:|:|" || true
	done | sort -u
	# the loop's status: a failed spatch
	return "${PIPESTATUS[2]}"
}

# With --no-includes a file's findings depend on its content, spatch and
# the semantic patches only: they are kept per file content (blob).
ckey=$({ spatch --version 2>&1 | head -n 1
	git -C "$SRC" rev-parse "base:scripts/coccinelle"; declare -f findings; } |
	sha256sum | cut -c1-12)
mkdir -p "$LOGS/blobs"

# findings_at REV FILE...: the findings of FILEs at REV; spatch runs, once
# for all of them, on the files whose content has none kept yet.
findings_at() {
	local rev=$1 f blob dir=$tmp/$1
	local -A todo=() kept=()
	for f in "${@:2}"; do
		blob=$(git -C "$SRC" rev-parse -q --verify "$rev:$f") || continue
		kept[$f]=$LOGS/blobs/$blob.$ckey.txt
		[ -f "${kept[$f]}" ] && continue
		mkdir -p "$dir/$(dirname "$f")"
		git -C "$SRC" cat-file blob "$blob" > "$dir/$f"
		todo[$f]=1
	done
	if [ ${#todo[@]} -gt 0 ]; then
		if ! timed "coccinelle on ${#todo[@]} files at $rev" findings "$dir" \
			> "$dir.txt" 2> "$dir.err"; then
			cat "$dir.err" >&2
			# the reason to the runner, whatever stdout is here
			grep -m1 'spatch failed' "$dir.err" >&3 || echo "spatch failed" >&3
			exit 1
		fi
		for f in "${!todo[@]}"; do
			awk -v f="$f:" 'index($0, f) == 1' "$dir.txt" > "${kept[$f]}"
		done
	fi
	for f in "${!kept[@]}"; do
		cat "${kept[$f]}"
	done | sort -u
}

findings_at "$(posted_rev)" "${cfiles[@]}" > "$LOGS/tip.txt"
# A finding is new if the file's copy at the base does not have it: only
# the files with findings at the tip are looked at there.
mapfile -t found < <(cut -d: -f1 "$LOGS/tip.txt" | sort -u)
findings_at base "${found[@]}" > "$LOGS/base.txt"
new=$(comm -13 "$LOGS/base.txt" "$LOGS/tip.txt")
if [ -n "$new" ]; then
	printf '%s\n' "$new" | sed 's|^|  coccinelle: |' >&2
	echo "$(printf '%s\n' "$new" | wc -l) new findings: $LOGS/tip.txt"
	exit 1
fi
echo "$(wc -l < "$LOGS/tip.txt") findings in ${#found[@]} of ${#cfiles[@]} files, all in the base's copies too"
