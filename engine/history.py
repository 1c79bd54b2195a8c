"""What an edit changed, for undo: ``diff(before, after)`` is a Patch with ``patch.apply(before)``
equal to ``after`` and ``patch.revert(after)`` equal to ``before``, bit for bit.

A Patch keeps only what differs: the changed cells of a table that kept its shape (their flat
positions and their old and new values), the renamed entries of a list of names, and any other
field that changed as its old and new value (a table whose shape changed is kept whole). One cell
edit of a 64 x 1000 table is then a few hundred bytes, not two copies of its 512 KB. The models
are patched model by model (a name, the cells of a table) while each keeps its place; models
added, removed or moved are kept whole.
"""

import dataclasses
import sys

import numpy as np

from .analysis import bits, same_value
from .scenario import Model, Scenario

FIELDS = tuple(field.name for field in dataclasses.fields(Scenario))


class Patch:
    """The difference between two scenarios (see diff). ``nbytes``: the memory it holds,
    counting whole tables it keeps in full even where a scenario shares them."""

    __slots__ = ("changes", "nbytes")

    def __init__(self, changes):
        self.changes = changes  # field name -> _Whole or _Entries
        self.nbytes = (sys.getsizeof(self) + sys.getsizeof(changes)
                       + sum(change.nbytes for change in changes.values()))

    def __bool__(self):
        return bool(self.changes)

    def apply(self, scenario):
        """The scenario after the edit, given the one before it."""
        return self._moved(scenario, forward=True)

    def revert(self, scenario):
        """The scenario before the edit, given the one after it."""
        return self._moved(scenario, forward=False)

    def _moved(self, scenario, forward):
        if not self.changes:
            return scenario
        # Fields the patch leaves alone are carried over as they are (the very same arrays and
        # name tuples): the new scenario need not copy or check them, and analyze(previous=...)
        # sees at once that only some rows changed.
        return scenario.replace(**{name: change.moved(getattr(scenario, name), forward)
                                   for name, change in self.changes.items()})


def diff(before, after):
    """The Patch that turns scenario ``before`` into ``after``."""
    changes = {}
    for name in FIELDS:
        change = _change(getattr(before, name), getattr(after, name))
        if change is not None:
            changes[name] = change
    return Patch(changes)


def merged(first, second, middle):
    """One Patch for ``first`` followed by ``second``, where ``middle`` is the scenario between
    them: the edits of a dragged slider or of one cell, kept as one step."""
    changes = {**first.changes, **second.changes}
    for name in first.changes.keys() & second.changes.keys():
        change = _then(first.changes[name], second.changes[name], getattr(middle, name))
        if change is None:
            del changes[name]
        else:
            changes[name] = change
    return Patch(changes)


class _Whole:
    """A field replaced as a whole: its old and its new value."""

    __slots__ = ("old", "new", "nbytes")

    def __init__(self, old, new, held=0):
        self.old, self.new = old, new
        # The containers only: the names in a name list are mostly shared with the scenarios;
        # plus ``held``, what the values hold that getsizeof does not see (models' tables).
        self.nbytes = sys.getsizeof(self) + sys.getsizeof(old) + sys.getsizeof(new) + held

    def moved(self, value, forward):
        return self.new if forward else self.old


class _Entries:
    """Some entries of a table or of a list of names changed; its shape stayed. ``where`` are
    their flat (row-major) positions, ``old`` and ``new`` their values."""

    __slots__ = ("where", "old", "new", "nbytes")

    def __init__(self, where, old, new):
        self.where, self.old, self.new = where, old, new
        self.nbytes = sys.getsizeof(self) + sum(map(_size, (where, old, new)))

    def moved(self, value, forward):
        values = self.new if forward else self.old
        if isinstance(value, np.ndarray):
            array = np.array(value)  # a writable copy; the scenario's own array stays as it is
            np.put(array, self.where, values)
            array.flags.writeable = False  # handed over as it is: the scenario need not copy it
            return array
        names = list(value)
        for n, name in zip(self.where, values):
            names[n] = name
        return tuple(names)


class _Models:
    """The models kept their places: ``changes[k]`` is None, or the (name, rows) changes of
    model k, each None or a change as _change makes it."""

    __slots__ = ("changes", "nbytes")

    def __init__(self, changes):
        self.changes = changes
        self.nbytes = sys.getsizeof(self) + sys.getsizeof(changes) + sum(
            part.nbytes for change in changes if change for part in change if part)

    def moved(self, models, forward):
        # A model the patch leaves alone stays the very same object: analyze_models sees at
        # once that it need not compute it again.
        return tuple(model if change is None else Model(*(
            value if part is None else part.moved(value, forward)
            for value, part in zip((model.name, model.rows), change)))
            for model, change in zip(models, self.changes))


def _models_change(old, new):
    """How the models went from ``old`` to ``new``: model by model when each kept its place
    (its name or its very table), else as a whole."""
    if len(old) != len(new) or any(a.name != b.name and a.rows is not b.rows
                                   for a, b in zip(old, new)):
        return _Whole(old, new, sum(rows.nbytes for rows in {
            id(model.rows): model.rows for model in old + new}.values()))
    changes = tuple(None if a is b else _parts_or_none(
        None if a.name == b.name else _Whole(a.name, b.name), _change(a.rows, b.rows))
        for a, b in zip(old, new))
    return _Models(changes) if any(changes) else None


def _parts_or_none(*parts):
    return parts if any(part is not None for part in parts) else None


def _then_models(first, second, middle):
    changes = tuple(
        _parts_or_none(*(b if a is None else a if b is None else _then(a, b, value)
                         for a, b, value in zip(one or (None, None), two or (None, None),
                                                (model.name, model.rows))))
        for one, two, model in zip(first.changes, second.changes, middle))
    return _Models(changes) if any(changes) else None


def _then(first, second, middle):
    """One change for a field changed by ``first``, then by ``second``; ``middle`` is its value
    between them."""
    if isinstance(first, _Models) and isinstance(second, _Models):
        return _then_models(first, second, middle)
    if isinstance(first, _Entries) and isinstance(second, _Entries) and isinstance(
            first.old, np.ndarray):
        # Cells of a table, as a dragged cell: no need to go through copies of the table.
        where = np.union1d(first.where, second.where)
        old, new = np.empty(len(where), first.old.dtype), np.empty(len(where), first.old.dtype)
        at_first, at_second = np.searchsorted(where, first.where), np.searchsorted(where,
                                                                                  second.where)
        old[at_second], old[at_first] = second.old, first.old  # first's old values win
        new[at_first], new[at_second] = first.new, second.new  # second's new values win
        return _Entries(where, old, new)
    return _change(first.moved(middle, forward=False), second.moved(middle, forward=True))


def _change(old, new):
    """How a field went from ``old`` to ``new``: None when it is exactly the same."""
    if old is new:
        return None
    if isinstance(old, np.ndarray):
        return _array_change(old, new)
    if isinstance(old, tuple) and old and isinstance(old[0], Model):
        return _models_change(old, new)
    if isinstance(old, tuple) and isinstance(new, tuple) and len(old) == len(new):
        where = tuple(n for n, (a, b) in enumerate(zip(old, new)) if a != b)
        if not where:
            return None
        return _Entries(where, tuple(old[n] for n in where), tuple(new[n] for n in where))
    return None if same_value(old, new) else _Whole(old, new)


def _array_change(old, new):
    if old.shape != new.shape or old.dtype != new.dtype:
        return _Whole(old, new)
    where = np.flatnonzero(bits(old) != bits(new))
    if not where.size:
        return None
    if 3 * where.size >= 2 * old.size:
        return _Whole(old, new)  # three numbers a changed cell, two a cell when kept whole
    return _Entries(where, old.reshape(-1)[where], new.reshape(-1)[where])


def _size(value):
    if isinstance(value, tuple):
        return sys.getsizeof(value) + sum(map(sys.getsizeof, value))
    return sys.getsizeof(value)
