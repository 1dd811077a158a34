"""A character-level language model: at every step, predict the next character.

Synchronous sequence to sequence on windows of `length` characters cut from a text (any UTF-8
file, or a short passage in English and Chinese written for this project). It is the task of
the notes' language models and of min-char-rnn: after training, `sample` lets the network write,
one character at a time, and shows what it has learnt of spelling, words and phrases.
The last tenth of the text is kept for testing, so test windows are text the network never saw.
"""

from __future__ import annotations

from numbers import Integral, Real
from pathlib import Path

import numpy as np

from ..resources import resource
from .base import Dataset, SettingError, Task, TaskError, Vocabulary
from .files import read_text
from .settings import GENERATED, FilePath, Integer

BUILT_IN_TEXT = resource("data", "char_lm_passage.txt")
TEST_SHARE = 0.1  # the end of the text kept for testing

DEFAULTS = {"seed": 0, "train_size": 500, "test_size": 100, "length": 32, "path": ""}
RULES = {
    **GENERATED,
    "length": Integer(2, 1000),
    "path": FilePath("a UTF-8 text file, or empty for the built-in passage"),
}

DESCRIPTION = {
    "en": "Character language model: predict the next character of a text at every step.",
    "zh": "字符级语言模型：同步的序列到序列，每一步预测文本的下一个字符。",
}


def build(settings: dict) -> Task:
    path = settings["path"] or str(BUILT_IN_TEXT)
    text = read_text(path)
    vocabulary = Vocabulary(sorted(set(text)))
    ids = vocabulary.encode(list(text))
    cut = int(len(ids) * (1 - TEST_SHARE))
    train_text, test_text = ids[:cut], ids[cut:]
    length = settings["length"]
    longest = len(test_text) - 1  # a window needs `length` characters and the one after
    if longest < 2:
        raise TaskError(
            f"{Path(path).name}: the text is too short ({len(text)} characters) to cut "
            "training and test windows from; use a longer text"
        )
    if length > longest:
        raise SettingError(
            "char_lm",
            "length",
            length,
            f"an integer from 2 to {longest} for this text of {len(text)} characters",
        )
    rng = np.random.default_rng(settings["seed"])
    train = _windows(rng, train_text, settings["train_size"], length)
    test = _windows(rng, test_text, settings["test_size"], length)
    return Task(
        name="char_lm",
        settings=settings,
        description=DESCRIPTION,
        spec_fields={
            "vocab_size": len(vocabulary),
            "output_size": len(vocabulary),
            "mode": "seq2seq",
            "loss": "cross_entropy",
        },
        train=train,
        test=test,
        vocabulary=vocabulary,
        labels=list(vocabulary.tokens),  # class k is the character with id k
        tokenize=list,
        separator="",
        label_text=lambda text: _next_characters(vocabulary.encode(list(text))),
    )


def _windows(rng: np.random.Generator, ids: np.ndarray, count: int, length: int) -> Dataset:
    starts = rng.integers(0, len(ids) - length, size=count)
    windows = ids[starts[:, None] + np.arange(length + 1)]  # (N, length + 1)
    return Dataset(windows[:, :-1], windows[:, 1:], np.full(count, length, dtype=np.int64))


def sample(network, task: Task, prompt: str, length: int, temperature: float, seed: int) -> str:
    """The `length` characters the network writes after `prompt` (the prompt not included).

    Each next character is drawn from softmax(logits / temperature) over the real characters
    (never <pad> or <unk>), with its own generator seeded by `seed`: a low temperature picks
    the likeliest characters, a high one writes more freely."""
    if not isinstance(temperature, Real) or not temperature > 0:
        raise SettingError("char_lm", "temperature", temperature, "a number greater than 0")
    if not isinstance(length, Integral) or length < 0:
        raise SettingError("char_lm", "length", length, "a whole number of characters, 0 or more")
    if not isinstance(seed, Integral) or not 0 <= seed < 2**63:
        raise SettingError("char_lm", "seed", seed, "a whole number from 0 to 2^63 - 1")
    spec = network.spec
    if spec.vocab_size != len(task.vocabulary) or spec.output_size != len(task.labels):
        raise TaskError(
            f"the network reads {spec.vocab_size} tokens and predicts {spec.output_size} classes; "
            f"this text has {len(task.vocabulary)} characters: build the network for this task"
        )
    ids = list(task.encode(prompt))
    if not ids:
        raise SettingError("char_lm", "prompt", prompt, "at least one character to start from")
    rng = np.random.default_rng(seed)
    written = []
    for _ in range(length):
        logits = network.run(np.array([ids + written])).logits[0, -1] / temperature
        logits[:2] = -np.inf  # <pad> and <unk> are never written
        probabilities = np.exp(logits - logits.max())
        written.append(int(rng.choice(len(probabilities), p=probabilities / probabilities.sum())))
    return "".join(task.vocabulary.decode(written))


def _next_characters(ids: np.ndarray) -> np.ndarray:
    """The class at step t is the character at t + 1; the last step's is unknown (-1)."""
    return np.append(ids[1:], -1)
