"""The frozen one-folder bundle (tools/logit-lab.spec): built once per session with tools/build.py,
then run as a user runs it: --version, --compute on every example, --smoke offscreen; and it stays
small and leaves out what the app does not use."""

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import engine
from gui import VERSION
from gui.shell.cli import models_json

pytestmark = pytest.mark.bundle  # -m "not bundle" skips the build

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "build" / "test-bundle"  # build/ is ignored by git
PRESETS = sorted((ROOT / "resources" / "presets").glob("*.json"))
MAX_BUNDLE_MB = 150
BAD_SIGNS = ("ModuleNotFoundError", "could not load the Qt platform plugin", "Traceback")


class Bundle:
    def __init__(self, build):
        self.build = build
        self.folder = WORK / "dist" / "logit-lab"
        self.executable = self.folder / ("logit-lab.exe" if sys.platform == "win32" else "logit-lab")

    def run(self, *args, **env):
        if not self.executable.exists():
            pytest.fail("the bundle was not built:\n" + self.build.stdout[-3000:]
                        + self.build.stderr[-5000:])
        environ = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8", **env}
        return subprocess.run([str(self.executable), *map(str, args)], env=environ,
                              cwd=WORK, capture_output=True, encoding="utf-8", timeout=180)


def _pyinstaller_or_skip():
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        if os.environ.get("LOGITLAB_REQUIRE_BUNDLE"):
            pytest.fail("PyInstaller is required here (LOGITLAB_REQUIRE_BUNDLE is set) but not "
                        "installed")
        pytest.skip("PyInstaller is not installed: pip install -e .[build]")


@pytest.fixture(scope="session")
def bundle():
    """Builds the bundle into build/test-bundle/ once; the build's output is kept for the tests."""
    _pyinstaller_or_skip()
    shutil.rmtree(WORK / "dist", ignore_errors=True)
    build = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build.py"),
         "--dist", str(WORK / "dist"), "--work", str(WORK / "work")],
        cwd=ROOT, capture_output=True, encoding="utf-8", timeout=1800)
    return Bundle(build)


def test_the_build_succeeds_and_prints_both_sizes_within_target(bundle):
    assert bundle.build.returncode == 0, bundle.build.stdout[-3000:] + bundle.build.stderr[-5000:]
    printed = dict(re.findall(r"^(bundle|archive): .* ([\d.]+) MB", bundle.build.stdout, re.M))
    assert float(printed["bundle"]) <= MAX_BUNDLE_MB
    assert float(printed["archive"]) <= 70
    archives = list((WORK / "dist").glob(f"logit-lab-{VERSION}-*.*"))
    assert len(archives) == 1 and archives[0].name.endswith((".tar.gz", ".zip"))


def test_the_bundle_unpacked_is_at_most_150_mb(bundle):
    size = sum(f.stat().st_size for f in bundle.folder.rglob("*") if f.is_file()
               and not f.is_symlink())
    assert 0 < size / 1e6 <= MAX_BUNDLE_MB


def test_version_prints_the_version(bundle):
    result = bundle.run("--version")
    assert (result.returncode, result.stdout, result.stderr) == (0, f"Logit Lab {VERSION}\n", "")


@pytest.mark.parametrize("preset", PRESETS, ids=[p.stem for p in PRESETS])
def test_compute_json_prints_the_numbers_of_engine_analyze(bundle, preset):
    result = bundle.run("--compute", preset, "--json")
    assert (result.returncode, result.stderr) == (0, "")
    scenario = engine.from_json(preset.read_text(encoding="utf-8"))
    expected = models_json(engine.analyze_models(scenario))
    assert json.loads(result.stdout) == json.loads(expected)


def test_compute_on_a_missing_file_is_one_line_and_exit_2(bundle, tmp_path):
    result = bundle.run("--compute", tmp_path / "missing.json")
    assert (result.returncode, result.stdout) == (2, "")
    assert len(result.stderr.splitlines()) == 1 and "no such file" in result.stderr


def test_smoke_offscreen_opens_every_example_and_exits_0(bundle, tmp_path):
    shot = tmp_path / "smoke.png"
    started = time.monotonic()
    result = bundle.run("--smoke", "--screenshot", shot, QT_QPA_PLATFORM="offscreen")
    seconds = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    for sign in BAD_SIGNS:
        assert sign not in result.stderr
    assert shot.stat().st_size > 10_000
    print(f"frozen --smoke took {seconds:.1f} s")


def test_the_frozen_app_writes_a_log_file_in_the_user_data_folder(bundle, tmp_path):
    bundle.run("--smoke", QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path))
    logs = list(tmp_path.rglob("logit-lab.log"))
    assert len(logs) == 1
    assert logs[0].read_text(encoding="utf-8").startswith(f"Logit Lab {VERSION}, Qt ")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's")
def test_without_a_display_it_says_so_in_one_line_and_in_the_log(bundle, tmp_path):
    result = bundle.run(QT_QPA_PLATFORM="xcb", DISPLAY="", WAYLAND_DISPLAY="",
                        XDG_DATA_HOME=str(tmp_path))
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1 and "DISPLAY is not set" in result.stderr
    assert "could not load the Qt platform plugin" not in result.stderr
    assert result.stderr in next(tmp_path.rglob("logit-lab.log")).read_text(encoding="utf-8")


def test_the_bundle_holds_our_resources(bundle):
    resources = next(bundle.folder.rglob("resources"))
    assert sorted(p.name for p in (resources / "presets").glob("*.json")) == [p.name for p in PRESETS]
    lessons = sorted(p.name for p in (ROOT / "resources" / "lessons").glob("*.json"))
    assert sorted(p.name for p in (resources / "lessons").glob("*.json")) == lessons
    for name in ("logit-lab-32.png", "logit-lab-64.png", "logit-lab-256.png", "logit-lab.svg"):
        assert (resources / "icons" / name).is_file()
    assert (resources / "logit-lab.desktop").is_file()
    for source in (ROOT / "resources" / "translations").glob("*.ts"):
        assert (resources / "translations" / source.with_suffix(".qm").name).is_file()


def test_the_bundle_leaves_out_unused_qt_parts_and_tools(bundle):
    names = [p.relative_to(bundle.folder).as_posix() for p in bundle.folder.rglob("*")]
    unused = re.compile(r"Qt6?(Network|Quick|Qml|Pdf|OpenGL|Test|Designer|WebEngine)|"
                        r"(^|/)(scipy|sklearn|torch|pytest|hypothesis|tests|tools)(/|$)")
    assert [name for name in names if unused.search(name)] == []
    qt_translations = [Path(n).name for n in names if re.search(r"/translations/qt\w*\.qm$", n)]
    assert qt_translations and all(re.match(r"qt(base)?_(en|zh_CN)\.qm$", name)
                                   for name in qt_translations)
    image_formats = {Path(n).stem for n in names if "/plugins/imageformats/" in n}
    assert image_formats <= {"libqsvg", "libqjpeg", "libqico", "qsvg", "qjpeg", "qico"}


def test_no_test_tool_or_network_module_is_frozen_into_the_bundle(bundle):
    toc = WORK / "work" / "logit-lab" / "PYZ-00.toc"
    modules = {entry[0] for entry in ast.literal_eval(toc.read_text(encoding="utf-8"))[1]}
    assert "engine" in modules and "gui.shell.main_window" in modules
    forbidden = ("scipy", "sklearn", "torch", "pytest", "_pytest", "hypothesis", "tests", "tools",
                 "PySide6.QtNetwork", "ssl", "requests")
    assert sorted(m for m in modules if m.split(".")[0] in forbidden or m in forbidden) == []


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is not installed: apt-get install desktop-file-utils")
def test_the_desktop_entry_is_valid():
    result = subprocess.run(["desktop-file-validate", str(ROOT / "resources" / "logit-lab.desktop")],
                            capture_output=True, text=True)
    errors = [line for line in result.stdout.splitlines() if "error:" in line]
    assert (result.returncode, errors) == (0, [])
