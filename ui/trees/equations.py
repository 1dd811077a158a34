"""A tree node's equations with this tree's numbers put in, for one unit j. Qt-free.

Leaves read their word's vector; a phrase composes its children c1, c2 as its model does
(rvnn, su-rvnn, mv-rnn, rntn: the notes' 递归神经网络 and its variants); every node is
classified by a softmax, and the backward pass carries δ = ∂L/∂z down the tree. For the rntn
the tensor term [c1; c2]ᵀ V^[j] [c1; c2] is shown beside the W term, to see how much of the
composition the tensor does. Notes are marked for translation in the context "TreeEquations".
"""

from __future__ import annotations

import numpy as np

from ..equations import ACTIVATION_SYMBOL, Equation, activate, num, terms
from ..translation_marks import QT_TRANSLATE_NOOP


def parts(network, trace, n: int) -> dict[str, np.ndarray]:
    """The pieces of z_n = (tensor term) + W x + b (+ W_ab x + b_ab), each (d,)."""
    p = network.params
    x = np.asarray(trace.inputs[n], dtype=np.float64)
    out = {"W x": p["compose.weight"] @ x, "b": np.asarray(p["compose.bias"], np.float64)}
    pair = int(trace.pair[n]) if trace.pair is not None else -1
    if network.spec.model == "su-rvnn" and pair >= 0:
        out["W_ab x"] = p["untied.weight"][pair] @ x
        out["b_ab"] = np.asarray(p["untied.bias"][pair], np.float64)
    if trace.tensor_term is not None:
        out["xᵀ V x"] = np.asarray(trace.tensor_term[n], dtype=np.float64)
    return out


def compose_equations(network, trace, flat, n: int, j: int, row: int) -> list[Equation]:
    """p_n for unit j: a word's vector, or a phrase's composition (row: n's row in the
    trace)."""
    spec = network.spec
    f = ACTIVATION_SYMBOL[spec.activation] or "f"
    value = float(trace.vectors[row, j])
    if flat.left[n] < 0:
        word = int(flat.word[n])
        return [
            Equation(
                f"p = L[{word}]",
                f"p[{j}] = {num(value)}",
                value,
                QT_TRANSLATE_NOOP("TreeEquations", "a word: its row of the embedding L"),
            )
        ]
    pieces = parts(network, trace, row)
    z = float(trace.pre_activation[row, j])
    model = spec.model
    if model == "rntn":
        formula = "z = [c1; c2]ᵀ V^[j] [c1; c2] + W [c1; c2] + b"
        values = [pieces["xᵀ V x"][j], pieces["W x"][j], pieces["b"][j]]
        note = QT_TRANSLATE_NOOP("TreeEquations", "the tensor term, the W term and the bias")
    elif model == "mv-rnn":
        formula = "z = W [B a; A b] + b"
        values = [pieces["W x"][j], pieces["b"][j]]
        note = QT_TRANSLATE_NOOP(
            "TreeEquations", "each child's vector is first multiplied by the other's matrix"
        )
    elif "W_ab x" in pieces:
        formula = "z = (W + W_ab) [c1; c2] + b + b_ab"
        values = [pieces["W x"][j], pieces["W_ab x"][j], pieces["b"][j], pieces["b_ab"][j]]
        note = QT_TRANSLATE_NOOP("TreeEquations", "syntactically untied: W_ab for this pair")
    else:
        formula = "z = W [c1; c2] + b"
        values = [pieces["W x"][j], pieces["b"][j]]
        note = QT_TRANSLATE_NOOP("TreeEquations", "one W shared by every phrase")
    lines = [Equation(formula + f"   (j = {j})", f"= {terms(*values)} = {num(z)}", z, note)]
    lines.append(
        Equation(f"p = {f}(z)", f"= {f}({num(z)}) = {num(activate(spec.activation, z))}", value)
    )
    if model == "mv-rnn":
        lines.append(
            Equation(
                "P = W_M [A; B]",
                f"P[{j}, {j}] = {num(trace.matrices[row, j, j])}",
                float(trace.matrices[row, j, j]),
                QT_TRANSLATE_NOOP("TreeEquations", "the phrase's matrix, from its children's"),
            )
        )
    return lines


def classify_equations(network, trace, labels, row: int, label: int, filled: bool):
    """y = softmax(W_s p + b_s), and the node's loss when it has a label."""
    probs = np.asarray(trace.probabilities[row], dtype=np.float64)
    best = int(np.argmax(probs))
    names = labels or [str(k) for k in range(len(probs))]
    lines = [
        Equation(
            "y = softmax(W_s p + b_s)",
            "= " + ", ".join(num(v) for v in probs),
            float(probs[best]),
            QT_TRANSLATE_NOOP("TreeEquations", "the node's class probabilities"),
        )
    ]
    if label >= 0:
        loss = float(trace.node_losses[row])
        note = (
            QT_TRANSLATE_NOOP("TreeEquations", "label filled in from the prediction")
            if filled
            else QT_TRANSLATE_NOOP("TreeEquations", "the node's own loss")
        )
        lines.append(
            Equation(
                f"L_n = −log y[{names[label]}]",
                f"= −log {num(probs[label])} = {num(loss)}",
                loss,
                note,
            )
        )
    return lines


def backward_equations(trace, flat, n: int, j: int, row: int) -> list[Equation]:
    g = float(trace.grad_vectors[row, j])
    lines = [
        Equation(
            "∂L/∂p = W_sᵀ (y − t) + (from the parent)",
            f"= {num(g)}",
            g,
            QT_TRANSLATE_NOOP("TreeEquations", "the node's own classifier and its parent"),
        )
    ]
    if flat.left[n] >= 0:
        delta = float(trace.deltas[row, j])
        lines.append(
            Equation(
                "δ = ∂L/∂z = f'(z) ⊙ ∂L/∂p",
                f"= {num(delta)}",
                delta,
                QT_TRANSLATE_NOOP("TreeEquations", "passed on to both children through W"),
            )
        )
    return lines
