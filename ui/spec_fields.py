"""The NetworkSpec fields the recurrent network's builder shows (ui.builder_panel): how each is
edited and when it applies, and the fields the task fixes with the reason. Qt-free."""

from __future__ import annotations

from .kinds.spec_field import SpecField
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


def _field(name, kind, label, help_text, applies=lambda spec: True, why_not=""):
    return SpecField(name, kind, label, help_text, CHOICES.get(name, ()), applies, why_not)


FIELDS = (
    _field(
        "cell",
        "choice",
        QT_TRANSLATE_NOOP("SpecForm", "cell"),
        QT_TRANSLATE_NOOP(
            "SpecForm",
            "rnn: h_t = f(U h_{t-1} + W x_t + b); gru; lstm; tdnn: a window over past inputs",
        ),
    ),
    _field(
        "activation",
        "choice",
        QT_TRANSLATE_NOOP("SpecForm", "activation"),
        QT_TRANSLATE_NOOP("SpecForm", "f of a simple RNN or TDNN"),
        lambda s: s.cell in ("rnn", "tdnn"),
        QT_TRANSLATE_NOOP("SpecForm", "used by rnn and tdnn"),
    ),
    _field(
        "residual",
        "bool",
        QT_TRANSLATE_NOOP("SpecForm", "residual"),
        QT_TRANSLATE_NOOP(
            "SpecForm", "h_t = h_{t-1} + f(...): the notes' remedy for vanishing gradients"
        ),
        lambda s: s.cell == "rnn",
        QT_TRANSLATE_NOOP("SpecForm", "used by rnn"),
    ),
    _field(
        "gru_variant",
        "choice",
        QT_TRANSLATE_NOOP("SpecForm", "GRU variant"),
        QT_TRANSLATE_NOOP("SpecForm", "pytorch: r ⊙ (U_n h + c_n); textbook: U_n (r ⊙ h)"),
        lambda s: s.cell == "gru",
        QT_TRANSLATE_NOOP("SpecForm", "used by gru"),
    ),
    _field(
        "delay",
        "int",
        QT_TRANSLATE_NOOP("SpecForm", "delay K"),
        QT_TRANSLATE_NOOP("SpecForm", "how many past inputs the TDNN window reads"),
        lambda s: s.cell == "tdnn",
        QT_TRANSLATE_NOOP("SpecForm", "used by tdnn"),
    ),
    _field(
        "recurrent_sigma_max",
        "real",
        QT_TRANSLATE_NOOP("SpecForm", "σ_max(U) at start"),
        QT_TRANSLATE_NOOP(
            "SpecForm",
            "scale each recurrent matrix U to this largest singular value when the weights are "
            "drawn (empty: the usual random start); above 1 gradients can explode, below 1 they "
            "vanish",
        ),
        lambda s: s.cell != "tdnn",
        QT_TRANSLATE_NOOP("SpecForm", "a tdnn has no recurrent matrix"),
    ),
    _field(
        "embedding_dim",
        "int",
        QT_TRANSLATE_NOOP("SpecForm", "embedding size"),
        QT_TRANSLATE_NOOP("SpecForm", "width of each token's vector"),
        lambda s: s.tokens,
        QT_TRANSLATE_NOOP("SpecForm", "the task's inputs are numbers, not tokens"),
    ),
    _field(
        "hidden_size",
        "int",
        QT_TRANSLATE_NOOP("SpecForm", "hidden size"),
        QT_TRANSLATE_NOOP("SpecForm", "units in each layer and direction"),
    ),
    _field(
        "num_layers",
        "int",
        QT_TRANSLATE_NOOP("SpecForm", "layers"),
        QT_TRANSLATE_NOOP("SpecForm", "stacked recurrent layers"),
    ),
    _field(
        "bidirectional",
        "bool",
        QT_TRANSLATE_NOOP("SpecForm", "bidirectional"),
        QT_TRANSLATE_NOOP("SpecForm", "a second direction reads the sentence backwards"),
    ),
    _field(
        "pooling",
        "choice",
        QT_TRANSLATE_NOOP("SpecForm", "pooling"),
        QT_TRANSLATE_NOOP("SpecForm", "seq2class: the last state, or the mean over time"),
        lambda s: s.mode == "seq2class",
        QT_TRANSLATE_NOOP("SpecForm", "used by seq2class"),
    ),
    _field(
        "dtype",
        "choice",
        QT_TRANSLATE_NOOP("SpecForm", "precision"),
        QT_TRANSLATE_NOOP("SpecForm", "float64 (exact) or float32"),
    ),
)

# Fields the task's data decides: shown read-only, with the reason.
FIXED = ("input_size", "vocab_size", "output_size", "mode", "loss")


def fixed_reason(name: str, spec, task, translate=lambda _context, text: text) -> str:
    """Why the task fixes a field, in the language `translate(context, text)` gives."""

    def tr(text: str) -> str:
        return translate("SpecForm", text)

    labels = task.labels or []
    if name == "input_size":
        text = QT_TRANSLATE_NOOP("SpecForm", "each step of {0} is a vector of {1} numbers")
        return tr(text).format(task.name, spec.input_size)
    if name == "vocab_size":
        text = QT_TRANSLATE_NOOP("SpecForm", "the vocabulary of {0} has {1} tokens")
        return tr(text).format(task.name, spec.vocab_size)
    if name == "output_size":
        if labels:
            return tr(QT_TRANSLATE_NOOP("SpecForm", "{0} has {1} classes")).format(
                task.name, len(labels)
            )
        text = QT_TRANSLATE_NOOP("SpecForm", "{0} predicts {1} number(s)")
        return tr(text).format(task.name, spec.output_size)
    if name == "mode":
        modes = {
            "seq2seq": QT_TRANSLATE_NOOP("SpecForm", "one output per step"),
            "seq2class": QT_TRANSLATE_NOOP("SpecForm", "one output per sequence"),
        }
        return tr(modes[spec.mode]) if spec.mode in modes else ""
    if spec.loss == "cross_entropy":
        return tr(QT_TRANSLATE_NOOP("SpecForm", "classes: softmax + cross-entropy"))
    return tr(QT_TRANSLATE_NOOP("SpecForm", "numbers: squared error"))
