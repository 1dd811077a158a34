"""Digit sums: variable lengths, and the parity or last digit of the sum as the class."""

import numpy as np
import pytest

from simulator.tasks import make_task


def _digits(task, data, row):
    return [int(d) for d in task.vocabulary.decode(data.inputs[row, : data.lengths[row]])]


@pytest.mark.parametrize(("target", "classes"), [("parity", 2), ("sum", 10)])
def test_the_class_is_the_sum_modulo_the_number_of_classes(target, classes):
    task = make_task("digit_sum", {"train_size": 100, "test_size": 5, "target": target})
    assert len(task.labels) == classes == task.spec_fields["output_size"]
    for row in range(len(task.train)):
        total = sum(_digits(task, task.train, row))
        label = task.labels[task.train.targets[row]]
        assert label == (["even", "odd"][total % 2] if target == "parity" else str(total % 10))


def test_lengths_vary_within_the_limits():
    task = make_task("digit_sum", {"train_size": 300, "test_size": 5})
    lengths = task.train.lengths
    assert lengths.min() >= 10 and lengths.max() <= 35
    assert len(np.unique(lengths)) > 10  # variable lengths: real padding
    assert task.train.inputs.shape[1] == lengths.max()


def test_equal_limits_give_one_length():
    task = make_task(
        "digit_sum", {"train_size": 20, "test_size": 5, "min_length": 7, "max_length": 7}
    )
    assert set(task.train.lengths.tolist()) == {7}
