"""Examples read as text, and typed text becomes the same input ids."""

import numpy as np
import pytest

from simulator.tasks import TaskError, make_task

from .common import SMALL


def test_describe_shows_the_input_and_the_target(small_task):
    for split in ("train", "test"):
        text = small_task.describe(split, 0)
        shown_input, _, shown_target = text.partition("  ->  ")
        assert shown_input and shown_target and "\n" not in text


@pytest.mark.parametrize("name", ["copy", "digit_sum", "sentiment", "segmentation", "char_lm"])
def test_typed_text_of_an_example_encodes_to_its_ids(name):
    task = make_task(name, SMALL)
    data = task.train
    for row in range(5):
        ids = data.inputs[row, : data.lengths[row]]
        text = task.separator.join(task.vocabulary.decode(ids))
        assert np.array_equal(task.encode(text), ids)


def test_describe_shows_classes_by_name():
    task = make_task("digit_sum", {"train_size": 3, "test_size": 1})
    digits, _, label = task.describe("train", 0).partition("  ->  ")
    assert label == ("odd" if sum(map(int, digits)) % 2 else "even")


def test_unknown_typed_tokens_become_unk():
    task = make_task("copy", {"train_size": 3, "test_size": 1, "symbols": 3})
    assert task.encode("a b z").tolist() == [task.vocabulary.ids["a"], task.vocabulary.ids["b"], 1]


def test_dense_tasks_do_not_read_text():
    task = make_task("adding", {"train_size": 3, "test_size": 1})
    with pytest.raises(TaskError, match="reads numbers"):
        task.encode("1 2 3")
