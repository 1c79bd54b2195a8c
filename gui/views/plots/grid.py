"""The plots' layout: as many as can be read at once, in a grid of one or two columns; when the
room is too small for all of them, pages of them behind tabs, never all squashed."""

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QTabBar, QWidget

# A plot shorter or narrower than this cannot be read past the first rows of a room: the desk
# shows fewer plots at once (pages) rather than squash them under it (times the scale).
MIN_PLOT_HEIGHT = 200
MIN_PLOT_WIDTH = 230
GAP = 4


class PlotGrid(QWidget):
    """Lays out panels (one per plot) by hand: ``set_panels([(name, title, widget)])`` gives them
    in reading order, ``show_only(names)`` shows those (side by side, the stage's choice) or all
    (None), ``set_applicable(names)`` leaves out the plots that do not apply.

    Attributes: ``tabs`` (QTabBar, shown when the plots take more than one page), ``pages``
    (the names on each page), ``page`` (the page shown).
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._panels = {}
        self._order = []
        self._titles = {}
        self._applicable = None
        self._only = None
        self._scale = 1.0
        self.pages = []
        self.page = 0
        self.tabs = QTabBar(self)
        self.tabs.setDrawBase(False)
        self.tabs.setExpanding(False)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.hide()
        self.tabs.currentChanged.connect(self._page_chosen)
        self.setMinimumSize(MIN_PLOT_WIDTH, MIN_PLOT_HEIGHT)

    def set_panels(self, panels):
        for name, title, widget in panels:
            widget.setParent(self)
            self._panels[name] = widget
            self._titles[name] = title
            self._order.append(name)
        self._arrange()

    def set_applicable(self, names):
        names = list(names)
        if names != self._applicable:
            self._applicable = names
            self._arrange()

    def show_only(self, names):
        self._only = None if names is None else list(names)
        self._arrange()

    def set_scale(self, scale):
        if scale != self._scale:
            self._scale = scale
            self.setMinimumSize(round(MIN_PLOT_WIDTH * scale), round(MIN_PLOT_HEIGHT * scale))
            self._arrange()

    def shown(self):
        """The names of the plots in sight now."""
        return self.pages[self.page] if self.pages else []

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._arrange()

    def _names(self):
        names = self._order if self._only is None else self._only
        applicable = self._applicable
        return [name for name in names if applicable is None or name in applicable]

    def _arrange(self):
        names = self._names()
        width, height = self.width(), self.height()
        if self._only is not None:
            columns, rows = max(len(names), 1), 1
            pages = [names]
        else:
            columns = 2 if width >= 2 * MIN_PLOT_WIDTH * self._scale + GAP else 1
            rows = max(1, (height + GAP) // int(MIN_PLOT_HEIGHT * self._scale + GAP))
            if len(names) > columns * rows:  # pages: the tabs take a row of their own
                tab_height = self.tabs.sizeHint().height()
                rows = max(1, (height - tab_height + GAP) // int(MIN_PLOT_HEIGHT * self._scale
                                                                 + GAP))
            count = -(-len(names) // (columns * rows))  # pages, each as full as the others
            per_page = max(1, -(-len(names) // max(count, 1)))
            pages = [names[k:k + per_page] for k in range(0, len(names), per_page)] or [[]]
        self._set_pages(pages)
        top = 0
        if len(pages) > 1:
            self.tabs.setGeometry(0, 0, width, self.tabs.sizeHint().height())
            top = self.tabs.height()
        shown = pages[self.page]
        rows_used = max(1, -(-len(shown) // columns))
        columns_used = min(columns, max(len(shown), 1))
        cell_width = (width - GAP * (columns_used - 1)) / columns_used
        cell_height = (height - top - GAP * (rows_used - 1)) / rows_used
        for name, widget in self._panels.items():
            if name not in shown:
                widget.hide()
        for k, name in enumerate(shown):
            row, column = divmod(k, columns_used)
            self._panels[name].setGeometry(QRect(round(column * (cell_width + GAP)),
                                                 round(top + row * (cell_height + GAP)),
                                                 round(cell_width), round(cell_height)))
            self._panels[name].show()

    def _set_pages(self, pages):
        first = self.shown()[0] if self.pages and self.shown() else None
        if pages == self.pages:
            return
        self.pages = pages
        # Keep the plot at the top left in sight.
        self.page = next((k for k, names in enumerate(pages) if first in names), 0)
        blocker = self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for names in pages:
            self.tabs.addTab(" · ".join(self._titles[name] for name in names))
        self.tabs.setCurrentIndex(self.page)
        self.tabs.blockSignals(blocker)
        self.tabs.setVisible(len(pages) > 1)

    def _page_chosen(self, index):
        if 0 <= index < len(self.pages) and index != self.page:
            self.page = index
            self._arrange()
