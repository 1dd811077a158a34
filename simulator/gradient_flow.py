"""The gradient-flow matrix: how much of each step's loss reaches each earlier hidden state.

G[t, k] = ||dL_t / dh_k|| for one layer and direction, where L_t is the loss that enters the
network at step t (seq2seq: the per-step loss; seq2class: the part of the loss that reaches the
top layer at step t, i.e. the last step for `last` pooling, every step for `mean`).
The notes' BPTT analysis, delta_{t,k} = delta_{t,t} prod_{tau=k}^{t-1} U^T f'(z_tau) ~ gamma^(t-k),
shows up as the decay of G[t, k] with the distance t - k. Pascanu et al. (2013): when the top
singular value of the recurrent matrix is below 1/gamma (gamma bounds |f'|: 1 for tanh, 1/4 for
sigmoid), gradients must vanish.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .network import Network
from .spec import layer_names
from .threads import engine_threads
from .trace import Trace

# The largest slope of each activation: |f'(z)| <= gamma.
SLOPE_BOUND = {"tanh": 1.0, "relu": 1.0, "sigmoid": 0.25, "identity": 1.0}


@dataclass
class GradientFlow:
    layer: int
    direction: int
    example: int
    matrix: np.ndarray  # (T, T) G[t, k]; NaN rows were not computed (stopped early)
    top_singular_value: float | None  # of the recurrent matrix (None for tdnn)
    gamma: float  # bound on the activation's slope

    @property
    def threshold(self) -> float:
        """1/gamma: below it, the top singular value guarantees vanishing gradients."""
        return 1.0 / self.gamma

    def decay(self) -> tuple[np.ndarray, np.ndarray]:
        """(distances d, mean over t of G[t, t -/+ d] / G[t, t]) for d = 0 .. T-1: how fast a
        gradient fades with the number of steps it travels back."""
        return decay(self.matrix, self.direction)


def decay(matrix: np.ndarray, direction: int) -> tuple[np.ndarray, np.ndarray]:
    """(d, ratio[d] = mean over t of G[t, t -/+ d] / G[t, t]) for d = 0 .. T-1, skipping blank
    (NaN) entries and rows whose G[t, t] is blank or zero; NaN where no entry is left. Quick
    enough (one pass over G) to redraw on every step of the window."""
    T = matrix.shape[0]
    t, k = np.indices((T, T))
    distance = t - k if direction == 0 else k - t  # how far back the gradient travelled
    own = np.diagonal(matrix)[:, None]  # G[t, t], by row
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = matrix / own
        used = (distance >= 0) & np.isfinite(matrix) & np.isfinite(own) & (own > 0)
    sums = np.bincount(distance[used], weights=ratio[used], minlength=T)
    counts = np.bincount(distance[used], minlength=T)
    mean = np.divide(sums, counts, out=np.full(T, np.nan), where=counts > 0)
    return np.arange(T), mean


def recurrent_matrix_norm(
    network: Network, layer: int, direction: int
) -> tuple[float | None, float]:
    """(top singular value, gamma) of the matrix a gradient is multiplied by at each step back:
    U for a simple RNN; for GRU and LSTM the candidate's block of U (gamma = 1, tanh)."""
    spec = network.spec
    if spec.cell == "tdnn":
        return None, SLOPE_BOUND[spec.activation]
    u = network.params[layer_names(layer, direction)["weight_hh"]]
    H = spec.hidden_size
    if spec.cell == "rnn":
        return float(np.linalg.norm(u, 2)), SLOPE_BOUND[spec.activation]
    return float(np.linalg.norm(u[2 * H : 3 * H], 2)), 1.0


def gradient_flow(
    network: Network,
    trace: Trace,
    layer: int = 0,
    direction: int = 0,
    example: int = 0,
    progress: Callable[[int, int], bool | None] | None = None,
) -> GradientFlow:
    """G[t, k] for one layer and direction of one example of a trace that has gradients (run
    with targets). See gradient_flows for the cost and `progress`."""
    spec = network.spec
    if not 0 <= layer < spec.num_layers or not 0 <= direction < spec.num_directions:
        raise ValueError(f"no layer {layer} direction {direction} in this network")
    return gradient_flows(network, trace, example, progress)[layer, direction]


@engine_threads
def gradient_flows(
    network: Network,
    trace: Trace,
    example: int = 0,
    progress: Callable[[int, int], bool | None] | None = None,
) -> dict[tuple[int, int], GradientFlow]:
    """G[t, k] for every layer and direction of one example, keyed (layer, direction).

    One backward pass per step t, seeded with only that step's gradient, fills every layer's
    row t at once. `progress(done, total)` is called after each row; returning False stops
    early (remaining rows stay NaN)."""
    if not trace.has_gradients:
        raise ValueError("gradient flow needs a trace with gradients: run the network with targets")
    spec = network.spec
    one = network.run(
        trace.inputs[example : example + 1],
        trace.targets[example : example + 1],
        trace.lengths[example : example + 1],
    )
    T = one.steps
    length = int(one.lengths[0])
    keys = [(l, d) for l in range(spec.num_layers) for d in range(spec.num_directions)]
    matrices = {key: np.full((T, T), np.nan) for key in keys}
    scratch = network.layout.views(np.zeros_like(network.flat))
    for t in range(length):
        seed = np.zeros_like(one.grad_top)
        seed[:, t] = one.grad_top[:, t]
        layers = [[dataclasses.replace(d) for d in row] for row in one.layers]
        network.backward_layers(layers, one, seed, scratch)
        for l, d in keys:
            grad = layers[l][d].grad_hidden[0]  # (T, H): dL_t/dh_k for every k
            matrices[l, d][t] = np.linalg.norm(grad, axis=1)
            matrices[l, d][t, length:] = np.nan
        if progress is not None and progress(t + 1, length) is False:
            break
    flows = {}
    for l, d in keys:
        sigma, gamma = recurrent_matrix_norm(network, l, d)
        flows[l, d] = GradientFlow(l, d, example, matrices[l, d], sigma, gamma)
    return flows
