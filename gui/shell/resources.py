"""Find files under resources/, from a source checkout and from the PyInstaller bundle alike."""

import sys
from pathlib import Path


def resource_path(*parts):
    """Path of ``resources/<parts>``. In a frozen bundle, resources live under ``sys._MEIPASS``;
    from source, beside the packages. Never relative to the working directory."""
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parents[2]
    return root.joinpath("resources", *parts)
