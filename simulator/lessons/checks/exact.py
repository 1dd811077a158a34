"""Checks of what holds exactly: the engine computes the notes' equations, to rounding.

Each check draws a small untrained network from the seed, computes the notes' equation by hand
with NumPy, and compares; no training, so each takes well under a second.
"""

from __future__ import annotations

import numpy as np

from ...encoder_decoder.attention import attend
from ...gradcheck import gradient_check
from ...network import Network
from ...spec import NetworkSpec
from ...tasks import make_task
from ...trees.chain import chain_for_sequence, chain_rows, recursive_from_recurrent
from ..outcome import Outcome

EXACT = 1e-12  # what "the same to rounding" means for float64 sums of a few dozen terms


def _adding_inputs(seed: int, length: int = 12, count: int = 4):
    task = make_task(
        "adding", {"seed": seed, "train_size": count, "test_size": 1, "length": length}
    )
    return task.train.batch(np.arange(count))


def _by_hand(weights: dict, x: np.ndarray) -> np.ndarray:
    """h_t = tanh(U h_{t-1} + W x_t + b) from h_0 = 0, for a batch x (B, T, D): (B, T, H)."""
    U, W = weights["weight_hh"], weights["weight_ih"]
    b = weights["bias_ih"] + weights["bias_hh"]
    h = np.zeros((x.shape[0], U.shape[0]))
    states = []
    for t in range(x.shape[1]):
        h = np.tanh(h @ U.T + x[:, t] @ W.T + b)
        states.append(h)
    return np.stack(states, axis=1)


def _layer(net: Network, layer: int) -> dict:
    tail = f"_l{layer}"
    return {
        role: net.params[role + tail] for role in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
    }


def rnn_forward(seed: int) -> Outcome:
    """h_t = f(U h_{t-1} + W x_t + b) at every step, and the last state depends on the first
    input (the self-feedback gives the network memory of the whole sequence)."""
    x, y, lengths = _adding_inputs(seed)
    net = Network(
        NetworkSpec(
            cell="rnn", input_size=2, hidden_size=8, mode="seq2class", output_size=1, loss="mse"
        ),
        seed=seed,
    )
    hidden = net.run(x, lengths=lengths).layers[0][0].hidden
    error = float(np.abs(hidden - _by_hand(_layer(net, 0), x)).max())
    changed = x.copy()
    changed[:, 0, 0] += 0.5  # only the first step's value
    moved = net.run(changed, lengths=lengths).layers[0][0].hidden[:, -1] - hidden[:, -1]
    outcome = Outcome(
        {"max |h - h by hand|": error, "last state moved by": float(np.abs(moved).max())}
    )
    outcome.require(f"the trace's h_t equals the equation (error < {EXACT:g})", error < EXACT)
    outcome.require(
        "changing x_1 changes h_T (memory)", outcome.figures["last state moved by"] > 1e-6
    )
    return outcome


def stacked(seed: int) -> Outcome:
    """Layer 2 reads layer 1's states: h2_t = f(U2 h2_{t-1} + W2 h1_t + b2)."""
    x, _, lengths = _adding_inputs(seed)
    spec = NetworkSpec(
        cell="rnn",
        input_size=2,
        hidden_size=6,
        num_layers=2,
        mode="seq2class",
        output_size=1,
        loss="mse",
    )
    net = Network(spec, seed=seed)
    layers = net.run(x, lengths=lengths).layers
    first = _by_hand(_layer(net, 0), x)
    second = _by_hand(_layer(net, 1), first)
    errors = [
        float(np.abs(layers[0][0].hidden - first).max()),
        float(np.abs(layers[1][0].hidden - second).max()),
    ]
    outcome = Outcome({"max error, layer 1": errors[0], "max error, layer 2": errors[1]})
    outcome.require(f"each layer follows its equation (error < {EXACT:g})", max(errors) < EXACT)
    return outcome


def bptt(seed: int) -> Outcome:
    """L = sum_t L_t, and back-propagation through time gives the exact gradient (against
    central finite differences)."""
    task = make_task("copy", {"seed": seed, "train_size": 3, "test_size": 1, "length": 10})
    x, y, lengths = task.train.batch(np.arange(3))
    net = Network(
        NetworkSpec(cell="rnn", hidden_size=6, **task.spec_fields, embedding_dim=4), seed=seed
    )
    trace = net.run(x, y, lengths)
    gap = abs(trace.loss - float(trace.step_losses.sum()) / trace.batch_size)
    check = gradient_check(net, x, y, lengths, max_entries=20, seed=seed)
    outcome = Outcome({"|L - sum_t L_t|": gap, "max relative error of BPTT": check.max_rel_error})
    outcome.require(f"the total loss is the sum of the per-step losses (< {EXACT:g})", gap < EXACT)
    outcome.require("BPTT agrees with finite differences (< 1e-6)", check.max_rel_error < 1e-6)
    return outcome


def chain_is_rnn(seed: int) -> Outcome:
    """An rvnn over the chain (((s x_1) x_2) ... x_T) computes the simple RNN's h_t."""
    rng = np.random.default_rng(seed)
    spec = NetworkSpec(
        cell="rnn", vocab_size=12, embedding_dim=6, hidden_size=6, mode="seq2seq", output_size=3
    )
    rnn = Network(spec, seed=seed)
    ids = rng.integers(1, 12, size=9)
    labels = rng.integers(0, 3, size=9)
    rnn_trace = rnn.run(ids, labels)
    tree_trace = recursive_from_recurrent(rnn).run(chain_for_sequence(ids, labels))
    rows = chain_rows(ids)
    states = float(np.abs(tree_trace.vectors[rows] - rnn_trace.layers[0][0].hidden[0]).max())
    losses = abs(tree_trace.loss - rnn_trace.loss)
    outcome = Outcome({"max |p_t - h_t|": states, "|loss(tree) - loss(rnn)|": losses})
    outcome.require(f"the chain's phrases are the RNN's states (< {EXACT:g})", states < EXACT)
    outcome.require(f"and their losses agree (< {EXACT:g})", losses < EXACT)
    return outcome


def attention_steps(seed: int) -> Outcome:
    """Step 1: alpha_n = softmax(s(x_n, q)); step 2: att = sum_n alpha_n x_n; for the four score
    functions (additive, dot, scaled dot, bilinear), computed by hand."""
    rng = np.random.default_rng(seed)
    N, d, A = 7, 5, 4
    X, q = rng.standard_normal((N, d)), rng.standard_normal(d)
    W, U, v = rng.standard_normal((A, d)), rng.standard_normal((A, d)), rng.standard_normal(A)
    bilinear = rng.standard_normal((d, d))
    by_hand = {
        "additive": (np.tanh(X @ W.T + U @ q) @ v, {"W": W, "U": U, "v": v}),
        "dot": (X @ q, {}),
        "scaled_dot": (X @ q / np.sqrt(d), {}),
        "bilinear": (X @ bilinear @ q, {"W": bilinear}),
    }
    outcome = Outcome()
    worst = 0.0
    for score, (scores, params) in by_hand.items():
        result = attend(X, q, score, **params)
        alpha = np.exp(scores - scores.max())
        alpha /= alpha.sum()
        error = max(
            float(np.abs(result.weights - alpha).max()),
            float(np.abs(result.context - alpha @ X).max()),
        )
        outcome.figures[f"max error, {score}"] = error
        worst = max(worst, error, abs(float(result.weights.sum()) - 1.0))
    outcome.require(
        f"alpha and the weighted average follow the two steps (< {EXACT:g})", worst < EXACT
    )
    return outcome
