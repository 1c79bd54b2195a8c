"""Logit Lab's engine: softmax, sigmoid, cross-entropy and information measures in float64 numpy.

No Qt here: the engine is usable from a script or notebook, and it is what ``main.py --compute``
runs. Everything a user may import is re-exported below.
"""

from .activations import log_sigmoid, log_softmax, sigmoid, softmax
from .information import entropy, kl_divergence
from .losses import binary_cross_entropy_with_logits, cross_entropy, log_loss

__all__ = [
    "softmax", "log_softmax", "sigmoid", "log_sigmoid",
    "cross_entropy", "binary_cross_entropy_with_logits", "log_loss",
    "entropy", "kl_divergence",
]

from .analysis import Analysis, analyze, analyze_models  # noqa: E402
from .comparison import Comparison  # noqa: E402
from .scenario import (Model, MultipleModelsError, Options, Scenario, ScenarioError,  # noqa: E402
                       from_json, to_json)

__all__ += ["Analysis", "analyze", "analyze_models", "Comparison", "Model", "MultipleModelsError",
            "Options", "Scenario", "ScenarioError", "from_json", "to_json"]
# Importing these also makes engine.edits and engine.training available as attributes.
from .edits import ModeSwitch, switch_mode  # noqa: E402
from .training import Pair, Trajectory, train, train_pair  # noqa: E402

__all__ += ["ModeSwitch", "switch_mode", "Pair", "Trajectory", "train", "train_pair"]

from .conventions import CONVENTIONS, ConventionResult, batch_loss, compare, hardmax  # noqa: E402

__all__ += ["CONVENTIONS", "ConventionResult", "batch_loss", "compare", "hardmax"]

# Importing these also makes engine.lessons, engine.lesson_text and engine.quantities available.
from .lessons import Lesson, LessonError, read_lesson  # noqa: E402

__all__ += ["Lesson", "LessonError", "read_lesson"]
