"""Loaders for a person's files read good files and name the file and line of a bad one."""

import numpy as np
import pytest

from simulator.tasks import TaskError, make_task

TAGGED = "the\tDET\ncat\tNOUN\nsat\tVERB\n\na\tDET\ndog\tNOUN\n\n\nit\tPRON\nran\tVERB\n"


def _write(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def _all_examples(task, split_names=("train", "test")):
    examples = []
    for split in split_names:
        data = getattr(task, split)
        for row in range(len(data)):
            length = data.lengths[row]
            tokens = task.vocabulary.decode(data.inputs[row, :length])
            target = data.targets[row, :length] if data.per_step else data.targets[row]
            examples.append((tokens, target))
    return examples


def test_tagged_tokens_become_a_tagging_task(tmp_path):
    path = _write(tmp_path, "tags.tsv", TAGGED)
    task = make_task("tagged_file", {"path": path, "test_fraction": 0.34})
    assert task.spec_fields["mode"] == "seq2seq" and task.labels == ["DET", "NOUN", "PRON", "VERB"]
    assert (len(task.train), len(task.test)) == (2, 1)
    assert sorted(task.train.lengths.tolist() + task.test.lengths.tolist()) == [2, 2, 3]
    for tokens, tags in _all_examples(task, ["train"]):
        pairs = [f"{token}\t{task.labels[tag]}" for token, tag in zip(tokens, tags, strict=True)]
        assert "\n".join(pairs) in TAGGED


def test_test_tokens_unseen_in_training_become_unk(tmp_path):
    path = _write(tmp_path, "tags.tsv", TAGGED)
    task = make_task("tagged_file", {"path": path, "test_fraction": 0.34})
    train_tokens = {t for tokens, _ in _all_examples(task, ["train"]) for t in tokens}
    assert set(task.vocabulary.tokens[2:]) == train_tokens
    assert np.any(task.test.inputs == 1)  # no test sentence shares all its words with training


def test_windows_line_ends_and_a_byte_order_mark_are_read(tmp_path):
    content = ("\ufeff" + TAGGED).replace("\n", "\r\n").encode("utf-8")
    task = make_task("tagged_file", {"path": _write(tmp_path, "tags.tsv", content)})
    assert "the" in task.vocabulary.ids and "DET" in task.labels


def test_labelled_sentences_with_spaces_are_read_in_words(tmp_path):
    lines = "pos\tA fine day\nneg\tA grey day\npos\tfine\nneg\tgrey sky\n"
    task = make_task("labelled_file", {"path": _write(tmp_path, "mood.tsv", lines)})
    assert task.spec_fields["mode"] == "seq2class" and task.labels == ["neg", "pos"]
    assert task.tokenize("a fine  day") == ["a", "fine", "day"]
    assert (len(task.train), len(task.test)) == (3, 1)
    for tokens, label in _all_examples(task, ["train"]):
        assert f"{task.labels[label]}\t{' '.join(tokens)}\n" in lines


def test_labelled_sentences_without_spaces_are_read_in_characters(tmp_path):
    lines = "好\t今天天气很好\n坏\t今天下雨\n好\t很开心\n"
    task = make_task("labelled_file", {"path": _write(tmp_path, "zh.tsv", lines)})
    assert task.separator == "" and task.tokenize("很 好") == ["很", "好"]
    assert sorted(len(tokens) for tokens, _ in _all_examples(task)) == [3, 4, 6]


def test_the_split_follows_the_seed(tmp_path):
    lines = "".join(f"{'ab'[i % 2]}\tword{i} x\n" for i in range(20))
    path = _write(tmp_path, "many.tsv", lines)
    first = make_task("labelled_file", {"path": path, "seed": 1})
    again = make_task("labelled_file", {"path": path, "seed": 1})
    other = make_task("labelled_file", {"path": path, "seed": 2})
    assert len(first.test) == 4
    assert np.array_equal(first.train.inputs, again.train.inputs)
    assert _all_examples(first, ["test"]) != _all_examples(other, ["test"])


@pytest.mark.parametrize(
    ("kind", "content", "message"),
    [
        (
            "tagged_file",
            "a\tX\nb\tY\tZ\n",
            "tags.txt line 2: expected token<TAB>tag, found 3 fields",
        ),
        ("tagged_file", "a\tX\n\nb Y\n", "tags.txt line 3: expected token<TAB>tag, found 1 field"),
        ("tagged_file", "a\tX\n \tY\n", "tags.txt line 2: expected token<TAB>tag, found no token"),
        ("tagged_file", "a\tX\nb\t\n", "tags.txt line 2: expected token<TAB>tag, found no tag"),
        ("tagged_file", "a\tX\n\nb\tX\n", "tags.txt: needs at least 2 different tags"),
        ("tagged_file", "a\tX\nb\tY\n", "tags.txt: needs at least 2 examples"),
        ("labelled_file", "p\tgood\n\nn bad\n", "tags.txt line 3: expected label<TAB>text"),
        (
            "labelled_file",
            "p\tgood\n\tbad\n",
            "tags.txt line 2: expected label<TAB>text, found no label",
        ),
        (
            "labelled_file",
            "p\tgood\nn\t \n",
            "tags.txt line 2: expected label<TAB>text, found no text",
        ),
        ("labelled_file", b"p\tgood\nn\tbad \xff\n", "tags.txt line 2: not UTF-8 text"),
        ("tagged_file", b"", "tags.txt: the file is empty"),
        ("labelled_file", " \n\n", "tags.txt: the file is empty"),
    ],
)
def test_a_bad_file_names_the_file_and_line(tmp_path, kind, content, message):
    path = _write(tmp_path, "tags.txt", content)
    with pytest.raises(TaskError) as caught:
        make_task(kind, {"path": path})
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize("kind", ["tagged_file", "labelled_file", "char_lm"])
def test_a_missing_file_or_a_folder_is_a_task_error(tmp_path, kind):
    with pytest.raises(TaskError, match="nothing.tsv: no such file"):
        make_task(kind, {"path": str(tmp_path / "nothing.tsv")})
    with pytest.raises(TaskError, match="is a folder"):
        make_task(kind, {"path": str(tmp_path)})
