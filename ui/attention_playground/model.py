"""Playground: the vectors and parameters of the attention playground, and what attention makes
of them for each score function. Qt-free.

The inputs x_1 .. x_N and the query q are points in the plane (d = 2). The score functions'
parameters are fixed and small enough to read: additive s = vᵀ tanh(W x + U q) with W = U = I
and v = (1, 1); bilinear s = xᵀ W q with W a rotation by 45°, so it prefers keys turned from
the query; dot s = xᵀ q and scaled dot s = xᵀ q / √2 need none. The notes' two steps:
α = softmax(s(x_n, q)), then att(X, q) = Σ_n α_n x_n.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

SCORES = ("additive", "dot", "scaled_dot", "bilinear")
ROTATION = math.pi / 4
PARAMETERS = {
    "additive": {"W": np.eye(2), "U": np.eye(2), "v": np.ones(2)},
    "dot": {},
    "scaled_dot": {},
    "bilinear": {
        "W": np.array(
            [[math.cos(ROTATION), -math.sin(ROTATION)], [math.sin(ROTATION), math.cos(ROTATION)]]
        )
    },
}
FORMULAS = {
    "additive": "s(x, q) = vᵀ tanh(W x + U q),  W = U = I,  v = (1, 1)",
    "dot": "s(x, q) = xᵀ q",
    "scaled_dot": "s(x, q) = xᵀ q / √d,  d = 2",
    "bilinear": "s(x, q) = xᵀ W q,  W = rotation by 45°",
}
START_KEYS = ((1.5, 0.5), (-1.0, 1.2), (0.3, -1.4), (-1.2, -0.6))
MAX_KEYS = 8


@dataclass
class Attended:
    """What one score function makes of the points."""

    scores: np.ndarray  # (N,) s(x_n, q)
    weights: np.ndarray  # (N,) α_n, summing to 1
    context: np.ndarray  # (2,) Σ α_n x_n


@dataclass
class Playground:
    keys: np.ndarray = field(default_factory=lambda: np.array(START_KEYS, dtype=np.float64))
    query: np.ndarray = field(default_factory=lambda: np.array([1.0, 1.0]))

    def attend(self, score: str) -> Attended:
        from simulator.encoder_decoder.attention import attend

        result = attend(self.keys, self.query, score, **PARAMETERS[score])
        return Attended(
            np.array(result.scores, dtype=np.float64),
            np.array(result.weights, dtype=np.float64),
            np.array(result.context, dtype=np.float64),
        )

    def attend_all(self) -> dict[str, Attended]:
        return {score: self.attend(score) for score in SCORES}

    def move_key(self, n: int, position) -> None:
        self.keys[n] = np.asarray(position, dtype=np.float64)

    def move_query(self, position) -> None:
        self.query = np.asarray(position, dtype=np.float64)

    def add_key(self) -> bool:
        if len(self.keys) >= MAX_KEYS:
            return False
        angle = 2.4 * len(self.keys)  # spread new points around the circle
        self.keys = np.vstack([self.keys, [1.3 * math.cos(angle), 1.3 * math.sin(angle)]])
        return True

    def remove_key(self) -> bool:
        if len(self.keys) <= 2:
            return False
        self.keys = self.keys[:-1]
        return True


def score_numbers(playground: Playground, score: str, n: int) -> str:
    """s(x_n, q) written out with the numbers of this key and query."""
    x, q = playground.keys[n], playground.query
    if score == "dot":
        return f"{x[0]:.2f}·{q[0]:.2f} + {x[1]:.2f}·{q[1]:.2f}"
    if score == "scaled_dot":
        return f"({x[0]:.2f}·{q[0]:.2f} + {x[1]:.2f}·{q[1]:.2f}) / √2"
    if score == "bilinear":
        wq = PARAMETERS["bilinear"]["W"] @ q
        return f"{x[0]:.2f}·{wq[0]:.2f} + {x[1]:.2f}·{wq[1]:.2f}"
    a = x + q
    return f"tanh({a[0]:.2f}) + tanh({a[1]:.2f})"
