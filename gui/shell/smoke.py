"""``--smoke [FILE]``: open the real main window, load every example (and FILE), render,
optionally screenshot the screen, exit 0. Used by the tests and by CI on the frozen bundle."""

import sys
from pathlib import Path

import engine
from gui.shell.resources import resource_path

SETTLE_MS = 400


def smoke(screenshot=None, file=None):
    """Returns the exit code: 0 when every example (and the scenario ``file``) loaded and
    rendered. The screenshot shows that file, else the first-start scenario."""
    from PySide6.QtCore import QTimer

    from gui.shell.app import open_main_window
    from gui.shell.scenario_file import read_scenario
    from gui.shell.settings import default_scenario

    started = open_main_window()
    if started is None:
        return 1
    app, window = started
    failures = []
    for path in sorted(resource_path("presets").glob("*.json")):
        try:
            window.document.replace(engine.from_json(path.read_text(encoding="utf-8")), path)
            window.grab()  # renders every view with this example's numbers
        except Exception as error:  # noqa: BLE001 - a smoke test reports every failure
            failures.append(f"{path.name}: {error}")
    shown = default_scenario()
    if file:
        try:
            shown = read_scenario(file)
        except engine.ScenarioError as error:
            failures.append(f"{file}: {error}")
    window.document.replace(shown, None)
    QTimer.singleShot(SETTLE_MS, lambda: _finish(app, window, screenshot))
    app.exec()
    for failure in failures:
        print(f"logit-lab --smoke: {failure}", file=sys.stderr)
    return 1 if failures else 0


def _finish(app, window, screenshot):
    if screenshot:
        # On X11, what the X server shows in the window's area (a real screenshot); offscreen,
        # the window's own rendering.
        area = window.frameGeometry()
        image = (window.screen().grabWindow(0, area.x(), area.y(), area.width(), area.height())
                 if app.platformName() == "xcb" else window.grab())
        image.save(screenshot)
    window.close()
    app.quit()


# --- slides: main.py [FILE] --screenshot PNG [--size WxH] [--presentation] [--language CODE] ----

def slide_window(file=None, size=(1280, 720), presentation=False, language=None):
    """The real main window with the scenario ``file`` (or the start scenario) in the
    first-start layout at ``size``, on the presentation stage if ``presentation``, in
    ``language`` (or the one chosen in the settings), shown. Returns (app, window), or the one
    line that says why there is none. The user's saved layout is neither used nor changed."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from gui.document import Document
    from gui.shell import app as application
    from gui.shell import i18n, platform_check, theme
    from gui.shell.scenario_file import read_scenario
    from gui.shell.settings import starting_scenario

    application.start_log_file_when_frozen()
    problem = platform_check.problem()
    if problem:
        return problem
    qt_app = application.create_application()
    settings = QSettings()
    language = language or i18n.chosen_language(settings)
    i18n.install_language(language)
    theme.apply_theme(theme.chosen_theme(settings))
    try:
        opened = read_scenario(file) if file else None
    except engine.ScenarioError as error:
        from gui.common.messages import describe

        return QCoreApplication.translate("cli", "logit-lab: {path}: {error}").format(
            path=file, error=describe(error))
    # (after the language: the start scenario's names are in it)
    window = application._window_for(Document(starting_scenario(settings)), language)
    if opened is not None:
        window.document.replace(opened, Path(file).absolute())
    window.default_layout(*size)
    window.show()
    if presentation:
        window.set_presentation(True)
    return qt_app, window


def screenshot(png, file=None, size=(1280, 720), presentation=False, language=None):
    """``--screenshot PNG``: a slide. Lay the window out (see :func:`slide_window`), let it
    settle, render it into ``png`` (at the screen's device pixel ratio: 2x on a HiDPI screen)
    and exit. Returns 0; 2 for a file that cannot be read or a PNG that cannot be written, 1
    when no window can open. Each problem is one line on stderr."""
    from PySide6.QtCore import QCoreApplication, QTimer

    started = slide_window(file, size, presentation, language)
    if isinstance(started, str):
        print(started, file=sys.stderr)
        return 2 if started.startswith("logit-lab:") else 1
    qt_app, window = started
    saved = []

    def finish():
        saved.append(window.grab().save(str(png), "PNG"))
        window.files.autosave_timer.stop()
        window.hide()  # not closed: closing would save this layout as the user's
        qt_app.quit()

    QTimer.singleShot(SETTLE_MS, finish)
    qt_app.exec()
    if not saved[0]:
        print(QCoreApplication.translate("cli", "logit-lab: --screenshot: cannot write "
                                                "'{path}'").format(path=png), file=sys.stderr)
        return 2
    return 0
