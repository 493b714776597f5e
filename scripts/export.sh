#!/bin/bash
# Regenerate the track's series (tracks/TRACK/SERIES/) from the commits of
# build/TRACK/linux with git format-patch. The posted commits (every
# commit up to the first one whose subject starts with "local:") are
# split over the track's series in SERIES order: each series but the
# last keeps as many patches as its series file lists, the last takes
# the rest. A series with a cover letter keeps its hand-written subject
# and text and gets a fresh shortlog, diffstat, recipients and
# base-commit (the commit below the series); the comment lines of each
# series file stay, each before the patch number it stood before. The
# local queue (the "local:" commits on top) goes to tracks/TRACK/local/,
# which is never posted.
# The posted patches are signed by whoever exports them when git knows
# them (git config --global user.name/user.email), else by the author
# the commits have.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

[ -d "$SRC/.git" ] || die "no build/$TRACK/linux tree: run 'make prepare TRACK=$TRACK' first"
[ -z "$(git -C "$SRC" status --porcelain --untracked-files=no)" ] ||
	die "build/$TRACK/linux has uncommitted changes: commit them before exporting"
[ -n "$SERIES" ] || die "track $TRACK has no series to export to (SERIES in track.conf)"
posted=$(posted_rev)
n=$(git -C "$SRC" rev-list --count "base..$posted")
[ "$n" -gt 0 ] || die "build/$TRACK/linux has no commits on top of the base to export"
stray=$(git -C "$SRC" log --format='%h %s' "base..$posted" | awk '$2 == "local:"')
[ -z "$stray" ] ||
	die "local commits must come after the posted ones; move these: $stray"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# cover_parts COVER: the saved subject and text of a cover letter.
cover_subject() {
	# The subject may be folded over several header lines.
	awk '/^Subject: /{s=$0; f=1; next} f && /^[ \t]/{s=s $0; next} {f=0} END{print s}' "$1" |
		sed -E 's/^Subject: (\[[^]]*\] *)?//'
}
cover_body() {
	# The text runs from the end of the headers to the shortlog.
	awk 'h && /^[^ ].* \([0-9]+\):$/{exit} h{print} /^$/{h=1}' "$1"
}

# export_series DIR FROM TO: DIR's patches, the commits FROM..TO, in
# $tmp/NAME/, with a cover letter if DIR has one. DIR/subject-prefix, if
# there, is the series' subject prefix ("PATCH net-next"). A series on
# top of another names the track's base as base-commit and the patches
# below it as prerequisite-patch-id, as git format-patch --base does,
# unless DIR/standalone says why it needs none of them (row cover-letter
# checks that it applies to the base alone).
export_series() {
	local dir=$1 from=$2 to=$3 out to_cc=() subject body prefix=()
	out=$tmp/$(basename "$dir")
	mkdir -p "$out"
	[ ! -f "$dir/subject-prefix" ] ||
		prefix=(--subject-prefix="$(cat "$dir/subject-prefix")")
	if [ ! -f "$dir/0000-cover-letter.patch" ]; then
		git -C "$SRC" format-patch -q --zero-commit --no-signature \
			"${prefix[@]}" -o "$out" "$from..$to"
		return
	fi
	subject=$(cover_subject "$dir/0000-cover-letter.patch")
	body=$(cover_body "$dir/0000-cover-letter.patch")
	# Recipients from get_maintainer.pl: maintainers in To, the rest in Cc.
	git -C "$SRC" diff "$from..$to" > "$tmp/series.diff"
	gm() {
		(cd "$SRC" && ./scripts/get_maintainer.pl --no-rolestats --no-git \
			--no-git-fallback "$@" "$tmp/series.diff")
	}
	mapfile -t to_cc < <(gm --no-r --no-l | sed 's/^/--to=/'
		gm | grep -vxF -f <(gm --no-r --no-l) | sed 's/^/--cc=/')
	# A stable backport ("PATCH 6.12.y") goes to the stable list.
	case ${prefix[0]:-} in
	*.y) to_cc=(--to=stable@vger.kernel.org "${to_cc[@]}") ;;
	esac
	git -C "$SRC" format-patch -q --zero-commit --no-signature \
		"${prefix[@]}" --base="$(git -C "$SRC" rev-parse base)" \
		--cover-letter "${to_cc[@]}" -o "$out" "$from..$to"
	# The range does not end at the branch head, so git leaves the blurb
	# to fill in: the saved subject and text.
	SUBJECT=$subject BODY=$body python3 - "$out/0000-cover-letter.patch" <<'PY'
import os, sys
p = sys.argv[1]
s = open(p, encoding='utf-8').read()
s = s.replace('*** SUBJECT HERE ***', os.environ['SUBJECT'], 1)
s = s.replace('*** BLURB HERE ***', os.environ['BODY'].rstrip('\n'), 1)
open(p, 'w', encoding='utf-8').write(s)
PY
	# git 2.39's format-patch --base does not name the prerequisites by
	# git patch-id --stable, which b4 and its own documentation use:
	# name them again, from the commits.
	sed -i '/^prerequisite-patch-id: /d' "$out/0000-cover-letter.patch"
	[ -f "$dir/standalone" ] || prerequisite_ids "$from" >> "$out/0000-cover-letter.patch"
}

# prerequisite_ids REV: a prerequisite-patch-id: line for each commit
# from the base up to REV.
prerequisite_ids() {
	local c
	for c in $(git -C "$SRC" rev-list --reverse "base..$1"); do
		echo "prerequisite-patch-id: $(git -C "$SRC" show "$c" | stable_patch_id)"
	done
}

mapfile -t commits < <(git -C "$SRC" rev-list --reverse "base..$posted")
read -ra names <<< "$SERIES"
from=$(git -C "$SRC" rev-parse base) used=0
for i in "${!names[@]}"; do
	dir=$TDIR/${names[$i]}
	if [ "$i" -eq $(( ${#names[@]} - 1 )) ]; then
		count=$(( n - used ))
	else
		count=$(series_files "$dir" | wc -l)
	fi
	if [ "$count" -le 0 ] || [ $(( used + count )) -gt "$n" ]; then
		die "track $TRACK: $n posted commits do not fill the series $SERIES (${names[$i]} would get $count)"
	fi
	to=${commits[$(( used + count - 1 ))]}
	export_series "$dir" "$from" "$to"
	from=$to used=$(( used + count ))
done
mkdir -p "$tmp/local"
git -C "$SRC" format-patch -q --zero-commit --no-signature \
	-o "$tmp/local" "$posted..HEAD"

# The exporter's identity, from their own git configuration, unless it
# is a placeholder.
me=$(exporter_identity 2>/dev/null || true)

for s in $SERIES local; do
	blank_context "$tmp/$s"/*.patch
done
if [ -n "$me" ]; then
	for s in $SERIES; do
		for p in "$tmp/$s"/*.patch; do
			python3 "$TOP/scripts/sign-as.py" "$p" "$me"
		done
	done
fi
# A backport track's patches carry DEP-3 headers for Debian's packaging.
if [ "$DEP3" = yes ]; then
	for s in $SERIES; do
		for p in "$tmp/$s"/*.patch; do
			[ "$(basename "$p")" = 0000-cover-letter.patch ] ||
				python3 "$TOP/scripts/dep3.py" add "$p"
		done
	done
fi

# Comment lines of the series file, keyed by the number of the patch
# they stand before ("end" for those after the last one).
comments() {
	[ -f "$1" ] || return 0
	awk '/^#/ { buf[n++] = $0; next }
	     /^[0-9][0-9][0-9][0-9]-/ {
		for (i = 0; i < n; i++) print substr($0, 1, 4) "\t" buf[i]
		n = 0
	     }
	     END { for (i = 0; i < n; i++) print "end\t" buf[i] }' "$1"
}

# write_series DIR SERIES_COMMENTS: the series file of DIR's patches.
write_series() {
	local p num
	for p in "$1"/[0-9][0-9][0-9][0-9]-*.patch; do
		[ -f "$p" ] || continue
		case $p in */0000-cover-letter.patch) continue ;; esac
		num=$(basename "$p" | cut -c1-4)
		awk -F'\t' -v k="$num" '$1 == k { print $2 }' "$2"
		basename "$p"
	done
	awk -F'\t' '$1 == "end" { print $2 }' "$2"
}

for s in $SERIES; do
	dir=$TDIR/$s
	comments "$dir/series" > "$tmp/$s.comments"
	rm -f "$dir"/[0-9][0-9][0-9][0-9]-*.patch
	mv "$tmp/$s"/*.patch "$dir/"
	write_series "$dir" "$tmp/$s.comments" > "$dir/series"
done
comments "$LOCAL/series" > "$tmp/local.comments"
rm -rf "$LOCAL"
if compgen -G "$tmp/local/*.patch" > /dev/null; then
	mkdir -p "$LOCAL"
	mv "$tmp"/local/*.patch "$LOCAL/"
	write_series "$LOCAL" "$tmp/local.comments" > "$LOCAL/series"
fi

# The tree now matches tracks/TRACK/: record it so prepare.sh keeps it.
patches_hash > "$BUILD/prepared.stamp"
git -C "$SRC" rev-parse HEAD >> "$BUILD/prepared.stamp"
log "exported $n patches to tracks/$TRACK/ ($SERIES), $(local_series_files | wc -l) to tracks/$TRACK/local/"
