"""Record PyTorch reference vectors for the engine parity test.

Run by hand from the repository root, with any Python that has torch installed
(torch is NOT a dependency of the app or of its tests):

    /path/to/venv-with-torch/bin/python tools/record_torch_vectors.py

It (re)writes tests/engine/data/torch_vectors.json, which is committed and read
by tests/engine/test_torch_parity.py.  Everything is computed with float64
tensors from a fixed seed, so re-running with the same torch version reproduces
the file exactly.  Floats are written with repr() and therefore round-trip
exactly; infinities are stored as the strings "inf" / "-inf" (NaN as "nan").

Layout: {"torch_version", "dtype", "seed", "cases": {group: [case, ...]}} where
each case is {"name", "inputs": {...}, "kwargs": {...}, "expected": ...}.
"inputs" are positional arguments of the engine function, "kwargs" its keyword
arguments (gradient groups have no "reduction": they are d(sum loss)/d(logits)).
"""

import json
import math
from pathlib import Path

import torch
import torch.nn.functional as F

SEED = 20240601
F64 = torch.float64
OUTPUT = Path(__file__).resolve().parent.parent / "tests" / "engine" / "data" / "torch_vectors.json"

SHAPES = [(1, 2), (4, 3), (7, 5), (16, 10)]
GRAD_SHAPES = [(4, 3), (7, 5), (16, 10)]
REDUCTIONS = ["mean", "sum", "none"]
TEMPERATURES = [0.05, 0.5, 1.0, 3.0, 20.0]

# (label, use_weight, extra kwargs, value written into some targets to be ignored)
INDEX_CONFIGS = [
    ("plain", False, {}, None),
    ("ls0", False, {"label_smoothing": 0.0}, None),
    ("ls0.1", False, {"label_smoothing": 0.1}, None),
    ("ls0.35", False, {"label_smoothing": 0.35}, None),
    ("weight", True, {}, None),
    ("weight_ls0.35", True, {"label_smoothing": 0.35}, None),
    ("ignore_default", False, {}, -100),
    ("weight_ignore_default", True, {}, -100),
    ("ignore_2", False, {"ignore_index": 2}, 2),
    ("weight_ls0.1_ignore_1", True, {"label_smoothing": 0.1, "ignore_index": 1}, 1),
]
PROB_CONFIGS = [
    ("plain", False, {}),
    ("ls0.1", False, {"label_smoothing": 0.1}),
    ("ls0.35", False, {"label_smoothing": 0.35}),
    ("weight", True, {}),
    ("weight_ls0.1", True, {"label_smoothing": 0.1}),
]
# (label, weight kind: None | "c" (shape (C,)) | "nc" (shape (N, C)), use_pos_weight)
BCE_CONFIGS = [
    ("plain", None, False),
    ("weight_c", "c", False),
    ("weight_nc", "nc", False),
    ("pos_weight", None, True),
    ("weight_c_pos_weight", "c", True),
    ("weight_nc_pos_weight", "nc", True),
]
EXTREME_INDEX = {
    "large_1e3": (
        [[1e3, -1e3, 0.0], [0.0, 1e3, -1e3], [-1e3, 0.5, 1e3], [1e3, 1e3, -1e3]],
        [0, 0, 2, 1],
    ),
    "huge_1e300": (
        [[1e300, 1.0, -1e300], [-1e300, 0.5, 2.0], [3.0, -1e300, 1e300], [-2.5, 1e300, 0.25]],
        [1, 2, 2, 1],
    ),
    "all_equal": ([[0.7] * 5] * 3, [0, 3, 4]),
    "all_zero": ([[0.0] * 4] * 2, [1, 2]),
}
EXTREME_BCE_LOGITS = [[1e300, -1e300, 0.0], [-1e300, 0.0, 1e300], [1e300, 1e300, -1e300]]
EXTREME_BCE_TARGETS = {
    "hard": [[1.0, 0.0, 1.0], [1.0, 1.0, 0.0], [0.0, 1.0, 0.0]],
    "soft": [[0.3, 0.9, 0.5], [0.0, 1.0, 0.25], [0.75, 0.5, 0.1]],
}
SIGMOID_SPECIAL = [1e308, -1e308, 710.0, -710.0, 40.0, -40.0, 0.0, 1e-300, 0.5, -3.25, 12.0]

gen = torch.Generator().manual_seed(SEED)


def tensor(values):
    return torch.tensor(values, dtype=F64)


def randn(shape, scale=1.0):
    return torch.randn(shape, generator=gen, dtype=F64) * scale


def uniform(low, high, shape):
    return low + (high - low) * torch.rand(shape, generator=gen, dtype=F64)


def randint(high, n):
    return torch.randint(0, high, (n,), generator=gen)


def plain(value):
    """Tensors/containers -> JSON-ready Python values; non-finite floats -> strings."""
    if isinstance(value, torch.Tensor):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return value


def case(name, inputs, kwargs, expected):
    return {"name": name, "inputs": plain(inputs), "kwargs": plain(kwargs),
            "expected": plain(expected)}


def reduced_cases(prefix, fn, inputs, kwargs):
    """One case per reduction, all on the same inputs."""
    return [
        case(f"{prefix}_{r}", inputs, {**kwargs, "reduction": r},
             fn(*inputs.values(), **kwargs, reduction=r))
        for r in REDUCTIONS
    ]


def grad_case(name, loss_fn, inputs, kwargs):
    """d(sum-reduced loss)/d(logits) via autograd."""
    logits = inputs["logits"].clone().requires_grad_(True)
    loss_fn(logits, inputs["target"], **kwargs, reduction="sum").backward()
    return case(name, inputs, kwargs, logits.grad)


def index_inputs(n, c, ignore):
    target = randint(c, n)
    if ignore is not None:
        target[::3] = ignore  # rows 0, 3, 6, ... are ignored; N >= 3 keeps the rest
    return {"logits": randn((n, c), 1.5), "target": target}


def index_kwargs(c, use_weight, extra):
    return {**extra, "weight": uniform(0.25, 2.0, (c,))} if use_weight else dict(extra)


def index_configs(shapes):
    """(label, n, c, inputs, kwargs) for every applicable shape/config pair."""
    for n, c in shapes:
        for label, use_weight, extra, ignore in INDEX_CONFIGS:
            if ignore is not None and (n < 3 or ignore >= c):
                continue  # would ignore every row, or the ignore class does not exist
            yield label, n, c, index_inputs(n, c, ignore), index_kwargs(c, use_weight, extra)


def extreme_index_kwargs(c):
    return [("", {}), ("_ls0.1", {"label_smoothing": 0.1}),
            ("_weight_ls0.35", {"weight": uniform(0.25, 2.0, (c,)), "label_smoothing": 0.35})]


def cross_entropy_index_cases():
    cases = []
    for label, n, c, inputs, kwargs in index_configs(SHAPES):
        cases += reduced_cases(f"{label}_{n}x{c}", F.cross_entropy, inputs, kwargs)
    for label, (logits, target) in EXTREME_INDEX.items():
        inputs = {"logits": tensor(logits), "target": torch.tensor(target)}
        for suffix, kwargs in extreme_index_kwargs(inputs["logits"].shape[1]):
            cases += reduced_cases(label + suffix, F.cross_entropy, inputs, kwargs)
    return cases


def prob_targets(kind, n, c):
    if kind == "onehot":
        return F.one_hot(randint(c, n), c).to(F64)
    return torch.softmax(randn((n, c), 2.0), dim=-1)


def cross_entropy_prob_cases():
    cases = []
    for n, c in SHAPES:
        for kind in ("soft", "onehot"):
            for label, use_weight, extra in PROB_CONFIGS:
                inputs = {"logits": randn((n, c), 1.5), "target": prob_targets(kind, n, c)}
                kwargs = index_kwargs(c, use_weight, extra)
                cases += reduced_cases(f"{kind}_{label}_{n}x{c}", F.cross_entropy, inputs, kwargs)
    logits = tensor(EXTREME_INDEX["huge_1e300"][0])
    for kind in ("soft", "onehot"):
        inputs = {"logits": logits, "target": prob_targets(kind, *logits.shape)}
        for suffix, kwargs in extreme_index_kwargs(logits.shape[1]):
            cases += reduced_cases(f"huge_1e300_{kind}{suffix}", F.cross_entropy, inputs, kwargs)
    return cases


def bce_targets(kind, n, c):
    if kind == "hard":
        return torch.bernoulli(torch.full((n, c), 0.5, dtype=F64), generator=gen)
    return torch.rand((n, c), generator=gen, dtype=F64)


def bce_kwargs(n, c, weight_kind, use_pos_weight):
    kwargs = {}
    if weight_kind is not None:
        kwargs["weight"] = uniform(0.25, 2.0, (c,) if weight_kind == "c" else (n, c))
    if use_pos_weight:
        kwargs["pos_weight"] = uniform(0.5, 3.0, (c,))
    return kwargs


def bce_configs(shapes, configs):
    """(label, n, c, inputs, kwargs); logits stay in [-4, 4], where torch's own
    formula (1 - t) * x - log_sigmoid(x) is accurate to well below 1e-12."""
    for n, c in shapes:
        for kind in ("hard", "soft"):
            for label, weight_kind, use_pos_weight in configs:
                inputs = {"logits": uniform(-4.0, 4.0, (n, c)), "target": bce_targets(kind, n, c)}
                yield f"{kind}_{label}", n, c, inputs, bce_kwargs(n, c, weight_kind, use_pos_weight)


def extreme_bce():
    logits = tensor(EXTREME_BCE_LOGITS)
    n, c = logits.shape
    for kind, target in EXTREME_BCE_TARGETS.items():
        for label, weight_kind, use_pos_weight in (BCE_CONFIGS[0], BCE_CONFIGS[3], BCE_CONFIGS[4]):
            inputs = {"logits": logits, "target": tensor(target)}
            kwargs = bce_kwargs(n, c, weight_kind, use_pos_weight)
            yield f"huge_1e300_{kind}_{label}", inputs, kwargs


def bce_cases():
    bce = F.binary_cross_entropy_with_logits
    cases = []
    for label, n, c, inputs, kwargs in bce_configs(SHAPES, BCE_CONFIGS):
        cases += reduced_cases(f"{label}_{n}x{c}", bce, inputs, kwargs)
    for name, inputs, kwargs in extreme_bce():
        cases += reduced_cases(name, bce, inputs, kwargs)
    return cases


def softmax_arrays():
    return {
        "vec3": tensor([1.0, 2.0, 3.0]),
        "rand_4x5": randn((4, 5), 2.0),
        "rand_2x3x4": randn((2, 3, 4), 3.0),
        "offset_1000": tensor([[1000.0, 1001.0, 999.0, 1000.5]]),
        "all_equal": tensor([[0.3] * 4, [-2.0] * 4]),
    }


def softmax_cases(fn):
    """fn(logits / T) along the last axis; T is stored as the temperature kwarg."""
    cases = []
    for label, logits in softmax_arrays().items():
        for t in TEMPERATURES:
            expected = fn(logits / t, dim=-1)
            cases.append(case(f"{label}_T{t}", {"logits": logits}, {"temperature": t}, expected))
    extreme = tensor([[1e308, 0.0, -1e308], [-1e308, -1e308, 1e308]])
    expected = fn(extreme, dim=-1)
    cases.append(case("range_1e308_T1.0", {"logits": extreme}, {"temperature": 1.0}, expected))
    return cases


def sigmoid_cases(fn):
    arrays = {"special_values": tensor(SIGMOID_SPECIAL), "rand_3x4": randn((3, 4), 4.0)}
    return [case(label, {"x": x}, {}, fn(x)) for label, x in arrays.items()]


def cross_entropy_grad_cases():
    cases = [grad_case(f"{label}_{n}x{c}", F.cross_entropy, inputs, kwargs)
             for label, n, c, inputs, kwargs in index_configs(GRAD_SHAPES)]
    for label in ("large_1e3", "huge_1e300"):
        logits, target = EXTREME_INDEX[label]
        inputs = {"logits": tensor(logits), "target": torch.tensor(target)}
        for suffix, kwargs in extreme_index_kwargs(inputs["logits"].shape[1]):
            cases.append(grad_case(label + suffix, F.cross_entropy, inputs, kwargs))
    return cases


def bce_grad_cases():
    bce = F.binary_cross_entropy_with_logits
    wanted = ("plain", "pos_weight", "weight_c_pos_weight", "weight_nc_pos_weight")
    configs = [cfg for cfg in BCE_CONFIGS if cfg[0] in wanted]
    cases = [grad_case(f"{label}_{n}x{c}", bce, inputs, kwargs)
             for label, n, c, inputs, kwargs in bce_configs(GRAD_SHAPES, configs)]
    return cases + [grad_case(name, bce, inputs, kwargs) for name, inputs, kwargs in extreme_bce()]


def record():
    groups = {
        "cross_entropy_index": cross_entropy_index_cases(),
        "cross_entropy_probs": cross_entropy_prob_cases(),
        "bce_with_logits": bce_cases(),
        "softmax": softmax_cases(torch.softmax),
        "log_softmax": softmax_cases(torch.log_softmax),
        "sigmoid": sigmoid_cases(torch.sigmoid),
        "log_sigmoid": sigmoid_cases(F.logsigmoid),
        "cross_entropy_grad": cross_entropy_grad_cases(),
        "bce_with_logits_grad": bce_grad_cases(),
    }
    for group, cases in groups.items():
        names = [c["name"] for c in cases]
        assert len(names) == len(set(names)), f"duplicate case names in {group}"
    return {"torch_version": torch.__version__, "dtype": "float64", "seed": SEED, "cases": groups}


def dump(document):
    """JSON text with one case per line (readable diffs); floats via repr."""
    header = [f"  {json.dumps(k)}: {json.dumps(v)}," for k, v in document.items() if k != "cases"]
    groups = []
    for group, cases in document["cases"].items():
        body = ",\n".join("      " + json.dumps(c, allow_nan=False) for c in cases)
        groups.append(f"    {json.dumps(group)}: [\n{body}\n    ]")
    return "{\n" + "\n".join(header) + '\n  "cases": {\n' + ",\n".join(groups) + "\n  }\n}\n"


def main():
    torch.set_num_threads(1)  # fixed reduction order
    document = record()
    text = dump(document)
    assert json.loads(text) == document, "JSON does not round-trip"
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text)
    total = sum(len(cases) for cases in document["cases"].values())
    print(f"torch {torch.__version__}: wrote {total} cases to {OUTPUT}")


if __name__ == "__main__":
    main()
