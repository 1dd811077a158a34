"""A trainer for a new project whose data, initial weights and batch order all come from one
seed: what a demonstration repeats on another seed to show its result is not one lucky draw."""

from __future__ import annotations

from .trainer import Trainer


def seeded_trainer(task: str, sets: dict, seed: int) -> Trainer:
    """An untrained trainer for a new project on `task` with `sets` (dotted paths, as
    `rnnsim new --set`); task.seed, training.seed and init_seed are all `seed`, and no test
    evaluation runs during training unless `sets` asks for it."""
    from ..project import new_project  # the project module imports this package

    project = new_project(
        task,
        {
            "training.eval_every": 0,
            **sets,
            "task.seed": seed,
            "training.seed": seed,
            "init_seed": seed,
        },
    )
    return project.make_trainer(project.make_network(), project.make_task())
