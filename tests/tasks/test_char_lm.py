"""Character language model: windows of a text, each target the next character."""

import pytest

from simulator.tasks import SettingError, TaskError, make_task
from simulator.tasks.char_lm import BUILT_IN_TEXT

SMALL = {"train_size": 40, "test_size": 10}


def _text(task, ids):
    return "".join(task.vocabulary.decode(ids))


def test_targets_are_the_inputs_shifted_by_one_character():
    task = make_task("char_lm", {**SMALL, "length": 16})
    passage = BUILT_IN_TEXT.read_text(encoding="utf-8")
    for inputs, targets in zip(task.train.inputs, task.train.targets, strict=True):
        window = _text(task, inputs) + _text(task, targets[-1:])
        assert window in passage
        assert _text(task, targets) == window[1:]


def test_test_windows_come_from_the_last_tenth_of_the_text(tmp_path):
    path = tmp_path / "abc.txt"
    path.write_text("a" * 90 + "b" * 10, encoding="utf-8")
    task = make_task("char_lm", {**SMALL, "path": str(path), "length": 5})
    assert set(_text(task, task.test.inputs.ravel())) == {"b"}
    assert set(_text(task, task.train.inputs.ravel())) == {"a"}


def test_a_window_longer_than_the_test_text_is_refused(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("x" * 100, encoding="utf-8")
    with pytest.raises(SettingError, match="length = 10 is not allowed: an integer from 2 to 9"):
        make_task("char_lm", {**SMALL, "path": str(path), "length": 10})


def test_a_file_too_short_for_any_window_is_refused(tmp_path):
    path = tmp_path / "tiny.txt"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(TaskError, match="tiny.txt: the text is too short"):
        make_task("char_lm", {**SMALL, "path": str(path)})


def test_labels_are_the_characters_so_outputs_are_tokens():
    task = make_task("char_lm", SMALL)
    assert task.labels == task.vocabulary.tokens
    assert task.spec_fields["output_size"] == task.spec_fields["vocab_size"]
