"""Colours and sizes shared by every view: a colour-blind-safe palette (Okabe & Ito) and the
"presentation" scale for a lecture-hall projector."""

from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPixmap

# Okabe-Ito: distinguishable with every common form of colour blindness.
OKABE_ITO = {
    "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7", "grey": "#999999",
}

# What each quantity is drawn in, everywhere.
COLOURS = {
    "logit": OKABE_ITO["grey"],
    "probability": OKABE_ITO["blue"],
    "target": OKABE_ITO["orange"],
    "term": OKABE_ITO["vermillion"],
    "gradient": OKABE_ITO["bluish_green"],
    "selected": OKABE_ITO["reddish_purple"],
    "curve": OKABE_ITO["sky_blue"],
}

PRESENTATION_SCALE = 1.6
# On the stage, a window taller than this has its text larger still, in proportion: a
# projector shows 720 or 1080 lines on the same wall.
PRESENTATION_HEIGHT = 800
# The views' accessible descriptions are written this long after the last change: a screen
# reader hears the numbers once they settle, not at every step of a drag, and an edit does not
# wait for the text.
DESCRIPTION_DELAY_MS = 300
# Views with more classes than this draw the top-k (most probable, plus the true ones) and say so.
MAX_CLASSES_SHOWN = 40


def text_size(size, scale):
    """A font size in points for drawn text (plot titles, ticks): ``size`` times the
    application's font, times ``scale`` (the presentation scale)."""
    # From the application's font, not a widget's: a window that scales its own font for
    # presentation must not scale the plots twice.
    base = QGuiApplication.font().pointSizeF()
    return (base if base > 0 else 9.0) * size * scale


def colour(name, alpha=255):
    """A QColor for one of COLOURS' names."""
    result = QColor(COLOURS[name])
    result.setAlpha(alpha)
    return result


def blended(name, alpha, background):
    """The opaque QColor that COLOURS[name] drawn ``alpha``/255 opaque over ``background``
    shows: what a translucent line looks like, drawn at the cost of an opaque one."""
    ink, under = QColor(COLOURS[name]), QColor(background)
    share = alpha / 255
    return QColor(*(round(share * a + (1 - share) * b) for a, b in
                    ((ink.red(), under.red()), (ink.green(), under.green()),
                     (ink.blue(), under.blue()))))


# Each model's colour, in the models' order (the compare view, the −ln p plot, the model tabs),
# again from the first after the last. Model 1's is the probabilities' blue, so that one model
# looks as it always did; orange is left out: it is the target's.
MODEL_COLOURS = tuple(OKABE_ITO[name] for name in (
    "blue", "vermillion", "bluish_green", "reddish_purple", "sky_blue", "grey", "yellow"))


def model_colour(k, alpha=255):
    """A QColor for model k."""
    result = QColor(MODEL_COLOURS[k % len(MODEL_COLOURS)])
    result.setAlpha(alpha)
    return result


def model_icon(k, size=10):
    """A small square in model k's colour: beside its name, it links the name to the model's
    marks in the plots."""
    pixmap = QPixmap(size, size)
    pixmap.fill(model_colour(k))
    return QIcon(pixmap)
