"""Languages: English (the source strings) and Simplified Chinese, chosen from the system locale
on first start and switchable at run time."""

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from engine import Model, ScenarioError
from gui.shell.resources import resource_path

# Language code → its own name (shown in the menu in that language, as users look for it).
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
SETTINGS_KEY = "ui/language"
# File ▸ Examples opens a bundled example with its class, sample and model names in the
# interface's language ("cat" → "猫"), translated in this context; tools/translations.py marks
# them for lupdate. Only examples of up to MAX_TRANSLATED_CLASSES classes: beyond that the
# classes are data (a language model's 4,265 tokens, "cat" among them), not a teacher's names.
EXAMPLE_DATA = "example data"
MAX_TRANSLATED_CLASSES = 20
# Shown in English and Chinese: without a Chinese font the Chinese words would be boxes.
NO_CJK_FONT = ("No Chinese font found: Chinese text shows as boxes. On Linux install one: sudo "
               "apt-get install fonts-noto-cjk · 未找到中文字体")

_installed = []


def system_language(locale=None):
    """The supported language closest to the system locale (Chinese for any zh locale)."""
    name = (locale or QLocale.system()).name()
    return "zh_CN" if name.startswith("zh") else "en"


def chosen_language(settings=None):
    """The language saved in the settings, else the system's."""
    value = (settings or QSettings()).value(SETTINGS_KEY, "")
    return value if value in LANGUAGES else system_language()


def install_language(code, app=None):
    """Load our translation and Qt's own for ``code`` (replacing the previous ones), and make
    numbers follow that language's conventions. Works with a QCoreApplication too (the
    command line). Returns True when the translations loaded."""
    app = app or QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale("zh_CN" if code == "zh_CN" else "en_US"))
    if code == "en":
        return True
    ours = QTranslator(app)
    loaded = ours.load(str(resource_path("translations", f"logitlab_{code}.qm")))
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        _installed.append(qt_own)
    if loaded:
        _installed.append(ours)
    for translator in _installed:
        app.installTranslator(translator)
    return loaded


def preset_text(text):
    """A preset's title or description in the current language (other text stays as it is)."""
    return QCoreApplication.translate("presets", text) if text else text


def example_names(scenario):
    """The names of a bundled example that are translated: its classes, samples and models,
    or none for an example of more than MAX_TRANSLATED_CLASSES classes. A lone model's name
    is not: it is shown nowhere, and a translated "Model 1" would be a name of its own, saved
    as format version 2, which older builds cannot read."""
    if len(scenario.classes) > MAX_TRANSLATED_CLASSES:
        return ()
    models = scenario.model_names if len(scenario.models) > 1 else ()
    return (*scenario.classes, *scenario.samples, *models)


def example_in_language(scenario):
    """A bundled example with the names example_names() gives in the current language and every
    number as it was. A name without a translation stays as it is, and so does the whole
    example should two names translate to one (a scenario's names are distinct)."""
    if not example_names(scenario):
        return scenario

    def translated(names):
        return tuple(QCoreApplication.translate(EXAMPLE_DATA, name) for name in names)

    models = scenario.models
    if len(models) > 1:
        models = tuple(Model(name, model.rows)
                       for name, model in zip(translated(scenario.model_names), models))
    try:
        return scenario.replace(classes=translated(scenario.classes),
                                samples=translated(scenario.samples), models=models)
    except ScenarioError:
        return scenario


def missing_font_warning(code):
    """NO_CJK_FONT when ``code`` is Chinese and no installed font can show Chinese, else None.
    Needs a QGuiApplication."""
    from PySide6.QtGui import QFontDatabase

    if code != "zh_CN" or QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return None
    return NO_CJK_FONT
