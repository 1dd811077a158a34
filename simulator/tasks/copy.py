"""Delayed recall: at every step, output the symbol seen `delay` steps earlier.

A synchronous sequence to sequence task (one output per input) that measures how far back a
network can remember: the state must carry the last `delay` symbols in order. A simple RNN
manages a short delay and fails as it grows; gated cells (GRU, LSTM) hold on for longer.
Before `delay` steps have passed there is nothing to recall yet, and the target is a blank.
"""

from __future__ import annotations

import string

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
from .settings import GENERATED, Integer

BLANK = "_"

DEFAULTS = {"seed": 0, "train_size": 1000, "test_size": 200, "length": 20, "delay": 3, "symbols": 8}
RULES = {
    **GENERATED,
    "length": Integer(2, 2000),
    "delay": Integer(1, 1999),
    "symbols": Integer(2, len(string.ascii_lowercase)),
}

DESCRIPTION = {
    "en": "Delayed recall: at each step output the symbol seen `delay` steps earlier.",
    "zh": "延迟回忆：同步的序列到序列，每一步输出 delay 步之前看到的符号。",
}


def build(settings: dict) -> Task:
    length, delay = settings["length"], settings["delay"]
    if delay >= length:
        raise SettingError("copy", "delay", delay, f"an integer from 1 to {length - 1} (< length)")
    symbols = list(string.ascii_lowercase[: settings["symbols"]])
    vocabulary = Vocabulary(symbols)
    labels = [BLANK, *symbols]  # class k + 1 is symbol k; class 0: nothing to recall yet
    symbol_ids = vocabulary.encode(symbols)
    train, test = generated_splits(
        settings, lambda rng, n: _examples(rng, n, length, delay, symbol_ids)
    )
    return Task(
        name="copy",
        settings=settings,
        description=DESCRIPTION,
        spec_fields=classification_fields(vocabulary, labels, "seq2seq"),
        train=train,
        test=test,
        vocabulary=vocabulary,
        labels=labels,
        tokenize=characters,
        separator="",
        label_text=lambda text: _recall(vocabulary.encode(characters(text)), delay, symbol_ids),
    )


def _examples(
    rng: np.random.Generator, count: int, length: int, delay: int, symbol_ids: np.ndarray
) -> Dataset:
    drawn = rng.integers(0, len(symbol_ids), size=(count, length))  # symbol k at each step
    targets = np.zeros((count, length), dtype=np.int64)  # blank
    targets[:, delay:] = drawn[:, :-delay] + 1  # class of symbol k, `delay` steps later
    return Dataset(symbol_ids[drawn], targets, np.full(count, length, dtype=np.int64))


def _recall(ids: np.ndarray, delay: int, symbol_ids: np.ndarray) -> np.ndarray:
    """The class to output at each step: the symbol `delay` steps back (blank before that, and
    for a character that is not a symbol)."""
    classes = {int(i): k + 1 for k, i in enumerate(symbol_ids)}
    target = np.zeros(len(ids), dtype=np.int64)
    target[delay:] = [classes.get(int(i), 0) for i in ids[:-delay]] if delay < len(ids) else []
    return target
