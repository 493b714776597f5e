#!/bin/bash
# Regenerate patches/ from the commits of build/linux (base..HEAD) with
# git format-patch: the cover letter keeps its hand-written subject and
# text, and gets a fresh shortlog, diffstat and base-commit.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

[ -d "$SRC/.git" ] || die "no build/linux tree: run 'make prepare' first"
[ -z "$(git -C "$SRC" status --porcelain --untracked-files=no)" ] ||
	die "build/linux has uncommitted changes: commit them before exporting"
n=$(git -C "$SRC" rev-list --count base..HEAD)
[ "$n" -gt 0 ] || die "build/linux has no commits on top of the base to export"

cover=$PATCHES/0000-cover-letter.patch
subject='*** SUBJECT HERE ***' body='*** BLURB HERE ***'
if [ -f "$cover" ]; then
	# The subject may be folded over several header lines.
	subject=$(awk '/^Subject: /{s=$0; f=1; next} f && /^[ \t]/{s=s $0; next} {f=0} END{print s}' "$cover" |
		sed -E 's/^Subject: (\[[^]]*\] *)?//')
	# The text runs from the end of the headers to the shortlog.
	body=$(awk 'h && /^[^ ].* \([0-9]+\):$/{exit} h{print} /^$/{h=1}' "$cover")
fi
git -C "$SRC" config branch.main.description "$subject

$body"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Recipients from get_maintainer.pl: maintainers in To, the rest in Cc.
git -C "$SRC" diff base..HEAD > "$tmp/series.diff"
gm() {
	(cd "$SRC" && ./scripts/get_maintainer.pl --no-rolestats --no-git \
		--no-git-fallback "$@" "$tmp/series.diff")
}
mapfile -t to < <(gm --no-r --no-l | sed 's/^/--to=/')
mapfile -t cc < <(gm | grep -vxF -f <(gm --no-r --no-l) | sed 's/^/--cc=/')
rm "$tmp/series.diff"

git -C "$SRC" format-patch -q --zero-commit --no-signature --base=base \
	--cover-letter --cover-from-description=subject "${to[@]}" "${cc[@]}" -o "$tmp" base..HEAD

# A blank context line is written empty, not as one space, which git am,
# GNU patch (quilt) and checkpatch all read as a blank context line: run
# from a git tree that tracks patches/, checkpatch takes a .patch for a
# source file, and would report each " " line as trailing whitespace.
for p in "$tmp"/*.patch; do
	awk '/^diff --git / { hunks = 1 } hunks && $0 == " " { $0 = "" } { print }' \
		"$p" > "$p.new"
	mv "$p.new" "$p"
done

rm -f "$PATCHES"/[0-9][0-9][0-9][0-9]-*.patch
mv "$tmp"/*.patch "$PATCHES/"
for p in "$PATCHES"/[0-9][0-9][0-9][0-9]-*.patch; do
	case $p in */0000-cover-letter.patch) ;; *) basename "$p" ;; esac
done > "$PATCHES/series"

# The tree now matches patches/: record it so prepare.sh keeps it as it is.
{ cat "$PATCHES/series"; series_files | xargs cat; } | sha256sum | cut -d' ' -f1 > "$BUILD/prepared.stamp"
git -C "$SRC" rev-parse HEAD >> "$BUILD/prepared.stamp"
log "exported $n patches and the cover letter to patches/"
