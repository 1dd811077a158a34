"""The adding problem (Hochreiter & Schmidhuber, 1997): memory over a long gap.

Each step brings a random value in [0, 1] and a marker; exactly two steps are marked, one in the
first half and one in the second. At the end the network must output the sum of the two marked
values. The first marked value has to be held across up to `length` steps while everything else
is ignored: a simple RNN's gradient vanishes over that gap (the notes' long-range dependency
problem), while an LSTM or GRU keeps the value in its gated state and learns it.
"""

from __future__ import annotations

import numpy as np

from .base import Dataset, Task, generated_splits
from .settings import GENERATED, Integer

DEFAULTS = {"seed": 0, "train_size": 1000, "test_size": 200, "length": 50}
RULES = {**GENERATED, "length": Integer(2, 2000)}

DESCRIPTION = {
    "en": "Adding problem: add the two marked numbers of a long sequence (long-range dependency).",
    "zh": "加法问题：输出长序列中两个标记数之和（长程依赖问题）。",
}


def build(settings: dict) -> Task:
    length = settings["length"]
    train, test = generated_splits(settings, lambda rng, n: _examples(rng, n, length))
    return Task(
        name="adding",
        settings=settings,
        description=DESCRIPTION,
        spec_fields={"input_size": 2, "output_size": 1, "mode": "seq2class", "loss": "mse"},
        train=train,
        test=test,
        tolerance=0.04,
        show_input=show_steps,
    )


def _examples(rng: np.random.Generator, count: int, length: int) -> Dataset:
    values = rng.uniform(0.0, 1.0, size=(count, length))
    half = length // 2
    first = rng.integers(0, half, size=count)
    second = rng.integers(half, length, size=count)
    markers = np.zeros((count, length))
    rows = np.arange(count)
    markers[rows, first] = 1.0
    markers[rows, second] = 1.0
    inputs = np.stack([values, markers], axis=-1)  # (N, T, 2)
    targets = (values[rows, first] + values[rows, second])[:, None]  # (N, 1)
    return Dataset(inputs, targets, np.full(count, length, dtype=np.int64))


def show_steps(steps: np.ndarray) -> str:
    """The values of one example, the marked ones in brackets: 0.12 [0.73] 0.40 ..."""
    return " ".join(
        f"[{value:.2f}]" if marker else f"{value:.2f}" for value, marker in steps.tolist()
    )
