"""Watching a demonstration from another thread: how far its training runs are, and a stop.

A lesson's check or a sweep trains several seeded runs one after another (simulator.lessons,
training.sweep). A window runs them in a worker thread and wants a progress bar and a Stop
button; the demonstrations call `watched_train(trainer, steps)` instead of `trainer.train`, and
a caller that watches wraps the whole demonstration:

    watch = Watch(on_progress=lambda run, step, target: ...)   # called in the worker thread
    with watching(watch):
        outcome = run_check(lesson, seed)        # raises Stopped once watch.stop() was called
    ...
    watch.stop()                                 # from any thread

Without a watch, `watched_train` is `trainer.train(steps)`. The stop takes effect at the
current run's next chunk (Trainer.train's callback), so a stopped demonstration ends within a
few steps and leaves nothing running.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .trainer import Progress, Trainer, TrainingResult


class Stopped(Exception):
    """The watched demonstration was asked to stop."""


class Watch:
    def __init__(self, on_progress: Callable[[int, int, int], None] | None = None):
        self.on_progress = on_progress  # (run, step, target): run counts from 1
        self.runs = 0
        self._stop = threading.Event()

    def stop(self) -> None:
        """Ask the demonstration to stop (safe from any thread)."""
        self._stop.set()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def train(self, trainer: Trainer, steps: int) -> TrainingResult:
        if self.stopped:
            raise Stopped
        self.runs += 1
        target = trainer.step + steps

        def progress(report: Progress) -> None:
            if self.on_progress is not None:
                self.on_progress(self.runs, report.step, target)
            if self.stopped:
                trainer.stop()  # from this thread, so the loop sees it after this callback

        result = trainer.train(steps, callback=progress)
        if self.stopped:
            raise Stopped
        return result


_current = threading.local()


@contextmanager
def watching(watch: Watch) -> Iterator[Watch]:
    """Every watched_train in this thread, inside the block, reports to `watch`."""
    before = getattr(_current, "watch", None)
    _current.watch = watch
    try:
        yield watch
    finally:
        _current.watch = before


def watched_train(trainer: Trainer, steps: int) -> TrainingResult:
    """trainer.train(steps), reporting to this thread's watch (if any) and stopping when it
    asks (Stopped)."""
    watch = getattr(_current, "watch", None)
    if watch is None:
        return trainer.train(steps)
    return watch.train(trainer, steps)
