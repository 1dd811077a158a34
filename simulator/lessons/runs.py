"""Short seeded training runs for the lessons' checks: a new project for a task with some fields
set, its data, initial weights and batch order all drawn from one seed."""

from __future__ import annotations

import numpy as np

from ..training import Trainer, TrainingResult
from ..training.seeded import seeded_trainer as fresh
from ..training.watch import watched_train


def trained(task: str, sets: dict, steps: int, seed: int) -> tuple[Trainer, TrainingResult]:
    """A trainer after `steps` steps on `task` (sets as `rnnsim new --set`), with the task's data,
    the initial weights and the batch order drawn from `seed`."""
    trainer = fresh(task, sets, seed)
    with np.errstate(all="ignore"):  # an exploding run is a result here, not a warning
        result = watched_train(trainer, steps)
    return trainer, result


def evaluated(trainer: Trainer) -> dict[str, float]:
    """The trainer's evaluation on its whole test set (overflow of a diverged run is a number)."""
    with np.errstate(all="ignore"):
        return trainer.evaluate(max_examples=len(trainer.task.test))
