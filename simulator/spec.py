"""NetworkSpec: what the person built, validated on creation, with a JSON round trip."""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import ClassVar

from .errors import SpecError
from .fields import (
    JsonFields,
    check_bool,
    check_choice,
    check_int,
    check_parameter_count,
    check_real,
)

CELLS = ("rnn", "gru", "lstm", "tdnn")
ACTIVATIONS = ("tanh", "relu", "sigmoid", "identity")
GRU_VARIANTS = ("pytorch", "textbook")
MODES = ("seq2seq", "seq2class")
POOLINGS = ("last", "mean")
LOSSES = ("cross_entropy", "mse")
DTYPES = ("float64", "float32")

# How many blocks of `hidden_size` rows each cell's weight matrices hold (PyTorch's layout).
GATE_BLOCKS = {"rnn": 1, "gru": 3, "lstm": 4, "tdnn": 1}

_LIMITS = {
    "input_size": (1, 100_000),
    "vocab_size": (1, 1_000_000),
    "embedding_dim": (1, 4096),
    "hidden_size": (1, 4096),
    "num_layers": (1, 16),
    "delay": (0, 64),
    "output_size": (1, 1_000_000),
}
SIGMA_MAX_LIMIT = 1000.0  # recurrent_sigma_max: a largest singular value above 0, at most this


@dataclass(frozen=True)
class NetworkSpec(JsonFields):
    """A recurrent network for sequences, as the notes describe it.

    Inputs are either dense vectors (`input_size`) or token ids looked up in an embedding table
    (`vocab_size` and `embedding_dim`); exactly one of the two kinds is set.
    Fields that only one cell uses (`activation` for rnn and tdnn, `residual` for rnn,
    `gru_variant` for gru, `delay` for tdnn) are kept but ignored by the other cells, so switching
    the cell back and forth loses nothing.
    `recurrent_sigma_max`: when set, every recurrent matrix U (each gate's block of weight_hh)
    starts scaled to this largest singular value sigma_max(U); None keeps PyTorch's uniform
    initialisation. The notes' gamma ~ sigma_max(U) f' decides whether gradients vanish or
    explode over long spans, so this is what a person sets to see either (a tdnn has no U).
    """

    cell: str = "lstm"
    input_size: int | None = None
    vocab_size: int | None = None
    embedding_dim: int | None = None
    hidden_size: int = 16
    num_layers: int = 1
    bidirectional: bool = False
    activation: str = "tanh"
    residual: bool = False
    gru_variant: str = "pytorch"
    delay: int = 2
    recurrent_sigma_max: float | None = None
    mode: str = "seq2seq"
    pooling: str = "last"
    output_size: int = 2
    loss: str = "cross_entropy"
    dtype: str = "float64"

    SECTION: ClassVar[str] = "network"

    def __post_init__(self):
        check_choice("cell", self.cell, CELLS)
        check_choice("activation", self.activation, ACTIVATIONS)
        check_choice("gru_variant", self.gru_variant, GRU_VARIANTS)
        check_choice("mode", self.mode, MODES)
        check_choice("pooling", self.pooling, POOLINGS)
        check_choice("loss", self.loss, LOSSES)
        check_choice("dtype", self.dtype, DTYPES)
        for name in ("bidirectional", "residual"):
            check_bool(name, getattr(self, name))
        for name in ("hidden_size", "num_layers", "delay", "output_size"):
            _check_int(name, getattr(self, name))
        if self.recurrent_sigma_max is not None:
            check_real(
                "recurrent_sigma_max", self.recurrent_sigma_max, 0.0, SIGMA_MAX_LIMIT, above=True
            )
        if self.input_size is not None:
            _check_int("input_size", self.input_size)
            if self.vocab_size is not None:
                raise SpecError(
                    "vocab_size",
                    self.vocab_size,
                    "leave it empty when input_size is set (inputs are dense vectors or token ids,"
                    " not both)",
                )
        elif self.vocab_size is not None:
            _check_int("vocab_size", self.vocab_size)
            if self.embedding_dim is None:
                raise SpecError("embedding_dim", None, "token inputs need an embedding size >= 1")
        else:
            raise SpecError(
                "input_size",
                None,
                "set input_size (dense inputs) or vocab_size with embedding_dim (token inputs)",
            )
        if self.embedding_dim is not None:  # checked even when unused: it is saved
            _check_int("embedding_dim", self.embedding_dim)
        if self.loss == "cross_entropy" and self.output_size < 2:
            raise SpecError(
                "output_size", self.output_size, "cross_entropy needs at least 2 classes"
            )
        check_parameter_count(
            "hidden_size",
            self.hidden_size,
            self.num_parameters,
            "make hidden_size, num_layers, the vocabulary or the output smaller",
        )

    # ----- derived facts -------------------------------------------------------------------
    @property
    def tokens(self) -> bool:
        """True when inputs are token ids, False when they are dense vectors."""
        return self.vocab_size is not None

    @property
    def features(self) -> int:
        """Width of the vectors the first layer reads."""
        return self.embedding_dim if self.tokens else self.input_size

    @property
    def num_directions(self) -> int:
        return 2 if self.bidirectional else 1

    @property
    def gate_blocks(self) -> int:
        return GATE_BLOCKS[self.cell]

    @property
    def num_parameters(self) -> int:
        return sum(math.prod(shape) for shape in shapes(self).values())


DIRECTION_SUFFIX = ("", "_reverse")


@functools.cache  # every run looks them up for each layer and direction
def layer_names(layer: int, direction: int) -> Mapping[str, str]:
    """The state_dict names of one layer and direction, by role (read-only: shared)."""
    tail = f"_l{layer}{DIRECTION_SUFFIX[direction]}"
    names = {role: role + tail for role in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")}
    return MappingProxyType(names)


def shapes(spec: NetworkSpec) -> dict[str, tuple[int, ...]]:
    """Every parameter's name and shape, in state_dict order."""
    H = spec.hidden_size
    rows = spec.gate_blocks * H
    out: dict[str, tuple[int, ...]] = {}
    if spec.tokens:
        out["embedding.weight"] = (spec.vocab_size, spec.embedding_dim)
    for layer in range(spec.num_layers):
        width = spec.features if layer == 0 else H * spec.num_directions
        for direction in range(spec.num_directions):
            names = layer_names(layer, direction)
            if spec.cell == "tdnn":
                out[names["weight_ih"]] = (H, (spec.delay + 1) * width)
                out[names["bias_ih"]] = (H,)
            else:
                out[names["weight_ih"]] = (rows, width)
                out[names["weight_hh"]] = (rows, H)
                out[names["bias_ih"]] = (rows,)
                out[names["bias_hh"]] = (rows,)
    out["output.weight"] = (spec.output_size, H * spec.num_directions)
    out["output.bias"] = (spec.output_size,)
    return out


def _check_int(field: str, value) -> None:
    check_int(field, value, *_LIMITS[field])
