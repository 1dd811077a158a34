"""Whether the end of a run may replace the project it started from.

A run that diverged went back to its last sane parameters (see Trainer.train_step); those may
still be worse than the ones the run started from. They replace the project only when their
test loss is finite and no worse than the start's, or when the person asks (`force`). A run
that ended normally is saved unless its test loss is not finite. The command line and scripts
share this rule; the window keeps every state on its undo stack instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .trainer import Trainer, TrainingResult

ADVICE = "Try a smaller training.learning_rate or training.clip_norm."


@dataclass
class Verdict:
    save: bool
    evaluation: dict[str, float]  # test loss and accuracy of the parameters the run ends with
    message: str  # what happened, one line ("" for a run that ended normally and is saved)


class RunStart:
    """Where a run starts: its parameters and step, to compare the end with."""

    def __init__(self, trainer: Trainer):
        self.trainer = trainer
        self.flat = trainer.network.flat.copy()
        self.step = trainer.step

    def _evaluate_start(self) -> dict[str, float]:
        network = self.trainer.network
        end = network.flat.copy()
        network.flat[...] = self.flat
        try:
            return self.trainer.evaluate()
        finally:
            network.flat[...] = end

    def verdict(self, result: TrainingResult, out: str, force: bool = False) -> Verdict:
        trainer = self.trainer
        evaluation = trainer.evaluate()
        loss = evaluation["loss"]
        finite = math.isfinite(loss)
        if result.reason != "diverged":
            if finite or force:
                return Verdict(True, evaluation, "")
            return Verdict(
                False,
                evaluation,
                f"the test loss at step {trainer.step} is {loss}; {out} was not changed "
                f"(--force saves it anyway). {ADVICE}",
            )
        what = f"training diverged at {result.divergence.message}"
        if trainer.step == self.step:
            return Verdict(False, evaluation, f"{what}; {out} was not changed. {ADVICE}")
        before = self._evaluate_start()["loss"]
        compared = f"test loss {loss:.4g}, at step {self.step} {before:.4g}"
        if (finite and loss <= before) or force:
            return Verdict(
                True, evaluation, f"{what}; saved step {trainer.step} to {out} ({compared})."
            )
        return Verdict(
            False,
            evaluation,
            f"{what}; step {trainer.step} is worse than step {self.step} ({compared}), so {out} "
            f"was not changed (--force saves it anyway). {ADVICE}",
        )
