"""The equations of a node with the live numbers put in, for one hidden unit j. Qt-free.

Each equation is the cell's formula in the variant the spec uses (rnn plain or residual with its
activation, GRU as PyTorch or the textbook writes it, LSTM, TDNN), followed by the same formula
with the numbers of this example: the matrix-vector products for unit j (computed here from the
parameters) and the result (read from the trace). The names follow the notes: W reads the input,
U the previous hidden state, b and c are the input-side and hidden-side biases.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .translation_marks import QT_TRANSLATE_NOOP  # notes: translated where shown

ACTIVATION_SYMBOL = {"tanh": "tanh", "relu": "relu", "sigmoid": "σ", "identity": ""}
LSTM_GATES = (
    ("i", "σ", QT_TRANSLATE_NOOP("Equations", "input gate")),
    ("f", "σ", QT_TRANSLATE_NOOP("Equations", "forget gate")),
    ("g", "tanh", QT_TRANSLATE_NOOP("Equations", "candidate")),
    ("o", "σ", QT_TRANSLATE_NOOP("Equations", "output gate")),
)
GRU_GATES = (
    ("r", "σ", QT_TRANSLATE_NOOP("Equations", "reset gate")),
    ("z", "σ", QT_TRANSLATE_NOOP("Equations", "update gate")),
)


@dataclass(frozen=True)
class Equation:
    formula: str  # e.g. "f_t = σ(W_f x_t + b_f + U_f h_{t-1} + c_f)"
    numbers: str  # e.g. "= σ(0.1234 + 0.0500 − 0.3100 + 0.0200) = σ(−0.1166) = 0.4709"
    value: float  # the result, as the trace holds it
    note: str = ""


def num(value: float) -> str:
    value = float(value)
    if not np.isfinite(value):
        return str(value)
    if value != 0 and (abs(value) >= 1e4 or abs(value) < 1e-3):
        return f"{value:.3e}"
    return f"{value:.4f}"


def terms(*values: float) -> str:
    """a + b − c, with the signs written out."""
    text = num(values[0])
    for v in values[1:]:
        text += f" − {num(-v)}" if v < 0 else f" + {num(v)}"
    return text


def activate(name: str, z: float) -> float:
    if name in ("tanh",):
        return float(np.tanh(z))
    if name in ("σ", "sigmoid"):
        return float(1 / (1 + np.exp(-z)))
    if name == "relu":
        return max(float(z), 0.0)
    return float(z)


def previous_position(direction: int, t: int, length: int) -> int | None:
    """Where h_{t-1} comes from (the reverse direction reads t+1 first); None: the initial
    state."""
    p = t - 1 if direction == 0 else t + 1
    return p if 0 <= p < length else None


def _weights(network, layer: int, direction: int) -> dict:
    from simulator.spec import layer_names

    names = layer_names(layer, direction)
    return {role: network.params[name] for role, name in names.items() if name in network.params}


def hidden_equations(network, trace, layer: int, direction: int, t: int, j: int) -> list[Equation]:
    spec = network.spec
    d = trace.layers[layer][direction]
    H = spec.hidden_size
    w = _weights(network, layer, direction)
    x = d.inputs[0, t]
    prev = previous_position(direction, t, trace.steps)
    h_prev = d.hidden[0, prev] if prev is not None else d.initial_hidden[0]
    prev_name = "h_{t-1}" if direction == 0 else "h_{t+1}"

    def parts(row: int) -> tuple[float, float, float, float]:
        """(W x_t, b, U h_prev, c) for one row of the stacked matrices."""
        return (
            float(w["weight_ih"][row] @ x),
            float(w["bias_ih"][row]),
            float(w["weight_hh"][row] @ h_prev),
            float(w["bias_hh"][row]),
        )

    if spec.cell == "tdnn":
        return _tdnn(spec, d, w, t, j, direction)
    if spec.cell == "rnn":
        f = ACTIVATION_SYMBOL[spec.activation]
        wx, b, uh, c = parts(j)
        z = wx + b + uh + c
        out = [
            Equation(
                f"z_t = W x_t + b + U {prev_name} + c", f"= {terms(wx, b, uh, c)} = {num(z)}", z
            )
        ]
        fz = activate(spec.activation, z)
        h = float(d.hidden[0, t, j])
        if spec.residual:
            out.append(
                Equation(
                    f"h_t = {prev_name} + {f}(z_t)",
                    f"= {num(h_prev[j])} + {f}({num(z)}) = {terms(h_prev[j], fz)} = {num(h)}",
                    h,
                    QT_TRANSLATE_NOOP(
                        "Equations", "residual: the notes' h_t = h_{t-1} + g(x_t, h_{t-1})"
                    ),
                )
            )
        else:
            out.append(Equation(f"h_t = {f}(z_t)", f"= {f}({num(z)}) = {num(h)}", h))
        return out
    gates = d.gate_values[0, t]
    if spec.cell == "lstm":
        out = []
        values = {}
        for k, (name, act, meaning) in enumerate(LSTM_GATES):
            wx, b, uh, c = parts(k * H + j)
            z = wx + b + uh + c
            value = float(gates[k * H + j])
            values[name] = value
            out.append(
                Equation(
                    f"{name}_t = {act}(W_{name} x_t + b_{name} + U_{name} {prev_name} + c_{name})",
                    f"= {act}({terms(wx, b, uh, c)}) = {act}({num(z)}) = {num(value)}",
                    value,
                    meaning,
                )
            )
        c_prev = d.cell_state[0, prev, j] if prev is not None else d.initial_cell[0, j]
        cell = float(d.cell_state[0, t, j])
        c_prev_name = prev_name.replace("h", "c")
        out.append(
            Equation(
                f"c_t = f_t ⊙ {c_prev_name} + i_t ⊙ g_t",
                f"= {num(values['f'])}·{num(c_prev)} + {num(values['i'])}·"
                f"{num(values['g'])} = {num(cell)}",
                cell,
                QT_TRANSLATE_NOOP("Equations", "cell state"),
            )
        )
        h = float(d.hidden[0, t, j])
        out.append(
            Equation(
                "h_t = o_t ⊙ tanh(c_t)", f"= {num(values['o'])}·tanh({num(cell)}) = {num(h)}", h
            )
        )
        return out
    # gru
    out = []
    values = {}
    for k, (name, _act, meaning) in enumerate(GRU_GATES):
        wx, b, uh, c = parts(k * H + j)
        value = float(gates[k * H + j])
        values[name] = value
        out.append(
            Equation(
                f"{name}_t = σ(W_{name} x_t + b_{name} + U_{name} {prev_name} + c_{name})",
                f"= σ({terms(wx, b, uh, c)}) = σ({num(wx + b + uh + c)}) = {num(value)}",
                value,
                meaning,
            )
        )
    row = 2 * H + j
    wx, b, c = float(w["weight_ih"][row] @ x), float(w["bias_ih"][row]), float(w["bias_hh"][row])
    n = float(gates[row])
    r = values["r"]
    if spec.gru_variant == "textbook":
        reset = gates[:H] * h_prev
        un = float(w["weight_hh"][row] @ reset)
        out.append(
            Equation(
                f"n_t = tanh(W_n x_t + b_n + U_n (r_t ⊙ {prev_name}) + c_n)",
                f"= tanh({terms(wx, b, un, c)}) = {num(n)}",
                n,
                QT_TRANSLATE_NOOP("Equations", "candidate (textbook variant)"),
            )
        )
    else:
        un = float(w["weight_hh"][row] @ h_prev)
        out.append(
            Equation(
                f"n_t = tanh(W_n x_t + b_n + r_t ⊙ (U_n {prev_name} + c_n))",
                f"= tanh({terms(wx, b)} + {num(r)}·({terms(un, c)})) = {num(n)}",
                n,
                QT_TRANSLATE_NOOP("Equations", "candidate (PyTorch variant)"),
            )
        )
    h = float(d.hidden[0, t, j])
    z = values["z"]
    out.append(
        Equation(
            f"h_t = (1 − z_t) ⊙ n_t + z_t ⊙ {prev_name}",
            f"= {num(1 - z)}·{num(n)} + {num(z)}·{num(h_prev[j])} = {num(h)}",
            h,
        )
    )
    return out


def _tdnn(spec, d, w, t: int, j: int, direction: int) -> list[Equation]:
    D = d.inputs.shape[2]
    T = d.inputs.shape[1]
    f = ACTIVATION_SYMBOL[spec.activation]
    b = float(w["bias_ih"][j])
    parts = []
    for k in range(spec.delay + 1):
        s = t - k if direction == 0 else t + k
        x = d.inputs[0, s] if 0 <= s < T else np.zeros(D)
        parts.append(float(w["weight_ih"][j, k * D : (k + 1) * D] @ x))
    z = b + sum(parts)
    sign = "-" if direction == 0 else "+"
    h = float(d.hidden[0, t, j])
    return [
        Equation(
            f"z_t = b + Σ_k W_k x_(t{sign}k),  k = 0..{spec.delay}",
            f"= {terms(b, *parts)} = {num(z)}",
            z,
            QT_TRANSLATE_NOOP("Equations", "a window over the inputs, no recurrence"),
        ),
        Equation(f"h_t = {f}(z_t)", f"= {f}({num(z)}) = {num(h)}", h),
    ]


def backward_equations(trace, layer: int, direction: int, t: int, j: int) -> list[Equation]:
    """The gradients BPTT computed at this node for unit j."""
    d = trace.layers[layer][direction]
    H = d.hidden_size
    g = float(d.grad_hidden[0, t, j])
    out = [
        Equation(
            "∂L/∂h_t",
            f"= {num(g)}",
            g,
            QT_TRANSLATE_NOOP("Equations", "from the output above and from the next step (BPTT)"),
        )
    ]
    if d.grad_cell is not None:
        gc = float(d.grad_cell[0, t, j])
        out.append(
            Equation(
                "∂L/∂c_t",
                f"= {num(gc)}",
                gc,
                QT_TRANSLATE_NOOP("Equations", "carried back along the cell state"),
            )
        )
    names = {"lstm": ("i", "f", "g", "o"), "gru": ("r", "z", "n")}.get(d.cell, ("z",))
    for k, name in enumerate(names):
        value = float(d.grad_pre_input[0, t, k * H + j])
        label = "δ_t = ∂L/∂z_t" if len(names) == 1 else f"∂L/∂(pre-activation of {name}_t)"
        out.append(Equation(label, f"= {num(value)}", value))
    return out


def output_equations(network, trace, labels, position: int) -> list[Equation]:
    """ŷ = softmax(V h + b_o) (or V h + b_o for regression) at one position (seq2seq) or for
    the sequence (seq2class)."""
    spec = network.spec
    V, bias = network.params["output.weight"], network.params["output.bias"]
    features = trace.features[0, position] if spec.mode == "seq2seq" else trace.features[0]
    logits = trace.logits[0, position] if spec.mode == "seq2seq" else trace.logits[0]
    what = {"seq2seq": "h_t", "seq2class": "h_T" if spec.pooling == "last" else "mean_t h_t"}
    source = what[spec.mode]
    out = []
    for k in range(spec.output_size):
        value = float(logits[k])
        name = labels[k] if labels else f"y{k}"
        out.append(
            Equation(
                f"o[{name}] = V[{name}] · {source} + b_o[{name}]",
                f"= {terms(float(V[k] @ features), float(bias[k]))} = {num(value)}",
                value,
            )
        )
    if spec.loss == "cross_entropy":
        probs = (
            trace.probabilities[0, position] if spec.mode == "seq2seq" else trace.probabilities[0]
        )
        best = int(np.argmax(probs))
        name = labels[best] if labels else f"y{best}"
        out.append(
            Equation(
                "p = softmax(o)",
                "= " + ", ".join(num(p) for p in probs),
                float(probs[best]),
                f"most likely: {name}",
            )
        )
    return out


def loss_equations(trace, labels, position: int | None = None) -> list[Equation]:
    """L_t for one position (or every position's share) and the total L = Σ_t L_t."""
    spec = trace.spec
    losses = trace.step_losses[0]
    out = []
    positions = [position] if position is not None else None
    if spec.mode == "seq2class":
        positions = [trace.steps - 1]
    for t in positions or []:
        value = float(losses[t])
        if spec.loss == "cross_entropy":
            y = int(trace.targets[0, t] if spec.mode == "seq2seq" else trace.targets[0])
            p = float(
                trace.probabilities[0, t, y]
                if spec.mode == "seq2seq"
                else trace.probabilities[0, y]
            )
            name = labels[y] if labels else str(y)
            out.append(Equation(f"L_t = −log p[{name}]", f"= −log {num(p)} = {num(value)}", value))
        else:
            out.append(Equation("L_t = ½ ||ŷ − y||²", f"= {num(value)}", value))
    total = float(trace.loss)
    shown = ", ".join(num(v) for v in losses[:8]) + (" …" if len(losses) > 8 else "")
    out.append(
        Equation(
            "L = Σ_t L_t",
            f"= Σ({shown}) = {num(total)}",
            total,
            QT_TRANSLATE_NOOP("Equations", "total loss"),
        )
    )
    return out
