"""Digit sums: read a string of digits of varying length and classify what its digits add up to.

A sequence to class task where every digit matters, however far from the end it is, and where
examples have different lengths (so batches are padded and `lengths` matter; compare `last`
and `mean` pooling). The network must keep a running count in its hidden state:
- "parity": is the sum even or odd? (2 classes; the state flips at every odd digit)
- "sum": the sum modulo 10, i.e. its last digit (10 classes). The running count then has ten
  values instead of two. Modulo 10 keeps the number of classes fixed whatever the lengths;
  the exact sum would need up to 9 * max_length + 1 classes, most of them rarely seen.
"""

from __future__ import annotations

import numpy as np

from .base import (
    Dataset,
    SettingError,
    Task,
    Vocabulary,
    characters,
    classification_fields,
    generated_splits,
)
from .settings import GENERATED, Choice, Integer

DIGITS = [str(d) for d in range(10)]
LABELS = {"parity": ["even", "odd"], "sum": DIGITS}

DEFAULTS = {
    "seed": 0,
    "train_size": 1000,
    "test_size": 200,
    "min_length": 10,
    "max_length": 35,
    "target": "parity",
}
RULES = {
    **GENERATED,
    "min_length": Integer(1, 1000),
    "max_length": Integer(1, 1000),
    "target": Choice(tuple(LABELS)),
}

DESCRIPTION = {
    "en": "Digit sum: the parity (or last digit) of the sum of a variable-length digit string.",
    "zh": "数字求和：序列到类别，判断变长数字串之和的奇偶（或个位数）。",
}


def build(settings: dict) -> Task:
    shortest, longest = settings["min_length"], settings["max_length"]
    if longest < shortest:
        raise SettingError(
            "digit_sum", "max_length", longest, f"an integer from {shortest} (min_length) to 1000"
        )
    labels = LABELS[settings["target"]]
    vocabulary = Vocabulary(DIGITS)
    digit_ids = vocabulary.encode(DIGITS)

    def examples(rng: np.random.Generator, count: int) -> Dataset:
        lengths = rng.integers(shortest, longest + 1, size=count)
        digits = [rng.integers(0, 10, size=length) for length in lengths]
        targets = [int(row.sum()) % len(labels) for row in digits]  # mod 2 or mod 10
        return Dataset.from_sequences([digit_ids[row] for row in digits], targets, per_step=False)

    train, test = generated_splits(settings, examples)
    return Task(
        name="digit_sum",
        settings=settings,
        description=DESCRIPTION,
        spec_fields=classification_fields(vocabulary, labels, "seq2class"),
        train=train,
        test=test,
        vocabulary=vocabulary,
        labels=labels,
        tokenize=characters,
        separator="",
        label_text=lambda text: np.array(
            sum(int(c) for c in characters(text) if c in DIGITS) % len(labels)
        ),
    )
