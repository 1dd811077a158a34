"""What `evaluate` reports besides loss and accuracy, for the tasks where those two mislead.

- Regression (a task without labels): `mse`, the mean squared error itself (the training loss is
  1/2 ||y_hat - y||^2 per example, half of it for one output), and `baseline_mse`, the error of
  always predicting the split's own mean target: a network near that has learnt nothing.
- Treebanks: `root_accuracy` (whole sentences) and `negated_accuracy` (phrases whose left child
  is a negation word, simulator.trees.negation) beside `accuracy` over all labelled nodes.

`scores_for(task)` gives an object that `add`s each evaluated batch's trace and returns the
extra figures from `result()` (nothing for other tasks).
"""

from __future__ import annotations

import numpy as np

from ..tasks.base import Task
from ..trees.negation import negated_phrases


class NoScores:
    def add(self, trace) -> None:
        pass

    def result(self) -> dict[str, float]:
        return {}


class RegressionScores:
    """Squared errors over every valid output entry, and the targets to find their mean."""

    def __init__(self):
        self.errors: list[np.ndarray] = []
        self.targets: list[np.ndarray] = []

    def add(self, trace) -> None:
        outputs = _valid_entries(trace.outputs, trace.lengths)
        targets = _valid_entries(np.asarray(trace.targets), trace.lengths)
        self.errors.append((outputs - targets) ** 2)
        self.targets.append(targets)

    def result(self) -> dict[str, float]:
        return {
            "mse": float(np.concatenate(self.errors).mean()),
            "baseline_mse": mean_predictor_mse(np.concatenate(self.targets)),
        }


def _valid_entries(values: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """(entries, outputs): one row per example, or per valid step when there is one output per
    step ((B, T, O): only the steps within each length count)."""
    if values.ndim == 3:
        values = values[np.arange(values.shape[1])[None, :] < lengths[:, None]]
    return values.reshape(-1, values.shape[-1])


def mean_predictor_mse(targets: np.ndarray) -> float:
    """The MSE of always predicting the mean target: mean over entries of (y - mean(y))^2, the
    mean taken per output. targets: (entries, outputs)."""
    return float(((targets - targets.mean(axis=0)) ** 2).mean())


def baseline_mse(task: Task, split: str = "test", max_examples: int = 1000) -> float | None:
    """The mean predictor's MSE on the examples Trainer.evaluate reads (the first max_examples
    of the split), without running a network; None for a task with classes."""
    if task.labels is not None or getattr(task, "view", None) == "trees":
        return None
    data = task.test if split == "test" else task.train
    _, targets, lengths = data.batch(np.arange(min(len(data), max_examples)))
    return mean_predictor_mse(_valid_entries(np.asarray(targets, float), lengths))


class TreeScores:
    """Right and counted at the roots and at the negated phrases."""

    def __init__(self):
        self.right = {"root": 0, "negated": 0}
        self.counted = {"root": 0, "negated": 0}

    def add(self, trace) -> None:
        predicted = trace.predictions()
        for b, tree in enumerate(trace.batch.trees):
            start = int(trace.batch.starts[b])
            for kind, nodes in (("root", [tree.root]), ("negated", negated_phrases(tree))):
                for n in nodes:
                    if tree.label[n] >= 0:
                        self.counted[kind] += 1
                        self.right[kind] += int(predicted[start + n] == tree.label[n])

    def result(self) -> dict[str, float]:
        """Shares right (left out where no node of that kind was labelled), and how many negated
        phrases were counted."""
        out: dict[str, float] = {
            f"{kind}_accuracy": self.right[kind] / self.counted[kind]
            for kind in ("root", "negated")
            if self.counted[kind]
        }
        out["negated_phrases"] = self.counted["negated"]
        return out


def scores_for(task: Task):
    """The extra figures this task's evaluation reports."""
    if getattr(task, "view", None) == "trees":
        return TreeScores()
    if task.labels is None:
        return RegressionScores()
    return NoScores()
