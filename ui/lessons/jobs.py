"""A lesson's long steps in a worker thread: its check (the claim measured headless) and the
length sweep (accuracy against length for each cell), with progress and a stop.

Both train several seeded runs one after another; a simulator Watch reports each run's steps
and stops the current run within a chunk when asked (simulator.training.watch). The worker emits
`advanced(run, step, target)` while it trains, a sweep's `point(cell, length, accuracy)` after
each run, and hands back the Outcome (check) or the curves (sweep); a stopped job hands back
None. As a Worker it is stopped with the others when the window closes.
"""

from __future__ import annotations

from PySide6.QtCore import Signal

from ..worker import Worker


class DemonstrationWorker(Worker):
    advanced = Signal(int, int, int)  # run (from 1), its step, its target
    point = Signal(str, int, float)  # a sweep's cell, length and accuracy, as each run ends

    def __init__(self, demonstrate, parent=None):
        """`demonstrate(point)` runs the demonstration; `point` is for a sweep's points."""
        from simulator.training.watch import Watch

        super().__init__(self._run, parent)
        self._demonstrate = demonstrate
        self.watch = Watch(on_progress=self.advanced.emit)

    def stop(self) -> None:
        """End the demonstration at the current run's next chunk; its result is None."""
        self.watch.stop()

    def cancel(self) -> None:
        super().cancel()
        self.watch.stop()

    def _run(self, _report):
        from simulator.training.watch import Stopped, watching

        with watching(self.watch):
            try:
                return self._demonstrate(self.point.emit)
            except Stopped:
                return None


def check_job(lesson, seed: int, parent=None) -> DemonstrationWorker:
    """The lesson's check on `seed` (the same as `rnnsim lesson NAME --check --seed S`)."""

    def demonstrate(_point):
        from simulator.lessons import run_check

        return run_check(lesson, seed)

    return DemonstrationWorker(demonstrate, parent)


# What a sweep takes from the open project (the rest as a new project on its task has it).
SWEPT_FIELDS = {
    "network": ("hidden_size", "embedding_dim"),
    "task": ("train_size", "test_size"),
    "training": ("optimizer", "learning_rate", "batch_size"),
}


def sweep_job(project, cells, lengths, steps: int, seed: int, parent=None):
    """Accuracy against length on the open project's task and sizes: for each cell and length
    a new seeded run (training.sweep.accuracy_against_length)."""
    sections = {
        "network": project.spec.to_dict(),
        "task": project.task,
        "training": project.training.to_dict(),
    }
    sets = {
        f"{section}.{name}": sections[section][name]
        for section, names in SWEPT_FIELDS.items()
        for name in names
        if sections[section].get(name) is not None
    }
    task = project.task["name"]

    def demonstrate(point):
        from simulator.training.sweep import accuracy_against_length

        return accuracy_against_length(cells, lengths, sets, steps, seed, task, progress=point)

    return DemonstrationWorker(demonstrate, parent)
