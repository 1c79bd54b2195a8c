"""The Document: the single owner of the scenario being edited, its undo stack, file path and
"modified" state. Every edit is an undo command; every change recomputes one Analysis."""

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

import engine
from engine import ScenarioError, edits
from gui.common.messages import describe


@dataclass(frozen=True)
class Selection:
    """What the user has selected, shared by every view; it travels with the Analysis in
    Document.changed, so no view asks the Document for it."""

    sample: int = 0


class ScenarioCommand(QUndoCommand):
    """Replace the document's scenario by another; undo puts the old one back.

    Consecutive edits with the same ``merge_key`` (e.g. repeated edits of one cell, or a slider
    being dragged) make one undo step: Document.edit moves this command's ``after`` on.
    """

    def __init__(self, document, before, after, text, merge_key=None):
        super().__init__(text)
        self._document = document
        self.before = before
        self.after = after
        self.merge_key = merge_key

    def redo(self):
        self._document._show(self.after)

    def undo(self):
        self._document._show(self.before)


class Document(QObject):
    """Signals
    -------
    ========================  ==================================================================
    changed(object, object)   (engine.Analysis, Selection): the one signal views listen to,
                              once per change of the scenario or of the selection
    editRefused(str)          an edit was invalid; the text says why (already translated)
    ========================  ==================================================================

    ``undo_stack.cleanChanged`` tells whether the document is saved.
    """

    changed = Signal(object, object)
    editRefused = Signal(str)

    def __init__(self, scenario, parent=None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        # Kept here, not asked of the stack each time: the stack's destructor still emits
        # cleanChanged, when asking it would touch a deleted object.
        self._modified = False
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.path = None
        self._scenario = scenario
        self._analysis = engine.analyze(scenario)
        self._selection = Selection()

    @property
    def scenario(self):
        return self._scenario

    @property
    def analysis(self):
        return self._analysis

    @property
    def selection(self):
        return self._selection

    @property
    def selected_sample(self):
        return self._selection.sample

    @property
    def modified(self):
        return self._modified

    def _clean_changed(self, clean):
        self._modified = not clean

    def select_sample(self, n):
        """Select sample n everywhere (clamped to the table)."""
        n = max(0, min(int(n), len(self._scenario.rows) - 1))
        if n != self._selection.sample:
            self._selection = Selection(sample=n)
            self.changed.emit(self._analysis, self._selection)

    def edit(self, text, change, *args, merge_key=None, refusal_to=None, **kwargs):
        """Apply ``change(scenario, *args, **kwargs)`` (an engine.edits function) as one undo
        step named ``text``. An invalid result is refused and nothing changes: the reason goes
        to ``refusal_to(text)`` when given (a control with its own message line), else to
        editRefused. Returns True when the edit was applied."""
        try:
            after = change(self._scenario, *args, **kwargs)
        except (ScenarioError, ValueError) as error:
            (refusal_to or self.editRefused.emit)(describe(error))
            return False
        if after == self._scenario:
            return True
        if not self._merged(after, merge_key):
            self.undo_stack.push(ScenarioCommand(self, self._scenario, after, text, merge_key))
        return True

    def _merged(self, after, merge_key):
        """Fold an edit into the last undo step when both have the same merge key. Returns
        False when it must be a step of its own: a different key, a redo to keep, or a saved
        state to keep."""
        # Not Qt's own merging (QUndoCommand.id/mergeWith): PySide keeps the Python side of a
        # command that push() merged and deleted, with both its scenarios, for the stack's
        # lifetime — one leaked table per merged edit (PySide6 6.11).
        stack = self.undo_stack
        top = stack.command(stack.index() - 1)
        if (merge_key is None or not isinstance(top, ScenarioCommand)
                or top.merge_key != merge_key or stack.index() != stack.count()
                or stack.index() == stack.cleanIndex()):
            return False
        top.after = after
        self._show(after)
        return True

    def set_cell(self, row, column, value):
        return self.edit(self.tr("Edit {name}").format(name=self._cell_name(row, column)),
                         edits.set_cell, row, column, value, merge_key=("cell", row, column))

    def set_options(self, text, merge_key=None, refusal_to=None, **changes):
        return self.edit(text, edits.set_options, merge_key=merge_key, refusal_to=refusal_to,
                         **changes)

    def replace(self, scenario, path=None):
        """Start over with another scenario (a file opened, an example chosen): a new, clean
        undo history."""
        self.undo_stack.clear()
        self.path = path
        self._show(scenario)
        self.undo_stack.setClean()

    def _cell_name(self, row, column):
        return f"{self._scenario.samples[row]} · {self._scenario.classes[column]}"

    def _show(self, scenario):
        # The only place the scenario changes: recompute once, then tell every view. Given the
        # analysis shown so far, a cell edit in a large table recomputes only its own row.
        self._scenario = scenario
        self._analysis = engine.analyze(scenario, previous=self._analysis)
        if self._selection.sample >= len(scenario.rows):
            self._selection = Selection(sample=len(scenario.rows) - 1)
        self.changed.emit(self._analysis, self._selection)
