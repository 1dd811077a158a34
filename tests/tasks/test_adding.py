"""The adding problem: two marked values, one in each half; the target is their sum."""

import numpy as np

from simulator.tasks import make_task
from simulator.tasks.adding import show_steps


def _task(**settings):
    return make_task("adding", {"train_size": 200, "test_size": 10, **settings})


def test_exactly_one_marker_in_each_half():
    task = _task(length=11)
    markers = task.train.inputs[:, :, 1]
    assert set(np.unique(markers)) == {0.0, 1.0}
    assert np.all(markers[:, :5].sum(axis=1) == 1)  # first half: steps 0..4
    assert np.all(markers[:, 5:].sum(axis=1) == 1)


def test_target_is_the_sum_of_the_marked_values():
    task = _task()
    values, markers = task.train.inputs[..., 0], task.train.inputs[..., 1]
    assert np.all((values >= 0) & (values <= 1))
    assert np.allclose(task.train.targets[:, 0], (values * markers).sum(axis=1))


def test_the_shortest_sequences_mark_both_steps():
    task = _task(length=2)
    assert np.all(task.train.inputs[:, :, 1] == 1)


def test_accuracy_counts_outputs_within_the_tolerance():
    task = _task()
    targets = task.test.targets
    outputs = targets + np.where(np.arange(len(targets)) % 2 == 0, 0.03, 0.05)[:, None]
    assert task.accuracy(outputs, targets, task.test.lengths) == 0.5


def test_marked_values_are_shown_in_brackets():
    steps = np.array([[0.25, 0.0], [0.5, 1.0], [0.125, 0.0]])
    assert show_steps(steps) == "0.25 [0.50] 0.12"
