"""Sentence pairs for the encoder-decoder: a source and a target sequence per example.

`ParallelDataset` holds both sides padded; `batch()` gives (source, target, lengths) with lengths
(B, 2) holding each pair's (source, target) length, which is what EncoderDecoder.run takes (and
what the Trainer passes on unchanged). Targets end with <eos>; the decoder's inputs (<bos> first)
are made from them by the model.

`ParallelTask` is a Task with two vocabularies: the source's (`vocabulary`, ids 0 <pad>, 1 <unk>)
and the target's (`target_vocabulary`: 0 <pad>, 1 <unk>, 2 <bos>, 3 <eos>, as EncoderDecoderSpec
expects). Its `spec_fields` are EncoderDecoderSpec fields (source_vocab_size, target_vocab_size).

The `parallel_file` task reads a person's own pairs: one `source<TAB>target` per line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .base import Task, TaskError, Vocabulary, characters
from .files import read_text
from .settings import SEED, Choice, FilePath, Number

BOS = "<bos>"
EOS = "<eos>"
EOS_ID = 3


def target_vocabulary(tokens: Sequence[str]) -> Vocabulary:
    """<pad> 0, <unk> 1, <bos> 2, <eos> 3, then `tokens`."""
    return Vocabulary([BOS, EOS, *tokens])


@dataclass
class ParallelDataset:
    """source (N, S) ids, source_lengths (N,); target (N, T) ids ending with <eos>,
    target_lengths (N,) (the <eos> counted). Padding holds 0 (<pad>)."""

    source: np.ndarray
    source_lengths: np.ndarray
    target: np.ndarray
    target_lengths: np.ndarray

    @classmethod
    def from_pairs(cls, pairs: Sequence[tuple[np.ndarray, np.ndarray]]) -> ParallelDataset:
        """(source ids, target ids without <eos>) per example: appends <eos>, pads with 0."""
        sources = [np.asarray(s, np.int64) for s, _ in pairs]
        targets = [np.append(np.asarray(t, np.int64), EOS_ID) for _, t in pairs]
        return cls(*_padded(sources), *_padded(targets))

    def __len__(self) -> int:
        return self.source_lengths.shape[0]

    @property
    def lengths(self) -> np.ndarray:
        """(N, 2): each pair's (source, target) length."""
        return np.stack([self.source_lengths, self.target_lengths], axis=1)

    def batch(self, indices) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(source, target, lengths (B, 2)) for these examples, each side trimmed to its
        longest."""
        indices = np.asarray(indices)
        source_lengths = self.source_lengths[indices]
        target_lengths = self.target_lengths[indices]
        source = self.source[indices, : int(source_lengths.max())]
        target = self.target[indices, : int(target_lengths.max())]
        return source, target, np.stack([source_lengths, target_lengths], axis=1)


def _padded(sequences: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    lengths = np.array([len(s) for s in sequences], dtype=np.int64)
    padded = np.zeros((len(sequences), int(lengths.max())), dtype=np.int64)
    for row, sequence in zip(padded, sequences, strict=True):
        row[: len(sequence)] = sequence
    return padded, lengths


@dataclass
class ParallelTask(Task):
    """A Task whose examples are (source, target) pairs; see the module's docstring."""

    target_vocabulary: Vocabulary | None = None
    target_tokenize: Callable[[str], list[str]] = field(default=list)
    target_separator: str = " "

    def encode_target(self, text: str) -> np.ndarray:
        """A target sentence typed by a person, as ids (without <eos>)."""
        return self.target_vocabulary.encode(self.target_tokenize(text))

    def show_source(self, ids) -> str:
        return self.separator.join(self.vocabulary.decode(ids))

    def show_target(self, ids) -> str:
        """Target ids as text, stopping at the first <eos>."""
        tokens = []
        for token in self.target_vocabulary.decode(ids):
            if token == EOS:
                break
            tokens.append(token)
        return self.target_separator.join(tokens)

    def describe(self, split: str, index: int) -> str:
        data = self.train if split == "train" else self.test
        source = data.source[index, : data.source_lengths[index]]
        target = data.target[index, : data.target_lengths[index]]
        text = f"{self.show_source(source)}  ->  {self.show_target(target)}"
        return text.replace("\n", "↵")


def parallel_fields(source: Vocabulary, target: Vocabulary) -> dict:
    """The EncoderDecoderSpec fields a pair task fixes."""
    return {"source_vocab_size": len(source), "target_vocab_size": len(target)}


def words(text: str) -> list[str]:
    return text.split()


TOKENIZERS: dict[str, Callable[[str], list[str]]] = {
    "words": words,
    "characters": characters,
}


# ----- the person's own file -----------------------------------------------------------------
FILE_RULES = {
    "seed": SEED,
    "test_fraction": Number(0.01, 0.99),
    "split": Choice(("auto", "words", "characters")),
    "path": FilePath("a UTF-8 file with one source<TAB>target per line", required=True),
}
FILE_DEFAULTS = {"seed": 0, "test_fraction": 0.2, "split": "auto", "path": ""}


def read_pairs(text: str, name: str) -> list[tuple[str, str]]:
    """The (source, target) of every non-blank line; a TaskError names the first bad line."""
    pairs = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 2:
            found = f"{len(fields)} field" + ("" if len(fields) == 1 else "s")
            hint = " (separate source and target with one tab)" if len(fields) == 1 else ""
            raise TaskError(
                f"{name} line {number}: expected source<TAB>target, found {found}{hint}"
            )
        source, target = (f.strip() for f in fields)
        for what, value in (("source", source), ("target", target)):
            if not value:
                raise TaskError(
                    f"{name} line {number}: expected source<TAB>target, found no {what}"
                )
        pairs.append((source, target))
    return pairs


def _tokenizer(split: str, texts: list[str]) -> tuple[Callable[[str], list[str]], str]:
    """Words at white space, or characters; `auto`: words when any text has a space."""
    if split == "auto":
        split = "words" if any(any(c.isspace() for c in t) for t in texts) else "characters"
    return TOKENIZERS[split], " " if split == "words" else ""


def build_parallel_file(settings: dict) -> ParallelTask:
    name = Path(settings["path"]).name
    pairs = read_pairs(read_text(settings["path"]), name)
    if len(pairs) < 2:
        raise TaskError(
            f"{name}: needs at least 2 sentence pairs (one to train on, one to test), "
            f"found {len(pairs)}"
        )
    source_tokenize, source_sep = _tokenizer(settings["split"], [s for s, _ in pairs])
    target_tokenize, target_sep = _tokenizer(settings["split"], [t for _, t in pairs])
    tokenized = [(source_tokenize(s), target_tokenize(t)) for s, t in pairs]
    order = np.random.default_rng(settings["seed"]).permutation(len(pairs))
    test_count = min(max(1, round(len(pairs) * settings["test_fraction"])), len(pairs) - 1)
    train_rows, test_rows = order[test_count:], order[:test_count]
    source_vocabulary = Vocabulary(sorted({w for r in train_rows for w in tokenized[r][0]}))
    target_vocab = target_vocabulary(sorted({w for r in train_rows for w in tokenized[r][1]}))

    def dataset(rows) -> ParallelDataset:
        return ParallelDataset.from_pairs(
            [
                (source_vocabulary.encode(tokenized[r][0]), target_vocab.encode(tokenized[r][1]))
                for r in rows
            ]
        )

    return ParallelTask(
        name="parallel_file",
        settings=settings,
        description={
            "en": f"Sentence pairs from {name}: {len(pairs)} pairs (encoder-decoder).",
            "zh": f"句对（异步的序列到序列，编码器-解码器）：{name}，{len(pairs)} 对。",
        },
        spec_fields=parallel_fields(source_vocabulary, target_vocab),
        train=dataset(train_rows),
        test=dataset(test_rows),
        vocabulary=source_vocabulary,
        labels=list(target_vocab.tokens),
        tokenize=source_tokenize,
        separator=source_sep,
        target_vocabulary=target_vocab,
        target_tokenize=target_tokenize,
        target_separator=target_sep,
    )


def generated_pair_task(
    name: str,
    settings: dict,
    description: dict,
    draw: Callable[[np.random.Generator], tuple[list[str], list[str]]],
    source_tokens: Sequence[str],
    target_tokens: Sequence[str],
    tokenize: Callable[[str], list[str]],
    separators: tuple[str, str],
    target_tokenize: Callable[[str], list[str]],
) -> ParallelTask:
    """A task of generated pairs: `draw(rng)` gives one (source tokens, target tokens); train
    then test examples come from one generator seeded with settings["seed"]."""
    source_vocabulary = Vocabulary(source_tokens)
    target_vocab = target_vocabulary(target_tokens)
    rng = np.random.default_rng(settings["seed"])

    def dataset(count: int) -> ParallelDataset:
        pairs = [draw(rng) for _ in range(count)]
        return ParallelDataset.from_pairs(
            [(source_vocabulary.encode(s), target_vocab.encode(t)) for s, t in pairs]
        )

    train = dataset(settings["train_size"])
    test = dataset(settings["test_size"])
    return ParallelTask(
        name=name,
        settings=settings,
        description=description,
        spec_fields=parallel_fields(source_vocabulary, target_vocab),
        train=train,
        test=test,
        vocabulary=source_vocabulary,
        labels=list(target_vocab.tokens),
        tokenize=tokenize,
        separator=separators[0],
        target_vocabulary=target_vocab,
        target_tokenize=target_tokenize,
        target_separator=separators[1],
    )
