"""The NetworkSpec fields the builder shows: how each is edited and when it applies. Qt-free."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .translation_marks import QT_TRANSLATE_NOOP

# Choices as the engine defines them (simulator.spec); repeated here so the form can be drawn
# before the engine is imported. tests/ui checks the two lists agree.
CHOICES = {
    "cell": ("rnn", "gru", "lstm", "tdnn"),
    "activation": ("tanh", "relu", "sigmoid", "identity"),
    "gru_variant": ("pytorch", "textbook"),
    "pooling": ("last", "mean"),
    "dtype": ("float64", "float32"),
}


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # "choice", "bool", "int" or "real" (a number, or empty for none)
    label: str
    help: str
    applies: Callable[[object], bool] = lambda spec: True
    why_not: str = ""


FIELDS = (
    Field(
        "cell",
        "choice",
        QT_TRANSLATE_NOOP("SpecFields", "cell"),
        QT_TRANSLATE_NOOP(
            "SpecFields",
            "rnn: h_t = f(U h_{t-1} + W x_t + b); gru; lstm; tdnn: a window over past inputs",
        ),
    ),
    Field(
        "activation",
        "choice",
        QT_TRANSLATE_NOOP("SpecFields", "activation"),
        QT_TRANSLATE_NOOP("SpecFields", "f of a simple RNN or TDNN"),
        lambda s: s.cell in ("rnn", "tdnn"),
        QT_TRANSLATE_NOOP("SpecFields", "used by rnn and tdnn"),
    ),
    Field(
        "residual",
        "bool",
        QT_TRANSLATE_NOOP("SpecFields", "residual"),
        QT_TRANSLATE_NOOP(
            "SpecFields", "h_t = h_{t-1} + f(...): the notes' remedy for vanishing gradients"
        ),
        lambda s: s.cell == "rnn",
        QT_TRANSLATE_NOOP("SpecFields", "used by rnn"),
    ),
    Field(
        "gru_variant",
        "choice",
        QT_TRANSLATE_NOOP("SpecFields", "GRU variant"),
        QT_TRANSLATE_NOOP("SpecFields", "pytorch: r ⊙ (U_n h + c_n); textbook: U_n (r ⊙ h)"),
        lambda s: s.cell == "gru",
        QT_TRANSLATE_NOOP("SpecFields", "used by gru"),
    ),
    Field(
        "delay",
        "int",
        QT_TRANSLATE_NOOP("SpecFields", "delay K"),
        QT_TRANSLATE_NOOP("SpecFields", "how many past inputs the TDNN window reads"),
        lambda s: s.cell == "tdnn",
        QT_TRANSLATE_NOOP("SpecFields", "used by tdnn"),
    ),
    Field(
        "recurrent_sigma_max",
        "real",
        QT_TRANSLATE_NOOP("SpecFields", "σ_max(U) at start"),
        QT_TRANSLATE_NOOP(
            "SpecFields",
            "scale each recurrent matrix U to this largest singular value when the weights are "
            "drawn (empty: the usual random start); above 1 gradients can explode, below 1 they "
            "vanish",
        ),
        lambda s: s.cell != "tdnn",
        QT_TRANSLATE_NOOP("SpecFields", "a tdnn has no recurrent matrix"),
    ),
    Field(
        "embedding_dim",
        "int",
        QT_TRANSLATE_NOOP("SpecFields", "embedding size"),
        QT_TRANSLATE_NOOP("SpecFields", "width of each token's vector"),
        lambda s: s.tokens,
        QT_TRANSLATE_NOOP("SpecFields", "the task's inputs are numbers, not tokens"),
    ),
    Field(
        "hidden_size",
        "int",
        QT_TRANSLATE_NOOP("SpecFields", "hidden size"),
        QT_TRANSLATE_NOOP("SpecFields", "units in each layer and direction"),
    ),
    Field(
        "num_layers",
        "int",
        QT_TRANSLATE_NOOP("SpecFields", "layers"),
        QT_TRANSLATE_NOOP("SpecFields", "stacked recurrent layers"),
    ),
    Field(
        "bidirectional",
        "bool",
        QT_TRANSLATE_NOOP("SpecFields", "bidirectional"),
        QT_TRANSLATE_NOOP("SpecFields", "a second direction reads the sentence backwards"),
    ),
    Field(
        "pooling",
        "choice",
        QT_TRANSLATE_NOOP("SpecFields", "pooling"),
        QT_TRANSLATE_NOOP("SpecFields", "seq2class: the last state, or the mean over time"),
        lambda s: s.mode == "seq2class",
        QT_TRANSLATE_NOOP("SpecFields", "used by seq2class"),
    ),
    Field(
        "dtype",
        "choice",
        QT_TRANSLATE_NOOP("SpecFields", "precision"),
        QT_TRANSLATE_NOOP("SpecFields", "float64 (exact) or float32"),
    ),
)

# Fields the task's data decides: shown read-only, with the reason.
FIXED = ("input_size", "vocab_size", "output_size", "mode", "loss")


def fixed_reason(name: str, spec, task, translate=lambda _context, text: text) -> str:
    """Why the task fixes a field, in the language `translate(context, text)` gives."""

    def tr(text: str) -> str:
        return translate("SpecFields", text)

    labels = task.labels or []
    if name == "input_size":
        text = QT_TRANSLATE_NOOP("SpecFields", "each step of {0} is a vector of {1} numbers")
        return tr(text).format(task.name, spec.input_size)
    if name == "vocab_size":
        text = QT_TRANSLATE_NOOP("SpecFields", "the vocabulary of {0} has {1} tokens")
        return tr(text).format(task.name, spec.vocab_size)
    if name == "output_size":
        if labels:
            return tr(QT_TRANSLATE_NOOP("SpecFields", "{0} has {1} classes")).format(
                task.name, len(labels)
            )
        text = QT_TRANSLATE_NOOP("SpecFields", "{0} predicts {1} number(s)")
        return tr(text).format(task.name, spec.output_size)
    if name == "mode":
        modes = {
            "seq2seq": QT_TRANSLATE_NOOP("SpecFields", "one output per step"),
            "seq2class": QT_TRANSLATE_NOOP("SpecFields", "one output per sequence"),
        }
        return tr(modes[spec.mode]) if spec.mode in modes else ""
    if spec.loss == "cross_entropy":
        return tr(QT_TRANSLATE_NOOP("SpecFields", "classes: softmax + cross-entropy"))
    return tr(QT_TRANSLATE_NOOP("SpecFields", "numbers: squared error"))
