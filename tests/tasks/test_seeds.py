"""The same settings always give the same data; another seed gives other data."""

import numpy as np

from simulator.tasks import make_task

from .common import SMALL


def _same(a, b) -> bool:
    return all(
        np.array_equal(getattr(getattr(a, split), part), getattr(getattr(b, split), part))
        for split in ("train", "test")
        for part in ("inputs", "targets", "lengths")
    )


def test_the_same_seed_gives_bit_identical_data(small_task):
    again = make_task(small_task.name, small_task.settings)
    assert _same(small_task, again)


def test_another_seed_gives_other_data(small_task):
    other = make_task(small_task.name, {**small_task.settings, "seed": 1})
    assert not _same(small_task, other)


def test_changing_test_size_leaves_the_training_set_as_it_was(small_task):
    more = make_task(small_task.name, {**small_task.settings, "test_size": 35})
    assert np.array_equal(small_task.train.inputs, more.train.inputs)
    assert np.array_equal(small_task.train.targets, more.train.targets)
    assert len(more.test) == 35


def test_building_does_not_touch_the_global_random_state():
    np.random.seed(7)
    expected = np.random.random()
    np.random.seed(7)
    make_task("sentiment", SMALL)
    assert np.random.random() == expected
