"""Record what PyTorch, Keras and scikit-learn return for Logit Lab's scenarios (issue 17).

Run by hand from the repository root, in a separate environment with the real libraries:

    python -m venv /tmp/ref && /tmp/ref/bin/pip install torch==2.13.0 keras==3.15.1 \\
        scikit-learn==1.9.1 scipy
    KERAS_BACKEND=torch /tmp/ref/bin/python tools/record_convention_vectors.py

It (re)writes tests/engine/data/convention_vectors.json, which tests/engine/test_conventions.py
compares with engine.conventions (to 1e-9). This script does not import the engine: every value
comes from the library's own call, in float64. Infinities and NaN are stored as the strings
"inf", "-inf", "nan".

For each case (each model of the presets in resources/presets and the hand-made edge cases
below) and each library it records the batch loss the call returns (nats, the scenario's reduction) and each
sample's loss (the sum of its terms), or what the library cannot express. Also the hardmax (np.max and Keras's
ops) of logit rows, and PyTorch's unbatched cross_entropy.
"""

import json
import math
import os
import sys
import warnings
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "torch")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import scipy  # noqa: E402
import scipy.special  # noqa: E402
import sklearn  # noqa: E402
import sklearn.metrics  # noqa: E402
import torch  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "tests" / "engine" / "data" / "convention_vectors.json"
PRESETS = ROOT / "resources" / "presets"
F64 = torch.float64
OPTIONS = {"temperature": 1.0, "label_smoothing": 0.0, "class_weights": None, "pos_weight": None,
           "reduction": "mean", "ignore_index": -100, "log_base": "e"}


def scenario(rows, targets, mode="softmax", input="logits", **options):
    return {"rows": rows, "targets": targets, "mode": mode, "input": input,
            "options": {**OPTIONS, **options}}


def probabilities(rows, targets, **kwargs):
    return scenario(rows, targets, input="probabilities", **kwargs)


def sigmoid(rows, targets, **kwargs):
    return scenario(rows, targets, mode="sigmoid", **kwargs)


EDGE_CASES = {
    # the example: Keras 8.4056, scikit-learn 18.3684, textbook and PyTorch ∞
    "p = 0 for the true class, then p = 0.5": probabilities([[0.0, 1.0], [0.5, 0.5]], [0, 0]),
    "p = 1 for the true class": probabilities([[1.0, 0.0, 0.0], [0.25, 0.5, 0.25]], [0, 1]),
    "rows that do not sum to 1": probabilities(
        [[0.2, 0.3, 0.1], [0.5, 0.6, 0.2], [0.3, 0.3, 0.4]], [1, 0, 2]),
    "a row of zeros": probabilities([[0.0, 0.0, 0.0], [0.2, 0.3, 0.5]], [0, 2]),
    "logit gap 60": scenario([[0.0, 60.0], [60.0, 0.0]], [0, 0]),
    "logit gap 800": scenario([[0.0, 800.0], [800.0, 0.0]], [0, 0]),
    "logit gaps at temperature 0.5": scenario([[0.0, 30.0, -400.0], [400.0, 1.0, 2.0]], [0, 2],
                                              temperature=0.5),
    "soft targets against p = 0": probabilities([[0.0, 0.4, 0.6], [0.2, 0.3, 0.5]],
                                                [[0.0, 0.5, 0.5], [0.2, 0.3, 0.5]]),
    "one-hot target rows, rows not summing to 1": probabilities(
        [[0.2, 0.2, 0.2], [0.7, 0.2, 0.3]], [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]),
    "label smoothing on logits": scenario([[2.0, 1.0, -1.0], [0.5, 0.2, 3.0]], [0, 2],
                                          label_smoothing=0.1),
    "label smoothing on probabilities with p = 0": probabilities(
        [[0.7, 0.3, 0.0], [0.1, 0.6, 0.3]], [0, 1], label_smoothing=0.2),
    "class weights, ignore_index, smoothing, temperature": scenario(
        [[1.0, 2.0, 0.5], [0.3, -1.0, 2.0], [2.5, 0.0, -0.5], [0.0, 1.0, 0.2]], [0, -100, 2, 1],
        class_weights=[1.0, 2.0, 0.5], label_smoothing=0.1, temperature=1.5),
    "class weights on probabilities": probabilities(
        [[0.2, 0.5, 0.3], [0.6, 0.3, 0.1], [0.1, 0.1, 0.8]], [1, 0, 2],
        class_weights=[1.0, 2.0, 0.5]),
    "a zero class weight against p = 0": probabilities([[0.0, 1.0], [0.3, 0.7]], [0, 1],
                                                       class_weights=[0.0, 1.0]),
    "every target class weighted 0": probabilities([[0.2, 0.8], [0.6, 0.4]], [0, 0],
                                                   class_weights=[0.0, 1.0]),
    "every sample ignored": scenario([[1.0, 2.0], [0.5, 0.1]], [-100, -100]),
    "sum reduction with p = 0": probabilities([[0.0, 1.0], [0.5, 0.5], [0.9, 0.1]], [0, 0, 0],
                                              reduction="sum"),
    "bits": scenario([[3.0, 1.0, -3.0], [0.5, 2.0, 1.0]], [0, 2], log_base="2"),
    "one class": scenario([[1.5], [-2.0]], [0, 0]),
    "sigmoid: p = 0, p = 1 and p below e^-100": sigmoid(
        [[0.0, 1.0, 0.3], [1.0, 0.0, 0.7], [1e-50, 0.5, 1.0 - 1e-12]],
        [[1.0, 0.0, 1.0], [1.0, 0.0, 0.0], [1.0, 1.0, 0.0]], input="probabilities"),
    "sigmoid: logit gaps 60 and 800": sigmoid(
        [[800.0, -800.0, 60.0], [-60.0, 0.5, 40.0]], [[0.0, 1.0, 1.0], [1.0, 0.0, 0.0]]),
    "sigmoid: one label, p = 0 and p = 1": sigmoid(
        [[0.0], [1.0], [0.3], [1.0]], [[1.0], [0.0], [1.0], [1.0]], input="probabilities"),
    "sigmoid: one label, logits": sigmoid([[2.0], [-1.0], [60.0], [-800.0]],
                                          [[1.0], [0.0], [0.0], [1.0]]),
    "sigmoid: soft labels": sigmoid([[0.2, 0.9], [0.5, 0.0]], [[0.3, 1.0], [0.5, 0.25]],
                                    input="probabilities"),
    "sigmoid: weights and pos_weight on logits": sigmoid(
        [[1.0, -2.0, 0.5], [3.0, 0.0, -1.0]], [[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]],
        class_weights=[1.0, 2.0, 0.5], pos_weight=[3.0, 1.0, 2.0]),
    "sigmoid: class weights on probabilities": sigmoid(
        [[0.9, 0.2, 0.0], [0.4, 0.6, 0.5]], [[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]],
        input="probabilities", class_weights=[1.0, 2.0, 0.5]),
    "sigmoid: sum over several labels": sigmoid([[1.0, -2.0], [0.5, 3.0]],
                                                [[1.0, 0.0], [0.0, 0.0]], reduction="sum"),
    "sigmoid: sum over one label": sigmoid([[0.0], [0.3]], [[1.0], [0.0]],
                                           input="probabilities", reduction="sum"),
    "sigmoid: temperature and bits": sigmoid([[4.0, -1.0], [-3.0, 0.5]],
                                             [[1.0, 0.0], [0.0, 1.0]], temperature=2.0,
                                             log_base="2"),
}


# --- what each library cannot express (stated independently of the engine) -------------------

def missing(case, library):
    """The key of what ``library`` cannot express for ``case``, or None."""
    o, sig = case["options"], case["mode"] == "sigmoid"
    index = not isinstance(case["targets"][0], list)
    ignored = index and o["ignore_index"] in case["targets"]
    n_classes = len(case["rows"][0])
    binary = set(np.ravel(case["targets"]).tolist()) <= {0.0, 1.0}
    keys = {
        "pytorch": [("pos_weight", sig and case["input"] == "probabilities"
                     and o["pos_weight"] is not None)],
        "keras": [("class_weights", o["class_weights"] is not None),
                  ("pos_weight", sig and o["pos_weight"] is not None),
                  ("ignore_index", ignored)],
        "sklearn": [("class_weights", o["class_weights"] is not None and (sig or not index)),
                    ("pos_weight", sig and o["pos_weight"] is not None),
                    ("ignore_index", ignored),
                    ("label_smoothing", not sig and o["label_smoothing"] > 0),
                    ("soft_targets", not index and not binary),
                    ("one_class", not sig and n_classes < 2),
                    ("zero_weights", index and o["class_weights"] is not None
                     and not any(o["class_weights"][t] for t in case["targets"]))],
    }[library]
    return next((key for key, applies in keys if applies), None)


# --- the libraries' calls ----------------------------------------------------------------------

def inputs(case):
    """The rows as the call takes them: logits divided by the temperature, or probabilities."""
    rows = np.array(case["rows"], dtype=np.float64)
    if case["input"] == "logits":
        rows = rows / case["options"]["temperature"]
    return rows


def torch_loss(case, reduction):
    o = case["options"]
    x = torch.tensor(inputs(case), dtype=F64)
    weight = None if o["class_weights"] is None else torch.tensor(o["class_weights"], dtype=F64)
    if case["mode"] == "softmax":
        index = not isinstance(case["targets"][0], list)
        target = torch.tensor(case["targets"], dtype=torch.long if index else F64)
        if case["input"] == "probabilities":
            x = torch.log(x)
            if index and not o["label_smoothing"]:
                return torch.nn.NLLLoss(weight=weight, ignore_index=o["ignore_index"],
                                        reduction=reduction)(x, target)
        return torch.nn.CrossEntropyLoss(weight=weight, ignore_index=o["ignore_index"],
                                         label_smoothing=o["label_smoothing"],
                                         reduction=reduction)(x, target)
    target = torch.tensor(case["targets"], dtype=F64)
    if case["input"] == "probabilities":
        return torch.nn.BCELoss(weight=weight, reduction=reduction)(x, target)
    pos_weight = None if o["pos_weight"] is None else torch.tensor(o["pos_weight"], dtype=F64)
    return torch.nn.BCEWithLogitsLoss(weight=weight, pos_weight=pos_weight,
                                      reduction=reduction)(x, target)


def pytorch(case):
    per_sample = torch_loss(case, "none")
    if case["mode"] == "sigmoid":
        per_sample = per_sample.sum(dim=1)
    return torch_loss(case, case["options"]["reduction"]).item(), per_sample.tolist()


def keras_(case):
    """categorical_crossentropy per sample, or binary_crossentropy per label (the ops function:
    keras.losses.binary_crossentropy averages the labels with ops.mean, which on the torch
    backend computes in float32); summed with ops.sum, which keeps float64."""
    o = case["options"]
    from_logits = case["input"] == "logits"
    x = inputs(case)
    y_true = np.array(case["targets"], dtype=np.float64)
    if case["mode"] == "softmax":
        if y_true.ndim == 1:
            y_true = keras.utils.to_categorical(case["targets"], num_classes=x.shape[1])
        per_sample = keras.losses.categorical_crossentropy(
            y_true, x, from_logits=from_logits, label_smoothing=o["label_smoothing"])
        count = len(per_sample)
    else:
        terms = keras.ops.binary_crossentropy(y_true, x, from_logits=from_logits)
        per_sample, count = keras.ops.sum(terms, axis=1), terms.numel()
    assert per_sample.dtype == torch.float64, per_sample.dtype
    total = float(keras.ops.sum(per_sample))
    batch = total / count if o["reduction"] == "mean" else total
    return batch, keras.ops.convert_to_numpy(per_sample).tolist()


def sklearn_probabilities(case):
    x = inputs(case)
    if case["input"] == "probabilities":
        return x
    if case["mode"] == "softmax":
        return scipy.special.softmax(x, axis=1)
    return scipy.special.expit(x)


def log_loss(y_true, y_proba, **kwargs):
    return sklearn.metrics.log_loss(y_true, y_proba, **kwargs)


def sklearn_(case):
    o = case["options"]
    p = sklearn_probabilities(case)
    normalize = o["reduction"] == "mean"
    if case["mode"] == "softmax":
        target = np.array(case["targets"])
        labels = {"labels": range(p.shape[1])} if target.ndim == 1 else {}
        weights = None
        if o["class_weights"] is not None:
            weights = np.array(o["class_weights"])[target]
        batch = log_loss(target, p, normalize=normalize, sample_weight=weights, **labels)
        # one sample's log_loss (it refuses a single weight of 0: weigh it afterwards)
        per_sample = [log_loss(target[n:n + 1], p[n:n + 1], normalize=False, **labels)
                      for n in range(len(p))]
        return batch, per_sample if weights is None else (per_sample * weights).tolist()
    target = np.array(case["targets"])
    columns = [log_loss(target[:, c], p[:, c], labels=[0, 1], normalize=normalize)
               for c in range(p.shape[1])]
    batch = float(np.mean(columns)) if normalize else float(sum(columns))
    per_sample = [sum(log_loss(target[n:n + 1, c], p[n:n + 1, c], labels=[0, 1],
                               normalize=False) for c in range(p.shape[1]))
                  for n in range(len(p))]
    return batch, per_sample


LIBRARIES = {"pytorch": pytorch, "keras": keras_, "sklearn": sklearn_}


def record(case):
    results = {}
    for library, compute in LIBRARIES.items():
        key = missing(case, library)
        if key is not None:
            results[library] = {"not_expressible": key}
            continue
        with warnings.catch_warnings():
            # scikit-learn warns about rows that do not sum to 1, Keras about a single class
            warnings.simplefilter("ignore")
            batch, per_sample = compute(case)
        results[library] = {"loss": batch, "sample_loss": per_sample}
    return results


def hardmax(rows):
    """np.max, and Keras's ops (the tf.reduce_max / tf.one_hot(tf.argmax) of Keras 3)."""
    rows = np.array(rows, dtype=np.float64)
    one_hot = keras.ops.one_hot(keras.ops.argmax(rows, axis=-1), rows.shape[-1])
    keras_max = keras.ops.convert_to_numpy(keras.ops.max(rows, axis=-1))
    assert np.array_equal(keras_max, np.max(rows, axis=-1))
    return {"max": np.max(rows, axis=-1).tolist(),
            "one_hot": keras.ops.convert_to_numpy(one_hot).tolist()}


def unbatched_cross_entropy():
    """PyTorch's unbatched form: (C,) logits with a 0-d class index or (C,) probabilities."""
    cases = []
    logits = [1.0, 2.0, 3.0, -0.5]
    for target in (2, 0, [0.1, 0.2, 0.3, 0.4]):
        for kwargs in ({}, {"label_smoothing": 0.2},
                       {"weight": [1.0, 0.5, 2.0, 1.5], "label_smoothing": 0.1}):
            for reduction in ("mean", "sum", "none"):
                torch_kwargs = {k: torch.tensor(v, dtype=F64) if k == "weight" else v
                                for k, v in kwargs.items()}
                t = torch.tensor(target, dtype=torch.long if isinstance(target, int) else F64)
                value = torch.nn.functional.cross_entropy(
                    torch.tensor(logits, dtype=F64), t, reduction=reduction, **torch_kwargs)
                assert value.shape == ()
                cases.append({"logits": logits, "target": target,
                              "kwargs": {**kwargs, "reduction": reduction},
                              "expected": value.item()})
    return cases


def plain(value):
    """JSON-ready values; non-finite floats as strings."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return value


def main():
    assert keras.backend.backend() == "torch", "run with KERAS_BACKEND=torch"
    cases = []
    for path in sorted(PRESETS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if "models" not in data:  # a version-1 file: one table
            case = scenario(data["rows"], data["targets"], data.get("mode", "softmax"),
                            data.get("input", "logits"), **data.get("options", {}))
            cases.append({"name": path.stem, "preset": path.name, **record_all(case)})
            continue
        for model in data["models"]:  # each model's table, as a case of its own
            case = scenario(model["rows"], data["targets"], data.get("mode", "softmax"),
                            data.get("input", "logits"), **data.get("options", {}))
            cases.append({"name": f"{path.stem} · {model['name']}", "scenario": case,
                          **record_all(case)})
    for name, case in EDGE_CASES.items():
        cases.append({"name": name, "scenario": case, **record_all(case)})
    output = {
        "versions": {"torch": torch.__version__, "keras": keras.__version__,
                     "keras_backend": keras.backend.backend(), "sklearn": sklearn.__version__,
                     "scipy": scipy.__version__, "numpy": np.__version__,
                     "python": sys.version.split()[0]},
        "cases": cases,
        "unbatched_cross_entropy": unbatched_cross_entropy(),
    }
    OUTPUT.write_text(json.dumps(plain(output), indent=1, allow_nan=False) + "\n",
                      encoding="utf-8")
    print(f"wrote {len(cases)} cases to {OUTPUT.relative_to(ROOT)}")


def record_all(case):
    recorded = {"conventions": record(case)}
    if case["input"] == "logits":
        recorded["hardmax"] = hardmax(case["rows"])
    return recorded


if __name__ == "__main__":
    main()
