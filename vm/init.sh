#!/bin/bash
# init of the "make vmtest" guest (scripts/vmtest.sh): the host's root is
# the guest's, read-only over 9p. Mounts what the selftests need, runs
# the selftests named on the kernel command line, one after the other,
# each bounded, between markers that scripts/vmtest.sh parses, and powers
# off. Kernel command line:
#   vmtest.dir=<selftest directory> vmtest.tests=<script>[,<script>...]
# and what the selftests read themselves (devlink_eswitch_mode=).
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
# What udev makes on a real system: bash's process substitution needs it.
ln -s /proc/self/fd /dev/fd
mount -t debugfs debugfs /sys/kernel/debug

arg() { tr ' ' '\n' < /proc/cmdline | sed -n "s/^vmtest\.$1=//p" | tail -n 1; }
# The selftests' tree may lie under a directory that a tmpfs is about to
# hide (a clone in /tmp): reach it through /mnt.
dir=$(arg dir)
sel=${dir%/drivers/net/netdevsim}
mount --bind "$sel" /mnt
dir=/mnt/drivers/net/netdevsim

for d in /tmp /run /var/tmp /var/run /root; do
	mount -t tmpfs tmpfs "$d" 2> /dev/null
done
export HOME=/root

echo "VMTEST-START $(uname -r)"
for t in $(arg tests | tr ',' ' '); do
	echo "VMTEST-BEGIN $t"
	start=$(date +%s)
	# A deadlock detector, not a latency bound: devlink_trap.sh's device
	# delete loop (ten rounds with every trap enabled) took 300 s under
	# TCG with lockdep on 2026-12-04 and was cut short.
	(cd "$dir" && timeout 600 bash "./$t" < /dev/null 2>&1)
	echo "VMTEST-END $t $? $(( $(date +%s) - start ))s"
done
echo "VMTEST-DONE"
echo o > /proc/sysrq-trigger
sleep 10
