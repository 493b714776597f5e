# The front door of the workbench. See README.md; "make help" lists the
# targets. TRACK=NAME picks a track (tracks/NAME/; 6.12 unless told) for
# the targets that work on one.
#   make          install what is missing, lay out the track, build mlx5
#   make test     every track's apply, per-patch checks, builds and KUnit;
#                 ends with "N passed, N failed"
SHELL := /bin/bash
S := scripts
export TRACK

# Single steps on one track, each with a table of its own.
STEPS := checkpatch deprecated-api bisect kunit

.PHONY: all help deps prepare build test test-full check selftest bench \
	mbox vmtest model export rebase-base results shellcheck clean $(STEPS)

all: build

help: ## list the targets
	@grep -hE '^[a-z][a-z-]*:.*## ' $(MAKEFILE_LIST) | \
		sed -E 's/^([a-z-]+):.*## /\1\t/' | expand -t 16

deps: ## install the Debian packages the workbench needs
	@$(S)/deps.sh

prepare: deps ## build/TRACK/linux: the base, the track's series, its local queue
	@$(S)/prepare.sh

build: prepare ## build mlx5 with the track's Debian config (what "make" does)
	@$(S)/checks/debian-build.sh

test: ## every track's apply, netdev's checks, per-patch builds, KUnit (.ci/run)
	@$(S)/test.sh

test-full: ## everything else: per-patch and Debian-config builds, sanitizers, clang, coccinelle, model
	@$(S)/test.sh full

check: ## make test without the KUnit runs
	@$(S)/test.sh check

selftest: ## the workbench's parsers and runner on saved inputs, in seconds
	@mkdir -p build/results; : > build/results/checks.tsv; \
		ROW_TRACK= $(S)/selftest.sh; cat build/results/checks.tsv

bench: prepare ## timings of the worker's wait (not a test; make results keeps them)
	@$(S)/bench.sh

mbox: prepare ## each posted series of the track as one mbox: build/TRACK/NAME.mbox
	@$(S)/mbox.sh

vmtest: export TRACK := $(or $(TRACK),upstream)
vmtest: prepare ## the netdevsim devlink selftests in qemu, base and patched (upstream track unless told)
	@$(S)/test.sh step vmtest-base vmtest

model: ## the Promela model of the protocol, checked with SPIN
	@$(S)/model.sh

export: ## regenerate tracks/TRACK/ from build/TRACK/linux
	@$(S)/export.sh

rebase-base: ## move the track's base to the newest version Debian serves
	@$(S)/rebase-base.sh

results: ## copy the last make test-full and make bench outputs to docs/results/
	@$(S)/results.sh

shellcheck: ## lint the scripts
	@shellcheck $(S)/*.sh $(S)/checks/*.sh $(S)/qemu/* vm/*.sh .ci/run

clean: ## remove build/
	rm -rf build

checkpatch: ## one step: checkpatch as netdev runs it
deprecated-api: ## one step: no module parameter added
bisect: ## one step: W=1 and sparse after each patch
kunit: ## one step: the KUnit suites under lockdep
checkpatch deprecated-api kunit: STEP = $@
bisect: STEP = build sparse
$(STEPS): prepare
	@$(S)/test.sh step $(STEP)
