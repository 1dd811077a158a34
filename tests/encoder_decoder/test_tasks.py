"""The encoder-decoder tasks: reverse, dates, numbers, and sentence pairs from a file."""

import datetime

import numpy as np
import pytest

from simulator.encoder_decoder import EncoderDecoder, EncoderDecoderSpec
from simulator.tasks import (
    PAIR_DEFAULTS,
    PAIR_RULES,
    PAIR_TASKS,
    SettingError,
    TaskError,
    make_task,
)
from simulator.tasks.dates import EXAMPLES, FORMATS, show
from simulator.tasks.numbers import chinese, english
from simulator.tasks.settings import Choice, FilePath, Integer, Number

SMALL = {"train_size": 40, "test_size": 10}
GENERATED = ["reverse", "dates", "numbers"]


def _same(a, b) -> bool:
    return all(
        np.array_equal(getattr(getattr(a, split), part), getattr(getattr(b, split), part))
        for split in ("train", "test")
        for part in ("source", "source_lengths", "target", "target_lengths")
    )


@pytest.mark.parametrize("name", GENERATED)
def test_generated_pairs_fit_their_spec_fields_and_end_with_eos(name):
    task = make_task(name, SMALL)
    spec = EncoderDecoderSpec(**task.spec_fields)
    assert (len(task.train), len(task.test)) == (40, 10)
    for data in (task.train, task.test):
        for ids, lengths, size in (
            (data.source, data.source_lengths, spec.source_vocab_size),
            (data.target, data.target_lengths, spec.target_vocab_size),
        ):
            assert ids.dtype == np.int64 and lengths.max() == ids.shape[1]
            padding = np.arange(ids.shape[1])[None, :] >= lengths[:, None]
            assert np.all(ids[padding] == 0) and np.all(ids[~padding] > 1)  # no <pad>/<unk>
            assert ids.max() < size
        last = data.target[np.arange(len(data)), data.target_lengths - 1]
        assert np.all(last == 3)  # <eos>
    source, target, lengths = task.train.batch([0, 1, 2])
    trace = EncoderDecoder(spec).run(source, target, lengths)  # what the Trainer calls
    assert trace.target_lengths.tolist() == task.train.target_lengths[:3].tolist()


@pytest.mark.parametrize("name", GENERATED)
def test_the_same_seed_gives_the_same_pairs_and_another_seed_others(name):
    task = make_task(name, SMALL)
    assert _same(task, make_task(name, SMALL))
    assert not _same(task, make_task(name, {**SMALL, "seed": 1}))
    more = make_task(name, {**SMALL, "test_size": 15})
    assert np.array_equal(task.train.source, more.train.source)


def test_reverse_targets_are_the_sources_read_backwards():
    task = make_task("reverse", {**SMALL, "min_length": 2, "max_length": 9, "symbols": 5})
    for index in range(len(task.train)):
        shown = task.describe("train", index)
        source, _, target = shown.partition("  ->  ")
        assert target == source[::-1] and 2 <= len(source) <= 9
        assert set(source) <= set("abcde")


@pytest.mark.parametrize("form", FORMATS)
def test_dates_are_written_in_each_format(form):
    assert show(datetime.date(2026, 11, 26), form) == EXAMPLES[form]
    assert show(datetime.date(2010, 10, 1), "zh") == "二〇一〇年十月一日"
    assert show(datetime.date(1999, 2, 20), "zh") == "一九九九年二月二十日"
    assert show(datetime.date(2001, 3, 5), "en") == "March 5, 2001"


def test_dates_pairs_name_the_same_day_in_both_formats():
    task = make_task("dates", {**SMALL, "source_format": "iso", "target_format": "en"})
    for index in range(len(task.train)):
        source, _, target = task.describe("train", index).partition("  ->  ")
        day = datetime.date.fromisoformat(source)
        assert target == show(day, "en") and 1950 <= day.year <= 2049


def test_dates_from_any_format_never_use_the_target_format():
    task = make_task("dates", {**SMALL, "source_format": "any", "target_format": "iso"})
    sources = [task.describe("train", i).partition("  ->  ")[0] for i in range(len(task.train))]
    assert not any(s.count("-") == 2 for s in sources)
    assert any("年" in s for s in sources) and any("/" in s for s in sources)


@pytest.mark.parametrize(
    ("n", "words", "numerals"),
    [
        (0, "zero", "零"),
        (15, "fifteen", "十五"),
        (40, "forty", "四十"),
        (105, "one hundred five", "一百零五"),
        (110, "one hundred ten", "一百一十"),
        (3405, "three thousand four hundred five", "三千四百零五"),
        (10010, "ten thousand ten", "一万零一十"),
        (20305, "twenty thousand three hundred five", "二万零三百零五"),
        (110000, "one hundred ten thousand", "十一万"),
        (10001000, "ten million one thousand", "一千万一千"),
        (
            99999999,
            "ninety-nine million nine hundred ninety-nine thousand nine hundred ninety-nine",
            "九千九百九十九万九千九百九十九",
        ),
    ],
)
def test_numbers_in_english_words_and_chinese_numerals(n, words, numerals):
    assert english(n) == words and chinese(n) == numerals


def test_numbers_run_both_ways_on_the_same_draws():
    forward = make_task("numbers", {**SMALL, "max_value": 99999})
    back = make_task("numbers", {**SMALL, "max_value": 99999, "direction": "zh-en"})
    for index in range(len(forward.train)):
        words, _, numerals = forward.describe("train", index).partition("  ->  ")
        assert back.describe("train", index) == f"{numerals}  ->  {words}"
    assert forward.spec_fields["source_vocab_size"] == back.spec_fields["target_vocab_size"] - 2


def test_typed_text_encodes_to_the_ids_of_an_example():
    task = make_task("numbers", SMALL)
    data = task.train
    words, _, numerals = task.describe("train", 0).partition("  ->  ")
    assert np.array_equal(task.encode(words), data.source[0, : data.source_lengths[0]])
    target = data.target[0, : data.target_lengths[0] - 1]  # without <eos>
    assert np.array_equal(task.encode_target(numerals), target)
    assert task.show_target(data.target[0]) == numerals


def _bad_values(rule):
    if isinstance(rule, Integer):
        return [rule.low - 1, rule.high + 1, 2.5, True]
    if isinstance(rule, Number):
        return [rule.low - 0.001, rule.high + 1, "0.5"]
    if isinstance(rule, Choice):
        return ["klingon", 3]
    if isinstance(rule, FilePath):
        return [""] if rule.required else []
    raise AssertionError(rule)


BAD = [
    (n, s, v) for n, rules in PAIR_RULES.items() for s, r in rules.items() for v in _bad_values(r)
]


@pytest.mark.parametrize(("name", "setting", "value"), BAD)
def test_every_bad_setting_raises_a_task_error_naming_it(name, setting, value):
    settings = {"path": "exists-or-not.txt"} if "path" in PAIR_RULES[name] else {}
    with pytest.raises(SettingError) as caught:
        make_task(name, {**settings, setting: value})
    assert caught.value.setting == setting


@pytest.mark.parametrize(
    ("name", "settings", "setting"),
    [
        ("reverse", {"min_length": 5, "max_length": 4}, "max_length"),
        ("dates", {"min_year": 2000, "max_year": 1999}, "max_year"),
    ],
)
def test_settings_that_do_not_fit_together_name_the_one_to_change(name, settings, setting):
    with pytest.raises(SettingError) as caught:
        make_task(name, settings)
    assert caught.value.setting == setting


def test_pair_tasks_are_listed_apart_with_defaults_and_rules_for_the_same_settings():
    assert set(PAIR_TASKS) == set(PAIR_DEFAULTS) == set(PAIR_RULES) >= {"reverse", "dates"}
    for name in PAIR_TASKS:
        assert set(PAIR_DEFAULTS[name]) == set(PAIR_RULES[name])
    for name in GENERATED:
        description = make_task(name, SMALL).description
        assert set(description) == {"en", "zh"} and "\n" not in "".join(description.values())


# ----- sentence pairs from a file ------------------------------------------------------------
def _write(tmp_path, text, name="pairs.tsv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_pair_file_becomes_a_task_split_into_training_and_test(tmp_path):
    lines = [f"the cat {i}\t猫{i}" for i in range(10)] + ["", "a dog\t狗"]
    task = make_task(
        "parallel_file", {"path": _write(tmp_path, "\n".join(lines)), "test_fraction": 0.25}
    )
    assert (len(task.train), len(task.test)) == (8, 3)
    assert task.separator == " " and task.target_separator == ""  # words, characters
    assert "the" in task.vocabulary.ids and "猫" in task.target_vocabulary.ids
    shown = {task.describe(split, i) for split in ("train",) for i in range(len(task.train))}
    assert all(" -> " in s for s in shown)
    EncoderDecoderSpec(**task.spec_fields)


def test_test_tokens_never_seen_in_training_become_unk(tmp_path):
    lines = ["a b\tx"] * 5 + ["zzz\tyyy"]
    path = _write(tmp_path, "\n".join(lines))
    # seed 7 puts the last pair alone in the test set
    task = make_task("parallel_file", {"path": path, "seed": 7, "test_fraction": 0.01})
    assert "zzz" not in task.vocabulary.ids and "y" not in task.target_vocabulary.ids
    assert task.test.source[0].tolist() == [1]  # <unk>
    assert task.test.target[0].tolist() == [1, 1, 1, 3]  # characters: <unk> x 3, <eos>


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a\tb\nno tab here\n", "pairs.tsv line 2: expected source<TAB>target, found 1 field"),
        ("a\tb\nc\td\te\n", "pairs.tsv line 2: expected source<TAB>target, found 3 fields"),
        ("a\tb\n\n\t x\n", "pairs.tsv line 3: expected source<TAB>target, found no source"),
        ("a\tb\nc\t  \n", "pairs.tsv line 2: expected source<TAB>target, found no target"),
        ("a\tb\n", "pairs.tsv: needs at least 2 sentence pairs"),
        ("   \n", "pairs.tsv: the file is empty"),
    ],
)
def test_bad_lines_are_reported_with_file_name_and_line_number(tmp_path, text, message):
    with pytest.raises(TaskError) as caught:
        make_task("parallel_file", {"path": _write(tmp_path, text)})
    assert str(caught.value).startswith(message)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(TaskError, match="nope.tsv: no such file"):
        make_task("parallel_file", {"path": str(tmp_path / "nope.tsv")})
