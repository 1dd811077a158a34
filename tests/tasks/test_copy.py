"""Delayed recall: the target at step t is the symbol read at step t - delay."""

import numpy as np

from simulator.tasks import make_task
from simulator.tasks.copy import BLANK


def test_targets_are_the_inputs_shifted_by_the_delay():
    task = make_task("copy", {"train_size": 50, "test_size": 5, "delay": 4, "length": 12})
    for inputs, targets in zip(task.train.inputs, task.train.targets, strict=True):
        read = task.vocabulary.decode(inputs)
        recalled = [task.labels[i] for i in targets]
        assert recalled[:4] == [BLANK] * 4
        assert recalled[4:] == read[:-4]


def test_symbols_setting_sets_the_alphabet():
    task = make_task("copy", {"train_size": 200, "test_size": 5, "symbols": 3})
    read = set(task.vocabulary.decode(np.unique(task.train.inputs)))
    assert read == {"a", "b", "c"}
    assert task.labels == [BLANK, "a", "b", "c"]
    assert task.spec_fields["output_size"] == 4 and task.spec_fields["vocab_size"] == 5


def test_describe_aligns_input_and_recall():
    task = make_task("copy", {"train_size": 1, "test_size": 1, "delay": 2, "length": 6})
    shown, _, recalled = task.describe("train", 0).partition("  ->  ")
    assert recalled == "__" + shown[:4]
