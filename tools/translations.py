"""The translations in resources/translations/: `update` collects every translatable string of
gui/ and main.py into each .ts file (keeping the translations already there), with the presets'
titles, descriptions and names (written into gui/shell/preset_texts.py first), `compile` turns
each .ts into the .qm the app loads.

    python tools/translations.py update    # after changing user-visible text; then translate
    python tools/translations.py compile   # after translating (tools/build.py runs it too)

The .qm files are committed, so a run from source finds them without a build step;
tests/gui/test_translations.py checks they are what `compile` makes of the .ts files.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
PRESETS = ROOT / "resources" / "presets"
LESSONS = ROOT / "resources" / "lessons"
PRESET_TEXTS = ROOT / "gui" / "shell" / "preset_texts.py"
LANGUAGES = ("zh_CN",)  # English is the source text


def ts_path(language):
    return TRANSLATIONS / f"logitlab_{language}.ts"


def sources():
    """What lupdate reads: every module of gui/ (gui/shell/preset_texts.py included) and main.py."""
    return sorted((ROOT / "gui").rglob("*.py")) + [ROOT / "main.py"]


def tool(name):
    """The path of a PySide6 tool (pyside6-lupdate, pyside6-lrelease) beside this Python."""
    folders = os.pathsep.join((sysconfig.get_path("scripts"), str(Path(sys.executable).parent)))
    found = shutil.which(name, path=folders)
    if found is None:
        raise SystemExit(f"translations: {name} (PySide6) not found in {folders}")
    return found


def run_lupdate(ts, language):
    """Merge the strings of sources() into ``ts``: new ones unfinished, vanished ones dropped.
    No source locations are written, so the file changes only when a string does."""
    subprocess.run([tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    "-target-language", language, *map(str, sources()), "-ts", str(ts)],
                   check=True)


def preset_texts_source():
    """The text of gui/shell/preset_texts.py: every preset's title and description, marked for
    lupdate in the "presets" context (the menu and the command line translate them there), and
    the class, sample and model names File ▸ Examples and a lesson's steps translate
    (gui.shell.i18n.example_names: of the presets, and of the scenarios the bundled lessons
    write out) in the "example data" context."""
    if str(ROOT) not in sys.path:  # run as a script: engine and gui are beside tools/
        sys.path.insert(0, str(ROOT))
    import engine
    from gui.shell.i18n import EXAMPLE_DATA, example_names

    texts, names = [], []
    for path in sorted(PRESETS.glob("*.json")):
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
        texts += [data[key] for key in ("title", "description") if data.get(key)]
        names += example_names(engine.from_json(text))
    for path in sorted(LESSONS.glob("*.json")):
        for step in json.loads(path.read_text(encoding="utf-8"))["steps"]:
            if "scenario" in step:
                names += example_names(engine.from_json(json.dumps(step["scenario"])))
    return "\n".join([
        '"""The titles and descriptions of resources/presets/*.json and the names of their',
        "classes, samples and models (and those of the bundled lessons' scenarios), so lupdate",
        'finds them.',
        'Written by `python tools/translations.py update`; do not edit."""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "TEXTS = (",
        *_marked("presets", texts),
        ")",
        "",
        "NAMES = (",
        *_marked(EXAMPLE_DATA, names),
        ")",
        "",
    ])


def _marked(context, texts):
    """One QT_TRANSLATE_NOOP line per distinct text, in order."""
    return [f"    QT_TRANSLATE_NOOP({json.dumps(context)}, {json.dumps(text, ensure_ascii=False)}),"
            for text in dict.fromkeys(texts)]


def update():
    PRESET_TEXTS.write_text(preset_texts_source(), encoding="utf-8", newline="\n")
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        run_lupdate(ts_path(language), language)
        print(f"updated {ts_path(language).relative_to(ROOT)}")


def run_lrelease(ts, qm):
    """Compile ``ts`` into ``qm`` (the same .ts always gives the same bytes)."""
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def compile_translations():
    """Every resources/translations/*.ts → the .qm beside it."""
    for source in sorted(TRANSLATIONS.glob("*.ts")):
        run_lrelease(source, source.with_suffix(".qm"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "compile"))
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
    else:
        compile_translations()
    return 0


if __name__ == "__main__":
    sys.exit(main())
