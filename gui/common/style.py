"""Colours and sizes shared by every view: a colour-blind-safe palette (Okabe & Ito) and the
"presentation" scale for a lecture-hall projector."""

from PySide6.QtGui import QColor

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


def colour(name, alpha=255):
    """A QColor for one of COLOURS' names."""
    result = QColor(COLOURS[name])
    result.setAlpha(alpha)
    return result
