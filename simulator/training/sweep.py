"""Accuracy against sequence length: the same training repeated at several lengths of a task
(the nndl book's digit-memory figure: a simple RNN falls as the sequence grows, an LSTM holds)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from .seeded import seeded_trainer
from .watch import watched_train


def accuracy_against_length(
    cells: Sequence[str],
    lengths: Sequence[int],
    sets: dict | None = None,
    steps: int = 1000,
    seed: int = 0,
    task: str = "digit_memory",
    progress: Callable[[str, int, float], None] | None = None,
) -> dict[str, list[float]]:
    """{cell: [test accuracy at each length]}: for each cell and length a new project on `task`
    with task.length set (and `sets`, dotted paths as `rnnsim new --set`), trained `steps`
    steps. Data, initial weights and batch order come from `seed`, the same for every cell, so
    the cells are compared on the same examples. `progress(cell, length, accuracy)` is called
    after each run (a window can draw the curve as it grows)."""
    curves: dict[str, list[float]] = {}
    for cell in cells:
        curves[cell] = []
        for length in lengths:
            trainer = seeded_trainer(
                task, {**(sets or {}), "network.cell": cell, "task.length": int(length)}, seed
            )
            with np.errstate(all="ignore"):
                watched_train(trainer, steps)
                accuracy = trainer.evaluate(max_examples=len(trainer.task.test))["accuracy"]
            curves[cell].append(float(accuracy))
            if progress is not None:
                progress(cell, int(length), float(accuracy))
    return curves
