"""Digit memory (the nndl book's digit-sum experiment): remember two digits across distractors.

Each example is a string of `length` digits; the label is the sum of the first two (0 to 18,
19 classes). Every later digit is a distractor drawn like the first two, so the network must
keep two digits in its state for `length - 2` steps while everything it reads after them
tells it nothing. Only the length changes from one run to the next, which is what makes the
task a measure of memory: a simple RNN's accuracy falls as the length grows (its gradient from
the label to the first digits shrinks like gamma^(t-k)), an LSTM's holds up longer.
"""

from __future__ import annotations

import numpy as np

from .base import Dataset, Task, Vocabulary, characters, classification_fields, generated_splits
from .settings import GENERATED, Integer

DIGITS = [str(d) for d in range(10)]
LABELS = [str(total) for total in range(19)]  # the sum of two digits

DEFAULTS = {"seed": 0, "train_size": 2000, "test_size": 300, "length": 10}
RULES = {**GENERATED, "length": Integer(2, 1000)}

DESCRIPTION = {
    "en": "Digit memory: the sum of the first two digits, every later digit a distractor.",
    "zh": "数字记忆：输出前两个数字之和，其后的数字都是干扰项（随长度检验记忆）。",
}


def build(settings: dict) -> Task:
    length = settings["length"]
    vocabulary = Vocabulary(DIGITS)
    digit_ids = vocabulary.encode(DIGITS)

    def examples(rng: np.random.Generator, count: int) -> Dataset:
        digits = rng.integers(0, 10, size=(count, length))
        targets = digits[:, 0] + digits[:, 1]  # the label: first digit + second digit
        return Dataset(digit_ids[digits], targets, np.full(count, length, dtype=np.int64))

    train, test = generated_splits(settings, examples)
    return Task(
        name="digit_memory",
        settings=settings,
        description=DESCRIPTION,
        spec_fields=classification_fields(vocabulary, LABELS, "seq2class"),
        train=train,
        test=test,
        vocabulary=vocabulary,
        labels=LABELS,
        tokenize=characters,
        separator="",
        label_text=lambda text: _first_two(characters(text)),
    )


def _first_two(typed: list[str]) -> np.ndarray:
    """The label of a typed digit string: the sum of its first two digits (-1 when it has fewer
    than two, or a character that is not a digit among them)."""
    first = typed[:2]
    if len(first) < 2 or not all(c in DIGITS for c in first):
        return np.array(-1)
    return np.array(int(first[0]) + int(first[1]))
