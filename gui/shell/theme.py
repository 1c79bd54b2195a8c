"""Light and dark themes: follow the system, or choose one (View ▸ Theme)."""

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")
SETTINGS_KEY = "ui/theme"

# Dark colours with enough contrast for a projector; the plots' Okabe-Ito colours read on both.
_DARK = {
    QPalette.Window: "#2b2b2b", QPalette.WindowText: "#e8e8e8", QPalette.Base: "#1e1e1e",
    QPalette.AlternateBase: "#303030", QPalette.ToolTipBase: "#3a3a3a",
    QPalette.ToolTipText: "#f0f0f0", QPalette.Text: "#e8e8e8", QPalette.Button: "#353535",
    QPalette.ButtonText: "#e8e8e8", QPalette.BrightText: "#ff6b6b", QPalette.Link: "#56B4E9",
    QPalette.Highlight: "#0072B2", QPalette.HighlightedText: "#ffffff",
    QPalette.PlaceholderText: "#9a9a9a",
}
_DARK_DISABLED = {QPalette.Text: "#808080", QPalette.ButtonText: "#808080",
                  QPalette.WindowText: "#808080"}


def chosen_theme(settings=None):
    value = (settings or QSettings()).value(SETTINGS_KEY, "system")
    return value if value in THEMES else "system"


def dark_palette():
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(QPalette.Disabled, role, QColor(colour))
    return palette


def apply_theme(theme, app=None):
    """Set the application's colours. "system" leaves them to the platform (which follows the
    desktop's light or dark setting where it has one)."""
    app = app or QApplication.instance()
    scheme = {"system": Qt.ColorScheme.Unknown, "light": Qt.ColorScheme.Light,
              "dark": Qt.ColorScheme.Dark}[theme]
    app.styleHints().setColorScheme(scheme)
    if theme == "dark":
        app.setPalette(dark_palette())
    else:
        # The style's standard palette is light; the platform's own palette follows the system.
        app.setPalette(app.style().standardPalette() if theme == "light" else QPalette())


def is_dark(palette):
    return palette.color(QPalette.Window).lightness() < 128
