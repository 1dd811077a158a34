"""The NetworkSpec fields the builder shows: how each is edited and when it applies. Qt-free."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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
    kind: str  # "choice", "bool" or "int"
    label: str
    help: str
    applies: Callable[[object], bool] = lambda spec: True
    why_not: str = ""


FIELDS = (
    Field(
        "cell",
        "choice",
        "cell",
        "rnn: h_t = f(U h_{t-1} + W x_t + b); gru; lstm; tdnn: a window over past inputs",
    ),
    Field(
        "activation",
        "choice",
        "activation",
        "f of a simple RNN or TDNN",
        lambda s: s.cell in ("rnn", "tdnn"),
        "used by rnn and tdnn",
    ),
    Field(
        "residual",
        "bool",
        "residual",
        "h_t = h_{t-1} + f(...): the notes' remedy for vanishing gradients",
        lambda s: s.cell == "rnn",
        "used by rnn",
    ),
    Field(
        "gru_variant",
        "choice",
        "GRU variant",
        "pytorch: r ⊙ (U_n h + c_n); textbook: U_n (r ⊙ h)",
        lambda s: s.cell == "gru",
        "used by gru",
    ),
    Field(
        "delay",
        "int",
        "delay K",
        "how many past inputs the TDNN window reads",
        lambda s: s.cell == "tdnn",
        "used by tdnn",
    ),
    Field(
        "embedding_dim",
        "int",
        "embedding size",
        "width of each token's vector",
        lambda s: s.tokens,
        "the task's inputs are numbers, not tokens",
    ),
    Field("hidden_size", "int", "hidden size", "units in each layer and direction"),
    Field("num_layers", "int", "layers", "stacked recurrent layers"),
    Field(
        "bidirectional", "bool", "bidirectional", "a second direction reads the sentence backwards"
    ),
    Field(
        "pooling",
        "choice",
        "pooling",
        "seq2class: the last state, or the mean over time",
        lambda s: s.mode == "seq2class",
        "used by seq2class",
    ),
    Field("dtype", "choice", "precision", "float64 (exact) or float32"),
)

# Fields the task's data decides: shown read-only, with the reason.
FIXED = ("input_size", "vocab_size", "output_size", "mode", "loss")


def fixed_reason(name: str, spec, task) -> str:
    labels = task.labels or []
    return {
        "input_size": f"each step of {task.name} is a vector of {spec.input_size} numbers",
        "vocab_size": f"the vocabulary of {task.name} has {spec.vocab_size} tokens",
        "output_size": (
            f"{task.name} has {len(labels)} classes"
            if labels
            else f"{task.name} predicts {spec.output_size} number(s)"
        ),
        "mode": {"seq2seq": "one output per step", "seq2class": "one output per sequence"}.get(
            spec.mode, ""
        ),
        "loss": "classes: softmax + cross-entropy"
        if spec.loss == "cross_entropy"
        else "numbers: squared error",
    }[name]
