"""The settings a task accepts: what each one may hold, checked before the task is built."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .base import SettingError


@dataclass(frozen=True)
class Integer:
    low: int
    high: int

    def accepts(self, value) -> bool:
        return (
            isinstance(value, int)
            and not isinstance(value, bool)
            and self.low <= value <= self.high
        )

    def __str__(self) -> str:
        return f"an integer from {self.low} to {self.high}"


@dataclass(frozen=True)
class Number:
    low: float
    high: float

    def accepts(self, value) -> bool:
        return (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and self.low <= value <= self.high
        )

    def __str__(self) -> str:
        return f"a number from {self.low} to {self.high}"


@dataclass(frozen=True)
class Choice:
    options: tuple[str, ...]

    def accepts(self, value) -> bool:
        return isinstance(value, str) and value in self.options

    def __str__(self) -> str:
        return "one of " + ", ".join(repr(option) for option in self.options)


@dataclass(frozen=True)
class FilePath:
    meaning: str  # what the path names, e.g. "a UTF-8 text file"
    required: bool = False  # False: empty means the task's built-in data

    def accepts(self, value) -> bool:
        return isinstance(value, str) and (bool(value) or not self.required)

    def __str__(self) -> str:
        return self.meaning


Rule = Integer | Number | Choice | FilePath

# Every generated task draws `train_size` then `test_size` examples from a generator seeded
# with `seed`.
SEED = Integer(0, 2**32 - 1)
GENERATED = {"seed": SEED, "train_size": Integer(1, 100_000), "test_size": Integer(1, 100_000)}


def checked_settings(task: str, defaults: dict, rules: dict[str, Rule], settings) -> dict:
    """The defaults with `settings` merged over them, every value checked against its rule."""
    if settings is None:
        settings = {}
    if not isinstance(settings, dict):
        raise SettingError(task, "settings", settings, "a mapping of setting names to values")
    merged = {**defaults, **settings}
    for name, value in merged.items():
        if isinstance(value, np.generic):  # a NumPy number: stored as the plain Python one
            value = merged[name] = value.item()
        rule = rules.get(name)
        if rule is None:
            known = ", ".join(sorted(rules))
            raise SettingError(task, name, value, f"{task} has no such setting; it has {known}")
        if not rule.accepts(value):
            raise SettingError(task, name, value, str(rule))
    return merged
