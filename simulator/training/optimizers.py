"""Optimisers over the flat parameter vector: SGD, SGD with momentum, Adam.

Each keeps its state in named flat arrays (saved beside the parameters), so training stopped
after step n and resumed gives exactly the parameters of an uninterrupted run.
"""

from __future__ import annotations

import numpy as np

from .settings import TrainingSettings

# The flat arrays each optimiser keeps between steps (a project file stores them).
STATE_NAMES = {"sgd": (), "momentum": ("velocity",), "adam": ("exp_avg", "exp_avg_sq")}


class Optimizer:
    def __init__(self, settings: TrainingSettings, size: int, dtype):
        self.settings = settings
        self.state = {name: np.zeros(size, dtype) for name in STATE_NAMES[settings.optimizer]}

    def update(self, params: np.ndarray, grad: np.ndarray, step: int) -> None:
        """One update of `params` in place; `step` counts from 1 (Adam's bias correction)."""
        s = self.settings
        lr = s.learning_rate
        if s.optimizer == "sgd":
            params -= lr * grad  # p <- p - lr g
        elif s.optimizer == "momentum":
            v = self.state["velocity"]
            v *= s.momentum
            v += grad  # v <- mu v + g
            params -= lr * v  # p <- p - lr v
        else:
            m, v = self.state["exp_avg"], self.state["exp_avg_sq"]
            m *= s.beta1
            m += (1 - s.beta1) * grad  # m <- b1 m + (1 - b1) g
            v *= s.beta2
            v += (1 - s.beta2) * grad * grad  # v <- b2 v + (1 - b2) g^2
            m_hat = m / (1 - s.beta1**step)
            v_hat = v / (1 - s.beta2**step)
            params -= lr * m_hat / (np.sqrt(v_hat) + s.epsilon)

    def load_state(self, state: dict[str, np.ndarray]) -> None:
        for name, array in self.state.items():
            if name in state:
                if state[name].shape != array.shape:
                    raise ValueError(
                        f"optimizer state {name} has shape {state[name].shape}; "
                        f"expected {array.shape}"
                    )
                array[...] = state[name]
