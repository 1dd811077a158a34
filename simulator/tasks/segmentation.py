"""Chinese word segmentation (中文分词) as tagging: the notes' example of synchronous sequence to
sequence. Each character gets one tag: B begins a word, M is inside it, E ends it and S is a word
of one character; so 我们去图书馆 is tagged B E S B M E.

Sentences are random strings of words from a list written for this project (resources/data/
segmentation_words.txt: a few hundred common words of 1 to 4 characters). Where a word boundary
falls depends on the characters around it, on both sides: compare a one-direction network with a
bidirectional one. Like real text, a joined string can sometimes be split in another valid way;
the tags always give the split the sentence was built from.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from ..resources import resource
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

TAGS = ["B", "M", "E", "S"]
WORDS_FILE = resource("data", "segmentation_words.txt")

DEFAULTS = {"seed": 0, "train_size": 1000, "test_size": 200, "min_words": 3, "max_words": 10}
RULES = {**GENERATED, "min_words": Integer(1, 200), "max_words": Integer(1, 200)}

DESCRIPTION = {
    "en": "Chinese word segmentation: tag every character B/M/E/S (synchronous seq2seq).",
    "zh": "中文分词：同步的序列到序列，为每个字标注 B/M/E/S。",
}


@cache
def word_list() -> tuple[str, ...]:
    """The words of the list, in file order ("#" starts a comment)."""
    lines = WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(word for line in lines for word in line.split("#")[0].split())


def tags_of(word: str) -> list[str]:
    """B M ... M E for a word of several characters, S for a word of one."""
    if len(word) == 1:
        return ["S"]
    return ["B"] + ["M"] * (len(word) - 2) + ["E"]


def split_words(chars: list[str], tags: list[str]) -> list[str]:
    """The words that tags mark out: a word starts at B or S and ends at E or S. Tags that do
    not fit together (as a half-trained network predicts) still split somewhere sensible."""
    words, current = [], ""
    for char, tag in zip(chars, tags, strict=True):
        if tag in ("B", "S") and current:
            words.append(current)
            current = ""
        current += char
        if tag in ("E", "S"):
            words.append(current)
            current = ""
    if current:
        words.append(current)
    return words


def dictionary_words(chars: list[str]) -> list[str]:
    """Forward maximum matching against the word list: at each place take the longest listed
    word that starts there (a single character when none does). The reference segmentation of
    typed text, good enough to label a sentence built from the list's words."""
    known = set(word_list())
    longest = max(map(len, known))
    words, start = [], 0
    while start < len(chars):
        size = next(
            n
            for n in range(min(longest, len(chars) - start), 0, -1)
            if n == 1 or "".join(chars[start : start + n]) in known
        )
        words.append("".join(chars[start : start + size]))
        start += size
    return words


def build(settings: dict) -> Task:
    fewest, most = settings["min_words"], settings["max_words"]
    if most < fewest:
        raise SettingError(
            "segmentation", "max_words", most, f"an integer from {fewest} (min_words) to 200"
        )
    words = word_list()
    vocabulary = Vocabulary(sorted({char for word in words for char in word}))
    tag_ids = {tag: index for index, tag in enumerate(TAGS)}

    def examples(rng: np.random.Generator, count: int) -> Dataset:
        sentences = [
            [words[i] for i in rng.integers(0, len(words), size=rng.integers(fewest, most + 1))]
            for _ in range(count)
        ]
        inputs = [vocabulary.encode(list("".join(sentence))) for sentence in sentences]
        targets = [
            np.array([tag_ids[tag] for word in sentence for tag in tags_of(word)], dtype=np.int64)
            for sentence in sentences
        ]
        return Dataset.from_sequences(inputs, targets, per_step=True)

    train, test = generated_splits(settings, examples)
    return Task(
        name="segmentation",
        settings=settings,
        description=DESCRIPTION,
        spec_fields=classification_fields(vocabulary, TAGS, "seq2seq"),
        train=train,
        test=test,
        vocabulary=vocabulary,
        labels=TAGS,
        tokenize=characters,
        separator="",
        label_text=lambda text: np.array(
            [
                TAGS.index(tag)
                for word in dictionary_words(characters(text))
                for tag in tags_of(word)
            ],
            dtype=np.int64,
        ),
    )
