# The front door of the workbench. See README.md; "make help" lists the
# targets.
#   make          install what is missing, apply the series, build mlx5
#   make test     every test and check; ends with "N passed, N failed"
SHELL := /bin/bash
S := scripts

# Single steps of the test command, each with a table of its own.
STEPS := checkpatch deprecated-api bisect kunit stable

.PHONY: all help deps prepare build test test-full check selftest bench \
	mbox stable-mbox stable-prepare stable-export vmtest model export shellcheck \
	clean $(STEPS)

all: build

help: ## list the targets
	@grep -hE '^[a-z][a-z-]*:.*## ' $(MAKEFILE_LIST) | \
		sed -E 's/^([a-z-]+):.*## /\1\t/' | expand -t 16

deps: ## install the Debian packages the workbench needs
	@$(S)/deps.sh

prepare: deps ## build/linux: the base, patches/series, patches/local/series
	@$(S)/prepare.sh

build: prepare ## build mlx5 with Debian's config (what "make" does)
	@$(S)/build.sh

test: ## every test and check, as .ci/run runs it
	@$(S)/test.sh

test-full: ## the reliability run: sanitizers, 10 s stress on 4 CPUs, model
	@$(S)/test.sh full

check: ## the maintainer checks alone (netdev's patch CI and more)
	@$(S)/test.sh check

selftest: ## the workbench's parsers on saved inputs, in seconds
	@mkdir -p build/results; : > build/results/checks.tsv; \
		$(S)/selftest.sh; cat build/results/checks.tsv

bench: prepare ## timings of the worker's wait, three designs (not a test)
	@$(S)/bench.sh

mbox: prepare ## the posted series as one mbox: build/series.mbox
	@$(S)/mbox.sh

stable-mbox: ## the stable backports, one mbox per base: build/stable/NAME.mbox
	@$(S)/stable-mbox.sh

stable-prepare: prepare ## build/stable/NAME/linux: each stable base with its backport applied
	@$(S)/stable-prepare.sh

stable-export: ## regenerate stable/NAME/ from build/stable/NAME/linux
	@$(S)/stable-export.sh

vmtest: prepare ## the netdevsim devlink selftests in qemu, base and patched
	@$(S)/test.sh step vmtest-base vmtest

model: ## the Promela model of the protocol, checked with SPIN
	@$(S)/model.sh

export: ## regenerate patches/ and patches/local/ from build/linux
	@$(S)/export.sh

shellcheck: ## lint the scripts
	@shellcheck $(S)/*.sh $(S)/checks/*.sh vm/*.sh .ci/run

clean: ## remove build/
	rm -rf build

checkpatch: ## one step: checkpatch as netdev runs it
deprecated-api: ## one step: no module parameter added
bisect: ## one step: W=1 and sparse after each patch
kunit: ## one step: the KUnit suites under lockdep
stable: ## one step: the stable backports (apply, build, KUnit)
checkpatch deprecated-api: STEP = $@
bisect: STEP = build sparse
kunit: STEP = kunit
stable: STEP = stable-apply stable-sync stable-build stable-kunit
$(STEPS): prepare
	@for s in $(STEP); do $(S)/test.sh step $$s || exit; done
