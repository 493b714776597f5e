# shellcheck shell=bash
# The checks themselves on a fake workbench, sourced by selftest.sh after
# its expect(): each check is shown to fail where its tool did not run or
# its input is wrong, and to pass on the control, in seconds and without
# a kernel. The fake workbench (under $tmp/wb) has one track, "t", whose
# tree is a tiny git repository with a base tag and one posted commit,
# and the tools a check calls (checkpatch.pl, kernel-doc, spatch) are
# replaced by stand-ins that fail or succeed as told.

# shellcheck disable=SC2154 # tmp: selftest.sh's scratch folder
WB=$tmp/wb
# wb CMD...: CMD on the fake workbench's track t.
wb() {
	env -u ROW_TRACK WORKBENCH_TRACKS="$WB/tracks" \
		WORKBENCH_BUILD="$WB/build" TRACK=t RESULTS="$WB/checks.tsv" \
		TIMES="$WB/times.tsv" "$@"
}

# fake_workbench: the track t, its tree, its series s with a cover letter.
fake_workbench() {
	local src=$WB/build/t/linux base
	# fixed dates: the same shas on every run
	export GIT_AUTHOR_DATE=2000-01-01T00:00:00Z GIT_COMMITTER_DATE=2000-01-01T00:00:00Z
	mkdir -p "$WB/tracks/t/s" "$src/scripts/coccinelle" "$WB/bin"
	printf '%s\n' 'SERIES="s"' 'TEST="fails after"' 'FULL=""' \
		> "$WB/tracks/t/track.conf"
	printf '%s\n' SUITE= SRC_PKG=fake-source SRC_VERSION=1 \
		CONFIG_PKG=fake-config CONFIG_VERSION=1 > "$WB/tracks/t/base.conf"
	printf 'virtual report\n' > "$src/scripts/coccinelle/fake.cocci"
	printf '/**\n * f() - fake\n */\nint f(void);\n' > "$src/foo.c"
	git -C "$src" init -q -b main
	git -C "$src" add -A
	git -C "$src" -c user.name=t -c user.email=t@localhost \
		commit -q -m "fake base"
	git -C "$src" tag base
	echo 'int g(void);' >> "$src/foo.c"
	git -C "$src" -c user.name=t -c user.email=t@localhost \
		commit -q -am "posted change"
	git -C "$src" format-patch -q -o "$WB/tracks/t/s" base..HEAD
	(cd "$WB/tracks/t/s" && ls -- *.patch) > "$WB/tracks/t/s/series"
	base=$(git -C "$src" rev-parse base)
	printf '%s\n' 'Subject: [PATCH 0/1] fake' '' 'Base: Debian fake-source 1' \
		'' 'Testing: none' '' ' 1 file changed, 1 insertion(+)' '' \
		"base-commit: $base" > "$WB/tracks/t/s/0000-cover-letter.patch"
	printf 'fake-source 1\nfake-config 1\n' > "$WB/build/t/base.used"
}

# row CHECK ARG...: "exit<TAB>reason" of one check on the fake track.
row() {
	local rc=0 out
	out=$(wb "$S/checks/$1.sh" "${@:2}" 2>/dev/null) || rc=$?
	printf '%s\t%s\t%s\n' "$1" "$rc" "$(printf '%s\n' "$out" | tail -n 1)"
}

# stand_in NAME EXIT [LINE]: a tool that prints LINE (stderr) and exits
# EXIT.
stand_in() {
	# shellcheck disable=SC2016 # the stand-in's own quotes
	printf '#!/bin/sh\n%s\nexit %s\n' "${3:+echo '$3' >&2}" "$2" > "$WB/bin/$1"
	chmod +x "$WB/bin/$1"
}

# The runner: a series-level failure is a row, and the track goes on.
runner() {
	local c=$WB/checks rc=0
	mkdir -p "$c"
	# shellcheck disable=SC2016 # expanded by the fake check
	printf '%s\n' '#!/bin/bash' '# SCOPE: rows' \
		'printf "PASS\tt/apply\tseries\t\n" >> "$RESULTS"' > "$c/apply.sh"
	printf '%s\n' '#!/bin/bash' '# SCOPE: series' \
		'echo "fails on purpose"' 'exit 1' > "$c/fails.sh"
	printf '%s\n' '#!/bin/bash' '# SCOPE: tree' 'echo "ran after it"' \
		> "$c/after.sh"
	chmod +x "$c"/*.sh
	: > "$WB/checks.tsv"
	wb env WORKBENCH_CHECKS="$c" "$S/test.sh" track all >/dev/null 2>&1 || rc=$?
	echo "test.sh track all: exit $rc"
	cut -f1-3 "$WB/checks.tsv"
	python3 "$S/summary.py" "$WB/checks.tsv" | grep -A1 '^Failures:'
}

# The checks whose tool may not run: each with a failing stand-in, then
# with one that works.
tools() {
	local p
	p=$(head -n 1 "$WB/tracks/t/s/series")
	stand_in checkpatch.pl 2 "Can not locate Term/ANSIColor.pm in @INC"
	cp "$WB/bin/checkpatch.pl" "$WB/build/t/linux/scripts/"
	row checkpatch "$WB/tracks/t/s/$p"
	stand_in checkpatch.pl 1
	cp "$WB/bin/checkpatch.pl" "$WB/build/t/linux/scripts/"
	row checkpatch "$WB/tracks/t/s/$p"
	stand_in checkpatch.pl 0
	cp "$WB/bin/checkpatch.pl" "$WB/build/t/linux/scripts/"
	row checkpatch "$WB/tracks/t/s/$p"
	stand_in kernel-doc 2 "Can not locate Pod/Usage.pm in @INC"
	KDOC=$WB/bin/kernel-doc row kernel-doc foo.c
	stand_in kernel-doc 0
	KDOC=$WB/bin/kernel-doc row kernel-doc foo.c
	# the python kernel-doc's format, the warning one line lower at the
	# tip (the posted change adds a line): not new
	# shellcheck disable=SC2016 # the stand-in's own expansions
	printf '%s\n' '#!/bin/sh' 'f=$(eval echo \${$#})' \
		'echo "Warning: $f:$(wc -l < "$f") No description found for return value of '"'f'"'" >&2' \
		> "$WB/bin/kernel-doc"
	KDOC=$WB/bin/kernel-doc row kernel-doc foo.c
	stand_in spatch 2 'Fatal error: exception Failure("fake")'
	SPATCH=$WB/bin/spatch row coccinelle
	stand_in spatch 0
	rm -rf "$WB/build/t/results/cocci"
	SPATCH=$WB/bin/spatch row coccinelle
}

# The cover letter's base-commit: must be the track's base.
cover() {
	local cl=$WB/tracks/t/s/0000-cover-letter.patch
	row cover-letter "$WB/tracks/t/s"
	sed -i "s/^base-commit: .*/base-commit: $(printf '%040d' 0)/" "$cl"
	row cover-letter "$WB/tracks/t/s"
}

# A row's cache key changes with the cover letter and the base versions.
cache_key() {
	local a b
	a=$(wb "$S/test.sh" key cover-letter "$WB/tracks/t/s" 2>/dev/null)
	echo "Testing: more" >> "$WB/tracks/t/s/0000-cover-letter.patch"
	b=$(wb "$S/test.sh" key cover-letter "$WB/tracks/t/s" 2>/dev/null)
	[ "$a" != "$b" ] && echo "cover letter edited: new key" || echo "cover letter edited: same key"
	sed -i 's/^fake-config 1$/fake-config 2/' "$WB/build/t/base.used"
	a=$(wb "$S/test.sh" key checkpatch "$WB/tracks/t/s/$(head -n 1 "$WB/tracks/t/s/series")" 2>/dev/null)
	sed -i 's/^fake-config 2$/fake-config 1/' "$WB/build/t/base.used"
	b=$(wb "$S/test.sh" key checkpatch "$WB/tracks/t/s/$(head -n 1 "$WB/tracks/t/s/series")" 2>/dev/null)
	[ "$a" != "$b" ] && echo "config version changed: new key" || echo "config version changed: same key"
}

# What modpost would call unresolved: a symbol the module uses that
# nothing exports.
unresolved() {
	local out=$WB/build/t/check/m wt=$WB/build/t/bisect-src
	mkdir -p "$out" "$wt"
	printf 'EXPORT_SYMBOL(exported_fn);\n' > "$wt/export.c"
	git -C "$wt" init -q && git -C "$wt" add -A
	printf '%s\n' 'extern void exported_fn(void);' 'extern void hidden_fn(void);' \
		'void m_fn(void) { exported_fn(); hidden_fn(); }' > "$out/m.c"
	gcc -c -o "$out/m.o" "$out/m.c"
	: > "$out/m.mod"
	# shellcheck disable=SC2016 # expanded by the inner shell
	wb bash -c '. "$1/lib.sh"; module_undefined m/' _ "$S"
}

# The version choice of scripts/base.sh on served lists (apt-cache
# madison's versions): the pins served; only the source's pin served (the
# config package keeps its newest version only); nothing served.
base_plan() {
	local pin=6.12.117-1~deb12u1 c name src cfg what list rc out
	for c in "pinned-served both both" "only-source-served both newer" \
		 "nothing-served none none"; do
		read -r name src cfg <<< "$c"
		for what in source config; do
			list=$src
			[ "$what" = source ] || list=$cfg
			rc=0
			out=$(wb "$S/base.sh" plan "$pin" "$F/base-served-$list.txt" 2>&1) || rc=$?
			printf '%s\t%s\t%s\t%s\n' "$name" "$what" "$rc" "$out"
		done
	done
}

# Whom make mbox signs as: nobody without an identity or with a
# placeholder one, else the exporter.
identity() {
	local c name email rc out
	for c in "|" "Seed maintainers|maintainers@users.noreply.h-seed.example" \
		 "Real Person|real.person@kernel.dev"; do
		name=${c%%|*} email=${c#*|}
		printf '[user]\n\tname = %s\n\temail = %s\n' "$name" "$email" > "$WB/gitconfig"
		[ -n "$name" ] || : > "$WB/gitconfig"
		rc=0
		# shellcheck disable=SC2016 # expanded by the inner shell
		out=$(wb env GIT_CONFIG_GLOBAL="$WB/gitconfig" GIT_CONFIG_NOSYSTEM=1 \
			bash -c '. "$1/lib.sh"; exporter_identity' _ "$S" 2>&1) || rc=$?
		printf '%s\t%s\n' "$rc" "$out"
	done
}

# A backport's forms: its DEP-3 headers against its body (row dep3), a
# patch of a "mainline" series that names no upstream commit, and the
# function by function comparison with upstream (row upstream-diff's
# cfunc.py): the same, differing, only on the track; and who signs a
# backport off.
backport_forms() {
	local p
	for p in "$F"/backport/*.patch; do
		row dep3 "$p"
	done
	mkdir -p "$WB/tracks/t/mainline"
	cp "$F/backport/pending.patch" "$WB/tracks/t/mainline/"
	row dep3 "$WB/tracks/t/mainline/pending.patch"
	mkdir -p "$tmp/cfunc"
	python3 "$S/cfunc.py" compare "$F/backport/old.c" "$F/backport/new.c" \
		"$F/backport/ref.c" "$tmp/cfunc"
	cat "$tmp/cfunc/g.diff"
	# the exporter signs a backport off last; the author stays
	cp "$F/backport/backport.patch" "$tmp/signed.patch"
	python3 "$S/sign-as.py" "$tmp/signed.patch" "Real Person <real.person@kernel.dev>"
	grep -E '^(From|Signed-off-by|\[ backport):' "$tmp/signed.patch"
}

# Every check a track names exists: the real tracks, then the fake one,
# whose TEST names a check that does not exist.
track_lists() {
	env -u WORKBENCH_TRACKS "$S/test.sh" lists
	wb "$S/test.sh" lists
}

fake_workbench
expect track-lists "$F/track-lists.expected" track_lists
expect identity "$F/identity.expected" identity
expect base-plan "$F/base-plan.expected" base_plan
expect runner "$F/runner.expected" runner
expect tools "$F/tools.expected" tools
expect cover-letter "$F/cover-letter.expected" cover
expect cache-key "$F/cache-key.expected" cache_key
expect unresolved "$F/unresolved.expected" unresolved
expect backport "$F/backport.expected" backport_forms
