"""The encoder-decoder's parameter names, shapes and initial values.

Every parameter lives in one flat vector (so the Trainer's optimisers and clipping see one
vector) and each name is a view into it. Names say which part a parameter belongs to:

    encoder.embedding.weight                     (source vocabulary, source embedding)
    encoder.weight_ih_l0, ..._reverse            PyTorch's nn.RNN/GRU/LSTM names and gate order:
                                                 drop "encoder." and they load into PyTorch
    bridge.weight_l0, bridge.bias_l0             h0 = tanh(W [h_fwd; h_bwd] + b) (learned bridge)
    bridge.cell_weight_l0, bridge.cell_bias_l0   c0 = W_c [c_fwd; c_bwd] + b_c (LSTM to LSTM)
    decoder.embedding.weight                     (target vocabulary, target embedding)
    decoder.weight_ih_l0, ...                    the decoder's stack, as the encoder's
    attention.W, attention.U, attention.v        additive: s = v^T tanh(W x + U q)
    attention.W                                  bilinear: s = x^T W q
    output.weight, output.bias                   logits = V [s_t; c_t] + b
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from ..parameters import layer_names
from .spec import EncoderDecoderSpec


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


def initialise(spec: EncoderDecoderSpec, params: dict[str, np.ndarray], rng: np.random.Generator):
    """PyTorch's defaults: embeddings N(0, 1); every other weight and bias U(-1/sqrt(fan),
    1/sqrt(fan)) with fan the hidden size (recurrent layers) or the input width (bridge,
    attention, output layer; attention.v and attention.W of bilinear use their row count)."""
    for name, view in params.items():
        if name.endswith("embedding.weight"):
            view[...] = rng.standard_normal(view.shape)
            continue
        if name.startswith("encoder."):
            fan = spec.encoder_hidden_size
        elif name.startswith("decoder."):
            fan = spec.decoder_hidden_size
        elif name.startswith(("bridge.", "output.")):
            weight = name.replace("bias", "weight")
            fan = params[weight].shape[1]
        elif name == "attention.v":
            fan = spec.attention_size
        else:  # attention.W, attention.U: the width they read
            fan = view.shape[1]
        bound = 1.0 / math.sqrt(fan)
        view[...] = rng.uniform(-bound, bound, view.shape)
