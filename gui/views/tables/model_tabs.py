"""The model tabs above the input table: one tab per model of the scenario, the current one the
model the table edits; add, duplicate, rename (double-click), reorder (drag) and remove models,
each one undo step. Hidden while there is one model: the Models menu adds the second."""

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QMenu, QStyle, QTabBar, QToolButton

from gui.common.style import model_icon
from gui.common.user_text import in_menu, short, tooltip
from gui.views.base import View
from gui.views.tables.name_editor import NameEditor


class ModelTabBar(QTabBar):
    """A QTabBar whose tabs can be dragged; a drag is reported once, when the mouse is released.

    Qt moves the tab (tabMoved) and the current index (currentChanged) at every place it passes;
    while ``dragging``, those are steps of the one move, not choices of the user.

    Signals: dragged(int, int) — the tab at ``from`` was dropped at ``to``.
    """

    dragged = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.dragging = False
        self._pressed = -1
        self.setMovable(True)
        self.setTabsClosable(True)
        self.setExpanding(False)
        self.setDocumentMode(True)
        self.setElideMode(Qt.ElideRight)
        self.tabMoved.connect(self._moved)
        for name, tip in (("ScrollLeftButton", self.tr("Earlier models")),
                          ("ScrollRightButton", self.tr("Later models"))):
            button = self.findChild(QToolButton, name)
            if button is not None:  # (Qt's own buttons for tabs that do not fit)
                button.setToolTip(tip)
                button.setAccessibleName(tip)

    def close_button(self, k):
        """Tab k's close button ("remove this model")."""
        side = QTabBar.ButtonPosition(self.style().styleHint(
            QStyle.SH_TabBar_CloseButtonPosition, None, self))
        return self.tabButton(k, side)

    def _moved(self, _from, _to):
        self.dragging = True

    def mousePressEvent(self, event):
        self._pressed = self.tabAt(event.position().toPoint())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event):
        super().mouseReleaseEvent(event)
        if self.dragging:
            self.dragging = False
            if self.currentIndex() != self._pressed:  # the pressed tab is the current one
                self.dragged.emit(self._pressed, self.currentIndex())


class ModelTabs(View):
    """The tabs of the models and the "+" button beside them.

    Public: ``bar`` (ModelTabBar), ``add_button``, ``menu`` (every model action, for the input
    table's toolbar), ``name_editor`` (while renaming) and the QActions ``new_model_action``,
    ``duplicate_model_action``, ``rename_model_action``, ``remove_model_action``.

    Signals: none; it edits the Document and shows what ``Document.changed`` carries.
    """

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.name_editor = None
        self._renaming = False
        self._names = ()
        self._build_actions()
        self.bar = ModelTabBar(self)
        self.bar.setAccessibleName(self.tr("Models"))
        self.bar.setContextMenuPolicy(Qt.CustomContextMenu)
        self.add_button = QToolButton(self)
        self.add_button.setText("+")
        self.add_button.setAccessibleName(self.tr("Add a model"))
        self.add_button.setToolTip(self.tr("Add a model: an empty one, or a copy of this one"))
        self.add_button.setPopupMode(QToolButton.InstantPopup)
        self.add_button.setMenu(self._menu(self.new_model_action, self.duplicate_model_action))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.add_button)
        layout.addStretch(1)
        self.bar.currentChanged.connect(self._tab_chosen)
        self.bar.dragged.connect(self.document.move_model)
        self.bar.tabBarDoubleClicked.connect(self.rename_model)
        self.bar.tabCloseRequested.connect(self.document.remove_model)
        self.bar.customContextMenuRequested.connect(self._context_menu)
        self.follow(document)

    def _build_actions(self):
        self.new_model_action = self._action(
            self.tr("New empty model"),
            self.tr("Add a model that knows nothing yet: every class equally likely."),
            lambda: self.document.add_model())
        self.duplicate_model_action = self._action(
            self.tr("Duplicate this model"),
            self.tr("Add a copy of the current model, to change into a second model."),
            lambda: self.document.add_model(duplicate=self.document.selected_model))
        self.rename_model_action = self._action(
            self.tr("Rename model…"), self.tr("Rename the current model."),
            lambda: self.rename_model(self.document.selected_model))
        self.remove_model_action = self._action(
            self.tr("Remove model"), self.tr("Remove the current model (the last one stays)."),
            lambda: self.document.remove_model(self.document.selected_model))
        self.menu = self._menu(self.new_model_action, self.duplicate_model_action,
                               self.rename_model_action, self.remove_model_action)
        self.menu.setTitle(self.tr("&Models"))

    def _action(self, text, tip, slot):
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _menu(self, *actions):
        menu = QMenu(self)
        menu.addActions(list(actions))
        return menu

    # --- following the document ----------------------------------------------------------
    def show_analysis(self, analysis, selection):
        names = analysis.comparison.names
        with QSignalBlocker(self.bar):  # the tabs follow the document: nothing to select
            if names != self._names:
                self._show_names(names)
            self.bar.setCurrentIndex(selection.model)
        self.remove_model_action.setEnabled(len(names) > 1)
        self._update_visibility()

    def _show_names(self, names):
        self._names = names
        while self.bar.count() < len(names):
            self.bar.addTab("")
        while self.bar.count() > len(names):
            self.bar.removeTab(self.bar.count() - 1)
        for k, name in enumerate(names):
            self.bar.setTabText(k, in_menu(short(name)))
            self.bar.setTabToolTip(k, tooltip(name + "\n" + self.tr(
                "Double-click to rename, drag to reorder")))
            self.bar.setTabIcon(k, model_icon(k))
            close = self.bar.close_button(k)
            close.setToolTip(self.tr("Remove this model"))
            close.setAccessibleName(self.tr("Remove model"))

    def _update_visibility(self):
        # One model: nothing to choose between; the tabs show while the only one is renamed.
        self.setVisible(len(self._names) > 1 or self._renaming)

    # --- the user ------------------------------------------------------------------------
    def _tab_chosen(self, k):
        if not self.bar.dragging and k >= 0:
            self.document.select_model(k)

    def _context_menu(self, position):
        k = self.bar.tabAt(position)
        if k >= 0:
            self.document.select_model(k)
            self.menu.exec(self.bar.mapToGlobal(position))

    def rename_model(self, k):
        """Open the inline editor over model k's tab."""
        if not 0 <= k < len(self._names):
            return
        self._renaming = True  # shown first: the editor goes over the tab
        self._update_visibility()
        old = self._names[k]
        self.name_editor = NameEditor(self.bar, self.bar.tabRect(k), old)
        self.name_editor.committed.connect(lambda name: self._rename(k, old, name))
        self.name_editor.destroyed.connect(self._editor_closed)

    def _rename(self, k, old, name):
        name = name.strip()
        if name and name != old:
            self.document.rename_model(k, name)

    def _editor_closed(self):
        self.name_editor, self._renaming = None, False
        self._update_visibility()

