"""The app works offline and opens no socket; without Qt's X11 libraries it says in one line what
to install."""

import json
import os
import subprocess
import sys
from pathlib import Path

from gui.shell import platform_check

ROOT = Path(__file__).resolve().parents[1]
NETWORK_MODULES = ("PySide6.QtNetwork", "urllib.request", "http.client", "requests", "ssl")

# Runs main.py --smoke in this process after making every socket operation record and refuse, then
# reports what was attempted and which network modules got imported.
GUARDED_SMOKE = """
import json, runpy, socket, sys
attempts = []

def refused(name):
    def refuse(*args, **kwargs):
        attempts.append(name)
        raise OSError(f"the network is blocked in this test ({name})")
    return refuse

for name in ("connect", "connect_ex", "bind", "listen", "sendto"):
    setattr(socket.socket, name, refused(f"socket.{name}"))
socket.create_connection = refused("socket.create_connection")
socket.getaddrinfo = refused("socket.getaddrinfo")
sys.path.insert(0, ROOT)
sys.argv = [ROOT + "/main.py", "--smoke"]
try:
    runpy.run_path(sys.argv[0], run_name="__main__")
    code = 0
except SystemExit as exit:
    code = exit.code
print("REPORT " + json.dumps({"exit_code": code, "attempts": attempts,
                              "network_modules": [m for m in NETWORK_MODULES if m in sys.modules]}),
      flush=True)
sys.exit(code)
"""


def test_the_app_opens_no_socket_and_imports_no_network_module():
    bootstrap = (f"ROOT = {str(ROOT)!r}\nNETWORK_MODULES = {NETWORK_MODULES!r}\n" + GUARDED_SMOKE)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", bootstrap], cwd=ROOT, env=env,
                            capture_output=True, encoding="utf-8", timeout=180)
    lines = [line for line in result.stdout.splitlines() if line.startswith("REPORT ")]
    assert lines, result.stderr
    report = json.loads(lines[-1].removeprefix("REPORT "))
    assert report == {"exit_code": 0, "attempts": [], "network_modules": []}, result.stderr


def loader_without(*missing):
    def load(library):
        if library in missing:
            raise OSError(f"{library}: cannot open shared object file: No such file or directory")
        return object()
    return load


def test_a_missing_xcb_library_is_one_line_naming_the_package_to_install():
    message = platform_check.problem(environ={"DISPLAY": ":0"}, platform="linux",
                                     load=loader_without("libxcb-cursor.so.0"))
    assert "\n" not in message
    assert "apt-get install libxcb-cursor0" in message
    assert "libxcb-icccm4" not in message


def test_every_missing_library_is_named_in_the_same_line():
    message = platform_check.problem(environ={"DISPLAY": ":0"}, platform="linux",
                                     load=loader_without("libxcb-cursor.so.0",
                                                         "libxkbcommon-x11.so.0"))
    assert message.endswith("apt-get install libxcb-cursor0 libxkbcommon-x11-0")


def test_without_a_display_it_says_so():
    message = platform_check.problem(environ={}, platform="linux", load=loader_without())
    assert "DISPLAY is not set" in message and "--compute" in message


def test_nothing_is_reported_when_the_libraries_and_a_display_are_there():
    assert platform_check.problem(environ={"DISPLAY": ":0"}, platform="linux",
                                  load=loader_without()) is None


def test_the_check_is_skipped_offscreen_on_wayland_and_off_linux():
    broken = loader_without(*platform_check.XCB_LIBRARIES)
    assert platform_check.problem(environ={"QT_QPA_PLATFORM": "offscreen"}, platform="linux",
                                  load=broken) is None
    assert platform_check.problem(environ={"WAYLAND_DISPLAY": "wayland-0"}, platform="linux",
                                  load=broken) is None
    assert platform_check.problem(environ={}, platform="win32", load=broken) is None
