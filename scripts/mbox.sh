#!/bin/bash
# mbox.sh [DIR...]: write each posted series of the track (or the series
# of DIR), cover letter first when it has one, as one mbox:
# build/TRACK/NAME.mbox, From: and the author's Signed-off-by: naming the
# exporter: whoever runs it, from git's user.name and user.email. It
# stops, and writes nothing, when git has no identity or a placeholder
# one (an address in a reserved domain, a noreply address): nothing
# made up gets posted. Prints the mbox paths.
# MBOX_UNSIGNED=1 keeps the patches' own From: (the mbox check, which
# only applies them).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

me=""
if [ -z "${MBOX_UNSIGNED:-}" ]; then
	me=$(exporter_identity) || die "make mbox: no identity to sign with (above)"
fi
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || mapfile -t dirs < <(series_dirs)
mkdir -p "$BUILD"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in "${dirs[@]}"; do
	mbox=$BUILD/$(basename "$dir").mbox
	{
		[ ! -f "$dir/0000-cover-letter.patch" ] ||
			echo "$dir/0000-cover-letter.patch"
		series_files "$dir"
	} | while read -r p; do
		# DEP-3 headers are for Debian's quilt series, not for mail.
		# The context lines as format-patch wrote them (blank_context).
		mail_form "$p" | awk 'h || /^$/ { h = 1; print; next }
		     !/^(Origin|Forwarded): / { print }' > "$tmp/p"
		[ -z "$me" ] || python3 "$TOP/scripts/sign-as.py" "$tmp/p" "$me"
		cat "$tmp/p"
		echo
	done > "$mbox.new"
	mv "$mbox.new" "$mbox"
	log "wrote $mbox ($(grep -c '^From 0\{40\} ' "$mbox") messages${me:+, signed as $me})"
	printf '%s\n' "$mbox"
done
