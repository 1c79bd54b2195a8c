"""Write the example scenarios in resources/presets/ (File ▸ Examples), deterministically.

Run from the repository root: ``python tools/make_presets.py``. The numbers quoted in each
description are computed here by the engine; tests/engine/test_presets.py checks them against
values written down independently, and that this script reproduces the committed files.
"""

import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import engine  # noqa: E402
from engine import Model, Options, Scenario, edits, training  # noqa: E402

PRESETS_DIR = ROOT / "resources" / "presets"

# The classic comparison (J. McCaffrey, "Why you should use cross-entropy error"): three photos,
# a pig, a dog and a cat; two models with the same accuracy and different losses.
MODEL_1 = [[0.3, 0.3, 0.4], [0.3, 0.4, 0.3], [0.1, 0.2, 0.7]]
MODEL_2 = [[0.1, 0.2, 0.7], [0.1, 0.7, 0.2], [0.3, 0.4, 0.3]]
PHOTO_TARGETS = [2, 1, 0]
TWO_MODELS = (Model("Model 1", MODEL_1), Model("Model 2", MODEL_2))


def fmt(value, decimals=4):
    return f"{value:.{decimals}f}"


def losses_of(scenario):
    """Each model's batch loss."""
    return [analysis.loss for analysis in engine.analyze_models(scenario)]


def cat_dog_pig():
    scenario = Scenario(
        classes=("cat", "dog", "pig"), input="probabilities", models=TWO_MODELS,
        targets=PHOTO_TARGETS, samples=("photo 1", "photo 2", "photo 3"),
        title="Cat, dog or pig: which model is better?")
    first, second = losses_of(scenario)
    return scenario.replace(description=(
        "Two models classify the same three photos: photo 1 is a pig, photo 2 a dog, photo 3 a "
        "cat. Both models get photos 1 and 2 right and photo 3 wrong, so accuracy cannot tell "
        f"them apart; cross-entropy can. Model 1's loss is {fmt(first)} nats, model 2's is "
        f"{fmt(second)} nats: model 2 is better. It gives the true class more probability where "
        "it is right, and is less sure where it is wrong (0.3 for the cat instead of 0.1)."))


def sklearn_log_loss():
    scenario = Scenario(
        classes=("class 0", "class 1", "class 2"), input="probabilities", models=TWO_MODELS,
        targets=PHOTO_TARGETS, samples=("sample 1", "sample 2", "sample 3"),
        title="scikit-learn log_loss: two models")
    first, second = losses_of(scenario)
    return scenario.replace(description=(
        "The same numbers as scikit-learn's sklearn.metrics.log_loss(y_true, y_pred) with "
        "y_true = [[0, 0, 1], [0, 1, 0], [1, 0, 0]] and two prediction sets: model 1's y_pred = "
        f"{MODEL_1} and model 2's y_pred = {MODEL_2}. scikit-learn returns {first!r} and "
        f"{second!r}; each model's batch loss here (the mean over its three samples) is exactly "
        "that number, and model 2 has the lower loss. The targets are written as class "
        "indices: row 1 is class 2, row 2 class 1, row 3 class 0."))


def two_models_one_truth():
    # 甲 and 乙 (jiǎ, yǐ: the first two of the Chinese "heavenly stems", used as A and B) are
    # the names the article gives the two models.
    scenario = Scenario(
        classes=("A", "B", "C"), input="probabilities", targets=[[1.0, 0.0, 0.0]],
        models=(Model("甲", [[0.5, 0.2, 0.3]]), Model("乙", [[0.7, 0.1, 0.2]])),
        samples=("example",), title="Two models, one truth")
    first, second = losses_of(scenario)
    return scenario.replace(description=(
        "The truth is (1, 0, 0). Model 甲 predicts (0.5, 0.2, 0.3): its loss is −ln 0.5 = "
        f"{fmt(first)} nats. Model 乙 predicts (0.7, 0.1, 0.2): −ln 0.7 = {fmt(second)} nats. "
        "Only the probability given to the true class counts, so 乙, the model more confident "
        "in the truth, has the lower loss. (甲 and 乙, jiǎ and yǐ, are the Chinese A and B.)"))


SPAM_LOGITS = [2.0, -1.0, 0.5, -2.5]
SPAM_LABELS = [1, 0, 1, 0]
EMAILS = ("email 1", "email 2", "email 3", "email 4")


def binary_sigmoid():
    scenario = Scenario(
        classes=("spam",), mode="sigmoid", rows=[[z] for z in SPAM_LOGITS],
        targets=[[float(y)] for y in SPAM_LABELS], samples=EMAILS,
        title="Binary: sigmoid")
    return scenario.replace(description=_binary_description(
        scenario, "One logit z per email and a sigmoid: p(spam) = σ(z). Open 'Binary: two-class "
        "softmax' for the same problem written with two classes."))


def binary_softmax():
    scenario = Scenario(
        classes=("not spam", "spam"), rows=[[0.0, z] for z in SPAM_LOGITS],
        targets=SPAM_LABELS, samples=EMAILS, title="Binary: two-class softmax")
    return scenario.replace(description=_binary_description(
        scenario, "Two logits per email, (0, z), and a softmax: p(spam) = e^z / (e^0 + e^z) = "
        "σ(z). Open 'Binary: sigmoid' for the same problem written with one sigmoid."))


def _binary_description(scenario, how):
    analysis = engine.analyze(scenario)
    return (f"Is an email spam? {how} Both ways give the same probabilities and the same losses: "
            f"email 1 (spam, z = 2) loses {fmt(analysis.sample_loss[0])} nats, and the batch "
            f"loss is {fmt(analysis.loss)} nats.")


FINDINGS = ("atelectasis", "cardiomegaly", "effusion", "pneumonia", "pneumothorax")


def chest_xray():
    scenario = Scenario(
        classes=FINDINGS, mode="sigmoid",
        rows=[[-2.0, 1.5, 2.2, -1.0, -3.0], [0.8, -1.5, 1.0, 2.5, -2.2],
              [-2.5, -3.0, -1.8, -0.5, -4.0]],
        targets=[[0.0, 1.0, 1.0, 0.0, 0.0], [1.0, 0.0, 1.0, 1.0, 0.0], [0.0] * 5],
        samples=("patient 1", "patient 2", "patient 3"), title="Multi-label chest X-ray")
    analysis = engine.analyze(scenario)
    return scenario.replace(description=(
        "Each finding is its own yes/no question: one sigmoid per class, several findings can "
        "be true at once, and the probabilities need not sum to 1. Patient 1 has cardiomegaly "
        "and effusion; patient 2 atelectasis, effusion and pneumonia; patient 3 none of them. "
        f"Patient 1's loss (summed over the five findings) is {fmt(analysis.sample_loss[0])} "
        f"nats. The batch loss, {fmt(analysis.loss)} nats, is the mean binary cross-entropy "
        "over all 15 patient–finding pairs, as PyTorch's BCEWithLogitsLoss computes it."))


# --- next-token prediction -------------------------------------------------------------------

STEMS = """
time year people way day man thing woman life child world school state family student group
country problem hand part place case week company system program question work government
number night point home water room mother area money story fact month lot right study book
eye job word business issue side kind head house service friend father power hour game line
end member law car city community name president team minute idea kid body information back
parent face others level office door health person art war history party result change
morning reason research girl guy moment air teacher force education foot boy age policy
music market sense nation plan college interest death experience effect use class control
care field development role effort rate heart drug show leader light voice wife police mind
price report decision son view relationship town road arm difference value building action
model season society tax director position player record paper space ground form event
official matter center couple site project activity star table need court oil situation cost
industry figure street image phone data picture practice piece land product doctor wall
patient worker news test movie north love support technology step baby computer type
attention film tree source organization hair window evidence population site mat floor sofa
bed chair roof rug grass fence box cat dog bird fish horse cow pig sheep mouse rabbit
sit run walk talk look take make give find tell ask feel try leave call keep let begin seem
help play move live believe hold bring happen write stand lose pay meet include continue set
learn lead understand watch follow stop create speak read allow add spend grow open win offer
remember consider appear buy wait serve die send expect build stay fall cut reach kill remain
good new first last long great little own other old big high different small large next early
young important few public bad same able free sure clear full true whole real best better
""".split()
SUFFIXES = ("", "s", "ed", "ing", "er", "est", "ly", "ful", "less", "ness", "ment", "able")
PUNCTUATION = tuple(".,;:!?'\"()-") + ("the", "a", "an", "on", "in", "of", "to", "and", "<eos>")
CONTEXT = "The cat sat on the"
# The most likely continuations, best first; the rest of the vocabulary follows Zipf's law.
LIKELY = ("floor", "mat", "sofa", "bed", "chair", "roof", "rug", "table", "grass", "fence")
TRUE_TOKEN = "mat"
TEMPERATURE = 0.7
SEED = 20240


def vocabulary():
    """A few thousand distinct, plausible-looking tokens, always in the same order."""
    words = [stem + suffix for suffix in SUFFIXES for stem in dict.fromkeys(STEMS)]
    words += [stem.capitalize() for stem in dict.fromkeys(STEMS)]
    return tuple(dict.fromkeys(list(PUNCTUATION) + words))


def next_token_logits(tokens):
    """Zipf-like logits: the k-th most likely token gets 8 − 1.1·ln k, plus a little noise."""
    rng = np.random.default_rng(SEED)
    others = [t for t in tokens if t not in LIKELY]
    ranked = list(LIKELY) + [others[i] for i in rng.permutation(len(others))]
    rank = {token: k for k, token in enumerate(ranked, start=1)}
    noise = rng.normal(0.0, 0.3, len(tokens))
    logits = [8.0 - 1.1 * math.log(rank[t]) + (0.0 if rank[t] <= len(LIKELY) else e)
              for t, e in zip(tokens, noise)]
    return np.round(logits, 4)


def next_token():
    tokens = vocabulary()
    scenario = Scenario(
        classes=tokens, rows=[next_token_logits(tokens).tolist()],
        targets=[tokens.index(TRUE_TOKEN)], samples=(CONTEXT + " …",), options=Options(temperature=TEMPERATURE),
        title="Next-token prediction")
    at_temperature = engine.analyze(scenario)
    at_one = engine.analyze(edits.set_options(scenario, temperature=1.0))
    true = scenario.targets[0]
    return scenario.replace(description=(
        f"A language model reads \"{CONTEXT}\" and scores each of the {len(tokens)} tokens of "
        "its vocabulary; a softmax turns the scores into a probability for the next token. The "
        f"true next token is \"{TRUE_TOKEN}\", the model's second choice after \"{LIKELY[0]}\". "
        f"At temperature {TEMPERATURE} (logits divided by {TEMPERATURE}) it gets probability "
        f"{fmt(at_temperature.probabilities[0, true])} and the loss is "
        f"{fmt(at_temperature.loss)} nats (perplexity e^loss = "
        f"{fmt(math.exp(at_temperature.loss), 2)}). At temperature 1 the distribution is flatter: "
        f"probability {fmt(at_one.probabilities[0, true])}, loss {fmt(at_one.loss)} nats. "
        "Move the temperature to see sampling get bolder or safer."))


# --- learning: what gradient descent on the logits shows (the Learn panel) ---------------------

LEARNING_RATE = 1.0  # the Learn panel's default: the descriptions' numbers are for it
PAIR_STEPS = 30


def learn_binary_pair():
    scenario = Scenario(
        classes=("spam",), mode="sigmoid", rows=[[0.0]] * 4,
        targets=[[float(y)] for y in SPAM_LABELS], samples=EMAILS,
        title="Learning: sigmoid beside two-class softmax")
    pair = training.train_pair(scenario, PAIR_STEPS, LEARNING_RATE)
    n = len(EMAILS)
    return scenario.replace(description=(
        f"Four emails, each with the logit z = 0 (p = 0.5): the loss is ln 2 = "
        f"{fmt(engine.analyze(scenario).loss)} nats. In the Learn panel tick 'Train the other form beside "
        "it' and press Play: this one-logit sigmoid and the two-class softmax with logits (0, z) "
        "that equals it train from the same start with the same learning rate "
        f"({LEARNING_RATE:g}, the panel's default), yet the softmax's loss falls faster. Its margin z₁ − z₀ moves "
        "twice as far per step, because each of its two logits takes the whole gradient "
        f"±(p − y)/{n}: after step 1 the sigmoid logit of email 1 is "
        f"{fmt(pair.sigmoid_logits[1, 0], 3)} and the softmax margin "
        f"{fmt(pair.softmax_margins[1, 0], 2)}. After {PAIR_STEPS} steps the sigmoid's loss is "
        f"{fmt(pair.sigmoid.losses[-1])} nats, the softmax's {fmt(pair.softmax.losses[-1])}."))


SMOOTHING = 0.1
SMOOTHING_STEPS = 1000
HARD_STEPS = (100, 1000)
PHOTOS = ("photo 1", "photo 2")


def learn_label_smoothing():
    scenario = Scenario(
        classes=("cat", "dog", "pig"), rows=[[0.0, 0.0, 0.0], [0.5, 1.0, -0.5]], targets=[0, 1],
        samples=PHOTOS, options=Options(label_smoothing=SMOOTHING),
        title="Learning: label smoothing keeps the logits finite")
    classes = len(scenario.classes)
    q_true, q_other = 1 - SMOOTHING + SMOOTHING / classes, SMOOTHING / classes
    settled = training.train(scenario, SMOOTHING_STEPS, LEARNING_RATE)
    hard = edits.set_options(scenario, label_smoothing=0.0)
    gaps = [_gap(training.train(hard, steps, LEARNING_RATE).scenario) for steps in HARD_STEPS]
    return scenario.replace(description=(
        f"Label smoothing ε = {SMOOTHING:g} asks for the smoothed target y′ = ({fmt(q_true)}, {fmt(q_other)}, "
        f"{fmt(q_other)}), not (1, 0, 0). Press Play in the Learn panel: each photo's logits "
        "settle where p = y′, with a gap of ln((1 − ε + ε/C)/(ε/C)) = "
        f"ln {q_true / q_other:.0f} = {fmt(_gap(settled.scenario))} between its true class "
        f"and each other class, and the loss settles at H(y′) = {fmt(settled.losses[-1])} nats. "
        "Press Reset, set label smoothing to 0 and press Play again: with hard labels the gap "
        "never settles; "
        f"it is {fmt(gaps[0], 2)} after {HARD_STEPS[0]} steps and {fmt(gaps[1], 2)} after "
        f"{HARD_STEPS[1]:,}, and grows without end as the loss creeps toward 0."))


def _gap(scenario):
    """Photo 1's logit of its true class (cat) minus that of the dog."""
    return scenario.rows[0, 0] - scenario.rows[0, 1]


WEIGHTS = (1.0, 4.0, 1.0)
WEIGHT_STEPS = 10


def learn_class_weights():
    scenario = Scenario(
        classes=("cat", "dog", "pig"), rows=[[0.0, 0.0, 0.0]] * 2, targets=[0, 1],
        samples=("photo 1 (a cat)", "photo 2 (a dog)"), options=Options(class_weights=WEIGHTS),
        title="Learning: class weights change which sample improves first")
    weighted = training.train(scenario, WEIGHT_STEPS, LEARNING_RATE).true_probabilities[-1]
    plain = training.train(edits.set_options(scenario, class_weights=None), WEIGHT_STEPS,
                           LEARNING_RATE).true_probabilities[-1]
    return scenario.replace(description=(
        "Both photos start alike: every logit 0, p = 1/3 for the true class. The class weights "
        f"({', '.join(f'{w:g}' for w in WEIGHTS)}) count the dog's loss four times. Press Play "
        "in the Learn panel and watch p(true class) of each sample: the dog photo races ahead. "
        f"After {WEIGHT_STEPS} steps p(dog) of photo 2 is {fmt(weighted[1])} and p(cat) of "
        f"photo 1 only {fmt(weighted[0])}. Press Reset, empty the class weights and train again: "
        f"both reach "
        f"{fmt(plain[0])} after {WEIGHT_STEPS} steps, side by side."))


PRESETS = {
    "cat_dog_pig.json": cat_dog_pig,
    "sklearn_log_loss.json": sklearn_log_loss,
    "two_models_one_truth.json": two_models_one_truth,
    "binary_sigmoid.json": binary_sigmoid,
    "binary_softmax.json": binary_softmax,
    "chest_xray_multilabel.json": chest_xray,
    "next_token.json": next_token,
    "learn_binary_pair.json": learn_binary_pair,
    "learn_label_smoothing.json": learn_label_smoothing,
    "learn_class_weights.json": learn_class_weights,
}


def preset_texts():
    """File name → the JSON text of each preset."""
    return {name: engine.to_json(build()) for name, build in PRESETS.items()}


def main():
    PRESETS_DIR.mkdir(parents=True, exist_ok=True)
    texts = preset_texts()
    for name, text in texts.items():
        (PRESETS_DIR / name).write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {PRESETS_DIR / name} ({len(text.encode()):,} bytes)")
    for stale in sorted(set(path.name for path in PRESETS_DIR.glob("*.json")) - set(texts)):
        (PRESETS_DIR / stale).unlink()  # a preset no longer made here
        print(f"removed {PRESETS_DIR / stale}")


if __name__ == "__main__":
    main()
