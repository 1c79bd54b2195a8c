"""Before Qt starts on Linux: say in one line which package is missing instead of Qt's abort
("could not load the Qt platform plugin xcb")."""

import ctypes
import os
import sys

# Libraries Qt's xcb platform plugin loads, and the Debian/Ubuntu package that provides each.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def uses_xcb(environ=os.environ, platform=sys.platform):
    """Whether Qt will try the xcb (X11) platform plugin."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def missing_packages(libraries=XCB_LIBRARIES, load=ctypes.CDLL):
    """The Debian packages whose libraries cannot be loaded, in a stable order."""
    missing = []
    for library, package in libraries.items():
        try:
            load(library)
        except OSError:
            missing.append(package)
    return missing


def problem(environ=os.environ, platform=sys.platform, load=ctypes.CDLL):
    """One line that says what stops the window from opening, or None when nothing does."""
    if not uses_xcb(environ, platform):
        return None
    missing = missing_packages(load=load)
    if missing:
        return ("Logit Lab cannot open a window: Qt's X11 libraries are missing. Install them "
                "with: sudo apt-get install " + " ".join(missing))
    if not environ.get("DISPLAY"):
        return ("Logit Lab cannot open a window: no display (DISPLAY is not set). Start it in a "
                "desktop session, or use --compute FILE to print results without a window.")
    return None
