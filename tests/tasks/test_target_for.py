"""A task labels typed text with its own rule, the same rule that labelled its data."""

import numpy as np
import pytest

from simulator.tasks import make_task
from simulator.tasks.segmentation import split_words


def _text(task, index):
    data = task.test
    ids = data.inputs[index, : data.lengths[index]]
    return task.separator.join(task.vocabulary.decode(ids))


@pytest.mark.parametrize(
    "name, settings",
    [
        ("sentiment", {"language": "en"}),
        ("sentiment", {"language": "zh"}),
        ("digit_sum", {"target": "sum"}),
        ("copy", {}),
        ("char_lm", {}),
    ],
)
def test_the_rule_gives_the_data_its_targets(name, settings):
    task = make_task(name, settings)
    for index in range(20):
        target = task.target_for(_text(task, index))
        expected = task.test.targets[index]
        if task.test.per_step:
            expected = expected[: task.test.lengths[index]]
        if name == "char_lm":  # the character after the window is not in the text
            assert target[-1] == -1
            target, expected = target[:-1], expected[:-1]
        assert np.array_equal(target, expected)


def test_segmentation_labels_typed_text_by_the_longest_listed_words():
    task = make_task("segmentation")
    text = "我们喜欢学习"
    tags = [task.labels[i] for i in task.target_for(text)]
    assert split_words(list(text), tags) == ["我们", "喜欢", "学习"]


def test_dense_tasks_have_no_rule_for_text():
    assert make_task("adding").target_for("anything") is None
