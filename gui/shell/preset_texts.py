"""The titles and descriptions of resources/presets/*.json and the names of their
classes, samples and models, so lupdate finds them.
Written by `python tools/translations.py update`; do not edit."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

TEXTS = (
    QT_TRANSLATE_NOOP("presets", "Binary: sigmoid"),
    QT_TRANSLATE_NOOP("presets", "Is an email spam? One logit z per email and a sigmoid: p(spam) = σ(z). Open 'Binary: two-class softmax' for the same problem written with two classes. Both ways give the same probabilities and the same losses: email 1 (spam, z = 2) loses 0.1269 nats, and the batch loss is 0.2483 nats."),
    QT_TRANSLATE_NOOP("presets", "Binary: two-class softmax"),
    QT_TRANSLATE_NOOP("presets", "Is an email spam? Two logits per email, (0, z), and a softmax: p(spam) = e^z / (e^0 + e^z) = σ(z). Open 'Binary: sigmoid' for the same problem written with one sigmoid. Both ways give the same probabilities and the same losses: email 1 (spam, z = 2) loses 0.1269 nats, and the batch loss is 0.2483 nats."),
    QT_TRANSLATE_NOOP("presets", "Cat, dog or pig: which model is better?"),
    QT_TRANSLATE_NOOP("presets", "Two models classify the same three photos: photo 1 is a pig, photo 2 a dog, photo 3 a cat. Both models get photos 1 and 2 right and photo 3 wrong, so accuracy cannot tell them apart; cross-entropy can. Model 1's loss is 1.3784 nats, model 2's is 0.6391 nats: model 2 is better. It gives the true class more probability where it is right, and is less sure where it is wrong (0.3 for the cat instead of 0.1)."),
    QT_TRANSLATE_NOOP("presets", "Multi-label chest X-ray"),
    QT_TRANSLATE_NOOP("presets", "Each finding is its own yes/no question: one sigmoid per class, several findings can be true at once, and the probabilities need not sum to 1. Patient 1 has cardiomegaly and effusion; patient 2 atelectasis, effusion and pneumonia; patient 3 none of them. Patient 1's loss (summed over the five findings) is 0.7953 nats. The batch loss, 0.1758 nats, is the mean binary cross-entropy over all 15 patient–finding pairs, as PyTorch's BCEWithLogitsLoss computes it."),
    QT_TRANSLATE_NOOP("presets", "Next-token prediction"),
    QT_TRANSLATE_NOOP("presets", "A language model reads \"The cat sat on the\" and scores each of the 4265 tokens of its vocabulary; a softmax turns the scores into a probability for the next token. The true next token is \"mat\", the model's second choice after \"floor\". At temperature 0.7 (logits divided by 0.7) it gets probability 0.1389 and the loss is 1.9741 nats (perplexity e^loss = 7.20). At temperature 1 the distribution is flatter: probability 0.0718, loss 2.6336 nats. Move the temperature to see sampling get bolder or safer."),
    QT_TRANSLATE_NOOP("presets", "scikit-learn log_loss: two models"),
    QT_TRANSLATE_NOOP("presets", "The same numbers as scikit-learn's sklearn.metrics.log_loss(y_true, y_pred) with y_true = [[0, 0, 1], [0, 1, 0], [1, 0, 0]] and two prediction sets: model 1's y_pred = [[0.3, 0.3, 0.4], [0.3, 0.4, 0.3], [0.1, 0.2, 0.7]] and model 2's y_pred = [[0.1, 0.2, 0.7], [0.1, 0.7, 0.2], [0.3, 0.4, 0.3]]. scikit-learn returns 1.3783888522474517 and 0.6391075640678003; each model's batch loss here (the mean over its three samples) is exactly that number, and model 2 has the lower loss. The targets are written as class indices: row 1 is class 2, row 2 class 1, row 3 class 0."),
    QT_TRANSLATE_NOOP("presets", "Two models, one truth"),
    QT_TRANSLATE_NOOP("presets", "The truth is (1, 0, 0). Model 甲 predicts (0.5, 0.2, 0.3): its loss is −ln 0.5 = 0.6931 nats. Model 乙 predicts (0.7, 0.1, 0.2): −ln 0.7 = 0.3567 nats. Only the probability given to the true class counts, so 乙, the model more confident in the truth, has the lower loss. (甲 and 乙, jiǎ and yǐ, are the Chinese A and B.)"),
)

NAMES = (
    QT_TRANSLATE_NOOP("example data", "spam"),
    QT_TRANSLATE_NOOP("example data", "email 1"),
    QT_TRANSLATE_NOOP("example data", "email 2"),
    QT_TRANSLATE_NOOP("example data", "email 3"),
    QT_TRANSLATE_NOOP("example data", "email 4"),
    QT_TRANSLATE_NOOP("example data", "Model 1"),
    QT_TRANSLATE_NOOP("example data", "not spam"),
    QT_TRANSLATE_NOOP("example data", "cat"),
    QT_TRANSLATE_NOOP("example data", "dog"),
    QT_TRANSLATE_NOOP("example data", "pig"),
    QT_TRANSLATE_NOOP("example data", "photo 1"),
    QT_TRANSLATE_NOOP("example data", "photo 2"),
    QT_TRANSLATE_NOOP("example data", "photo 3"),
    QT_TRANSLATE_NOOP("example data", "Model 2"),
    QT_TRANSLATE_NOOP("example data", "atelectasis"),
    QT_TRANSLATE_NOOP("example data", "cardiomegaly"),
    QT_TRANSLATE_NOOP("example data", "effusion"),
    QT_TRANSLATE_NOOP("example data", "pneumonia"),
    QT_TRANSLATE_NOOP("example data", "pneumothorax"),
    QT_TRANSLATE_NOOP("example data", "patient 1"),
    QT_TRANSLATE_NOOP("example data", "patient 2"),
    QT_TRANSLATE_NOOP("example data", "patient 3"),
    QT_TRANSLATE_NOOP("example data", "class 0"),
    QT_TRANSLATE_NOOP("example data", "class 1"),
    QT_TRANSLATE_NOOP("example data", "class 2"),
    QT_TRANSLATE_NOOP("example data", "sample 1"),
    QT_TRANSLATE_NOOP("example data", "sample 2"),
    QT_TRANSLATE_NOOP("example data", "sample 3"),
    QT_TRANSLATE_NOOP("example data", "A"),
    QT_TRANSLATE_NOOP("example data", "B"),
    QT_TRANSLATE_NOOP("example data", "C"),
    QT_TRANSLATE_NOOP("example data", "example"),
    QT_TRANSLATE_NOOP("example data", "甲"),
    QT_TRANSLATE_NOOP("example data", "乙"),
)
