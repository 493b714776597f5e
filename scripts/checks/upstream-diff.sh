#!/bin/bash
# DESC: every function and struct the track's series touches is the same as on the upstream track's tip (REF_TRACK), or tracks/TRACK/upstream-diff says why not; the differences are written for a reviewer
# SCOPE: rows
# USES: scripts/cfunc.py tracks/upstream/base.conf tracks/upstream/*/*.patch
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

[ -n "$REF_TRACK" ] || { record SKIP upstream-diff series "track.conf names no REF_TRACK"; exit 0; }
notes=$TDIR/upstream-diff
out=$BUILD/results/upstream-diff
rm -rf "$out"
mkdir -p "$out"

# The reference: the upstream track's tree at its posted tip.
TRACK=$REF_TRACK "$TOP/scripts/prepare.sh" >/dev/null
ref_src=$BUILD_ROOT/$REF_TRACK/linux
ref_rev=$(TRACK=$REF_TRACK bash -c '. "$1"; posted_rev' _ "$TOP/scripts/lib.sh")
tip=$(posted_rev)

# short PATH: the path as the notes name it (mlx5 core's files without
# their directory).
short() { printf '%s\n' "${1#"$MLX5"/}"; }
# note KEY: the reason tracks/TRACK/upstream-diff gives for KEY, if any.
note() {
	[ -f "$notes" ] || return 0
	# One process: a reader stopped early by awk's exit would die of
	# SIGPIPE once the notes outgrow a pipe write, and take the row along.
	awk -v k="$1" '/^#/ { next } { i = index($0, ": ") }
		i && substr($0, 1, i - 1) == k { print substr($0, i + 2); exit }' "$notes"
}
seen=$out/seen
: > "$seen"
while read -r path; do
	git -C "$SRC" show "base:$path" > "$out/old" 2>/dev/null || : > "$out/old"
	git -C "$SRC" show "$tip:$path" > "$out/new" 2>/dev/null || : > "$out/new"
	git -C "$ref_src" show "$ref_rev:$path" > "$out/ref" 2>/dev/null || : > "$out/ref"
	dir=$out/$(short "$path" | tr / _)
	mkdir -p "$dir"
	while IFS=$'\t' read -r unit state diff_file; do
		[ -n "$unit" ] || continue
		key="$(short "$path"):$unit"
		printf '%s\n' "$key" >> "$seen"
		why=$(note "$key")
		case $state in
		same)
			if [ -n "$why" ]; then
				record FAIL upstream-diff "$key" "the same as $REF_TRACK, yet tracks/$TRACK/upstream-diff explains a difference: drop the note"
			else
				record PASS upstream-diff "$key" "the same as $REF_TRACK"
			fi
			continue ;;
		only-new) what="only on this track" ;;
		only-ref) what="only on $REF_TRACK" ;;
		*) what="${state#differs } lines against $REF_TRACK" ;;
		esac
		what+=" (${dir#"$BUILD_ROOT"/}/$diff_file)"
		if [ -n "$why" ]; then
			record PASS upstream-diff "$key" "$what: $why"
		else
			record FAIL upstream-diff "$key" "differs: $what, and tracks/$TRACK/upstream-diff does not say why"
		fi
	done < <(python3 "$TOP/scripts/cfunc.py" compare "$out/old" "$out/new" "$out/ref" "$dir")
done < <(git -C "$SRC" diff --name-only base "$tip" -- '*.c' '*.h')

# A note on something the series does not touch is left over.
if [ -f "$notes" ]; then
	grep -v '^#' "$notes" | awk '{ i = index($0, ": ") } i { print substr($0, 1, i - 1) }' |
	while read -r key; do
		grep -qxF "$key" "$seen" ||
			record FAIL upstream-diff "$key" "tracks/$TRACK/upstream-diff names it, but the series does not touch it"
	done
fi
rm -f "$out/old" "$out/new" "$out/ref" "$seen"
