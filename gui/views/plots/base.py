"""What every plot is: a Plot draws a Frame (the selected sample and the classes shown) into
its own pyqtgraph PlotWidget, whose items it builds once and updates in place, and restyles
itself for the presentation scale."""

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QGuiApplication, QPalette
from PySide6.QtWidgets import QFileDialog, QGraphicsItem, QMessageBox, QSizePolicy

from gui.common.formatting import format_number
from gui.common.style import text_size
from gui.views.plots.items import ClassAxis, PlotAxis, TitleLabel, reference_line

# Each plot's accessible description lists at most this many samples, and this many classes
# (the largest values).
DESCRIBED_SAMPLES = 20
DESCRIBED_CLASSES = 12
# A plot copied or saved as an image is drawn this wide at least (a slide's width), its text
# and lines scaled with it, so that it reads on a projected slide as on the stage.
IMAGE_WIDTH = 1600


@dataclass(frozen=True, eq=False)
class Frame:
    """What every plot draws, made once per change by the container.

    Attributes
    ----------
    analysis : engine.Analysis
    n : int, the selected sample's row.
    shown : numpy.ndarray of int, the class drawn at each bar position (in index order).
    x : numpy.ndarray of float, the bar positions 0, 1, 2…
    names : list of str, the name of each shown class.
    context : tuple, what the user explores (the sample, the classes, mode, input and
        options): while it stays, the scales only grow; after a change they are fitted afresh.
    """

    analysis: object
    n: int
    shown: np.ndarray
    x: np.ndarray
    names: list
    context: tuple

    @property
    def scenario(self):
        return self.analysis.scenario


class Plot(QObject):
    """One plot of the selected sample.

    A subclass builds its items in ``__init__``, draws a Frame in ``update(frame)`` (changing
    only what changed: an unchanged item is not repainted), says in words what it shows in
    ``description(frame)`` and restyles itself in ``apply_style(scale)``.

    Signals
    -------
    redraw_wanted()
        The plot's own control changed what it shows (the swept class, the end of a drag):
        the container draws the latest state again.

    Attributes
    ----------
    name : str, its key in ``PlotsView.plot_widgets``.
    widget : pyqtgraph.PlotWidget; item : its PlotItem.
    """

    redraw_wanted = Signal()
    name = ""
    class_axis = False

    def __init__(self, parent, view_box=None):
        super().__init__(parent)
        palette = parent.palette()
        self.background = palette.color(QPalette.ColorRole.Base)
        self.foreground = palette.color(QPalette.ColorRole.Text)
        self.scale = 1.0
        self._texts = {}  # what each title and axis label shows, to skip rewriting them
        self._labels = None  # what the titles and axis labels were last written for
        self.widget = self._make_widget(parent, view_box)
        self.item = self.widget.getPlotItem()
        self._add_image_actions()

    def _make_widget(self, parent, view_box):
        axes = {"left": PlotAxis("left"),
                "bottom": ClassAxis("bottom") if self.class_axis else PlotAxis("bottom")}
        widget = pg.PlotWidget(parent, background=self.background, viewBox=view_box,
                               axisItems=axes)
        widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        widget.setMinimumSize(160, 110)
        plot = widget.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.layout.removeItem(plot.titleLabel)
        plot.scene().removeItem(plot.titleLabel)
        plot.titleLabel = TitleLabel("", size="11pt", parent=plot)
        plot.layout.addItem(plot.titleLabel, 0, 1)
        for axis_name in ("left", "bottom"):
            axis = plot.getAxis(axis_name)
            axis.setPen(self.foreground)
            axis.setTextPen(self.foreground)
            # "nats (x0.001)" over ticks of 100 misleads; ticks show the values themselves.
            axis.enableAutoSIPrefix(False)
            # An edit repaints the bars, and the axis under their edge with them: from a
            # pixmap, unless its ticks changed (pyqtgraph calls update() then).
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        for axis_name in ("top", "right"):
            # Hidden, but they follow the view range: with the SI prefix on, every range change
            # rewrites their label's HTML.
            plot.getAxis(axis_name).enableAutoSIPrefix(False)
        # Room for tick labels of pyqtgraph's usual width at least ("-0.25"): an axis that
        # narrowed for "4" and widened again for "2.5" would move the plot on most rescales.
        plot.getAxis("left").setStyle(autoReduceTextSpace=False)
        return widget

    # ----------------------------------------------------------------------------- images

    def _add_image_actions(self):
        """Copy as image and Save as image…, in the plot's context menu."""
        copy = QAction(self.tr("Copy as image"), self.widget)
        copy.triggered.connect(self.copy_image)
        save = QAction(self.tr("Save as image…"), self.widget)
        save.triggered.connect(lambda: self.save_image())
        self.widget.addActions([copy, save])
        self.widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def image(self):
        """The plot as a QImage, IMAGE_WIDTH pixels wide at least (pyqtgraph's
        ImageExporter scales text and lines with it)."""
        exporter = pg.exporters.ImageExporter(self.item)
        width = exporter.parameters()["width"]
        exporter.parameters()["width"] = max(int(width), IMAGE_WIDTH)
        return exporter.export(toBytes=True)

    def copy_image(self):
        QGuiApplication.clipboard().setImage(self.image())

    def save_image(self, path=None):
        """Save the image as PNG at ``path`` (None: ask where). Returns whether it was saved;
        a file that cannot be written is said in one line."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self.widget, self.tr("Save Plot as Image"),
                                                  f"{self.name}.png",
                                                  self.tr("PNG image (*.png)"))
            if not path:
                return False
        if self.image().save(path, "PNG"):
            return True
        QMessageBox.warning(self.widget, self.tr("Cannot Save Image"),
                            self.tr("The image could not be written to “{path}”.").format(
                                path=path))
        return False

    def panel(self):
        """What the container lays out: the plot, and any control of its own."""
        return self.widget

    def short_name(self):
        """The plot's name in a few words, for tabs and choosers."""
        raise NotImplementedError

    def applies(self, scenario):
        """Whether the plot shows something for ``scenario`` (else it is not shown)."""
        return True

    def pinned(self, analysis, n):
        """The classes this plot needs among the shown ones (a dragged bar, the swept
        class)."""
        return ()

    def update(self, frame):
        raise NotImplementedError

    def description(self, frame):
        """A function that returns what the plot shows, in words (called once the numbers
        settle)."""
        raise NotImplementedError

    def lists_classes(self, frame):
        """Whether the description lists the shown classes (then it says when not all are)."""
        return True

    # ----------------------------------------------------------------------------- style

    def apply_style(self, scale):
        """Draw text, lines and markers ``scale`` times their desk size."""
        self.scale = scale
        self._labels = None  # axis labels carry a font size: rewrite them
        tick_font = QFont(self.widget.font())
        tick_font.setPointSizeF(self.text_size(1.0))
        # pyqtgraph measures tick text at 0.8 of its height, which cuts off descenders (the
        # "g" of "dog"): reserve a full line for the bottom axis' labels.
        line_height = QFontMetrics(tick_font).height()
        for axis_name in ("left", "bottom"):
            axis = self.item.getAxis(axis_name)
            axis.setTickFont(tick_font)
            axis.setPen(pg.mkPen(self.foreground, width=self.line_width(1.0)))
            axis.update()  # setPen does not: the cached pixmap must go
        self.item.getAxis("bottom").setStyle(autoExpandTextSpace=False,
                                             tickTextHeight=line_height)

    def text_size(self, size):
        return text_size(size, self.scale)

    def line_width(self, width):
        """A line's pen ``width`` (desk pixels) at this scale. pyqtgraph draws lines with
        cosmetic pens, in device pixels: on a HiDPI screen (Qt's device pixel ratio 2) they
        are made as much wider, or a 4K projector shows hairlines. (Markers are rendered at
        the device pixel ratio already: their pens take ``scale`` alone.)"""
        return width * self.scale * self.widget.devicePixelRatioF()

    def relabel(self, key):
        """Whether the titles and axis labels need writing for ``key`` (what they depend on):
        not when they were written for it at this scale."""
        key = (key, self.scale)
        if key == self._labels:
            return False
        self._labels = key
        return True

    def set_title(self, text, short=None):
        """Title the plot with ``text`` (HTML), on one line; ``short`` is what it reads where
        ``text`` does not fit (see TitleLabel)."""
        if self._texts.get("title") == (text, short, self.scale):
            return
        self._texts["title"] = (text, short, self.scale)
        size = self.text_size(1.1)
        self.item.titleLabel.set_short(short)
        self.item.setTitle(text, size=f"{size:.1f}pt", color=self.foreground)
        # A line of the title at full size, and its text item's margins.
        height = math.ceil(self.item.titleLabel.item.boundingRect().height())
        self.item.layout.setRowMinimumHeight(0, height)
        self.item.layout.setRowMaximumHeight(0, height)
        self.item.titleLabel.setMaximumHeight(height)

    def set_axis_label(self, axis, text):
        if self._texts.get(axis) == (text, self.scale):
            return
        self._texts[axis] = (text, self.scale)
        self.item.setLabel(axis, text, color=self.foreground.name(),
                           **{"font-size": f"{self.text_size(1.0):.1f}pt"})

    # ----------------------------------------------------------------------------- words

    def summary(self, label, names, values):
        """"Label: cat 0.879, dog 0.119, pig 0.00218"; past DESCRIBED_CLASSES classes, the
        largest in size first and "…" for the rest (a listener wants those, not forty)."""
        values = np.asarray(values, dtype=np.float64)
        order = range(len(values))
        if len(values) > DESCRIBED_CLASSES:
            order = np.argsort(-np.abs(np.nan_to_num(values, posinf=np.inf)),
                               kind="stable")[:DESCRIBED_CLASSES].tolist()
        parts = ", ".join(f"{names[k]} {format_number(values[k], 3)}" for k in order)
        if len(values) > DESCRIBED_CLASSES:
            parts += ", …"
        return self.tr("{label}: {values}").format(label=label, values=parts)

    def unit_name(self, unit):
        return self.tr("nats") if unit == "nats" else self.tr("bits")


class ClassPlot(Plot):
    """A plot with a bar (or bars) per shown class, at x = 0, 1, 2…: its bottom axis names
    them. Each sets its own x range, the same for all: pyqtgraph's linked axes line views up
    pixel by pixel, which plots of other widths or out of sight (the stage) do not share."""

    class_axis = True

    def __init__(self, parent, view_box=None, zero_line=False):
        super().__init__(parent, view_box=view_box)
        self.item.setMouseEnabled(x=False, y=True)
        self.zero_line = reference_line(self.item, self.foreground) if zero_line else None
        self._ticks = None
        self._count = None

    def show_classes(self, frame):
        """Name the shown classes on the bottom axis; fit the x range to their number."""
        names = list(frame.names)
        if names != self._ticks:  # new ticks redraw the axis: only when they change
            self._ticks = names
            self.item.getAxis("bottom").set_names(names)
        count = len(frame.shown)
        if count == self._count:
            return
        self._count = count
        if self.zero_line is not None:
            self.zero_line.setData([-0.6, max(count, 1) - 0.4], [0.0, 0.0])
        self.item.setXRange(-0.6, max(count, 1) - 0.4, padding=0)
