"""The decoder under teacher forcing, forward and backward, with the context where the spec says.

- No attention, or the context at the output (Luong): the decoder's stack runs over the whole
  target with simulator.cells (one kernel call per layer); then one attention call handles every
  step, with query s_t. The output layer reads [s_t; c_t].
- Input feeding (Bahdanau): kernels/feeding.py runs every step and layer with the attention
  inside the time loop; query s_{t-1}; the first layer reads [e(y_{t-1}); c_t].
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..trace import DirectionTrace
from .attention import ScoreParameters, allocate
from .encoder import backward_stack, run_stack, stack_spec
from .kernels.attention_steps import attention_backward, attention_forward
from .kernels.cell_step import GRU, LSTM, RNN
from .kernels.feeding import feeding_backward, feeding_forward
from .spec import EncoderDecoderSpec, stack_names
from .trace import AttentionTrace

CELL_CODES = {"rnn": RNN, "gru": GRU, "lstm": LSTM}
ROLES = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")


@dataclass
class DecoderRun:
    layers: list[list[DirectionTrace]]
    attention: AttentionTrace | None
    top: np.ndarray  # (B, T, H) s_t of the top layer
    time_major: dict | None  # the input-feeding kernels' own arrays (L, T, B, ...)


def per_layer(spec: EncoderDecoderSpec, source: dict) -> tuple[tuple[np.ndarray, ...], ...]:
    """(weight_ih, weight_hh, bias_ih, bias_hh), each a tuple with one array per layer."""
    names = [stack_names("decoder", layer) for layer in range(spec.decoder_layers)]
    return tuple(tuple(source[n[role]] for n in names) for role in ROLES)


def decoder_forward(
    spec: EncoderDecoderSpec,
    params: dict,
    score: ScoreParameters | None,
    embedded: np.ndarray,
    target_lengths: np.ndarray,
    memory: np.ndarray,
    source_lengths: np.ndarray,
    h0: np.ndarray,
    c0: np.ndarray,
) -> DecoderRun:
    if spec.input_feeding:
        return _feeding_forward(
            spec, params, score, embedded, target_lengths, memory, source_lengths, h0, c0
        )
    layers = run_stack(
        stack_spec(spec, "decoder"), params, "decoder", embedded, target_lengths, h0, c0
    )
    top = layers[-1][0].hidden
    attention = None
    if score is not None:
        B, T, H = top.shape
        S, M = memory.shape[1:]
        arrays = allocate(score, B, T, S, M, H, memory.dtype)
        attention_forward(
            score.kind,
            memory,
            source_lengths,
            top,
            target_lengths,
            score.w,
            score.u,
            score.v,
            score.scale,
            arrays.keys,
            arrays.query_proj,
            arrays.hidden,
            arrays.scores,
            arrays.weights,
            arrays.contexts,
        )
        attention = AttentionTrace(
            score.score,
            arrays.keys,
            top,
            arrays.scores,
            arrays.weights,
            arrays.contexts,
            arrays.query_proj,
            arrays.hidden,
        )
    return DecoderRun(layers, attention, top, None)


def _feeding_forward(spec, params, score, embedded, target_lengths, memory, source_lengths, h0, c0):
    B, T, E = embedded.shape
    S, M = memory.shape[1:]
    L, H = spec.decoder_layers, spec.decoder_hidden_size
    G = spec.decoder_gate_blocks * H
    dtype = memory.dtype
    arrays = allocate(score, B, T, S, M, H, dtype)
    queries = np.zeros((B, T, H), dtype)
    a = {
        "inputs0": np.zeros((T, B, E + M), dtype),
        "pre_input": np.zeros((L, T, B, G), dtype),
        "pre_hidden": np.zeros((L, T, B, G), dtype),
        "gates": np.zeros((L, T, B, G), dtype),
        "cell_state": np.zeros((L, T, B, H), dtype),
        "hidden": np.zeros((L, T, B, H), dtype),
        "h0": h0,
        "c0": c0,
    }
    h_last, c_last = np.zeros((L, B, H), dtype), np.zeros((L, B, H), dtype)
    w_ih, w_hh, b_ih, b_hh = per_layer(spec, params)
    feeding_forward(
        CELL_CODES[spec.decoder_cell],
        score.kind,
        np.ascontiguousarray(embedded.transpose(1, 0, 2)),
        target_lengths,
        memory,
        source_lengths,
        w_ih,
        w_hh,
        b_ih,
        b_hh,
        score.w,
        score.u,
        score.v,
        score.scale,
        h0,
        c0,
        arrays.keys,
        queries,
        arrays.query_proj,
        arrays.hidden,
        arrays.scores,
        arrays.weights,
        arrays.contexts,
        a["inputs0"],
        a["pre_input"],
        a["pre_hidden"],
        a["gates"],
        a["cell_state"],
        a["hidden"],
        h_last,
        c_last,
    )
    cell = spec.decoder_cell

    def batch_first(x):
        return x.transpose(1, 0, 2)

    layers = []
    for layer in range(L):
        layers.append(
            [
                DirectionTrace(
                    layer=layer,
                    direction=0,
                    cell=cell,
                    gru_textbook=False,
                    inputs=batch_first(a["inputs0"] if layer == 0 else a["hidden"][layer - 1]),
                    pre_input=batch_first(a["pre_input"][layer]),
                    pre_hidden=batch_first(a["pre_hidden"][layer]),
                    gate_values=None if cell == "rnn" else batch_first(a["gates"][layer]),
                    cell_state=batch_first(a["cell_state"][layer]) if cell == "lstm" else None,
                    hidden=batch_first(a["hidden"][layer]),
                    initial_hidden=h0[layer],
                    initial_cell=c0[layer] if cell == "lstm" else None,
                    final_hidden=h_last[layer],
                    final_cell=c_last[layer] if cell == "lstm" else None,
                )
            ]
        )
    attention = AttentionTrace(
        score.score,
        arrays.keys,
        queries,
        arrays.scores,
        arrays.weights,
        arrays.contexts,
        arrays.query_proj,
        arrays.hidden,
    )
    top = batch_first(a["hidden"][L - 1])
    return DecoderRun(layers, attention, top, a)


def decoder_backward(
    spec: EncoderDecoderSpec,
    params: dict,
    grads: dict,
    score: ScoreParameters | None,
    run: DecoderRun,
    memory: np.ndarray,
    source_lengths: np.ndarray,
    target_lengths: np.ndarray,
    grad_top: np.ndarray,
    grad_contexts: np.ndarray | None,
    grad_memory: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """From dL/ds_t (B, T, H) and dL/dc_t (B, T, M) at the output layer: every gradient of the
    decoder and the attention; adds dL/d(memory) to grad_memory. Returns dL/d(embedded inputs)
    (B, T, E) and dL/ds_0, dL/dc_0 (L, B, H)."""
    L = spec.decoder_layers
    attention = run.attention
    grad_w, grad_u, grad_v = _score_grads(spec, grads, score)
    if spec.input_feeding:
        return _feeding_backward(
            spec,
            params,
            grads,
            score,
            run,
            memory,
            source_lengths,
            target_lengths,
            grad_top,
            grad_contexts,
            grad_memory,
            grad_w,
            grad_u,
            grad_v,
        )
    if attention is not None:
        B, T, H = grad_top.shape
        attention.grad_scores = np.zeros(attention.scores.shape, attention.scores.dtype)
        attention.grad_queries = np.zeros((B, T, H), memory.dtype)
        attention.grad_contexts = np.ascontiguousarray(grad_contexts)
        grad_query_proj = np.zeros(attention.query_proj.shape, attention.query_proj.dtype)
        attention_backward(
            score.kind,
            memory,
            source_lengths,
            attention.queries,
            target_lengths,
            score.w,
            score.u,
            score.v,
            score.scale,
            attention.keys,
            attention.hidden,
            attention.weights,
            attention.grad_contexts,
            np.zeros((0, 0, 0), memory.dtype),
            attention.grad_scores,
            grad_memory,
            attention.grad_queries,
            grad_query_proj,
            grad_w,
            grad_u,
            grad_v,
        )
        grad_top = grad_top + attention.grad_queries  # q_t = s_t: both paths reach s_t
    zeros = np.zeros((L,) + run.layers[0][0].initial_hidden.shape, memory.dtype)
    grad_inputs = backward_stack(
        stack_spec(spec, "decoder"),
        params,
        grads,
        "decoder",
        run.layers,
        target_lengths,
        grad_top,
        zeros,
        zeros,
    )
    grad_h0 = np.array([layer[0].grad_initial_hidden for layer in run.layers])
    grad_c0 = zeros
    if spec.decoder_cell == "lstm":
        grad_c0 = np.array([layer[0].grad_initial_cell for layer in run.layers])
    return grad_inputs, grad_h0, grad_c0


def _score_grads(spec, grads, score):
    if score is None:
        return None, None, None
    found = [grads.get(f"attention.{name}") for name in ("W", "U", "v")]
    empty = (score.w, score.u, score.v)
    return tuple(
        np.zeros(e.shape, e.dtype) if f is None else f for f, e in zip(found, empty, strict=True)
    )


def _feeding_backward(
    spec,
    params,
    grads,
    score,
    run,
    memory,
    source_lengths,
    target_lengths,
    grad_top,
    grad_contexts,
    grad_memory,
    grad_w,
    grad_u,
    grad_v,
):
    a = run.time_major
    attention = run.attention
    L, T, B, G = a["pre_input"].shape
    H = spec.decoder_hidden_size
    dtype = memory.dtype
    g = {
        "pre_input": np.zeros((L, T, B, G), dtype),
        "pre_hidden": np.zeros((L, T, B, G), dtype),
        "hidden": np.zeros((L, T, B, H), dtype),
        "cell": np.zeros((L, T, B, H), dtype),
        "inputs0": np.zeros(a["inputs0"].shape, a["inputs0"].dtype),
    }
    attention.grad_scores = np.zeros(attention.scores.shape, attention.scores.dtype)
    attention.grad_contexts = np.zeros(attention.contexts.shape, attention.contexts.dtype)
    attention.grad_queries = np.zeros((B, T, H), dtype)
    grad_query_proj = np.zeros(attention.query_proj.shape, attention.query_proj.dtype)
    grad_h0, grad_c0 = np.zeros((L, B, H), dtype), np.zeros((L, B, H), dtype)
    w_ih, w_hh, _, _ = per_layer(spec, params)
    g_w_ih, g_w_hh, g_b_ih, g_b_hh = per_layer(spec, grads)
    layers = run.layers
    h0, c0 = a["h0"], a["c0"]
    feeding_backward(
        CELL_CODES[spec.decoder_cell],
        score.kind,
        target_lengths,
        memory,
        source_lengths,
        w_ih,
        w_hh,
        score.w,
        score.u,
        score.v,
        score.scale,
        h0,
        c0,
        attention.keys,
        attention.queries,
        attention.hidden,
        attention.weights,
        a["inputs0"],
        a["pre_hidden"],
        a["gates"],
        a["cell_state"],
        a["hidden"],
        np.ascontiguousarray(grad_top.transpose(1, 0, 2)),
        np.ascontiguousarray(grad_contexts),
        g["pre_input"],
        g["pre_hidden"],
        g["hidden"],
        g["cell"],
        g["inputs0"],
        attention.grad_scores,
        attention.grad_contexts,
        attention.grad_queries,
        grad_query_proj,
        grad_memory,
        grad_h0,
        grad_c0,
        g_w_ih,
        g_w_hh,
        g_b_ih,
        g_b_hh,
        grad_w,
        grad_u,
        grad_v,
    )
    cell = spec.decoder_cell
    for layer in range(L):
        trace = layers[layer][0]
        trace.grad_hidden = g["hidden"][layer].transpose(1, 0, 2)
        trace.grad_pre_input = g["pre_input"][layer].transpose(1, 0, 2)
        trace.grad_initial_hidden = grad_h0[layer]
        if cell == "gru":
            trace.grad_pre_hidden = g["pre_hidden"][layer].transpose(1, 0, 2)
        if cell == "lstm":
            trace.grad_cell = g["cell"][layer].transpose(1, 0, 2)
            trace.grad_initial_cell = grad_c0[layer]
    E = spec.target_embedding_dim
    grad_inputs = g["inputs0"][:, :, :E].transpose(1, 0, 2)
    return grad_inputs, grad_h0, grad_c0
