"""The plots' layout: as many as can be read at once, in a grid of one or two columns; when the
room is too small for all of them, pages of them behind tabs, never all squashed."""

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import QFrame, QTabBar, QWidget

# A plot shorter or narrower than this cannot be read past the first rows of a room: the desk
# shows fewer plots at once (pages) rather than squash them under it (times the scale).
MIN_PLOT_HEIGHT = 200
MIN_PLOT_WIDTH = 220
GAP = 4
# A plot brought forward (a lesson's step names it) is framed this long, so the eye finds it.
HIGHLIGHT_MS = 3000
HIGHLIGHT_WIDTH = 3


def _controls_height(panel, plot, width):
    """How much of ``panel``'s height, ``width`` wide, its own controls take (above ``plot``)."""
    layout = panel.layout()
    margins = layout.contentsMargins()
    height = margins.top() + margins.bottom()
    for k in range(layout.count()):
        item = layout.itemAt(k)
        if item.widget() is plot:
            continue
        inner = width - margins.left() - margins.right()
        height += (item.heightForWidth(inner) if item.hasHeightForWidth()
                   else item.sizeHint().height()) + layout.spacing()
    return height


def _cell_width(width, columns):
    return (width - GAP * (columns - 1)) / columns


class PlotGrid(QWidget):
    """Lays out panels (one per plot) by hand, in reading order: ``set_panels([(name, title,
    panel, plot_widget)])`` (a panel is the plot's widget, or the plot with controls of its
    own above it), ``show_only(names)`` shows those side by side (the stage's choice) or all
    (None), ``set_applicable(names)`` leaves out the plots that do not apply.

    Every plot in sight is MIN_PLOT_HEIGHT tall at least (its panel's controls come on top);
    rows share what is left. Attributes: ``tabs`` (QTabBar, shown when the plots take more
    than one page), ``pages`` (the names on each page), ``page`` (the page shown),
    ``highlighted`` (the names framed now, see ``bring_forward``).
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._panels = {}
        self._plots = {}
        self._order = []
        self._titles = {}
        self._applicable = None
        self._only = None
        self._scale = 1.0
        self._front = []  # the plots brought forward: first, in this order
        self._marks = {}  # name -> the frame drawn over its panel while it is highlighted
        self._highlight_timer = QTimer(self, singleShot=True, interval=HIGHLIGHT_MS)
        self._highlight_timer.timeout.connect(lambda: self._highlight(()))
        self.pages = []
        self.page = 0
        self.tabs = QTabBar(self)
        self.tabs.setDrawBase(False)
        self.tabs.setExpanding(False)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setAccessibleName(self.tr("Pages of plots"))
        self.tabs.hide()
        self.tabs.currentChanged.connect(self._page_chosen)
        self.setMinimumSize(MIN_PLOT_WIDTH, MIN_PLOT_HEIGHT)

    def set_panels(self, panels):
        for name, title, panel, plot in panels:
            panel.setParent(self)
            self._panels[name], self._plots[name] = panel, plot
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

    def bring_forward(self, names):
        """Put the plots ``names`` first, in this order (so they share the first page as far
        as the room allows), show the page of the first and frame those in sight for
        HIGHLIGHT_MS; () puts every plot back in reading order."""
        self._front = [name for name in names if name in self._panels]
        self._arrange()
        page = next((k for k, page in enumerate(self.pages) if self._front
                     and self._front[0] in page), self.page)
        if page != self.page:
            self.page = page
            blocker = self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(page)
            self.tabs.blockSignals(blocker)
            self._arrange()
        self._highlight([name for name in self._front if name in self.shown()])

    @property
    def highlighted(self):
        return [name for name, mark in self._marks.items() if not mark.isHidden()]

    def _highlight(self, names):
        for name in self._panels:
            if name in names:
                self._mark(name).show()
                self._mark(name).raise_()
            elif name in self._marks:
                self._marks[name].hide()
        if names:
            self._highlight_timer.start()

    def _mark(self, name):
        if name not in self._marks:
            panel = self._panels[name]
            mark = QFrame(panel)
            mark.setObjectName("plotHighlight")
            mark.setAttribute(Qt.WA_TransparentForMouseEvents)
            mark.setStyleSheet(f"#plotHighlight {{ border: {HIGHLIGHT_WIDTH}px solid "
                               "palette(highlight); background: transparent; }")
            mark.setGeometry(panel.rect())
            mark.hide()
            self._marks[name] = mark
        return self._marks[name]

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
        if self._only is None and self._front:
            names = self._front + [name for name in names if name not in self._front]
        applicable = self._applicable
        return [name for name in names if applicable is None or name in applicable]

    def _least_height(self, row, width):
        """What a row of these plots, each ``width`` wide, needs: the readable height, and any
        panel's controls."""
        controls = max((_controls_height(self._panels[name], self._plots[name], width)
                        for name in row if self._panels[name] is not self._plots[name]),
                       default=0)
        return MIN_PLOT_HEIGHT * self._scale + controls

    def _page_from(self, names, columns, height):
        """How many of ``names`` (from the first) fit on a page ``height`` tall: whole rows."""
        used, count = -GAP, 0
        width = _cell_width(self.width(), columns)
        while count < len(names):
            row = names[count:count + columns]
            used += GAP + self._least_height(row, width)
            if used > height and count:
                break
            count += len(row)
        return count

    def _paginate(self, names, columns, height):
        if self._page_from(names, columns, height) >= len(names):
            return [names]
        height -= self.tabs.sizeHint().height()  # the tabs take a row of their own
        pages, start = [], 0
        while start < len(names):
            count = self._page_from(names[start:], columns, height)
            pages.append(names[start:start + count])
            start += count
        return pages

    def _arrange(self):
        names = self._names()
        width, height = self.width(), self.height()
        if self._only is not None:
            columns = max(len(names), 1)
            pages = [names]
        else:
            columns = 2 if width >= 2 * MIN_PLOT_WIDTH * self._scale + GAP else 1
            pages = self._paginate(names, columns, height) or [[]]
        self._set_pages(pages)
        top = 0
        if len(pages) > 1:
            self.tabs.setGeometry(0, 0, width, self.tabs.sizeHint().height())
            top = self.tabs.height()
        shown = pages[self.page]
        for name, panel in self._panels.items():
            if name not in shown:
                panel.hide()
        self._place(shown, min(columns, max(len(shown), 1)), top, width, height)

    def _place(self, shown, columns, top, width, height):
        rows = [shown[k:k + columns] for k in range(0, len(shown), columns)]
        cell_width = _cell_width(width, columns)
        least = [self._least_height(row, cell_width) for row in rows]
        spare = max(0.0, height - top - GAP * (len(rows) - 1) - sum(least)) / max(len(rows), 1)
        y = float(top)
        for row, row_height in zip(rows, least):
            for column, name in enumerate(row):
                panel = self._panels[name]
                panel.setGeometry(QRect(round(column * (cell_width + GAP)), round(y),
                                        round(cell_width), round(row_height + spare)))
                panel.show()
                if name in self._marks:
                    self._marks[name].setGeometry(panel.rect())
            y += row_height + spare + GAP

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
