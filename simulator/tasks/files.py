"""Tasks from a person's own files.

- Plain text: the `char_lm` task with its `path` setting (it reads the file with `read_text`).
- Tagged tokens (`tagged_file`): one `token<TAB>tag` per line, a blank line between sentences;
  a synchronous sequence to sequence task with the tags as classes (part-of-speech tags, named
  entities, B/M/E/S segmentation tags, ...).
- Labelled sentences (`labelled_file`): one `label<TAB>text` per line; a sequence to class task.
  The text is split into words at white space, or into characters when no line has a space
  (Chinese, for instance).

The examples are shuffled with `seed` and `test_fraction` of them are kept for testing. The
vocabulary holds the tokens of the training examples only: a test token never seen in training
becomes <unk>, as it would for new text. Anything wrong with a file raises a TaskError that names
the file (and the line, where there is one) and says what was expected.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..errors import FileRefused
from ..files import read_regular_file
from .base import Dataset, Task, TaskError, Vocabulary, characters, classification_fields
from .settings import SEED, FilePath, Number

TAGGED_RULES = {
    "seed": SEED,
    "test_fraction": Number(0.01, 0.99),
    "path": FilePath("a UTF-8 file with one token<TAB>tag per line", required=True),
}
LABELLED_RULES = {
    **TAGGED_RULES,
    "path": FilePath("a UTF-8 file with one label<TAB>text per line", required=True),
}
FILE_DEFAULTS = {"seed": 0, "test_fraction": 0.2, "path": ""}
MAX_DATA_BYTES = 64 * 2**20  # far beyond a teaching corpus; /dev/zero or a disk image is not one


def read_text(path: str) -> str:
    """The text of a UTF-8 file (a byte order mark dropped, line ends made "\\n"): a regular
    file of at most MAX_DATA_BYTES (a FIFO, a device or a folder is refused unopened)."""
    name = Path(path).name or path
    try:
        data = read_regular_file(path, MAX_DATA_BYTES)
    except FileRefused as err:
        raise TaskError(f"{name}: {err} ({path})") from None
    except ValueError as err:  # a path with a NUL character
        raise TaskError(f"{name}: cannot be read ({err})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise TaskError(
            f"{name} line {line}: not UTF-8 text (byte 0x{data[err.start]:02x}); "
            "save the file as UTF-8"
        ) from None
    if not text.strip():
        raise TaskError(f"{name}: the file is empty")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def build_tagged(settings: dict) -> Task:
    name = Path(settings["path"]).name
    sentences = _tagged_sentences(read_text(settings["path"]), name)
    labels = _labels({tag for sentence in sentences for _, tag in sentence}, name, "tags")
    label_ids = {label: index for index, label in enumerate(labels)}
    examples = [
        ([token for token, _ in sentence], np.array([label_ids[tag] for _, tag in sentence]))
        for sentence in sentences
    ]
    description = {
        "en": f"Tagging {name}: {len(sentences)} sentences, {len(labels)} tags.",
        "zh": f"序列标注（同步的序列到序列）：{name}，{len(sentences)} 句，{len(labels)} 种标签。",
    }
    return _file_task("tagged_file", "seq2seq", settings, description, examples, labels, True)


def build_labelled(settings: dict) -> Task:
    name = Path(settings["path"]).name
    lines = _labelled_lines(read_text(settings["path"]), name)
    labels = _labels({label for label, _ in lines}, name, "labels")
    by_words = any(any(c.isspace() for c in text) for _, text in lines)
    tokenize = str.split if by_words else characters
    examples = [(tokenize(text), labels.index(label)) for label, text in lines]
    description = {
        "en": f"Sentence classes from {name}: {len(lines)} sentences, {len(labels)} labels.",
        "zh": f"句子分类（序列到类别）：{name}，{len(lines)} 句，{len(labels)} 种标签。",
    }
    return _file_task(
        "labelled_file", "seq2class", settings, description, examples, labels, by_words
    )


def _tagged_sentences(text: str, name: str) -> list[list[tuple[str, str]]]:
    sentences, sentence = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            if sentence:
                sentences.append(sentence)
                sentence = []
            continue
        fields = [field.strip() for field in line.split("\t")]
        if len(fields) != 2:
            hint = " (separate token and tag with a tab)" if len(fields) == 1 else ""
            raise TaskError(
                f"{name} line {number}: expected token<TAB>tag, found {_fields(len(fields))}{hint}"
            )
        token, tag = fields
        for what, value in (("token", token), ("tag", tag)):
            if not value:
                raise TaskError(f"{name} line {number}: expected token<TAB>tag, found no {what}")
        sentence.append((token, tag))
    if sentence:
        sentences.append(sentence)
    return sentences


def _labelled_lines(text: str, name: str) -> list[tuple[str, str]]:
    lines = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        fields = [field.strip() for field in line.split("\t", 1)]
        if len(fields) != 2:
            raise TaskError(
                f"{name} line {number}: expected label<TAB>text, found 1 field "
                "(separate label and text with a tab)"
            )
        label, sentence = fields
        for what, value in (("label", label), ("text", sentence)):
            if not value:
                raise TaskError(f"{name} line {number}: expected label<TAB>text, found no {what}")
        lines.append((label, sentence))
    return lines


def _fields(count: int) -> str:
    return f"{count} field" if count == 1 else f"{count} fields"


def _labels(found: set[str], name: str, what: str) -> list[str]:
    if len(found) < 2:
        raise TaskError(f"{name}: needs at least 2 different {what} to learn, found {len(found)}")
    return sorted(found)


def _file_task(
    kind: str,
    mode: str,
    settings: dict,
    description: dict,
    examples: list[tuple[list[str], object]],
    labels: list[str],
    by_words: bool,
) -> Task:
    """A task from (tokens, target) examples: shuffled, split, padded; the vocabulary is the
    training examples' tokens. A target is one class id (seq2class) or an array of one per token
    (seq2seq). Typed text is split at white space (`by_words`) or into characters."""
    name = Path(settings["path"]).name
    if len(examples) < 2:
        raise TaskError(
            f"{name}: needs at least 2 examples (one to train on, one to test), "
            f"found {len(examples)}"
        )
    order = np.random.default_rng(settings["seed"]).permutation(len(examples))
    test_count = min(max(1, round(len(examples) * settings["test_fraction"])), len(examples) - 1)
    train_rows, test_rows = order[test_count:], order[:test_count]
    vocabulary = Vocabulary(sorted({token for row in train_rows for token in examples[row][0]}))
    per_step = mode == "seq2seq"

    def dataset(rows: np.ndarray) -> Dataset:
        inputs = [vocabulary.encode(examples[row][0]) for row in rows]
        return Dataset.from_sequences(inputs, [examples[row][1] for row in rows], per_step)

    return Task(
        name=kind,
        settings=settings,
        description=description,
        spec_fields=classification_fields(vocabulary, labels, mode),
        train=dataset(train_rows),
        test=dataset(test_rows),
        vocabulary=vocabulary,
        labels=labels,
        tokenize=str.split if by_words else characters,
        separator=" " if by_words else "",
    )
