"""EncoderDecoderSpec: an encoder-decoder (the notes' 异步的序列到序列), validated on creation,
with a JSON round trip like NetworkSpec.

The encoder reads the source sentence; the decoder starts from the encoder's final state (copied,
or through a learned bridge) and predicts the target one token at a time, reading the token it
should have predicted the step before (teacher forcing while training). With attention, each
decoder step also reads a weighted average of the encoder's outputs (the notes' 注意力机制).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

from ..errors import SpecError
from ..fields import JsonFields, check_bool, check_choice, check_int, check_parameter_count
from ..spec import GATE_BLOCKS, layer_names

MODE = "encoder-decoder"
CELLS = ("rnn", "gru", "lstm")
ATTENTIONS = ("none", "additive", "dot", "scaled_dot", "bilinear")
CONTEXTS = ("output", "input")
BRIDGES = ("auto", "learned", "zeros")
DTYPES = ("float64", "float32")

# The target vocabulary's fixed ids (simulator.tasks.parallel builds vocabularies this way).
PAD, UNK, BOS, EOS = 0, 1, 2, 3
SPECIAL_TOKENS = 4

_LIMITS = {
    "source_vocab_size": (3, 1_000_000),
    "target_vocab_size": (SPECIAL_TOKENS + 1, 1_000_000),
    "source_embedding_dim": (1, 4096),
    "target_embedding_dim": (1, 4096),
    "encoder_hidden_size": (1, 4096),
    "encoder_layers": (1, 16),
    "decoder_hidden_size": (1, 4096),
    "decoder_layers": (1, 16),
    "attention_size": (1, 4096),
}


@dataclass(frozen=True)
class EncoderDecoderSpec(JsonFields):
    """An encoder-decoder with optional attention.

    Cells follow PyTorch's nn.RNN (tanh), nn.GRU and nn.LSTM. Target ids 0-3 are <pad>, <unk>,
    <bos> and <eos>; the decoder reads <bos> first and must end every target with <eos>.

    bridge: how the decoder's initial state comes from the encoder's final state. `auto` copies
    it when the encoder is one-directional with the decoder's hidden size and learns
    h0 = tanh(W [h_fwd; h_bwd] + b) otherwise; `learned` always learns it; `zeros` starts the
    decoder from zeros (it then sees the source only through attention). Decoder layer l starts
    from encoder layer l + encoder_layers - decoder_layers (the top layers line up), or from the
    encoder's first layer when that is below 0. An LSTM decoder's cell state comes from an LSTM
    encoder's cell state the same way (linear when learned, no tanh) and is zero otherwise.

    context: where the attention's context vector c_t enters the decoder. `output` (Luong):
    the decoder runs over the whole target, then each step's state s_t is the query and the
    output layer reads [s_t; c_t]. `input` (Bahdanau's input feeding): the query is the state
    before the step, s_{t-1}, and the decoder's first layer reads [embedding of y_{t-1}; c_t];
    the output layer again reads [s_t; c_t]. Ignored without attention.

    attention_size: the rows of W and U in the additive score v^T tanh(W x + U q).
    """

    source_vocab_size: int = 16
    target_vocab_size: int = 16
    source_embedding_dim: int = 8
    target_embedding_dim: int = 8
    encoder_cell: str = "lstm"
    encoder_hidden_size: int = 16
    encoder_layers: int = 1
    bidirectional: bool = False
    decoder_cell: str = "lstm"
    decoder_hidden_size: int = 16
    decoder_layers: int = 1
    bridge: str = "auto"
    attention: str = "additive"
    attention_size: int = 16
    context: str = "output"
    mode: str = MODE
    dtype: str = "float64"

    SECTION: ClassVar[str] = "network"

    def __post_init__(self):
        if self.mode != MODE:
            raise SpecError("mode", self.mode, f"{MODE} (a EncoderDecoderSpec is always one)")
        check_choice("encoder_cell", self.encoder_cell, CELLS)
        check_choice("decoder_cell", self.decoder_cell, CELLS)
        check_choice("bridge", self.bridge, BRIDGES)
        check_choice("attention", self.attention, ATTENTIONS)
        check_choice("context", self.context, CONTEXTS)
        check_choice("dtype", self.dtype, DTYPES)
        check_bool("bidirectional", self.bidirectional)
        for name, (low, high) in _LIMITS.items():
            check_int(name, getattr(self, name), low, high)
        if self.attention in ("dot", "scaled_dot") and self.memory_size != self.decoder_hidden_size:
            raise SpecError(
                "attention",
                self.attention,
                f"additive or bilinear: {self.attention} needs the encoder's output size "
                f"({self.num_directions} x {self.encoder_hidden_size} = {self.memory_size}) to "
                f"equal decoder_hidden_size ({self.decoder_hidden_size})",
            )
        if self.bridge == "zeros" and self.attention == "none":
            raise SpecError(
                "bridge",
                self.bridge,
                "auto or learned without attention (from zeros the decoder would never see the "
                "source)",
            )
        check_parameter_count(
            "decoder_hidden_size",
            self.decoder_hidden_size,
            self.num_parameters,
            "make the hidden sizes, the layers or the vocabularies smaller",
        )

    # ----- derived facts -------------------------------------------------------------------
    @property
    def num_parameters(self) -> int:
        return sum(math.prod(shape) for shape in shapes(self).values())

    @property
    def num_directions(self) -> int:
        return 2 if self.bidirectional else 1

    @property
    def memory_size(self) -> int:
        """Width of the encoder's outputs: the keys attention reads and its context's width."""
        return self.num_directions * self.encoder_hidden_size

    @property
    def attends(self) -> bool:
        return self.attention != "none"

    @property
    def input_feeding(self) -> bool:
        """True when the context enters the decoder's first layer (the decoder then runs step
        by step with the attention inside its time loop)."""
        return self.attends and self.context == "input"

    @property
    def decoder_input_size(self) -> int:
        """Width of what the decoder's first layer reads."""
        extra = self.memory_size if self.input_feeding else 0
        return self.target_embedding_dim + extra

    @property
    def output_features(self) -> int:
        """Width of what the output layer reads: s_t, or [s_t; c_t] with attention."""
        return self.decoder_hidden_size + (self.memory_size if self.attends else 0)

    @property
    def bridge_learned(self) -> bool:
        if self.bridge == "auto":
            return self.bidirectional or self.encoder_hidden_size != self.decoder_hidden_size
        return self.bridge == "learned"

    @property
    def bridge_cell(self) -> bool:
        """True when an LSTM decoder's cell state comes from an LSTM encoder's."""
        return self.bridge != "zeros" and self.encoder_cell == self.decoder_cell == "lstm"

    def encoder_layer_for(self, decoder_layer: int) -> int:
        """The encoder layer whose final state starts `decoder_layer`."""
        return max(0, decoder_layer + self.encoder_layers - self.decoder_layers)

    @property
    def encoder_gate_blocks(self) -> int:
        return GATE_BLOCKS[self.encoder_cell]

    @property
    def decoder_gate_blocks(self) -> int:
        return GATE_BLOCKS[self.decoder_cell]


@lru_cache(maxsize=256)
def stack_names(part: str, layer: int, direction: int = 0) -> dict[str, str]:
    """The names of one layer and direction of the encoder or decoder, by role (shared: do not
    change the dict)."""
    return {role: f"{part}.{name}" for role, name in layer_names(layer, direction).items()}


def shapes(spec: EncoderDecoderSpec) -> dict[str, tuple[int, ...]]:
    """Every parameter's name and shape, in state_dict order."""
    out: dict[str, tuple[int, ...]] = {}
    out["encoder.embedding.weight"] = (spec.source_vocab_size, spec.source_embedding_dim)
    H = spec.encoder_hidden_size
    rows = spec.encoder_gate_blocks * H
    for layer in range(spec.encoder_layers):
        width = spec.source_embedding_dim if layer == 0 else spec.memory_size
        for direction in range(spec.num_directions):
            names = stack_names("encoder", layer, direction)
            out[names["weight_ih"]] = (rows, width)
            out[names["weight_hh"]] = (rows, H)
            out[names["bias_ih"]] = (rows,)
            out[names["bias_hh"]] = (rows,)
    if spec.bridge_learned:
        for layer in range(spec.decoder_layers):
            out[f"bridge.weight_l{layer}"] = (spec.decoder_hidden_size, spec.memory_size)
            out[f"bridge.bias_l{layer}"] = (spec.decoder_hidden_size,)
            if spec.bridge_cell:
                out[f"bridge.cell_weight_l{layer}"] = (spec.decoder_hidden_size, spec.memory_size)
                out[f"bridge.cell_bias_l{layer}"] = (spec.decoder_hidden_size,)
    out["decoder.embedding.weight"] = (spec.target_vocab_size, spec.target_embedding_dim)
    H = spec.decoder_hidden_size
    rows = spec.decoder_gate_blocks * H
    for layer in range(spec.decoder_layers):
        names = stack_names("decoder", layer)
        out[names["weight_ih"]] = (rows, spec.decoder_input_size if layer == 0 else H)
        out[names["weight_hh"]] = (rows, H)
        out[names["bias_ih"]] = (rows,)
        out[names["bias_hh"]] = (rows,)
    if spec.attention == "additive":
        out["attention.W"] = (spec.attention_size, spec.memory_size)
        out["attention.U"] = (spec.attention_size, H)
        out["attention.v"] = (spec.attention_size,)
    elif spec.attention == "bilinear":
        out["attention.W"] = (spec.memory_size, H)
    out["output.weight"] = (spec.target_vocab_size, spec.output_features)
    out["output.bias"] = (spec.target_vocab_size,)
    return out
