"""The encoder-decoder's own equations with the live numbers put in. Qt-free.

The attention in the notes' two steps (the distribution α = softmax(s(x_n, q)), then the
weighted average c = Σ α_n x_n), the output layer and the per-step loss, the bridge; the cells'
equations come from ui.equations through `stack_view`, which shows the encoder or the decoder
as the recurrent network it is. Notes are marked for translation in the context
"EncoderDecoderEquations" and translated where shown.
"""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np

from ..equations import Equation, num, terms
from ..translation_marks import QT_TRANSLATE_NOOP

SCORES = {
    "additive": "s(x_n, q) = vᵀ tanh(W x_n + U q)",
    "dot": "s(x_n, q) = x_nᵀ q",
    "scaled_dot": "s(x_n, q) = x_nᵀ q / √d",
    "bilinear": "s(x_n, q) = x_nᵀ W q",
}
SHOWN_TERMS = 5  # a sum of more terms shows its first ones and "…"


def stack_view(model, trace, part: str):
    """(network, trace) as ui.equations reads a recurrent network's: the encoder's or the
    decoder's stack with its parameters under their PyTorch names."""
    from simulator.encoder_decoder.encoder import stack_spec

    prefix = part + "."
    params = {k[len(prefix) :]: v for k, v in model.params.items() if k.startswith(prefix)}
    layers = trace.encoder if part == "encoder" else trace.decoder
    steps = int(trace.source_lengths[0]) if part == "encoder" else int(trace.target_lengths[0])
    network = SimpleNamespace(spec=stack_spec(model.spec, part), params=params)
    return network, SimpleNamespace(layers=layers, steps=steps)


def _sum(products: list[float]) -> str:
    shown = terms(*products[:SHOWN_TERMS])
    return shown + (" + …" if len(products) > SHOWN_TERMS else "")


def score_equation(model, trace, t: int, n: int) -> Equation:
    """s(x_n, q_t) for one source position, computed from the parameters."""
    att = trace.attention
    score = att.score
    x = np.asarray(trace.memory[0, n], dtype=np.float64)
    q = np.asarray(att.queries[0, t], dtype=np.float64)
    value = float(att.scores[0, t, n])
    if score == "additive":
        hidden = np.asarray(att.hidden[0, t, n], dtype=np.float64)
        v = model.params["attention.v"]
        numbers = f"= Σ_k v_k·tanh(·)_k = {_sum((v * hidden).tolist())}"
    elif score == "bilinear":
        wq = model.params["attention.W"] @ q
        numbers = f"= Σ_i x_i (W q)_i = {_sum((x * wq).tolist())}"
    else:
        numbers = f"= Σ_i x_i q_i = {_sum((x * q).tolist())}"
        if score == "scaled_dot":
            numbers = f"= ({numbers[2:]}) / √{len(x)}"
    return Equation(
        SCORES[score].replace("x_n", f"x_{n}").replace("q)", f"q_{t})"),
        f"{numbers} = {num(value)}",
        value,
        QT_TRANSLATE_NOOP(
            "EncoderDecoderEquations", "the score function: how well x_n fits the query"
        ),
    )


def attention_equations(model, trace, t: int, n: int, j: int) -> list[Equation]:
    """Step 1 (score and softmax) for source position n, step 2 (the weighted average) for
    unit j of the context c_t."""
    att = trace.attention
    S = int(trace.source_lengths[0])
    scores = np.asarray(att.scores[0, t, :S], dtype=np.float64)
    weights = np.asarray(att.weights[0, t, :S], dtype=np.float64)
    total = float(np.sum(np.exp(scores - scores.max())))
    alpha = float(weights[n])
    lines = [
        score_equation(model, trace, t, n),
        Equation(
            f"α_{n} = exp(s_{n} − max s) / Σ_j exp(s_j − max s)",
            f"= exp({num(scores[n] - scores.max())}) / {num(total)} = {num(alpha)}",
            alpha,
            QT_TRANSLATE_NOOP(
                "EncoderDecoderEquations",
                "step 1: the attention distribution (softmax over the source)",
            ),
        ),
    ]
    memory = np.asarray(trace.memory[0, :S, j], dtype=np.float64)
    context = float(att.contexts[0, t, j])
    products = [f"{num(a)}·{num(x)}" for a, x in zip(weights, memory, strict=True)]
    shown = " + ".join(products[:SHOWN_TERMS]) + (" + …" if len(products) > SHOWN_TERMS else "")
    lines.append(
        Equation(
            f"c_t[{j}] = Σ_n α_n x_n[{j}]",
            f"= {shown} = {num(context)}",
            context,
            QT_TRANSLATE_NOOP(
                "EncoderDecoderEquations", "step 2: the weighted average of the inputs"
            ),
        )
    )
    return lines


def output_equations(model, trace, tokens: list[str], t: int) -> list[Equation]:
    """o = V [s_t; c_t] + b, p = softmax(o), L_t = −log p[y_t]."""
    features = np.asarray(trace.features[0, t], dtype=np.float64)
    logits = np.asarray(trace.logits[0, t], dtype=np.float64)
    probs = np.asarray(trace.probabilities[0, t], dtype=np.float64)
    V, bias = model.params["output.weight"], model.params["output.bias"]
    target = int(trace.targets[0, t])
    best = int(np.argmax(probs))
    reads = "[s_t; c_t]" if model.spec.attends else "s_t"
    lines = []
    for k in dict.fromkeys((target, best)):
        lines.append(
            Equation(
                f"o[{tokens[k]}] = V[{tokens[k]}] · {reads} + b[{tokens[k]}]",
                f"= {terms(float(V[k] @ features), float(bias[k]))} = {num(logits[k])}",
                float(logits[k]),
            )
        )
    lines.append(
        Equation(
            f"p[{tokens[target]}] = exp(o[{tokens[target]}]) / Σ_v exp(o[v])",
            f"= {num(probs[target])}",
            float(probs[target]),
            QT_TRANSLATE_NOOP("EncoderDecoderEquations", "the target token's probability"),
        )
    )
    loss = float(trace.step_losses[0, t])
    lines.append(
        Equation(
            f"L_t = −log p[{tokens[target]}]",
            f"= −log {num(probs[target])} = {num(loss)}",
            loss,
            QT_TRANSLATE_NOOP("EncoderDecoderEquations", "the per-step loss"),
        )
    )
    return lines


def bridge_equations(model, trace, layer: int, j: int) -> list[Equation]:
    """How the decoder's initial state s_0 came from the encoder's final state."""
    spec = model.spec
    value = float(trace.initial_hidden[layer, 0, j])
    source = spec.encoder_layer_for(layer)
    if spec.bridge == "zeros":
        return [
            Equation("s_0 = 0", "= 0", value, QT_TRANSLATE_NOOP("EncoderDecoderEquations", "zeros"))
        ]
    if not spec.bridge_learned:
        return [
            Equation(
                f"s_0 = h_S (encoder layer {source})",
                f"= {num(value)}",
                value,
                QT_TRANSLATE_NOOP(
                    "EncoderDecoderEquations", "copied from the encoder's last state"
                ),
            )
        ]
    pre = float(trace.bridge_pre[layer][0, j])
    return [
        Equation(
            "s_0 = tanh(W [h_fwd; h_bwd] + b)",
            f"= tanh({num(pre)}) = {num(value)}",
            value,
            QT_TRANSLATE_NOOP("EncoderDecoderEquations", "a learned bridge from the final states"),
        )
    ]


def loss_equation(trace) -> Equation:
    T = int(trace.target_lengths[0])
    losses = [float(v) for v in trace.step_losses[0, :T]]
    shown = ", ".join(num(v) for v in losses[:8]) + (" …" if len(losses) > 8 else "")
    return Equation(
        "L = Σ_t L_t",
        f"= Σ({shown}) = {num(trace.loss)}",
        float(trace.loss),
        QT_TRANSLATE_NOOP("EncoderDecoderEquations", "total loss over the target steps"),
    )


def entropy(weights: np.ndarray) -> float:
    """How spread the attention is: −Σ α log α (0: all on one position)."""
    w = weights[weights > 0]
    return float(-np.sum(w * np.log(w))) if w.size else math.nan
