"""Sentiment of short sentences with negation and intensifiers, in English or in Chinese.

A sequence to class task whose label follows a compositional rule, so word order matters:
"not very good" is mildly negative while "really not good" is very negative, and "very" alone
changes nothing on a neutral word. A bag of words cannot tell these apart; a recurrent state that
reads the sentence in order can.

The rule, with five classes (very negative, negative, neutral, positive, very positive):
a rated word is worth +1 (positive), -1 (negative) or 0 (neutral). The modifiers standing right
before it apply from the word outwards: an intensifier strengthens it to +-2, a negator flips
its sign and weakens it to +-1. A sentence's score is the sum over its rated words, clipped to
-2..2 (generated sentences hold exactly one rated word).

English is tokenised into lower-case words; Chinese into characters (as in the segmentation
task), so a person's typed text needs no word segmentation. To rate Chinese text the rule itself
finds the lexicon's words by forward maximum matching.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .base import Dataset, SettingError, Task, Vocabulary, classification_fields, generated_splits
from .sentiment_lexicon import LEXICONS, Lexicon
from .settings import GENERATED, Choice

LABELS = ["very negative", "negative", "neutral", "positive", "very positive"]

DEFAULTS = {"seed": 0, "train_size": 1000, "test_size": 200, "language": "en"}
RULES = {**GENERATED, "language": Choice(tuple(LEXICONS))}

DESCRIPTION = {
    "en": "Sentiment: rate short sentences with negation and intensifiers (5 classes).",
    "zh": "情感分类：序列到类别，判断含否定词和程度副词的短句的情感（5 类）。",
}


def english_words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower().replace("’", "'"))


def chinese_characters(text: str) -> list[str]:
    return [c for c in text if c.isalnum()]


@dataclass(frozen=True)
class Language:
    lexicon: Lexicon
    tokenize: Callable[[str], list[str]]
    separator: str  # between the tokens of a sentence

    @cached_property
    def polarity(self) -> dict[str, int]:
        return {
            word: value
            for frame in self.lexicon.frames
            for words, value in ((frame.positive, 1), (frame.negative, -1))
            for word in words
        }

    @cached_property
    def modifiers(self) -> set[str]:
        return set(self.lexicon.negators + self.lexicon.intensifiers)

    @cached_property
    def entries(self) -> set[str]:
        """Every word and phrase of the lexicon."""
        return self.modifiers | {
            entry
            for frame in self.lexicon.frames
            for group in (
                frame.openings,
                frame.positive,
                frame.negative,
                frame.neutral,
                frame.closings,
            )
            for entry in group
            if entry
        }

    def units(self, text: str) -> list[str]:
        """The text as the rule reads it: words (English), or the lexicon's entries found by
        forward maximum matching (Chinese; a character that starts no entry stands alone)."""
        tokens = self.tokenize(text)
        if self.separator:
            return tokens
        joined, entries = "".join(tokens), self.entries
        longest = max(map(len, entries))
        units, start = [], 0
        while start < len(joined):
            size = next(
                size
                for size in range(min(longest, len(joined) - start), 0, -1)
                if size == 1 or joined[start : start + size] in entries
            )
            units.append(joined[start : start + size])
            start += size
        return units


LANGUAGES = {
    "en": Language(LEXICONS["en"], english_words, " "),
    "zh": Language(LEXICONS["zh"], chinese_characters, ""),
}


def rate(text: str, language: str) -> str:
    """The rule's label for a sentence, e.g. rate("the film is not very good", "en") ->
    "negative"."""
    if language not in LANGUAGES:
        raise SettingError("sentiment", "language", language, str(RULES["language"]))
    reader = LANGUAGES[language]
    return LABELS[_rating(reader.units(text), reader)]


def _rating(units: list[str], language: Language) -> int:
    score = 0
    for position, unit in enumerate(units):
        value = language.polarity.get(unit, 0)
        if value == 0:
            continue
        before = position - 1
        while before >= 0 and units[before] in language.modifiers:
            if units[before] in language.lexicon.negators:
                value = -1 if value > 0 else 1  # flips and weakens
            else:
                value = 2 if value > 0 else -2  # strengthens
            before -= 1
        score += value
    return min(max(score, -2), 2) + 2


def _sentence(rng: np.random.Generator, language: Language) -> list[str]:
    """The units of one random sentence: opening, modifiers, rated word, closing."""

    def pick(options):
        return options[rng.integers(len(options))]

    frame = pick(language.lexicon.frames)
    pattern = pick(frame.modifiers)
    modifiers = [pick(slot.split("|")) for slot in pattern.split(" + ")] if pattern else []
    rated = pick([words for words in (frame.positive, frame.negative, frame.neutral) if words])
    units = [pick(frame.openings), *modifiers, pick(rated), pick(frame.closings)]
    return [unit for unit in units if unit]


def build(settings: dict) -> Task:
    language = LANGUAGES[settings["language"]]
    vocabulary = Vocabulary(sorted({t for e in language.entries for t in language.tokenize(e)}))

    def examples(rng: np.random.Generator, count: int) -> Dataset:
        sentences = [_sentence(rng, language) for _ in range(count)]
        inputs = [
            vocabulary.encode(language.tokenize(language.separator.join(units)))
            for units in sentences
        ]
        targets = [_rating(units, language) for units in sentences]
        return Dataset.from_sequences(inputs, targets, per_step=False)

    train, test = generated_splits(settings, examples)
    return Task(
        name="sentiment",
        settings=settings,
        description=DESCRIPTION,
        spec_fields=classification_fields(vocabulary, LABELS, "seq2class"),
        train=train,
        test=test,
        vocabulary=vocabulary,
        labels=LABELS,
        tokenize=language.tokenize,
        separator=language.separator,
        label_text=lambda text: np.array(LABELS.index(rate(text, settings["language"]))),
    )
