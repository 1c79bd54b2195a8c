"""``--smoke [FILE]``: open the real main window, load every example (and FILE), render,
optionally screenshot the screen, exit 0. Used by the tests and by CI on the frozen bundle."""

import sys

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
