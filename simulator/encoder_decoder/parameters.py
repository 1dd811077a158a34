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

import numpy as np

from .spec import EncoderDecoderSpec


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
