# kunit.py --qemu_config for runs that go on to /init after the suites:
# the x86_64 defaults, and "--" at the end of the command line, so that the
# kunit_shutdown=reboot kunit.py appends goes to /init, not to the kernel.
from ..qemu_config import QemuArchParams

QEMU_ARCH = QemuArchParams(linux_arch='x86_64',
			   kconfig='''
CONFIG_SERIAL_8250=y
CONFIG_SERIAL_8250_CONSOLE=y''',
			   qemu_arch='x86_64',
			   kernel_path='arch/x86/boot/bzImage',
			   kernel_command_line='console=ttyS0 rdinit=/init --',
			   extra_qemu_params=['-bios', 'qboot.rom'])
