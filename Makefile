# The front door of the workbench. See README.md.
#   make          install what is missing, apply the series, build mlx5
#   make test     every test and check; ends with "N passed, N failed"
SHELL := /bin/bash
S := scripts

.PHONY: all deps prepare build test test-full check bench mbox checkpatch bisect kunit model export shellcheck clean

all: build

deps:
	@$(S)/deps.sh

prepare: deps
	@$(S)/prepare.sh

build: prepare
	@$(S)/build.sh

test:
	@$(S)/test.sh

# The reliability run: sanitizers, a longer stress run on 4 CPUs, the model.
test-full:
	@$(S)/test.sh full

# The maintainer checks alone (what netdev's patch CI runs), one table.
check:
	@$(S)/test.sh check

# Timings of the worker's wait, three designs side by side (not a test).
bench: prepare
	@$(S)/bench.sh

# The series as one mbox, cover letter first: build/series.mbox.
mbox: prepare
	@$(S)/mbox.sh

# Single steps of the test command, for a developer.
checkpatch: prepare
	@mkdir -p build/results; : > build/results/checks.tsv; $(S)/checkpatch.sh; cat build/results/checks.tsv

bisect: prepare
	@mkdir -p build/results; : > build/results/checks.tsv; $(S)/bisect.sh; cat build/results/checks.tsv

kunit: prepare
	@mkdir -p build/results; : > build/results/checks.tsv; $(S)/kunit.sh lockdep; cat build/results/checks.tsv

# The Promela model of the work queue and guard protocol, checked with SPIN.
model:
	@$(S)/model.sh

# Regenerate patches/ from the commits in build/linux.
export:
	@$(S)/export.sh

shellcheck:
	@shellcheck $(S)/*.sh .ci/run

clean:
	rm -rf build
