"""Start the application: platform check, QApplication, settings and the main window."""

import functools
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

from gui.shell import i18n
from gui.shell import platform_check
from gui.shell import theme
from gui.shell.resources import resource_path
from gui.shell.settings import starting_scenario

ORGANIZATION = "LogitLab"
current_window = None  # the main window on screen (a language switch replaces it)
APPLICATION = "Logit Lab"


def create_application(argv=None):
    """The QApplication (or the existing one), named so QSettings finds our settings."""
    from PySide6.QtWidgets import QApplication

    start_log_file_when_frozen()  # before the QApplication: the log gets Qt's plugin errors too
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName("logit-lab")  # resources/logit-lab.desktop: Wayland/X11 match the icon
    app.setWindowIcon(application_icon())
    return app


def application_icon():
    """The Logit Lab icon, from the PNGs rendered by tools/make_icon.py."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in (32, 64, 256):
        icon.addFile(str(resource_path("icons", f"logit-lab-{size}.png")))
    return icon


class _Tee:
    """A text stream that writes to several (stderr and the log file)."""

    def __init__(self, *streams):
        self.streams = [stream for stream in streams if stream is not None]

    def write(self, text):
        for stream in self.streams:
            stream.write(text)
        return len(text)

    def flush(self):
        for stream in self.streams:
            stream.flush()

    def __getattr__(self, name):  # encoding, isatty(), fileno(): the real stderr's
        return getattr(self.streams[-1], name)


@functools.cache  # once per run
def start_log_file_when_frozen():
    """The frozen app (often started from a menu, with no terminal) copies what it writes to
    stderr — Qt's messages, a missing-library line, tracebacks — to logit-lab.log in the user's
    data folder, rewritten at each start. Returns the log's path, or None (from source, or when
    the file cannot be written)."""
    if not getattr(sys, "frozen", False):
        return None
    import platform

    from PySide6.QtCore import QCoreApplication, QStandardPaths, qInstallMessageHandler, qVersion

    from gui import VERSION

    QCoreApplication.setOrganizationName(ORGANIZATION)  # the data folder is named after these
    QCoreApplication.setApplicationName(APPLICATION)
    path = Path(QStandardPaths.writableLocation(QStandardPaths.AppLocalDataLocation),
                "logit-lab.log")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        log = open(path, "w", encoding="utf-8", buffering=1)  # noqa: SIM115 - open while we run
    except OSError:
        return None
    log.write(f"Logit Lab {VERSION}, Qt {qVersion()}, {platform.platform()}\n")
    sys.stderr = _Tee(log, sys.stderr)

    def qt_message(kind, context, message):
        category = "" if context.category in (None, "default") else f"{context.category}: "
        sys.stderr.write(f"{category}{message}\n")

    qInstallMessageHandler(qt_message)
    return path


def create_main_window():
    """Document + main window in the chosen language, with the last layout and options."""
    from gui.document import Document

    settings = QSettings()
    language = i18n.chosen_language(settings)
    i18n.install_language(language)
    theme.apply_theme(theme.chosen_theme(settings))
    document = Document(starting_scenario(settings))
    window = _window_for(document, language)
    window.restore_layout(settings)
    return window


def _window_for(document, language):
    from gui.shell.main_window import MainWindow

    global current_window
    current_window = MainWindow(document)
    current_window.languageRequested.connect(switch_language)
    current_window.themeRequested.connect(switch_theme)
    warning = i18n.missing_font_warning(language)
    if warning:
        current_window.statusBar().showMessage(warning)
    return current_window


def switch_language(code):
    """Show the interface in another language at once. Returns the new main window."""
    i18n.install_language(code)
    QSettings().setValue(i18n.SETTINGS_KEY, code)
    return _replace_window(code)


def switch_theme(name):
    """Switch to the "system", "light" or "dark" theme at once. Returns the new main window."""
    theme.apply_theme(name)
    QSettings().setValue(theme.SETTINGS_KEY, name)
    return _replace_window(i18n.chosen_language())


def _replace_window(language):
    # A new main window on the same Document, so the scenario, the file and the undo history
    # all stay; every view is built afresh in the new language and colours.
    old = current_window
    new = _window_for(old.document, language)
    new.take_place_of(old)
    new.show()
    old.hide()  # hidden, not closed: closing would ask to save and drop the autosave
    old.deleteLater()
    return new


def open_main_window():
    """Check the platform, then show the main window. Returns (app, window), or None after
    saying in one line on stderr why no window can open."""
    start_log_file_when_frozen()
    problem = platform_check.problem()
    if problem:
        print(problem, file=sys.stderr)
        return None
    app = create_application()
    window = create_main_window()
    window.show()
    return app, window


def run(path=None):
    """Open the window (and the file at ``path``); returns the exit code."""
    started = open_main_window()
    if started is None:
        return 1
    app, window = started
    window.files.offer_restore()
    window.lessons.offer_first_lesson()  # here, not in --smoke or --screenshot
    if path:
        window.files.open_path(path)
    return app.exec()
