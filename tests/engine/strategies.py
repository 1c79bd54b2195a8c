"""Hypothesis strategies shared by the engine tests: logits, probabilities, targets, Scenarios."""

import string

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from engine import Model, Options, Scenario

LARGEST = float(np.finfo(np.float64).max)
MODERATE = 30.0  # logits whose losses and gradients are far from overflow and underflow

# Names may hold any character but control characters (the Scenario refuses those).
NAME_CHARACTERS = st.characters(exclude_categories=("Cc", "Cs"))


def reals(bound=LARGEST):
    """Finite floats in [-bound, bound] (the full float64 range by default)."""
    return st.floats(-bound, bound, allow_nan=False, allow_infinity=False)


def unit_floats():
    """Floats in [0, 1], with 0 and 1 themselves drawn often."""
    return st.one_of(st.sampled_from([0.0, 1.0]), st.floats(0.0, 1.0))


def float_arrays(elements, *, min_dims=1, max_dims=3, max_side=5):
    """float64 arrays of 1 to 3 dimensions, each side 1 to 5."""
    shapes = hnp.array_shapes(min_dims=min_dims, max_dims=max_dims, max_side=max_side)
    return hnp.arrays(np.float64, shapes, elements=elements)


def matrices(elements, *, max_rows=4, min_columns=2, max_columns=5):
    """float64 (N, C) tables: N samples, C classes."""
    shapes = st.tuples(st.integers(1, max_rows), st.integers(min_columns, max_columns))
    return shapes.flatmap(lambda shape: hnp.arrays(np.float64, shape, elements=elements))


def non_negative_weights(max_value=1e300):
    """Non-negative weights: zeros, tiny (even subnormal) and huge values."""
    return st.one_of(st.just(0.0), st.floats(0.0, max_value))


def positive_rows(array):
    """Give every all-zero row along the last axis a single 1, so each row has positive mass."""
    array = np.array(array, dtype=np.float64)
    empty = ~(array > 0).any(axis=-1)
    array[empty, 0] = 1.0
    return array


def weight_arrays(**shape_options):
    """Non-negative arrays (rows need not sum to 1; some are all zero)."""
    return float_arrays(non_negative_weights(), **shape_options)


def array_pairs(elements, **shape_options):
    """Two float64 arrays of one (random) shape."""
    return float_arrays(elements, **shape_options).flatmap(lambda first: st.tuples(
        st.just(first), hnp.arrays(np.float64, first.shape, elements=elements)))


def weight_array_pairs():
    """(p, q): two non-negative arrays of one shape."""
    return array_pairs(non_negative_weights())


@st.composite
def distributions(draw, n_rows, n_classes):
    """(n_rows, n_classes) rows that sum to 1 (to rounding); zeros and exact ones are common."""
    shape = (n_rows, n_classes)
    weights = positive_rows(draw(hnp.arrays(np.float64, shape, elements=unit_floats())))
    return weights / weights.sum(axis=1, keepdims=True)


@st.composite
def label_indices(draw, n_rows, n_classes, *, all_present=True):
    """n_rows class indices; with ``all_present`` every class appears at least once."""
    extra = n_rows - n_classes if all_present else n_rows
    drawn = draw(st.lists(st.integers(0, n_classes - 1), min_size=extra, max_size=extra))
    indices = (list(range(n_classes)) if all_present else []) + drawn
    return np.array(draw(st.permutations(indices)), dtype=np.intp)


def class_labels(n_classes):
    """Sorted, distinct labels of one kind: short strings or integers."""
    words = st.text(string.ascii_letters, min_size=1, max_size=4)
    kinds = st.sampled_from([words, st.integers(-1000, 1000)])
    return kinds.flatmap(
        lambda kind: st.lists(kind, min_size=n_classes, max_size=n_classes, unique=True)
    ).map(sorted)


def one_hot(indices, n_classes):
    return np.eye(n_classes)[indices]


def class_names(n_classes):
    """Distinct class names (any text, as a user may type it)."""
    return st.lists(st.text(NAME_CHARACTERS, max_size=8), min_size=n_classes, max_size=n_classes,
                    unique=True)


def per_class(n_classes, elements):
    """None, or a tuple of one value per class (class_weights, pos_weight); always None when
    ``elements`` is None."""
    if elements is None:
        return st.none()
    return st.none() | st.tuples(*[elements] * n_classes)


@st.composite
def options(draw, n_classes, *, weights=st.floats(0.0, 10.0), pos_weights=st.floats(0.0, 10.0),
            temperatures=st.floats(1e-3, 1e3)):
    """Options with every field drawn; ``weights=None``/``pos_weights=None`` leave them out."""
    return Options(
        temperature=draw(temperatures),
        label_smoothing=draw(st.sampled_from([0.0, 1.0]) | st.floats(0.0, 1.0)),
        class_weights=draw(per_class(n_classes, weights)),
        pos_weight=draw(per_class(n_classes, pos_weights)),
        reduction=draw(st.sampled_from(["mean", "sum"])),
        ignore_index=draw(st.sampled_from([-100, -1]) | st.integers(-(2**31), 2**31)),
        log_base=draw(st.sampled_from(["e", "2"])),
    )


@st.composite
def targets(draw, mode, n_rows, n_classes, ignore_index=-100):
    """Valid targets: class indices (some ignored) or soft rows (softmax), labels (sigmoid)."""
    if mode == "sigmoid":
        return draw(hnp.arrays(np.float64, (n_rows, n_classes), elements=unit_floats()))
    if draw(st.booleans()):
        return draw(distributions(n_rows, n_classes))
    index = st.integers(0, n_classes - 1) | st.just(ignore_index)
    return np.array(draw(st.lists(index, min_size=n_rows, max_size=n_rows)), dtype=np.int64)


@st.composite
def scenarios(draw, *, logit_bound=LARGEST, make_options=options,
              inputs=("logits", "probabilities"), max_rows=4, max_classes=5):
    """Valid Scenarios of every mode, input kind and option, with random names and text."""
    n_rows, n_classes = draw(st.integers(1, max_rows)), draw(st.integers(2, max_classes))
    mode, input_kind = draw(st.sampled_from(["softmax", "sigmoid"])), draw(st.sampled_from(inputs))
    chosen = draw(make_options(n_classes))
    cells = unit_floats() if input_kind == "probabilities" else reals(logit_bound)
    return Scenario(
        classes=tuple(draw(class_names(n_classes))),
        rows=draw(hnp.arrays(np.float64, (n_rows, n_classes), elements=cells)),
        targets=draw(targets(mode, n_rows, n_classes, chosen.ignore_index)),
        mode=mode, input=input_kind, options=chosen,
        samples=tuple(draw(st.lists(st.text(NAME_CHARACTERS, max_size=8), min_size=n_rows,
                                    max_size=n_rows))),
        title=draw(st.text(max_size=20)), description=draw(st.text(max_size=20)),
    )


@st.composite
def model_scenarios(draw, *, max_models=3, logit_bound=LARGEST, **scenario_options):
    """Valid Scenarios with 1 to ``max_models`` models of random rows and distinct names."""
    scenario = draw(scenarios(logit_bound=logit_bound, **scenario_options))
    count = draw(st.integers(1, max_models))
    names = draw(st.lists(st.text(NAME_CHARACTERS, min_size=1, max_size=8).filter(str.strip),
                          min_size=count, max_size=count, unique=True))
    cells = unit_floats() if scenario.input == "probabilities" else reals(logit_bound)
    tables = [scenario.rows] + [draw(hnp.arrays(np.float64, scenario.shape, elements=cells))
                                for _ in names[1:]]
    return scenario.replace(models=tuple(map(Model, names, tables)))
