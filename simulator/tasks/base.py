"""What every task is: a data set with its vocabulary and the spec fields it implies."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..errors import shown

PAD = "<pad>"
UNK = "<unk>"


class TaskError(ValueError):
    """A task name, setting or data file is not usable; the message says what to change."""


class SettingError(TaskError):
    """One setting holds a value that is not allowed.

    `task` names the task (empty for the task name itself), `setting` the setting, `value` what
    it holds and `allowed` a short description of the values it may take.
    """

    def __init__(self, task: str, setting: str, value, allowed: str):
        self.task = task
        self.setting = setting
        self.value = value
        self.allowed = allowed
        where = f"{task}: " if task else ""
        super().__init__(f"{where}{setting} = {shown(value)} is not allowed: {allowed}")


class Vocabulary:
    """Tokens <-> ids. Id 0 is <pad>, id 1 is <unk> (what an unknown token becomes)."""

    def __init__(self, tokens: Sequence[str]):
        self.tokens = [PAD, UNK] + [t for t in dict.fromkeys(tokens) if t not in (PAD, UNK)]
        self.ids = {t: i for i, t in enumerate(self.tokens)}

    def __len__(self) -> int:
        return len(self.tokens)

    def encode(self, tokens: Sequence[str]) -> np.ndarray:
        return np.array([self.ids.get(t, 1) for t in tokens], dtype=np.int64)

    def decode(self, ids) -> list[str]:
        return [self.tokens[int(i)] for i in ids]


@dataclass
class Dataset:
    """Examples padded to one length. inputs (N, T) ids or (N, T, D) floats; targets (N, T) or
    (N,) class ids, or float vectors (N, T, O) / (N, O); lengths (N,)."""

    inputs: np.ndarray
    targets: np.ndarray
    lengths: np.ndarray

    @classmethod
    def from_sequences(cls, inputs: Sequence[np.ndarray], targets, per_step: bool) -> Dataset:
        """Pad variable-length examples with 0 (= <pad>) to the longest one.

        `inputs` holds one (L,) id array or (L, D) float array per example; `targets` holds one
        target per example, or with `per_step` one (L,) / (L, O) array per example."""
        lengths = np.array([len(x) for x in inputs], dtype=np.int64)
        steps = int(lengths.max())
        padded_targets = _pad(targets, steps) if per_step else np.asarray(targets)
        return cls(_pad(inputs, steps), padded_targets, lengths)

    def __len__(self) -> int:
        return self.lengths.shape[0]

    @property
    def per_step(self) -> bool:
        """True when there is one target per step: (N, T) class ids or (N, T, O) vectors."""
        return self.targets.ndim == 3 or (
            self.targets.ndim == 2 and self.targets.dtype.kind in "iu"
        )

    def batch(self, indices) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(x, y, lengths) for these examples, trimmed to the longest of them."""
        indices = np.asarray(indices)
        lengths = self.lengths[indices]
        T = int(lengths.max())
        x = self.inputs[indices, :T]
        y = self.targets[indices]
        if self.per_step:
            y = y[:, :T]
        return x, y, lengths


def _pad(sequences: Sequence[np.ndarray], steps: int) -> np.ndarray:
    first = np.asarray(sequences[0])
    padded = np.zeros((len(sequences), steps) + first.shape[1:], dtype=first.dtype)
    for row, sequence in zip(padded, sequences, strict=True):
        row[: len(sequence)] = sequence
    return padded


def generated_splits(
    settings: dict, make: Callable[[np.random.Generator, int], Dataset]
) -> tuple[Dataset, Dataset]:
    """Training then test examples drawn from one generator seeded with settings["seed"]: the
    same settings give the same data, and changing test_size leaves the training set as it was."""
    rng = np.random.default_rng(settings["seed"])
    train = make(rng, settings["train_size"])
    return train, make(rng, settings["test_size"])


def classification_fields(vocabulary: Vocabulary, labels: Sequence[str], mode: str) -> dict:
    """The spec fields of a task that reads token ids and predicts one of `labels`."""
    return {
        "vocab_size": len(vocabulary),
        "output_size": len(labels),
        "mode": mode,
        "loss": "cross_entropy",
    }


def characters(text: str) -> list[str]:
    """The characters of typed text, without white space."""
    return [c for c in text if not c.isspace()]


@dataclass
class Task:
    """A task ready to train on.

    `spec_fields` are the NetworkSpec fields the data fixes (input_size or vocab_size, output_size,
    mode, loss); the person chooses the rest (cell, sizes, layers, ...).
    `settings` are exactly what was used to build it (seed included), so a project file that
    stores them rebuilds the same data.
    """

    name: str
    settings: dict
    description: dict[str, str]  # {"en": ..., "zh": ...}: one line each
    spec_fields: dict
    train: Dataset
    test: Dataset
    vocabulary: Vocabulary | None = None  # input tokens (None for dense inputs)
    labels: list[str] | None = None  # names of the output classes (None for regression)
    tolerance: float = 0.04  # regression: an output counts as right within this distance
    tokenize: Callable[[str], list[str]] = field(default=list)  # text -> tokens, for typed input
    show_input: Callable[[np.ndarray], str] | None = None  # dense inputs -> text
    separator: str = " "  # between shown tokens and labels: "" for characters, " " for words
    # The task's own rule for a typed sentence: its target (class ids, per step or one), with -1
    # where the rule cannot say (the character after the last one). None: no rule.
    label_text: Callable[[str], np.ndarray] | None = None

    def encode(self, text: str) -> np.ndarray:
        """A sentence typed by a person, as the network's input ids."""
        if self.vocabulary is None:
            raise TaskError(f"task {self.name} reads numbers, not text")
        return self.vocabulary.encode(self.tokenize(text))

    def target_for(self, text: str) -> np.ndarray | None:
        """The target the task's rule gives a typed sentence, or None when it has no rule."""
        return None if self.label_text is None else self.label_text(text)

    def describe(self, split: str, index: int) -> str:
        """One example as text: its input and its target."""
        data = self.train if split == "train" else self.test
        length = int(data.lengths[index])
        x = data.inputs[index, :length]
        y = data.targets[index]
        if data.per_step:
            y = y[:length]
        return f"{self._show_input(x)}  ->  {self._show_target(y)}".replace("\n", "↵")

    def _show_input(self, x: np.ndarray) -> str:
        if self.vocabulary is not None:
            return self.separator.join(self.vocabulary.decode(x))
        if self.show_input is not None:
            return self.show_input(x)
        return np.array2string(x, precision=2)

    def _show_target(self, y: np.ndarray) -> str:
        if self.labels is None:
            return np.array2string(np.asarray(y), precision=3)
        if np.ndim(y) == 0:
            return self.labels[int(y)]
        return self.separator.join(self.labels[int(i)] for i in y)

    def accuracy(self, outputs: np.ndarray, targets: np.ndarray, lengths: np.ndarray) -> float:
        """Share of predictions that are right: argmax for classes, within `tolerance` for
        regression; per valid step for seq2seq tasks, per example otherwise."""
        if self.labels is not None:
            right = np.argmax(outputs, axis=-1) == targets
        else:
            right = np.all(np.abs(outputs - targets) <= self.tolerance, axis=-1)
        if right.ndim == 2:
            valid = np.arange(right.shape[1])[None, :] < lengths[:, None]
            return float(right[valid].mean())
        return float(right.mean())
