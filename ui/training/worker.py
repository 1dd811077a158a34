"""TrainingWorker: one Trainer's `train()` in a QThread, reporting copied snapshots.

The engine's callback runs in the worker thread after every step; it emits a Snapshot (copied
arrays, never the live History) at most `per_second` times a second, and always after the last
step, so the GUI redraws at a bounded rate whatever the network's speed. `pause()` asks the
Trainer to stop at the next chunk (thread-safe); the result (done, stopped or diverged) comes
back through `done`. As a `Worker`, it is stopped with the others when the window closes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import Signal

from ..worker import Worker


@dataclass
class Snapshot:
    """What the curves need from one moment of a run, copied out of the worker thread."""

    step: int
    target: int
    steps_per_second: float
    table: np.ndarray  # History.table(): (records, columns)
    columns: list[str]
    evaluations: list[tuple[int, float, float]] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)  # the test set's, when a run ends

    def column(self, name: str) -> np.ndarray:
        return self.table[:, self.columns.index(name)]

    @classmethod
    def of(cls, trainer, target: int, rate: float) -> Snapshot:
        history = trainer.history
        return cls(
            trainer.step, target, rate, history.table(), list(history.columns),
            list(history.evaluations),
        )  # fmt: skip


class TrainingWorker(Worker):
    snapshot = Signal(object)  # Snapshot

    def __init__(self, trainer, steps: int, per_second: float = 30.0, chunk: int = 1, parent=None):
        super().__init__(self._train, parent)
        self.trainer = trainer
        self.steps = steps
        self.chunk = chunk
        self.interval = 1.0 / per_second
        self.target = trainer.step + steps
        self.result = None  # the TrainingResult, once run() is over (read after wait())
        self._last_emit = 0.0
        self._rate = 0.0  # steps per second, as the engine last reported

    def pause(self) -> None:
        """Stop at the next chunk; the result still arrives (reason "stopped")."""
        self.trainer.stop()

    def cancel(self) -> None:
        """Stop at the next chunk and drop the result (the window is closing)."""
        super().cancel()
        self.trainer.stop()

    def _train(self, _report):
        self.result = self.trainer.train(self.steps, self._progress, chunk=self.chunk)
        last = Snapshot.of(self.trainer, self.target, self._rate)  # always sent
        if self.result.reason == "done" and not self.cancelled:  # what the run reached, on
            last.scores = self.trainer.evaluate()  # the test set (up to 0.2 s: not on a pause)
        self.snapshot.emit(last)
        return self.result

    def _progress(self, progress) -> None:
        self._rate = progress.steps_per_second
        now = time.perf_counter()
        if now - self._last_emit >= self.interval:
            self._last_emit = now
            self.snapshot.emit(Snapshot.of(self.trainer, self.target, progress.steps_per_second))
