// SPDX-License-Identifier: GPL-2.0
/*
 * /init of the kmemleak KUnit run. The kernel boots with the KUnit suites
 * built in and without kunit_shutdown, so it runs this once the suites are
 * done: scan twice (a new object is reported only when its contents did
 * not change between two scans and it is older than 5 s), print what
 * kmemleak found on the console, and power off.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <unistd.h>

#define LEAKS "/debug/kmemleak"

static int scan(void)
{
	int fd = open(LEAKS, O_WRONLY);
	int ret;

	if (fd < 0)
		return -1;
	ret = write(fd, "scan", 4) == 4 ? 0 : -1;
	close(fd);
	return ret;
}

static void report(void)
{
	char buf[4096];
	ssize_t n;
	long total = 0;
	int fd = open(LEAKS, O_RDONLY);

	if (fd < 0) {
		printf("kmemleak-init: cannot read " LEAKS "\n");
		return;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		fwrite(buf, 1, n, stdout);
		total += n;
	}
	close(fd);
	printf("kmemleak-init: scan done, %ld bytes of report\n", total);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	mkdir("/debug", 0755);
	if (mount("debugfs", "/debug", "debugfs", 0, NULL)) {
		printf("kmemleak-init: cannot mount debugfs\n");
	} else if (scan()) {
		printf("kmemleak-init: kmemleak scan failed (is kmemleak on?)\n");
	} else {
		sleep(6);
		if (scan())
			printf("kmemleak-init: second kmemleak scan failed\n");
		else
			report();
	}
	sync();
	reboot(RB_POWER_OFF);
	return 0;
}
