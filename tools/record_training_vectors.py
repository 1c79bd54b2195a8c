"""Record whole PyTorch training runs for tests/engine/test_training.py.

Run by hand from the repository root, with any Python that has torch installed
(torch is NOT a dependency of the app or of its tests):

    /path/to/venv-with-torch/bin/python tools/record_training_vectors.py

Each case is a scenario (as in a Logit Lab file) whose logits are a float64 leaf tensor trained
by ``torch.optim.SGD([logits], lr)``: per step, the loss of ``nn.CrossEntropyLoss(weight,
ignore_index, reduction, label_smoothing)`` or ``nn.BCEWithLogitsLoss(weight, reduction,
pos_weight)`` of ``logits / temperature``, ``backward()``, ``step()``. It records the loss before
each step and after the last (in nats) and the final logits into
tests/engine/data/training_vectors.json (committed). A fixed seed and one thread reproduce the
file exactly with the same torch version.

Layout: {"torch_version", "dtype", "seed", "cases": {"softmax": [case, ...], "sigmoid": [...]}}
with case = {"name", "scenario": {...}, "lr", "steps", "expected": {"losses", "rows"}}.
"""

import json
from pathlib import Path

import torch
from torch import nn

from record_torch_vectors import dump, plain

SEED = 20240616
F64 = torch.float64
STEPS = 30
OUTPUT = Path(__file__).resolve().parent.parent / "tests" / "engine" / "data" / \
    "training_vectors.json"

# (name, (N, C), target kind, options, lr); options as a Logit Lab file writes them.
SOFTMAX_CASES = [
    ("index", (4, 3), "index", {}, 1.0),
    ("index_sum", (4, 3), "index", {"reduction": "sum"}, 0.3),
    ("soft", (5, 4), "soft", {}, 1.0),
    ("smoothing_0.1", (4, 3), "index", {"label_smoothing": 0.1}, 2.0),
    ("smoothing_0.3_soft", (3, 5), "soft", {"label_smoothing": 0.3}, 1.0),
    ("weights", (6, 3), "index", {"class_weights": "random"}, 1.0),
    ("weights_soft", (5, 3), "soft", {"class_weights": "random"}, 1.0),
    ("weights_smoothing_sum", (4, 4), "index",
     {"class_weights": "random", "label_smoothing": 0.2, "reduction": "sum"}, 0.5),
    ("temperature_0.5", (4, 3), "index", {"temperature": 0.5}, 0.25),
    ("temperature_3", (4, 3), "soft", {"temperature": 3.0}, 4.0),
    ("ignore_index", (6, 3), "index", {"ignore_index": -100, "ignore": True}, 1.0),
    ("everything", (6, 4), "index",
     {"class_weights": "random", "label_smoothing": 0.1, "temperature": 2.0,
      "ignore_index": 1, "ignore": True}, 1.5),
    ("two_class", (4, 2), "index", {}, 1.0),
]
SIGMOID_CASES = [
    ("hard", (4, 3), "hard", {}, 1.0),
    ("one_label", (4, 1), "hard", {}, 1.0),
    ("soft", (5, 2), "soft", {}, 2.0),
    ("pos_weight", (4, 3), "hard", {"pos_weight": "random"}, 1.0),
    ("weight_pos_weight", (5, 3), "hard", {"class_weights": "random", "pos_weight": "random"},
     1.0),
    ("weight_pos_weight_sum", (3, 4), "soft",
     {"class_weights": "random", "pos_weight": "random", "reduction": "sum"}, 0.2),
    ("temperature_0.5_pos_weight", (4, 2), "hard",
     {"temperature": 0.5, "pos_weight": "random"}, 0.5),
]

gen = torch.Generator().manual_seed(SEED)


def uniform(low, high, shape):
    return low + (high - low) * torch.rand(shape, generator=gen, dtype=F64)


def softmax_targets(kind, n, c, options):
    if kind == "soft":
        return torch.softmax(torch.randn((n, c), generator=gen, dtype=F64) * 2.0, dim=-1)
    target = torch.randint(0, c, (n,), generator=gen)
    if options.pop("ignore", False):
        target[::3] = options["ignore_index"]
    return target


def sigmoid_targets(kind, n, c):
    if kind == "hard":
        return torch.bernoulli(torch.full((n, c), 0.5, dtype=F64), generator=gen)
    return torch.rand((n, c), generator=gen, dtype=F64)


def filled_options(options, c):
    """The options with each "random" weight drawn, as tensors for torch."""
    options = dict(options)
    for name in ("class_weights", "pos_weight"):
        if options.get(name) == "random":
            options[name] = uniform(0.25, 3.0, (c,))
    return options


def criterion(mode, options):
    reduction = options.get("reduction", "mean")
    if mode == "softmax":
        return nn.CrossEntropyLoss(weight=options.get("class_weights"), reduction=reduction,
                                   ignore_index=options.get("ignore_index", -100),
                                   label_smoothing=options.get("label_smoothing", 0.0))
    return nn.BCEWithLogitsLoss(weight=options.get("class_weights"), reduction=reduction,
                                pos_weight=options.get("pos_weight"))


def trajectory(logits, target, loss_fn, temperature, lr):
    """Losses before each of STEPS SGD steps and after the last, and the final logits."""
    z = logits.clone().requires_grad_(True)
    optimizer = torch.optim.SGD([z], lr=lr)
    losses = []
    for _ in range(STEPS):
        optimizer.zero_grad()
        loss = loss_fn(z / temperature, target)
        losses.append(loss.item())
        loss.backward()
        optimizer.step()
    with torch.no_grad():
        losses.append(loss_fn(z / temperature, target).item())
    return {"losses": losses, "rows": z.detach()}


def case(mode, name, shape, kind, options, lr):
    n, c = shape
    options = filled_options(options, c)
    logits = torch.randn((n, c), generator=gen, dtype=F64) * 1.5
    if mode == "softmax":
        target = softmax_targets(kind, n, c, options)
    else:
        target = sigmoid_targets(kind, n, c)
    expected = trajectory(logits, target, criterion(mode, options),
                          options.get("temperature", 1.0), lr)
    scenario = {"format": "logit-lab", "version": 1, "classes": [f"c{i}" for i in range(c)],
                "mode": mode, "rows": logits, "targets": target, "options": options}
    return {"name": name, "scenario": plain(scenario), "lr": lr, "steps": STEPS,
            "expected": plain(expected)}


def record():
    cases = {"softmax": [case("softmax", *spec) for spec in SOFTMAX_CASES],
             "sigmoid": [case("sigmoid", *spec) for spec in SIGMOID_CASES]}
    return {"torch_version": torch.__version__, "dtype": "float64", "seed": SEED,
            "cases": cases}


def main():
    torch.set_num_threads(1)  # fixed reduction order
    document = record()
    text = dump(document)
    assert json.loads(text) == document, "JSON does not round-trip"
    OUTPUT.write_text(text)
    total = sum(len(cases) for cases in document["cases"].values())
    print(f"torch {torch.__version__}: wrote {total} runs of {STEPS} steps to {OUTPUT}")


if __name__ == "__main__":
    main()
