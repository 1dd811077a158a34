"""make_task merges settings over the defaults and names whatever is not allowed."""

import numpy as np
import pytest

from simulator.tasks import DEFAULTS, RULES, TASKS, SettingError, TaskError, make_task
from simulator.tasks.settings import Choice, FilePath, Integer, Number


def test_every_task_has_defaults_and_rules_for_the_same_settings():
    assert set(TASKS) == set(DEFAULTS) == set(RULES)
    for name in TASKS:
        assert set(DEFAULTS[name]) == set(RULES[name]), name
        assert "seed" in DEFAULTS[name]


def test_generated_tasks_have_seed_and_sizes():
    for name in TASKS:
        if not name.endswith("_file"):
            assert {"seed", "train_size", "test_size"} <= set(DEFAULTS[name]), name


def test_settings_are_merged_over_the_defaults_and_stored():
    task = make_task("adding", {"length": 12, "train_size": 5, "test_size": 3})
    assert task.settings == {**DEFAULTS["adding"], "length": 12, "train_size": 5, "test_size": 3}
    assert task.train.inputs.shape == (5, 12, 2)
    assert DEFAULTS["adding"]["length"] == 50  # the defaults are left as they were


def test_a_bad_value_is_reported_with_the_task_setting_value_and_what_is_allowed():
    with pytest.raises(TaskError) as caught:
        make_task("adding", {"length": -3})
    assert str(caught.value) == "adding: length = -3 is not allowed: an integer from 2 to 2000"


def test_an_unknown_task_lists_the_known_ones():
    with pytest.raises(TaskError, match="task = 'adder' is not allowed: one of adding, copy"):
        make_task("adder")


def test_an_unknown_setting_lists_the_known_ones():
    with pytest.raises(TaskError) as caught:
        make_task("adding", {"lenght": 5})
    message = str(caught.value)
    assert "lenght = 5" in message and "length, seed, test_size, train_size" in message


def test_settings_must_be_a_mapping():
    with pytest.raises(TaskError, match="settings"):
        make_task("copy", [("delay", 2)])


def _bad_values(rule):
    if isinstance(rule, Integer):
        return [rule.low - 1, rule.high + 1, 2.5, "3", True, None]
    if isinstance(rule, Number):
        return [rule.low - 0.001, rule.high + 1, "0.5", None]
    if isinstance(rule, Choice):
        return ["klingon", 3, None]
    if isinstance(rule, FilePath):
        return ([""] if rule.required else []) + [3, None]
    raise AssertionError(f"no bad values for {rule}")


BAD_SETTINGS = [
    (name, setting, value)
    for name, rules in RULES.items()
    for setting, rule in rules.items()
    for value in _bad_values(rule)
]


@pytest.mark.parametrize(("name", "setting", "value"), BAD_SETTINGS)
def test_every_bad_setting_raises_a_task_error_naming_it(name, setting, value):
    settings = {"path": "exists-or-not.txt"} if "path" in RULES[name] else {}
    with pytest.raises(SettingError) as caught:
        make_task(name, {**settings, setting: value})
    assert caught.value.setting == setting
    assert f"{name}: {setting} = {value!r} is not allowed" in str(caught.value)


@pytest.mark.parametrize(
    ("name", "settings", "setting"),
    [
        ("copy", {"length": 10, "delay": 10}, "delay"),
        ("digit_sum", {"min_length": 20, "max_length": 19}, "max_length"),
        ("segmentation", {"min_words": 5, "max_words": 4}, "max_words"),
        ("char_lm", {"length": 1000}, "length"),
    ],
)
def test_settings_that_do_not_fit_together_name_the_one_to_change(name, settings, setting):
    with pytest.raises(SettingError) as caught:
        make_task(name, settings)
    assert caught.value.setting == setting


def test_descriptions_are_one_line_in_english_and_chinese(small_task):
    description = small_task.description
    assert set(description) == {"en", "zh"}
    assert all(text and "\n" not in text for text in description.values())
    assert any("\u4e00" <= char <= "\u9fff" for char in description["zh"])


def test_numpy_numbers_are_accepted_and_stored_as_plain_python_numbers():
    task = make_task("copy", {"length": np.int64(6), "train_size": 3, "test_size": 1})
    assert type(task.settings["length"]) is int and task.train.inputs.shape == (3, 6)
