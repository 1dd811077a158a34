"""Digit memory: the label is the sum of the first two digits; the rest are distractors."""

import numpy as np
import pytest

from simulator.tasks import make_task


def test_the_label_is_the_sum_of_the_first_two_digits_whatever_follows():
    task = make_task("digit_memory", {"train_size": 300, "test_size": 5, "length": 12})
    digits = np.array([[int(d) for d in task.vocabulary.decode(row)] for row in task.train.inputs])
    assert digits.shape == (300, 12)
    assert np.array_equal(task.train.targets, digits[:, 0] + digits[:, 1])
    assert task.spec_fields["output_size"] == 19 == len(task.labels)
    assert task.spec_fields["mode"] == "seq2class"
    # the distractors are digits drawn like the first two, not padding
    assert set(np.unique(digits[:, 2:])) == set(range(10))


def test_the_length_is_a_setting_and_the_data_follows_the_seed():
    short = make_task("digit_memory", {"length": 3, "train_size": 50, "test_size": 5})
    assert set(short.train.lengths.tolist()) == {3}
    a = make_task("digit_memory", {"seed": 4, "train_size": 50, "test_size": 5})
    b = make_task("digit_memory", {"seed": 4, "train_size": 50, "test_size": 5})
    c = make_task("digit_memory", {"seed": 5, "train_size": 50, "test_size": 5})
    assert np.array_equal(a.train.inputs, b.train.inputs)
    assert not np.array_equal(a.train.inputs, c.train.inputs)


@pytest.mark.parametrize(("text", "label"), [("3 4 9 9", 7), ("98", 17), ("5", -1), ("a1", -1)])
def test_a_typed_string_gets_the_rule_s_label(text, label):
    task = make_task("digit_memory", {"train_size": 5, "test_size": 5})
    assert int(task.target_for(text)) == label
