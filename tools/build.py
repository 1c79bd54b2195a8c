"""Build the one-folder bundle with tools/logit-lab.spec, pack it into an archive named with the
version and platform, print both sizes and fail when either is over its target.

Usually run through `bash tools/build.sh` (which sets up .venv first); the bundle test runs it
directly with its own --dist/--work folders."""

import argparse
import ast
import platform
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

from translations import compile_translations  # tools/translations.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "tools" / "logit-lab.spec"
NAME = "logit-lab"
MAX_BUNDLE_MB = 150
MAX_ARCHIVE_MB = 70
MB = 1_000_000


def version():
    """gui.VERSION, the one place the version is written (pyproject.toml reads it too)."""
    tree = ast.parse((ROOT / "gui" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == "VERSION" for target in node.targets):
            return ast.literal_eval(node.value)
    raise SystemExit("build: no VERSION in gui/__init__.py")


def platform_tag():
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64").replace("aarch64", "arm64")
    return f"{system}-{machine}"


def run_pyinstaller(dist, work):
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work),
                    str(SPEC)], check=True, cwd=ROOT)


def folder_size(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file() and not f.is_symlink())


def make_archive(bundle, dist, stem):
    """A .zip on Windows, a .tar.gz elsewhere, holding the bundle folder (or the macOS .app)."""
    if sys.platform == "win32":
        archive = dist / f"{stem}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
            for path in sorted(bundle.rglob("*")):
                zipped.write(path, Path(stem) / path.relative_to(bundle))
    else:
        archive = dist / f"{stem}.tar.gz"
        with tarfile.open(archive, "w:gz", compresslevel=9) as tar:
            tar.add(bundle, arcname=stem if bundle.suffix != ".app" else bundle.name)
    return archive


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder")
    parser.add_argument("--print-version", action="store_true", help="print the version and exit")
    args = parser.parse_args(argv)
    if args.print_version:
        print(version())
        return 0
    dist, work = args.dist.resolve(), args.work.resolve()

    started = time.monotonic()
    compile_translations()
    run_pyinstaller(dist, work)
    app = dist / "Logit Lab.app"
    bundle = app if sys.platform == "darwin" and app.is_dir() else dist / NAME
    stem = f"{NAME}-{version()}-{platform_tag()}"
    for old in dist.glob(f"{NAME}-*.*"):
        old.unlink()
    archive = make_archive(bundle, dist, stem)
    bundle_mb, archive_mb = folder_size(bundle) / MB, archive.stat().st_size / MB
    print(f"bundle:  {bundle}  {bundle_mb:.1f} MB unpacked (target ≤ {MAX_BUNDLE_MB} MB)")
    print(f"archive: {archive}  {archive_mb:.1f} MB (target ≤ {MAX_ARCHIVE_MB} MB)")
    print(f"built in {time.monotonic() - started:.0f} s")
    too_big = [f"{what} is {size:.1f} MB, over {limit} MB" for what, size, limit in (
        ("the bundle", bundle_mb, MAX_BUNDLE_MB), ("the archive", archive_mb, MAX_ARCHIVE_MB))
        if size > limit]
    for message in too_big:
        print(f"build: {message}", file=sys.stderr)
    return 1 if too_big else 0


if __name__ == "__main__":
    sys.exit(main())
