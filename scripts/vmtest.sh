#!/bin/bash
# vmtest.sh base|patched: the netdevsim devlink selftests in qemu, with
# the real devlink tool. Builds a kernel with vm/vm.kunitconfig (netdevsim
# and devlink built in, 9p root) of the pristine base ("base") or of the
# patched tree ("patched"). It boots on 2 CPUs with the host's root shared
# read-only over 9p and vm/init.sh as init, which runs the selftests of
# the booted tree. Records a row per selftest case; "patched" fails any
# case that passes on the base (build/results/vm-base.tsv, which it makes
# first if it is missing) and not patched, and runs the series'
# devlink_eswitch_mode.sh under two devlink_eswitch_mode= command lines.
# Every console log is scanned for splats. Every boot is bounded
# (VMTEST_TIMEOUT, 900 s): a guest that hangs fails its row.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

res=$BUILD/results
mkdir -p "$res"
KSELFTESTS=${VMTEST_KSELFTESTS:-devlink.sh,devlink_in_netns.sh,devlink_trap.sh}
SELFTESTS=tools/testing/selftests/drivers/net/netdevsim
mapfile -t mk < <(kmake_flags | grep -v '^-j' | sed 's/^/--make_options=/')

# kunit_build_in TREE ARGS...: kunit.py build, run in TREE.
kunit_build_in() {
	(cd "$1" && shift && python3 tools/testing/kunit/kunit.py build "$@")
}

# The base's tree and kernel are siblings named as the series' own are
# (build/linux and build/vm-patched): seen from the kernel's directory,
# both sources are ../linux, so that ccache (CCACHE_BASEDIR, lib.sh) finds
# the base's compiles in the patched kernel's, and the other way round,
# wherever a file is the same.
VM_BASE_TREE=vmbase/linux

# vm_out NAME: where the VM kernel NAME is built.
vm_out() {
	case $1 in
	base) printf '%s\n' "$BUILD/vmbase/vm" ;;
	*) printf '%s\n' "$BUILD/vm-$1" ;;
	esac
}

# vm_build NAME TREE: the VM kernel of TREE in vm_out NAME.
vm_build() {
	local out
	out=$(vm_out "$1")
	timed "VM kernel build ($1, $out)" \
		kunit_build_in "$2" --build_dir="$out" --arch=x86_64 \
		--jobs="$JOBS" --kunitconfig="$TOP/vm/vm.kunitconfig" "${mk[@]}" \
		> "$res/vm-$1.build.log" 2>&1
}

# vm_boot NAME TREE LOG TESTS [KERNEL ARGS...]: boot vm_out NAME and run
# TESTS (comma-separated) of TREE's netdevsim selftests; console in LOG.
vm_boot() {
	local name=$1 tree=$2 log=$3 tests=$4 rc=0
	shift 4
	timed "VM boot ($name: $tests $*)" \
		timeout "${VMTEST_TIMEOUT:-900}" qemu-system-x86_64 \
		-m 2048 -smp 2 -nographic -no-reboot \
		-kernel "$(vm_out "$name")/arch/x86/boot/bzImage" \
		-fsdev local,id=root,path=/,security_model=none,readonly=on \
		-device virtio-9p-pci,fsdev=root,mount_tag=root \
		-append "console=ttyS0 panic=-1 kunit.enable=0 root=root rootfstype=9p rootflags=trans=virtio,version=9p2000.L ro init=$TOP/vm/init.sh vmtest.dir=$tree/$SELFTESTS vmtest.tests=$tests $*" \
		< /dev/null > "$log" 2>&1 || rc=$?
	if [ "$rc" -ne 0 ] || ! grep -q '^VMTEST-DONE' "$log"; then
		record FAIL "vmtest:$name" "boot ($tests)" \
			"the guest did not finish (exit $rc): $log"
		return 1
	fi
}

# vm_rows NAME LOG [BASE_TSV]: a row per "TEST:" line of LOG, and its
# splat scan; prints "script: test<TAB>result" for the comparison. A case
# that fails on the pristine base (BASE_TSV, or this is the base) is the
# environment's, not the series': it is a skip, and the comparison row
# judges the series.
vm_rows() {
	local name=$1 log=$2 base_tsv=${3:-} splats
	# A TEST: line may follow progress output on the same line.
	tr -d '\r' < "$log" | awk '/^VMTEST-BEGIN /{ s = $2 }
	     (i = index($0, "TEST: ")) && match($0, /\[ *[A-Z]+ *\]$/) {
		r = substr($0, RSTART + 1, RLENGTH - 2); gsub(/ /, "", r)
		t = substr($0, i + 6, RSTART - i - 6); sub(/ +$/, "", t)
		print s ": " t "\t" r
	     }' | while IFS=$'\t' read -r test result; do
		case $result in
		OK) record PASS "vmtest:$name" "$test" >&2 ;;
		SKIP|XFAIL) record SKIP "vmtest:$name" "$test" "$result" >&2 ;;
		*)
			if [ "$name" = base ] || { [ -n "$base_tsv" ] &&
			   grep -qxF "$test"$'\t'"$result" "$base_tsv"; }; then
				record SKIP "vmtest:$name" "$test" \
					"$result on the pristine base too: $log" >&2
			else
				record FAIL "vmtest:$name" "$test" "$result: $log" >&2
			fi
			;;
		esac
		printf '%s\t%s\n' "$test" "$result"
	done
	# A script that ran no case at all: its exit status (4, skip). One
	# cut short by init.sh's bound (timeout's 124) or killed by a signal
	# lost the cases it did not reach: a failure, whatever it reported.
	tr -d '\r' < "$log" | awk '/^VMTEST-BEGIN /{ s = $2; n = 0; why = "" }
	     index($0, "TEST: "){ n++ }
	     /^SKIP: / && why == "" { why = $0 }
	     /^VMTEST-END /{ print $2 "\t" $3 "\t" n "\t" $4 "\t" why }' |
	while IFS=$'\t' read -r script rc n secs why; do
		if [ "$rc" -eq 124 ] || [ "$rc" -ge 128 ]; then
			record FAIL "vmtest:$name" "$script" \
				"cut short (exit $rc after $secs), $n cases reported: $log" >&2
			continue
		fi
		[ "$n" -eq 0 ] || continue
		case $rc in
		0) record PASS "vmtest:$name" "$script" "no case reported" >&2 ;;
		4) record SKIP "vmtest:$name" "$script" "${why:-skipped}" >&2 ;;
		*) record FAIL "vmtest:$name" "$script" "exit $rc, no case reported: $log" >&2 ;;
		esac
	done
	splats=$("$TOP/scripts/scan-log.sh" "$log")
	if [ -z "$splats" ]; then
		record PASS "splat-scan:vm-$name" "console log" "no splat in $log" >&2
	else
		printf '%s\n' "$splats" | head -n 20 | sed 's|^|  splat: |' >&2
		record FAIL "splat-scan:vm-$name" "console log" \
			"$(printf '%s\n' "$splats" | wc -l) splat lines in $log" >&2
	fi
}

# base: the selftests on the pristine base; their results in vm-base.tsv.
base() {
	local base
	rm -f "$res/vm-base.tsv"
	base=$(pristine "$VM_BASE_TREE")
	vm_build base "$base" ||
		{ record FAIL vmtest:base build "does not build: $res/vm-base.build.log"; return 0; }
	vm_boot base "$base" "$res/vm-base.console.log" "$KSELFTESTS" &&
		vm_rows base "$res/vm-base.console.log" > "$res/vm-base.tsv.new" &&
		mv "$res/vm-base.tsv.new" "$res/vm-base.tsv"
}

case ${1:-} in
base) base; exit 0 ;;
patched) ;;
*) die "usage: vmtest.sh base|patched" ;;
esac

# The patched kernel's results are kept by what it is built from outside
# mlx5 (checks/vmtest.sh, TREE:): that holds while it builds no mlx5.
rm -f "$res/vm-patched.tsv"
vm_build patched "$SRC" ||
	{ record FAIL vmtest:patched build "does not build: $res/vm-patched.build.log"; exit 0; }
if grep -q '^CONFIG_MLX5_CORE=' "$(vm_out patched)/.config"; then
	record FAIL vmtest:patched build \
		"the VM kernel builds mlx5: checks/vmtest.sh's TREE: line must not leave mlx5 out"
	exit 0
fi
# Reused base rows leave their results; if they are gone, the base runs
# again for the comparison only: its rows are vmtest-base's, not ours.
[ -f "$res/vm-base.tsv" ] || RESULTS=/dev/null base >/dev/null 2>&1
[ -f "$res/vm-base.tsv" ] ||
	record FAIL vmtest:compare "base vs patched" "no results of the base: $res/vm-base.console.log"

vm_boot patched "$SRC" "$res/vm-patched.console.log" "$KSELFTESTS" &&
	vm_rows patched "$res/vm-patched.console.log" "$res/vm-base.tsv" \
		> "$res/vm-patched.tsv"

# Every case that passes on the base passes patched.
if [ -s "$res/vm-base.tsv" ]; then
	lost=$(awk -F'\t' 'NR == FNR { if ($2 == "OK") ok[$1] = 1; next }
			   $2 == "OK" { delete ok[$1] }
			   END { for (t in ok) print t }' \
		"$res/vm-base.tsv" "$res/vm-patched.tsv" 2>/dev/null | sort)
	if [ -z "$lost" ]; then
		record PASS vmtest:compare "base vs patched" \
			"$(grep -c $'\tOK$' "$res/vm-base.tsv") cases pass on the base, all pass patched"
	else
		record FAIL vmtest:compare "base vs patched" \
			"pass on the base, not patched: $(printf '%s\n' "$lost" | paste -sd, -)"
	fi
fi

# Our selftest, under two command lines: every instance; one handle,
# next to a later value with an unknown mode that must be reported and
# ignored.
vm_boot patched "$SRC" "$res/vm-default-all.console.log" \
	devlink_eswitch_mode.sh "devlink_eswitch_mode=*=switchdev" &&
	vm_rows default-all "$res/vm-default-all.console.log" > /dev/null
vm_boot patched "$SRC" "$res/vm-default-list.console.log" \
	devlink_eswitch_mode.sh \
	"devlink_eswitch_mode=netdevsim/netdevsim11=switchdev" \
	"devlink_eswitch_mode=*=sideways" &&
	vm_rows default-list "$res/vm-default-list.console.log" > /dev/null
true
