#!/bin/bash
# Regenerate patches/ from the commits of build/linux with git
# format-patch. The posted series (every commit up to the first one whose
# subject starts with "local:") goes to patches/: the cover letter keeps
# its hand-written subject and text and gets a fresh shortlog, diffstat
# and base-commit; the comment lines of patches/series stay, each before
# the patch number it stood before. The local queue (the "local:" commits
# on top) goes to patches/local/, which is never posted.
# The posted patches are signed by whoever exports them when git knows
# them (git config --global user.name/user.email), else by the author
# the commits have.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

[ -d "$SRC/.git" ] || die "no build/linux tree: run 'make prepare' first"
[ -z "$(git -C "$SRC" status --porcelain --untracked-files=no)" ] ||
	die "build/linux has uncommitted changes: commit them before exporting"
posted=$(posted_rev)
n=$(git -C "$SRC" rev-list --count "base..$posted")
[ "$n" -gt 0 ] || die "build/linux has no commits on top of the base to export"
stray=$(git -C "$SRC" log --format='%h %s' "base..$posted" | awk '$2 == "local:"')
[ -z "$stray" ] ||
	die "local commits must come after the posted ones; move these: $stray"

cover=$PATCHES/0000-cover-letter.patch
subject='*** SUBJECT HERE ***' body='*** BLURB HERE ***'
if [ -f "$cover" ]; then
	# The subject may be folded over several header lines.
	subject=$(awk '/^Subject: /{s=$0; f=1; next} f && /^[ \t]/{s=s $0; next} {f=0} END{print s}' "$cover" |
		sed -E 's/^Subject: (\[[^]]*\] *)?//')
	# The text runs from the end of the headers to the shortlog.
	body=$(awk 'h && /^[^ ].* \([0-9]+\):$/{exit} h{print} /^$/{h=1}' "$cover")
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Recipients from get_maintainer.pl: maintainers in To, the rest in Cc.
git -C "$SRC" diff "base..$posted" > "$tmp/series.diff"
gm() {
	(cd "$SRC" && ./scripts/get_maintainer.pl --no-rolestats --no-git \
		--no-git-fallback "$@" "$tmp/series.diff")
}
mapfile -t to < <(gm --no-r --no-l | sed 's/^/--to=/')
mapfile -t cc < <(gm | grep -vxF -f <(gm --no-r --no-l) | sed 's/^/--cc=/')
rm "$tmp/series.diff"

mkdir -p "$tmp/posted" "$tmp/local"
git -C "$SRC" format-patch -q --zero-commit --no-signature --base=base \
	--cover-letter "${to[@]}" "${cc[@]}" -o "$tmp/posted" "base..$posted"
# The range does not end at the branch head, so git leaves the blurb to
# fill in: the saved subject and text.
SUBJECT=$subject BODY=$body python3 - "$tmp/posted/0000-cover-letter.patch" <<'PY'
import os, sys
p = sys.argv[1]
s = open(p, encoding='utf-8').read()
s = s.replace('*** SUBJECT HERE ***', os.environ['SUBJECT'], 1)
s = s.replace('*** BLURB HERE ***', os.environ['BODY'].rstrip('\n'), 1)
open(p, 'w', encoding='utf-8').write(s)
PY
git -C "$SRC" format-patch -q --zero-commit --no-signature \
	-o "$tmp/local" "$posted..HEAD"

# The exporter's identity, from their own git configuration.
me_name=$(git config --global user.name || true)
me_email=$(git config --global user.email || true)

blank_context "$tmp"/posted/*.patch "$tmp"/local/*.patch
if [ -n "$me_name" ] && [ -n "$me_email" ]; then
	for p in "$tmp"/posted/*.patch; do
		python3 "$TOP/scripts/sign-as.py" "$p" "$me_name <$me_email>"
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

comments "$PATCHES/series" > "$tmp/posted.comments"
comments "$LOCAL/series" > "$tmp/local.comments"
rm -f "$PATCHES"/[0-9][0-9][0-9][0-9]-*.patch
mv "$tmp"/posted/*.patch "$PATCHES/"
write_series "$PATCHES" "$tmp/posted.comments" > "$PATCHES/series"
rm -rf "$LOCAL"
if compgen -G "$tmp/local/*.patch" > /dev/null; then
	mkdir -p "$LOCAL"
	mv "$tmp"/local/*.patch "$LOCAL/"
	write_series "$LOCAL" "$tmp/local.comments" > "$LOCAL/series"
fi

# The tree now matches patches/: record it so prepare.sh keeps it as it is.
patches_hash > "$BUILD/prepared.stamp"
git -C "$SRC" rev-parse HEAD >> "$BUILD/prepared.stamp"
log "exported $n patches and the cover letter to patches/, $(local_series_files | wc -l) to patches/local/"
