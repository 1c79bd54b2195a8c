"""The Scenario a user edits (classes, rows, targets, mode, options) and its versioned JSON file format."""

import dataclasses
import json
import math
import reprlib
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace

import numpy as np

FORMAT = "logit-lab"
# Version 2 holds several models ("models": [{"name", "rows"}]) where version 1 held "rows".
VERSION = 2
# The one model of a version-1 file, or of a scenario built from ``rows``, has this name; a
# scenario whose only model has it is written as version 1, which older builds read.
DEFAULT_MODEL_NAME = "Model 1"
MODES = ("softmax", "sigmoid")
INPUTS = ("logits", "probabilities")
REDUCTIONS = ("mean", "sum")
LOG_BASES = ("e", "2")
MAX_CELLS = 2_000_000  # over every model's rows
# A scenario compares at most this many models (a name of up to 200 characters each: they keep a
# file of MAX_CELLS values within MAX_FILE_CHARS).
MAX_MODELS = 100
# The largest file the app writes: MAX_CELLS values with a target row each, both per-class
# weights and default names, every number at its longest (about 252 MiB; with several models less,
# as they share the targets). The app refuses to save anything larger, so whatever it writes it
# reads back.
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
    ``str()`` is the English one, naming the row, column or field at fault (and the model, in
    a scenario with several: then ``details`` has ``model``, its index, and ``model_name``)."""

    def __init__(self, code, message, **details):
        super().__init__(message)
        self.code = code
        self.details = details


class MultipleModelsError(RuntimeError):
    """``scenario.rows`` of a scenario with several models: which model's is meant? A mistake
    in the program, not in the data (so not a ScenarioError, which the GUI shows the user)."""


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
class Model:
    """One model's predictions: its ``name`` and its (N, C) ``rows`` of logits or probabilities,
    one row per sample and one column per class. A Scenario validates its models: in a
    Scenario's ``models`` the rows are a read-only float64 array."""

    name: str
    rows: np.ndarray

    def __eq__(self, other):
        if not isinstance(other, Model):
            return NotImplemented
        return self.name == other.name and _same_array(self.rows, other.rows)

    __hash__ = None


@dataclass(frozen=True, eq=False, init=False)
class Scenario:
    """Everything a user edits, validated at construction.

    ``models``: one or more :class:`Model` with distinct, non-empty names, each with (N, C) rows
    of logits or probabilities; they share everything else. ``targets``: class indices (N,) —
    where ``options.ignore_index`` marks a sample left out — or (N, C) target rows: a
    distribution in softmax mode (sums to 1), labels in [0, 1] in sigmoid mode (multi-hot or
    soft). Arrays are stored read-only; edits make a new Scenario (``replace``).

    ``Scenario(classes, rows, targets, ...)`` is the one-model scenario (its model is named
    DEFAULT_MODEL_NAME); ``Scenario(classes, targets=..., models=[...])`` any. ``rows`` is the
    rows of the only model: with several models it raises MultipleModelsError, as does
    ``replace(rows=...)`` — take ``model_scenario(k)``, the one-model scenario of model k, which
    analyze() and every view understand.
    """

    classes: tuple
    models: tuple
    targets: np.ndarray
    mode: str = "softmax"
    input: str = "logits"
    options: Options = None
    samples: tuple = None
    title: str = ""
    description: str = ""

    def __init__(self, classes, rows=None, targets=None, mode="softmax", input="logits",
                 options=None, samples=None, title="", description="", models=None):
        values = dict(classes=classes, models=_given_models(rows, models), targets=targets,
                      mode=mode, input=input, options=Options() if options is None else options,
                      samples=samples, title=title, description=description)
        for name, value in values.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_parts", {})  # model index -> its one-model scenario
        self._validate()

    def _validate(self):
        _check_choice(self.mode, "mode", MODES)
        _check_choice(self.input, "input", INPUTS)
        _text(self.title, "title", MAX_TITLE_CHARS)
        _text(self.description, "description", MAX_DESCRIPTION_CHARS)
        classes = _names(self.classes, "classes")
        models = _checked_models(self.models, classes, self.input)
        samples = _sample_names(self.samples, len(models[0].rows))
        object.__setattr__(self, "classes", classes)
        object.__setattr__(self, "samples", samples)
        object.__setattr__(self, "models", models)
        object.__setattr__(self, "targets", _frozen(self._checked_targets()))
        for name in ("class_weights", "pos_weight"):
            weights = getattr(self.options, name)
            if weights is not None and len(weights) != len(classes):
                raise ScenarioError("shape", f"options.{name} has {len(weights)} values but "
                                    f"there are {len(classes)} classes", field=name, kind="weights",
                                    count=len(weights), classes=len(classes))

    @property
    def rows(self):
        """The (N, C) rows of the only model."""
        if len(self.models) != 1:
            raise MultipleModelsError(
                f"this scenario has {len(self.models)} models: take models[k].rows, or "
                f"model_scenario(k) for the one-model scenario of model k")
        return self.models[0].rows

    @property
    def model_names(self):
        return tuple(model.name for model in self.models)

    def model_scenario(self, k):
        """The one-model scenario of model k: the same classes, samples, targets, mode, input,
        options, title and description, and the very same arrays (nothing copied or checked
        again). A one-model scenario is its own."""
        if len(self.models) == 1 and k in (0, -1):
            return self
        k = range(len(self.models))[k]  # an IndexError for a model that is not there
        part = self._parts.get(k)
        if part is None:
            part = object.__new__(Scenario)
            for item in dataclasses.fields(Scenario):
                object.__setattr__(part, item.name, getattr(self, item.name))
            object.__setattr__(part, "models", (self.models[k],))
            object.__setattr__(part, "_parts", {})
            self._parts[k] = part
        return part

    @property
    def target_kind(self):
        """"index" (one class per sample) or "distribution" (a target row per sample)."""
        return "index" if self.targets.ndim == 1 else "distribution"

    @property
    def shape(self):
        """(samples, classes): the shape of each model's rows."""
        return (len(self.samples), len(self.classes))

    def __eq__(self, other):
        if not isinstance(other, Scenario):
            return NotImplemented
        return _same_array(self.targets, other.targets) and all(
            getattr(self, name) == getattr(other, name) for name in (
                "classes", "samples", "models", "mode", "input", "options", "title",
                "description"))

    __hash__ = None

    def replace(self, **changes):
        """A new, validated Scenario with some fields changed. ``rows=`` changes the rows of the
        only model (keeping its name)."""
        return dataclasses.replace(self, **changes)

    def _checked_targets(self):
        targets = np.asarray(self.targets)
        n_rows, n_classes = self.shape
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
        _check_unit_range(targets, "targets", self.classes, "target_range", "between 0 and 1")
        if self.mode == "softmax":
            sums = targets.sum(axis=1)
            off = np.abs(sums - 1.0) > PROBABILITY_SUM_TOLERANCE
            if off.any():
                n = int(np.argmax(off))
                raise ScenarioError("target_sum", f"target row {n + 1} sums to {sums[n]:.6g}, "
                                    f"not 1: a softmax target is a distribution", row=n,
                                    total=float(sums[n]))
        return targets


def _given_models(rows, models):
    """The models of ``Scenario(rows=...)`` or ``Scenario(models=...)``; both at once (as
    ``replace(rows=...)`` makes) change the rows of the only model."""
    if models is None:
        return (Model(DEFAULT_MODEL_NAME, rows),)
    if rows is None:
        return models
    if isinstance(models, (list, tuple)) and len(models) == 1 and isinstance(models[0], Model):
        return (Model(models[0].name, rows),)
    raise MultipleModelsError("rows= with several models: which model's rows are they? "
                              "Give models= instead")


def _checked_models(models, classes, input):
    """The models, validated, with their rows as read-only float64 arrays (a model already so
    is kept as it is). Errors name the model when there are several."""
    if isinstance(models, (str, bytes)) or not isinstance(models, (list, tuple)) or not models:
        raise ScenarioError("no_models", "\"models\" must be a list of at least one model",
                            field="models")
    if len(models) > MAX_MODELS:
        raise ScenarioError("too_large", f"{len(models)} models are more than the {MAX_MODELS} "
                            f"Logit Lab compares", field="models", kind="models",
                            models=len(models), limit=MAX_MODELS)
    if sum(_cell_count(model) for model in models) > MAX_CELLS:
        raise _too_many_cells(models)
    checked = []
    for k, model in enumerate(models):
        checked.append(_checked_model(model, k, classes, input, checked[0] if k else None,
                                      several=len(models) > 1))
    names = [model.name for model in checked]
    duplicate = next((name for name in names if names.count(name) > 1), None)
    if duplicate is not None:
        raise ScenarioError("duplicate_name", f"models: '{duplicate}' appears twice",
                            field="models", name=duplicate)
    return tuple(checked)


def _checked_model(model, k, classes, input, first, several):
    """Model k validated; ``first`` is model 0, already validated (None for model 0 itself)."""
    if not isinstance(model, Model):
        raise ScenarioError("not_a_model", f"models[{k}] is not a Model", field="models", model=k)
    name = _name(model.name, f"models[{k}].name")
    if not name.strip():
        raise ScenarioError("empty_name", f"model {k + 1} has no name: a model needs one",
                            field="models", model=k)
    try:
        rows = _checked_rows(model.rows, classes, input)
        if first is not None and len(rows) != len(first.rows):
            raise ScenarioError("shape", f"{rows.shape[0]} × {rows.shape[1]} values, but model "
                                f"'{first.name}' has {first.rows.shape[0]} × {rows.shape[1]}: "
                                f"every model has a row per sample", field="rows",
                                kind="model_rows", rows=rows.shape[0], columns=rows.shape[1],
                                first=first.name, count=first.rows.shape[0])
    except ScenarioError as error:
        if not several:
            raise
        raise ScenarioError(error.code, f"model '{name}': {error}", model=k, model_name=name,
                            **error.details) from None
    return model if rows is model.rows and name is model.name else Model(name, rows)


def _checked_rows(values, classes, input):
    rows = _frozen(_matrix(values, "rows", classes))
    if rows.shape[1] != len(classes):
        raise ScenarioError("shape", f"rows have {rows.shape[1]} columns but there are "
                            f"{len(classes)} classes", field="rows", kind="columns",
                            columns=rows.shape[1], classes=len(classes))
    if input == "probabilities":
        _check_unit_range(rows, "rows", classes, "probability_range",
                          "a probability between 0 and 1")
    return rows


def _check_unit_range(values, table, classes, code, what):
    """Refuse the first value of ``table`` outside [0, 1]: "row 2, column 'dog': 1.5 is not
    {what}"."""
    bad = (values < 0) | (values > 1)
    if bad.any():
        n, c = np.argwhere(bad)[0]
        raise ScenarioError(code, f"{_cell(table, n, c, classes)}: {float(values[n, c])!r} is "
                            f"not {what}", value=repr(float(values[n, c])),
                            **_cell_details(table, n, c, classes))


def _cell_count(model):
    """How many values a model's rows hold, counted before they are turned into an array."""
    rows = getattr(model, "rows", None)
    if isinstance(rows, np.ndarray):
        return rows.size
    if isinstance(rows, (list, tuple)) and rows and isinstance(rows[0], (list, tuple)):
        return len(rows) * len(rows[0])
    return 0


def _too_many_cells(models):
    if len(models) == 1:
        rows = models[0].rows
        shape = rows.shape if isinstance(rows, np.ndarray) else (len(rows), len(rows[0]))
        return ScenarioError("too_large", f"{shape[0]} × {shape[1]} values is more than the "
                             f"{MAX_CELLS:,} Logit Lab handles", field="rows", kind="cells",
                             rows=shape[0], columns=shape[1], limit=MAX_CELLS)
    cells = sum(map(_cell_count, models))
    return ScenarioError("too_large", f"{len(models)} models of {cells:,} values in all is more "
                         f"than the {MAX_CELLS:,} Logit Lab handles", field="models",
                         kind="model_cells", models=len(models), cells=cells, limit=MAX_CELLS)


def _same_array(a, b):
    return a.shape == b.shape and np.array_equal(a, b)


def to_dict(scenario):
    """The scenario as the plain data of its JSON file: version 1 (``"rows"``) when its one model
    has the default name, so older builds read it; else version 2 (``"models"``)."""
    options = dataclasses.asdict(scenario.options)
    for name in ("class_weights", "pos_weight"):
        if options[name] is not None:
            options[name] = list(options[name])
    if scenario.model_names == (DEFAULT_MODEL_NAME,):
        version, tables = 1, {"rows": scenario.rows.tolist()}
    else:
        version, tables = 2, {"models": [{"name": model.name, "rows": model.rows.tolist()}
                                         for model in scenario.models]}
    return {
        "format": FORMAT,
        "version": version,
        "title": scenario.title,
        "description": scenario.description,
        "classes": list(scenario.classes),
        "samples": list(scenario.samples),
        "mode": scenario.mode,
        "input": scenario.input,
        **tables,
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
    """Validate the plain data of a scenario file (any version) and build the Scenario."""
    data = _migrated(data)
    _check_size(data["models"])
    return Scenario(
        classes=data["classes"], models=_models(data["models"]),
        targets=_targets_array(data["targets"]),
        mode=data.get("mode", "softmax"), input=data.get("input", "logits"),
        options=_options(data.get("options", {})), samples=data.get("samples"),
        title=data.get("title", ""), description=data.get("description", ""),
    )


_COMMON_KEYS = {"format", "version", "title", "description", "classes", "samples", "mode",
                "input", "targets", "options"}
# Each version's fields, and those it requires.
_KEYS = {1: _COMMON_KEYS | {"rows"}, 2: _COMMON_KEYS | {"models"}}
_REQUIRED = {1: ("classes", "rows", "targets"), 2: ("classes", "models", "targets")}
_MODEL_KEYS = ("name", "rows")


def _migrated(data):
    """The data of a file of any version, checked for its version's fields, as the current
    version has them."""
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
    _check_keys(data, _KEYS[version], _REQUIRED[version])
    data_rows = data.get("rows")
    if version == 1:  # version 1 -> 2: its rows are the one model's
        data = {key: value for key, value in data.items() if key != "rows"}
        data["models"] = [{"name": DEFAULT_MODEL_NAME, "rows": data_rows}]
    return data


def _check_keys(data, known, required, where=""):
    """Refuse a field not in ``known`` or a ``required`` one missing; ``where`` says whose
    fields they are ("models[1]." for a model's)."""
    unknown = set(data) - known
    if unknown:  # any text: shortened, a lone surrogate escaped
        name = _shown(where + sorted(unknown)[0])
        raise ScenarioError("unknown_field", f"unknown field {name}", field=name)
    for key in required:
        if key not in data:
            raise ScenarioError("missing_field", f"missing field '{where}{key}'",
                                field=where + key)


def _models(values):
    """The Models of a file's "models" list (their rows are checked by Scenario)."""
    if not isinstance(values, list) or not values:
        raise ScenarioError("no_models", "\"models\" must be a list of at least one model",
                            field="models")
    models = []
    for k, value in enumerate(values):
        if not isinstance(value, dict):
            raise ScenarioError("not_object", f"models[{k}] must be an object with \"name\" and "
                                f"\"rows\"", field=f"models[{k}]", kind="model")
        _check_keys(value, set(_MODEL_KEYS), _MODEL_KEYS, where=f"models[{k}].")
        models.append(Model(value["name"], value["rows"]))
    return tuple(models)


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


def _check_size(models):
    """Refuse a file whose tables hold more than MAX_CELLS values before they are parsed."""
    if isinstance(models, list) and all(isinstance(model, dict) for model in models):
        tables = [SimpleNamespace(rows=model.get("rows")) for model in models]
        if tables and sum(map(_cell_count, tables)) > MAX_CELLS:
            raise _too_many_cells(tables)


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
