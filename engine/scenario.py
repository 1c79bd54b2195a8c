"""The Scenario a user edits (classes, rows, targets, mode, options) and its versioned JSON file format."""

import dataclasses
import json
import math
import reprlib
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np

FORMAT = "logit-lab"
VERSION = 1
MODES = ("softmax", "sigmoid")
INPUTS = ("logits", "probabilities")
REDUCTIONS = ("mean", "sum")
LOG_BASES = ("e", "2")
MAX_CELLS = 2_000_000
# The largest file the app writes: MAX_CELLS values with a target row each, both per-class
# weights and default names, every number at its longest (about 252 MiB). The app refuses to save
# anything larger, so whatever it writes it reads back.
MAX_FILE_CHARS = 256 * 1024 * 1024
# A class or sample name, the title and the description are at most this long (in characters):
# a name is a label on a bar, a header, a line of arithmetic, not a document.
MAX_NAME_CHARS = 200
MAX_TITLE_CHARS = 200
MAX_DESCRIPTION_CHARS = 10_000
# A class index is stored as a 64-bit integer.
INDEX_RANGE = (-2**63, 2**63 - 1)
PROBABILITY_SUM_TOLERANCE = 1e-6


class ScenarioError(ValueError):
    """Invalid scenario data. ``code`` and ``details`` let the GUI show a translated message;
    ``str()`` is the English one, naming the row, column or field at fault."""

    def __init__(self, code, message, **details):
        super().__init__(message)
        self.code = code
        self.details = details


# The allowed ranges of the numeric options, inclusive: the file reader, the command line and
# the options panel all take them from here.
# (A temperature near 0 is how softmax becomes hardmax, so the range reaches far down.)
TEMPERATURE_RANGE = (1e-300, 1e6)
LABEL_SMOOTHING_RANGE = (0.0, 1.0)


@dataclass(frozen=True)
class Options:
    """Loss options, as PyTorch names them. ``class_weights``/``pos_weight`` are None or one
    value per class."""

    temperature: float = 1.0
    label_smoothing: float = 0.0
    class_weights: tuple = None
    pos_weight: tuple = None
    reduction: str = "mean"
    ignore_index: int = -100
    log_base: str = "e"

    def __post_init__(self):
        _check_number(self.temperature, "temperature", *TEMPERATURE_RANGE)
        _check_number(self.label_smoothing, "label_smoothing", *LABEL_SMOOTHING_RANGE)
        _check_choice(self.reduction, "reduction", REDUCTIONS)
        if _is_number(self.log_base) and self.log_base == 2:  # "log_base": 2 in a file is "2"
            object.__setattr__(self, "log_base", "2")
        _check_choice(self.log_base, "log_base", LOG_BASES)
        _check_index(self.ignore_index)
        for name in ("class_weights", "pos_weight"):
            values = getattr(self, name)
            if values is not None:
                object.__setattr__(self, name, _weights_tuple(values, name))

    @property
    def log_scale(self):
        """Divide nats by this to get the chosen unit (1 for nats, ln 2 for bits)."""
        return 1.0 if self.log_base == "e" else math.log(2.0)


@dataclass(frozen=True, eq=False)
class Scenario:
    """Everything a user edits, validated at construction.

    ``rows``: (N, C) logits or probabilities. ``targets``: class indices (N,) — where
    ``options.ignore_index`` marks a sample left out — or (N, C) target rows: a distribution in
    softmax mode (sums to 1), labels in [0, 1] in sigmoid mode (multi-hot or soft).
    Arrays are stored read-only; edits make a new Scenario (``dataclasses.replace``).
    """

    classes: tuple
    rows: np.ndarray
    targets: np.ndarray
    mode: str = "softmax"
    input: str = "logits"
    options: Options = field(default_factory=Options)
    samples: tuple = None
    title: str = ""
    description: str = ""

    def __post_init__(self):
        _check_choice(self.mode, "mode", MODES)
        _check_choice(self.input, "input", INPUTS)
        _text(self.title, "title", MAX_TITLE_CHARS)
        _text(self.description, "description", MAX_DESCRIPTION_CHARS)
        classes = _names(self.classes, "classes")
        rows = _matrix(self.rows, "rows", classes)
        if rows.size > MAX_CELLS:  # files are checked before parsing; edits are checked here
            raise ScenarioError("too_large", f"{rows.shape[0]} × {rows.shape[1]} values is more "
                                f"than the {MAX_CELLS:,} Logit Lab handles", field="rows", kind="cells",
                                rows=rows.shape[0], columns=rows.shape[1], limit=MAX_CELLS)
        if rows.shape[1] != len(classes):
            raise ScenarioError("shape", f"rows have {rows.shape[1]} columns but there are "
                                f"{len(classes)} classes", field="rows", kind="columns",
                                columns=rows.shape[1], classes=len(classes))
        samples = _sample_names(self.samples, len(rows))
        object.__setattr__(self, "classes", classes)
        object.__setattr__(self, "samples", samples)
        object.__setattr__(self, "rows", _frozen(rows))
        if self.input == "probabilities":
            self._check_probability_range()
        object.__setattr__(self, "targets", _frozen(self._checked_targets()))
        for name in ("class_weights", "pos_weight"):
            weights = getattr(self.options, name)
            if weights is not None and len(weights) != len(classes):
                raise ScenarioError("shape", f"options.{name} has {len(weights)} values but "
                                    f"there are {len(classes)} classes", field=name, kind="weights",
                                    count=len(weights), classes=len(classes))

    @property
    def target_kind(self):
        """"index" (one class per sample) or "distribution" (a target row per sample)."""
        return "index" if self.targets.ndim == 1 else "distribution"

    @property
    def shape(self):
        return self.rows.shape

    def __eq__(self, other):
        if not isinstance(other, Scenario):
            return NotImplemented
        same_arrays = all(getattr(self, name).shape == getattr(other, name).shape
                          and np.array_equal(getattr(self, name), getattr(other, name))
                          for name in ("rows", "targets"))
        return same_arrays and all(getattr(self, name) == getattr(other, name) for name in (
            "classes", "samples", "mode", "input", "options", "title", "description"))

    __hash__ = None

    def replace(self, **changes):
        """A new, validated Scenario with some fields changed."""
        return dataclasses.replace(self, **changes)

    def _check_probability_range(self):
        bad = (self.rows < 0) | (self.rows > 1)
        if bad.any():
            n, c = np.argwhere(bad)[0]
            raise ScenarioError("probability_range", f"{_cell('rows', n, c, self.classes)}: "
                                f"{float(self.rows[n, c])!r} is not a probability between 0 and 1",
                                value=repr(float(self.rows[n, c])),
                                **_cell_details("rows", n, c, self.classes))

    def _checked_targets(self):
        targets = np.asarray(self.targets)
        n_rows, n_classes = self.rows.shape
        if targets.ndim == 1 and len(targets) == n_rows and self.mode == "softmax":
            return self._checked_indices(targets, n_classes)
        if targets.shape == (n_rows, n_classes):
            return self._checked_target_rows(targets)
        expected = f"{n_rows} class indices or {n_rows} rows of {n_classes} values"
        if self.mode == "sigmoid":
            expected = f"{n_rows} rows of {n_classes} labels between 0 and 1"
        raise ScenarioError("shape", f"targets: expected {expected}, got shape {targets.shape}",
                            field="targets", kind="labels" if self.mode == "sigmoid" else "targets",
                            rows=n_rows, classes=n_classes, shape=str(targets.shape))

    def _checked_indices(self, targets, n_classes):
        for n, value in enumerate(targets.tolist()):
            is_int = isinstance(value, int) and not isinstance(value, bool)
            if not is_int or not (0 <= value < n_classes or value == self.options.ignore_index):
                raise ScenarioError("target_index", f"target of row {n + 1}: {_shown(value)} is "
                                    f"not a class index from 0 to {n_classes - 1}", row=n,
                                    value=_shown(value), last=n_classes - 1)
        return targets.astype(np.int64, copy=False)  # _frozen copies what needs it

    def _checked_target_rows(self, targets):
        targets = _matrix(targets, "targets", self.classes)
        bad = (targets < 0) | (targets > 1)
        if bad.any():
            n, c = np.argwhere(bad)[0]
            raise ScenarioError("target_range", f"{_cell('targets', n, c, self.classes)}: "
                                f"{float(targets[n, c])!r} is not between 0 and 1",
                                value=repr(float(targets[n, c])),
                                **_cell_details("targets", n, c, self.classes))
        if self.mode == "softmax":
            sums = targets.sum(axis=1)
            off = np.abs(sums - 1.0) > PROBABILITY_SUM_TOLERANCE
            if off.any():
                n = int(np.argmax(off))
                raise ScenarioError("target_sum", f"target row {n + 1} sums to {sums[n]:.6g}, "
                                    f"not 1: a softmax target is a distribution", row=n,
                                    total=float(sums[n]))
        return targets


def to_dict(scenario):
    """The scenario as the plain data of its JSON file (version 1)."""
    options = dataclasses.asdict(scenario.options)
    for name in ("class_weights", "pos_weight"):
        if options[name] is not None:
            options[name] = list(options[name])
    return {
        "format": FORMAT,
        "version": VERSION,
        "title": scenario.title,
        "description": scenario.description,
        "classes": list(scenario.classes),
        "samples": list(scenario.samples),
        "mode": scenario.mode,
        "input": scenario.input,
        "rows": scenario.rows.tolist(),
        "targets": scenario.targets.tolist(),
        "options": options,
    }


def to_json(scenario):
    """JSON text of the scenario; floats are written so they read back exactly."""
    return json.dumps(to_dict(scenario), ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def from_json(text):
    """Parse and validate scenario JSON text.

    Raises
    ------
    ScenarioError
        Not JSON, NaN/Infinity literals, too large, another format, a newer version, a missing or
        unknown field, or any invalid value; the message names the problem.
    """
    data = parse_json(text)
    try:
        return from_dict(data)
    except RecursionError:
        raise ScenarioError("too_deep", "the JSON is nested too deeply") from None
    except OverflowError:
        raise ScenarioError("not_finite", "a number is too large for a 64-bit float",
                            kind="overflow") from None


def parse_json(text, limit=MAX_FILE_CHARS):
    """The plain data of JSON text of at most ``limit`` characters, as every Logit Lab file is
    read (scenarios and lessons): NaN and Infinity refused; any problem is a ScenarioError."""
    if len(text) > limit:
        raise ScenarioError("too_large", f"the file is larger than {limit // 2**20} MB",
                            kind="file", limit=limit // 2**20)
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise ScenarioError("not_json", f"not valid JSON: {error.msg} at line {error.lineno}, "
                            f"column {error.colno}", line=error.lineno, column=error.colno,
                            reason=error.msg) from None
    except ScenarioError:
        raise
    except RecursionError:
        raise ScenarioError("too_deep", "the JSON is nested too deeply") from None
    except ValueError as error:  # e.g. Python's limit on the digits of an integer
        raise ScenarioError("invalid", f"the JSON cannot be read ({error})",
                            reason=str(error)) from None


def from_dict(data):
    """Validate the plain data of a scenario file and build the Scenario."""
    data = _migrated(data)
    unknown = set(data) - _TOP_LEVEL_KEYS
    if unknown:
        name = _shown(sorted(unknown)[0])  # any text: shortened, a lone surrogate escaped
        raise ScenarioError("unknown_field", f"unknown field {name}", field=name)
    for key in ("classes", "rows", "targets"):
        if key not in data:
            raise ScenarioError("missing_field", f"missing field '{key}'", field=key)
    _check_size(data)
    return Scenario(
        classes=data["classes"], rows=data["rows"], targets=_targets_array(data["targets"]),
        mode=data.get("mode", "softmax"), input=data.get("input", "logits"),
        options=_options(data.get("options", {})), samples=data.get("samples"),
        title=data.get("title", ""), description=data.get("description", ""),
    )


_TOP_LEVEL_KEYS = {"format", "version", "title", "description", "classes", "samples", "mode",
                   "input", "rows", "targets", "options"}


def _migrated(data):
    # Each future version adds one step here that turns version k into k + 1.
    if not isinstance(data, dict):
        raise ScenarioError("not_object", "the file must hold a JSON object", kind="file")
    if data.get("format") != FORMAT:
        raise ScenarioError("wrong_format", f"not a Logit Lab file (\"format\" must be "
                            f"\"{FORMAT}\")", field="format")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ScenarioError("bad_version", f"\"version\" must be a whole number from 1, got "
                            f"{_shown(version)}", field="version", value=_shown(version))
    if version > VERSION:
        raise ScenarioError("newer_version", f"the file was written by a newer Logit Lab (format "
                            f"version {version}); this one reads up to version {VERSION}",
                            version=version, supported=VERSION)
    return data


def _options(data):
    if not isinstance(data, dict):
        raise ScenarioError("not_object", "\"options\" must be an object", field="options",
                            kind="options")
    known = {f.name for f in dataclasses.fields(Options)}
    unknown = set(data) - known
    if unknown:
        name = _shown(sorted(unknown)[0])
        raise ScenarioError("unknown_field", f"unknown option {name}", field=name,
                            kind="option")
    return Options(**data)


def _check_size(data):
    rows = data["rows"]
    if isinstance(rows, list) and rows and isinstance(rows[0], list):
        if len(rows) * len(rows[0]) > MAX_CELLS:
            raise ScenarioError("too_large", f"{len(rows)} × {len(rows[0])} values is more than "
                                f"the {MAX_CELLS:,} Logit Lab handles", field="rows", kind="cells",
                                rows=len(rows), columns=len(rows[0]), limit=MAX_CELLS)


def _targets_array(values):
    if not isinstance(values, list):
        raise ScenarioError("shape", "\"targets\" must be a list", field="targets",
                            kind="list")
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        if all(INDEX_RANGE[0] <= v <= INDEX_RANGE[1] for v in values):
            return np.array(values, dtype=np.int64)
        return np.array(values, dtype=object)  # Scenario says which index is out of range
    if all(isinstance(v, list) for v in values) and values:
        return _matrix(values, "targets")
    raise ScenarioError("target_kind", "\"targets\" must be all class indices or all rows of "
                        "values", field="targets")


def _refuse_constant(name):
    raise ScenarioError("not_finite", f"{name} is not allowed: every value must be a finite number",
                        kind="constant", value=name)


def _matrix(values, name, columns=None):
    if isinstance(values, np.ndarray):
        array = values
    else:
        _check_rectangular(values, name)
        array = np.array(values, dtype=object)
    if array.ndim != 2 or array.shape[0] == 0 or array.shape[1] == 0:
        raise ScenarioError("shape", f"{name} must be a non-empty table of numbers "
                            f"(a list of equally long rows)", field=name, kind="table")
    if array.dtype == object:
        _check_cells_are_numbers(array, name, columns)
    array = array.astype(np.float64, copy=False)  # _frozen copies what needs it
    if not np.isfinite(array).all():
        n, c = np.argwhere(~np.isfinite(array))[0]
        raise ScenarioError("not_finite", f"{_cell(name, n, c, columns)}: "
                            f"{float(array[n, c])!r} is not a finite number",
                            value=repr(float(array[n, c])), **_cell_details(name, n, c, columns))
    return array


def _check_rectangular(values, name):
    if not isinstance(values, (list, tuple)) or not all(isinstance(r, (list, tuple)) for r in values):
        raise ScenarioError("shape", f"{name} must be a list of rows", field=name,
                            kind="rows")
    lengths = {len(r) for r in values}
    if len(lengths) > 1:
        first = len(values[0])
        n = next(i for i, r in enumerate(values) if len(r) != first)
        prefix = "" if name == "rows" else f"{name}: "
        raise ScenarioError("ragged", f"{prefix}row {n + 1} has {len(values[n])} values, row 1 "
                            f"has {first}", field=name, row=n, count=len(values[n]),
                            first=first)


def _check_cells_are_numbers(array, name, columns):
    for (n, c), value in np.ndenumerate(array):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ScenarioError("not_a_number", f"{_cell(name, n, c, columns)}: {_shown(value)} "
                                f"is not a number", value=_shown(value),
                                **_cell_details(name, n, c, columns))


def _cell(name, n, c, columns):
    """Where a cell is, as a user reads it: "row 3, column 'dog'" (1-based rows)."""
    column = f"'{columns[c]}'" if columns is not None and c < len(columns) else str(c + 1)
    prefix = "" if name == "rows" else f"{name} "
    return f"{prefix}row {n + 1}, column {column}"


def _cell_details(name, n, c, columns):
    """The details of an error at one cell: which table, 0-based row and column, class name."""
    name_known = columns is not None and c < len(columns)
    return {"kind": "cell", "table": name, "row": int(n), "column": int(c),
            "column_name": columns[c] if name_known else None}


def _frozen(array):
    """A read-only array that no one else can change: a copy, unless ``array`` is already a
    read-only array that owns its data (a field replace() carries over, or an edit's new table,
    handed over read-only). Copying 50,000 values on every edit would cost more than the maths."""
    if not (isinstance(array, np.ndarray) and array.flags.owndata
            and not array.flags.writeable):
        array = np.array(array)
        array.flags.writeable = False
    return array


class _CheckedNames(tuple):
    """Names already validated: an edit that keeps them (a cell edit on a 50,000-class
    vocabulary) does not check them again."""


def _names(values, name):
    if isinstance(values, _CheckedNames):
        return values
    if isinstance(values, str) or not isinstance(values, (list, tuple)) or not values:
        raise ScenarioError("shape", f"{name} must be a non-empty list of names", field=name,
                            kind="names")
    names = tuple(_name(v, f"{name}[{n}]") for n, v in enumerate(values))
    if len(set(names)) != len(names):
        duplicate = next(v for v in names if names.count(v) > 1)
        raise ScenarioError("duplicate_name", f"{name}: '{duplicate}' appears twice",
                            field=name, name=duplicate)
    return _CheckedNames(names)


def _sample_names(values, count):
    if values is None:
        return _CheckedNames(f"#{n + 1}" for n in range(count))
    if isinstance(values, str) or not isinstance(values, (list, tuple)) or len(values) != count:
        raise ScenarioError("shape", f"samples must be a list of {count} names", field="samples",
                            kind="sample_names", count=count)
    if isinstance(values, _CheckedNames):
        return values
    return _CheckedNames(_name(v, f"samples[{n}]") for n, v in enumerate(values))


def _name(value, field):
    """A class or sample name: text of at most MAX_NAME_CHARS characters, without control
    characters (they would break table headers, CSV rows and code snippets)."""
    text = _text(value, field, MAX_NAME_CHARS)
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise ScenarioError("control_character", f"{field}: {_shown(text)} contains a control "
                            f"character", field=field, value=_shown(text))
    return text


def _text(value, name, limit):
    """``value`` if it is text of at most ``limit`` characters that can be written as UTF-8."""
    if not isinstance(value, str):
        raise ScenarioError("not_text", f"{name}: {_shown(value)} is not text", field=name,
                            value=_shown(value))
    if len(value) > limit:
        raise ScenarioError("too_long", f"{name} is {len(value):,} characters long; at most "
                            f"{limit:,} are allowed", field=name, length=len(value), limit=limit)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # only a lone surrogate ("\ud800" in JSON) cannot be
        raise ScenarioError("lone_surrogate", f"{name}: {_shown(value)} holds half of a UTF-16 "
                            f"surrogate pair, which is not a character", field=name,
                            value=_shown(value)) from None
    return value


_SHOWN = reprlib.Repr()
_SHOWN.maxstring = _SHOWN.maxother = 60


def _shown(value):
    """A value as an error message quotes it: Python's repr (strings quoted, a lone surrogate
    or control character escaped), shortened to about 60 characters; a huge whole number as
    "1e+30"."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**15:
        mantissa, exponent = f"{Decimal(value):.2e}".split("e")
        return f"{mantissa.rstrip('0').rstrip('.')}e{exponent}"
    return _SHOWN.repr(value)


def _is_number(value):
    return isinstance(value, (int, float, np.floating, np.integer)) and not isinstance(value, bool)


def _check_index(value):
    if not isinstance(value, int) or isinstance(value, bool):
        raise ScenarioError("not_integer", f"ignore_index must be a whole number, got "
                            f"{_shown(value)}", field="ignore_index", value=_shown(value))
    low, high = INDEX_RANGE
    if not low <= value <= high:
        raise ScenarioError("out_of_range", f"ignore_index must be between {low} and {high}, "
                            f"got {_shown(value)}", field="ignore_index", kind="between",
                            value=_shown(value), low=low, high=high)


def _weights_tuple(values, name):
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__"):
        raise ScenarioError("shape", f"{name} must be a list of numbers", field=name,
                            kind="numbers")
    result = []
    for c, value in enumerate(values):
        _check_number(value, f"{name}[{c}]", low=0.0)
        result.append(float(value))
    return tuple(result)


def _check_number(value, name, low=None, high=None, low_open=False):
    if not _is_number(value):
        raise ScenarioError("not_a_number", f"{name}: {_shown(value)} is not a number",
                            field=name, kind="field", value=_shown(value))
    if not math.isfinite(value):
        raise ScenarioError("not_finite", f"{name}: {value!r} is not a finite number",
                            field=name, kind="field", value=repr(value))
    too_low = low is not None and (value <= low if low_open else value < low)
    if too_low or (high is not None and value > high):
        bounds = f"greater than {low}" if low_open else f"at least {low}"
        bounds_kind = "greater" if low_open else "at_least"
        if high is not None:
            bounds, bounds_kind = f"between {low} and {high}", "between"
        raise ScenarioError("out_of_range", f"{name} must be {bounds}, got {value!r}", field=name,
                            kind=bounds_kind, value=repr(value), low=low, high=high)


def _check_choice(value, name, choices):
    if value not in choices:  # the choices quoted as the value is: '2' is text, 2 a number
        raise ScenarioError("bad_choice", f"{name} must be one of "
                            f"{', '.join(map(repr, choices))}; got {_shown(value)}", field=name,
                            value=_shown(value), choices=tuple(choices))
