"""Checks that train: short seeded runs that show one architecture doing what another cannot.

Budgets (sizes, steps, learning rates) were chosen so that the contrast holds on any seed with
a margin (docs/lessons.md lists the figures measured on several seeds), and each check runs in
seconds on one core.
"""

from __future__ import annotations

import numpy as np

from ..outcome import Outcome
from ..runs import evaluated, trained


def _accuracy(task: str, sets: dict, steps: int, seed: int) -> float:
    trainer, _ = trained(task, sets, steps, seed)
    return evaluated(trainer)["accuracy"]


def tdnn_window(seed: int) -> Outcome:
    """A time-delay network with a window of K = 3 past inputs recalls the symbol 3 steps back,
    and cannot recall 5 steps back: its memory is the window and nothing more."""
    network = {
        "network.cell": "tdnn",
        "network.delay": 3,
        "network.hidden_size": 24,
        "network.activation": "tanh",
        "task.length": 20,
    }
    inside = _accuracy("copy", {**network, "task.delay": 3}, 300, seed)
    outside = _accuracy("copy", {**network, "task.delay": 5}, 300, seed)
    outcome = Outcome({"accuracy, recall 3 back": inside, "accuracy, recall 5 back": outside})
    outcome.require("inside the window it recalls (>= 0.9)", inside >= 0.9)
    outcome.require("outside it stays near chance (<= 0.45)", outside <= 0.45)
    return outcome


SEGMENTATION = {"network.hidden_size": 16, "task.train_size": 400, "task.test_size": 100}


def segmentation(seed: int) -> Outcome:
    """Synchronous sequence to sequence: one B/M/E/S tag per character, read off h_t at every
    step; a small LSTM learns far more than the most frequent tag gives."""
    trainer, _ = trained("segmentation", {**SEGMENTATION, "network.cell": "lstm"}, 300, seed)
    accuracy = evaluated(trainer)["accuracy"]
    data = trainer.task.test
    valid = np.arange(data.targets.shape[1])[None, :] < data.lengths[:, None]
    majority = float(np.bincount(data.targets[valid]).max() / valid.sum())
    outcome = Outcome({"tag accuracy": accuracy, "most frequent tag's share": majority})
    outcome.require(
        "the LSTM beats always saying the most frequent tag by 0.15", accuracy >= majority + 0.15
    )
    return outcome


def bidirectional(seed: int) -> Outcome:
    """A character's tag depends on what follows: the bidirectional LSTM, whose reverse
    direction reads the rest of the sentence, tags better than a one-way LSTM of the same size."""
    sets = {**SEGMENTATION, "network.cell": "lstm"}
    one_way = _accuracy("segmentation", sets, 300, seed)
    both = _accuracy("segmentation", {**sets, "network.bidirectional": True}, 300, seed)
    outcome = Outcome({"accuracy, one direction": one_way, "accuracy, bidirectional": both})
    outcome.require("bidirectional is better by at least 0.03", both >= one_way + 0.03)
    return outcome


def encoder_decoder(seed: int) -> Outcome:
    """Reversing a sequence: without attention the decoder sees the source only through the
    encoder's last state; with attention it reads every x_n, and learns it far sooner."""
    sets = {"task.train_size": 500, "task.test_size": 100}
    plain = _accuracy("reverse", {**sets, "network.attention": "none"}, 300, seed)
    attending = _accuracy("reverse", {**sets, "network.attention": "additive"}, 300, seed)
    outcome = Outcome({"accuracy, no attention": plain, "accuracy, additive attention": attending})
    outcome.require("attention is better by at least 0.15", attending >= plain + 0.15)
    return outcome


def rvnn(seed: int) -> Outcome:
    """A recursive network composes p = f(W [c1; c2] + b) bottom up and labels every phrase; it
    learns the treebank's phrase labels far beyond the most frequent label."""
    sets = {"network.model": "rvnn", "network.dim": 8, "task.train_size": 200}
    trainer, _ = trained("tree_sentiment", sets, 300, seed)
    result = evaluated(trainer)
    labels = np.concatenate([t.label for t in trainer.task.test.trees])
    majority = float(np.bincount(labels[labels >= 0]).max() / (labels >= 0).sum())
    outcome = Outcome(
        {
            "node accuracy": result["accuracy"],
            "root accuracy": result["root_accuracy"],
            "most frequent label's share": majority,
        }
    )
    outcome.require(
        "nodes beat the most frequent label by 0.15", result["accuracy"] >= majority + 0.15
    )
    return outcome
