"""Reverse a sequence of symbols: the encoder-decoder's first exercise.

The target is the source read backwards, so target step t must look at source position
N - 1 - t: with attention, the weights learn the anti-diagonal, plain to see in a heat map.
Without attention the whole sequence must pass through the encoder's final state.
"""

from __future__ import annotations

import string

from .base import SettingError, characters
from .parallel import ParallelTask, generated_pair_task
from .settings import GENERATED, Integer

DEFAULTS = {
    "seed": 0,
    "train_size": 1000,
    "test_size": 200,
    "min_length": 3,
    "max_length": 8,
    "symbols": 8,
}
RULES = {
    **GENERATED,
    "min_length": Integer(1, 200),
    "max_length": Integer(1, 200),
    "symbols": Integer(2, len(string.ascii_lowercase)),
}

DESCRIPTION = {
    "en": "Reverse a sequence of symbols (encoder-decoder; attention learns the anti-diagonal).",
    "zh": "序列反转：异步的序列到序列（编码器-解码器），注意力分布学成反对角线。",
}


def build(settings: dict) -> ParallelTask:
    low, high = settings["min_length"], settings["max_length"]
    if high < low:
        raise SettingError("reverse", "max_length", high, f"an integer from {low} to 200")
    symbols = list(string.ascii_lowercase[: settings["symbols"]])

    def draw(rng):
        length = int(rng.integers(low, high + 1))
        source = [symbols[i] for i in rng.integers(0, len(symbols), length)]
        return source, source[::-1]

    return generated_pair_task(
        "reverse", settings, DESCRIPTION, draw, symbols, symbols, characters, ("", ""), characters
    )
