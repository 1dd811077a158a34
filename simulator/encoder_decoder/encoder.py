"""The encoder and the bridge: read the source, hand the decoder its starting state.

The encoder is a recurrent stack run by simulator.cells, whole sentences per kernel call, exactly
as a Network's layers run; its outputs at the top layer (both directions side by side) are the
memory attention reads. The bridge turns each encoder layer's final state into a decoder layer's
initial state (see EncoderDecoderSpec.bridge):

    copy      s^l_0 = h_n                              (one direction, same size)
    learned   s^l_0 = tanh(W_l [h_fwd; h_bwd] + b_l)
              c^l_0 = W_c,l [c_fwd; c_bwd] + b_c,l      (LSTM to LSTM; zero otherwise)
    zeros     s^l_0 = 0
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .. import cells
from ..spec import NetworkSpec
from ..trace import DirectionTrace
from .spec import EncoderDecoderSpec, stack_names


@lru_cache(maxsize=64)
def stack_spec(spec: EncoderDecoderSpec, part: str) -> NetworkSpec:
    """The NetworkSpec whose layers the encoder or the decoder are (what simulator.cells runs)."""
    if part == "encoder":
        return NetworkSpec(
            cell=spec.encoder_cell,
            input_size=spec.source_embedding_dim,
            hidden_size=spec.encoder_hidden_size,
            num_layers=spec.encoder_layers,
            bidirectional=spec.bidirectional,
            dtype=spec.dtype,
        )
    return NetworkSpec(
        cell=spec.decoder_cell,
        input_size=spec.decoder_input_size,
        hidden_size=spec.decoder_hidden_size,
        num_layers=spec.decoder_layers,
        dtype=spec.dtype,
    )


def role_views(source: dict, part: str, layer: int, direction: int = 0) -> dict[str, np.ndarray]:
    return {role: source[name] for role, name in stack_names(part, layer, direction).items()}


def join(directions: list[DirectionTrace]) -> np.ndarray:
    """A layer's outputs: its directions' hidden states side by side, (B, T, directions * H)."""
    if len(directions) == 1:
        return directions[0].hidden
    return np.ascontiguousarray(np.concatenate([d.hidden for d in directions], axis=2))


def run_stack(
    net_spec: NetworkSpec, params: dict, part: str, x: np.ndarray, lengths: np.ndarray, h0, c0
) -> list[list[DirectionTrace]]:
    """Every layer and direction of a stack on whole sequences; h0, c0 (layers * directions,
    B, H) as PyTorch stacks them."""
    layers = []
    for layer in range(net_spec.num_layers):
        first = layer * net_spec.num_directions
        directions = [
            cells.run_forward(
                net_spec,
                role_views(params, part, layer, d),
                x,
                lengths,
                layer,
                d,
                h0[first + d],
                c0[first + d],
            )
            for d in range(net_spec.num_directions)
        ]
        layers.append(directions)
        x = join(directions)
    return layers


def backward_stack(
    net_spec: NetworkSpec,
    params: dict,
    grads: dict,
    part: str,
    layers: list[list[DirectionTrace]],
    lengths: np.ndarray,
    grad_top: np.ndarray,
    grad_h_last: np.ndarray,
    grad_c_last: np.ndarray,
) -> np.ndarray:
    """BPTT through a stack from dL/d(top outputs) (B, T, directions * H) and dL/d(final
    states) (layers * directions, B, H). Returns dL/dx of the first layer's inputs."""
    H = net_spec.hidden_size
    for layer in reversed(range(net_spec.num_layers)):
        grad_below = None
        for d, direction in enumerate(layers[layer]):
            row = layer * net_spec.num_directions + d
            grad_x = cells.run_backward(
                net_spec,
                role_views(params, part, layer, d),
                role_views(grads, part, layer, d),
                direction,
                lengths,
                np.ascontiguousarray(grad_top[:, :, d * H : (d + 1) * H]),
                np.ascontiguousarray(grad_h_last[row]),
                np.ascontiguousarray(grad_c_last[row]),
            )
            grad_below = grad_x if grad_below is None else grad_below + grad_x
        grad_top = grad_below
    return grad_top


def final_states(spec: EncoderDecoderSpec, encoder: list[list[DirectionTrace]], layer: int):
    """[h_fwd; h_bwd] and [c_fwd; c_bwd] (None unless LSTM) of one encoder layer, (B, M)."""
    directions = encoder[layer]
    if len(directions) == 1:
        return directions[0].final_hidden, directions[0].final_cell
    h = np.concatenate([d.final_hidden for d in directions], axis=1)
    c = None
    if spec.encoder_cell == "lstm":
        c = np.concatenate([d.final_cell for d in directions], axis=1)
    return h, c


def bridge_forward(spec: EncoderDecoderSpec, params: dict, encoder, B: int):
    """The decoder's initial states h0, c0 (decoder_layers, B, H) and, per layer, the learned
    bridge's pre-activation W [h_fwd; h_bwd] + b (None when copied or zero)."""
    L, H = spec.decoder_layers, spec.decoder_hidden_size
    h0 = np.zeros((L, B, H), spec.dtype)
    c0 = np.zeros((L, B, H), spec.dtype)
    pre = [None] * L
    if spec.bridge == "zeros":
        return h0, c0, pre
    for layer in range(L):
        h_n, c_n = final_states(spec, encoder, spec.encoder_layer_for(layer))
        if spec.bridge_learned:
            pre[layer] = h_n @ params[f"bridge.weight_l{layer}"].T + params[f"bridge.bias_l{layer}"]
            h0[layer] = np.tanh(pre[layer])  # s_0 = tanh(W [h_fwd; h_bwd] + b)
            if spec.bridge_cell:  # c_0 = W_c [c_fwd; c_bwd] + b_c
                weight = params[f"bridge.cell_weight_l{layer}"]
                c0[layer] = c_n @ weight.T + params[f"bridge.cell_bias_l{layer}"]
        else:
            h0[layer] = h_n
            if spec.bridge_cell:
                c0[layer] = c_n
    return h0, c0, pre


def bridge_backward(spec: EncoderDecoderSpec, params, grads, encoder, h0, grad_h0, grad_c0):
    """From dL/ds_0 and dL/dc_0 (decoder_layers, B, H): writes the bridge's gradients and
    returns dL/d(encoder final states) (encoder_layers * directions, B, H_enc), h and c."""
    D, He = spec.num_directions, spec.encoder_hidden_size
    B = h0.shape[1]
    grad_h_last = np.zeros((spec.encoder_layers * D, B, He), spec.dtype)
    grad_c_last = np.zeros(grad_h_last.shape, grad_h_last.dtype)
    if spec.bridge == "zeros":
        return grad_h_last, grad_c_last
    for layer in range(spec.decoder_layers):
        source = spec.encoder_layer_for(layer)
        h_n, c_n = final_states(spec, encoder, source)
        if spec.bridge_learned:
            grad_pre = grad_h0[layer] * (1.0 - h0[layer] ** 2)  # through tanh
            grads[f"bridge.weight_l{layer}"][...] = grad_pre.T @ h_n
            grads[f"bridge.bias_l{layer}"][...] = grad_pre.sum(axis=0)
            grad_h = grad_pre @ params[f"bridge.weight_l{layer}"]  # W^T dL/dpre
            grad_c = None
            if spec.bridge_cell:
                grads[f"bridge.cell_weight_l{layer}"][...] = grad_c0[layer].T @ c_n
                grads[f"bridge.cell_bias_l{layer}"][...] = grad_c0[layer].sum(axis=0)
                grad_c = grad_c0[layer] @ params[f"bridge.cell_weight_l{layer}"]
        else:
            grad_h = grad_h0[layer]
            grad_c = grad_c0[layer] if spec.bridge_cell else None
        for d in range(D):
            grad_h_last[source * D + d] += grad_h[:, d * He : (d + 1) * He]
            if grad_c is not None:
                grad_c_last[source * D + d] += grad_c[:, d * He : (d + 1) * He]
    return grad_h_last, grad_c_last
