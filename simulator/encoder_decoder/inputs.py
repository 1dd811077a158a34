"""Check and prepare what a person hands to EncoderDecoder.run and the decoders.

Everything wrong is reported here with an InputError that says what was expected; the kernels
only ever see arrays of the right shape, dtype and contents.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import InputError
from .kernels.inputs import check_ids, decoder_inputs
from .spec import BOS, EncoderDecoderSpec


@dataclass
class PairBatch:
    source: np.ndarray  # (B, S) int64, padding set to 0
    source_lengths: np.ndarray  # (B,) int64
    target: np.ndarray | None  # (B, T) int64, padding set to 0
    target_lengths: np.ndarray | None  # (B,) int64
    decoder_inputs: np.ndarray | None  # (B, T): <bos>, y_1, ..., y_{T-1}


def split_lengths(source_lengths, target_lengths):
    """Lengths may come as two arrays, or as one (B, 2) array of (source, target) pairs: what
    ParallelDataset.batch gives and the Trainer passes on as `lengths`."""
    if target_lengths is None and source_lengths is not None:
        pairs = np.asarray(source_lengths)
        if pairs.ndim == 2 and pairs.shape[1] == 2:
            return pairs[:, 0], pairs[:, 1]
    return source_lengths, target_lengths


def prepare(
    spec: EncoderDecoderSpec, source, target=None, source_lengths=None, target_lengths=None
) -> PairBatch:
    source_lengths, target_lengths = split_lengths(source_lengths, target_lengths)
    source = _ids(source, "source")
    single = source.ndim == 1
    if single:
        source = source[None]
    if source.ndim != 2:
        raise InputError(f"source has shape {source.shape}; expected token ids (batch, steps)")
    B, S = source.shape
    source_lengths = _lengths(source_lengths, B, S, "source")
    _check_range(source, source_lengths, spec.source_vocab_size, "source")
    if target is None:
        if target_lengths is not None:
            raise InputError("target_lengths given without a target")
        return PairBatch(source, source_lengths, None, None, None)
    target = _ids(target, "target")
    if single and target.ndim == 1:
        target = target[None]
    if target.ndim != 2 or target.shape[0] != B:
        raise InputError(
            f"target has shape {target.shape}; expected token ids ({B}, steps), one row per "
            "source sentence"
        )
    T = target.shape[1]
    target_lengths = _lengths(target_lengths, B, T, "target")
    _check_range(target, target_lengths, spec.target_vocab_size, "target")
    inputs = np.empty((B, T), np.int64)
    decoder_inputs(target, target_lengths, BOS, inputs)
    return PairBatch(source, source_lengths, target, target_lengths, inputs)


def _ids(a, name: str) -> np.ndarray:
    a = np.asarray(a)
    if a.size == 0 or a.ndim == 0:
        raise InputError(f"{name} is empty: a batch needs at least one sentence of one token")
    if a.dtype.kind in "iu":
        return np.array(a, dtype=np.int64)
    if a.dtype.kind == "f" and np.all(np.isfinite(a)) and np.all(a == np.round(a)):
        return a.astype(np.int64)
    raise InputError(f"{name} must hold whole-number token ids; got {a.dtype} values")


def _lengths(lengths, B: int, T: int, name: str) -> np.ndarray:
    """Shape and kind here; the range is checked with the ids (_check_range)."""
    if lengths is None:
        return np.full(B, T, dtype=np.int64)
    lengths = np.atleast_1d(np.asarray(lengths))
    if lengths.shape != (B,) or lengths.dtype.kind not in "iu":
        raise InputError(
            f"{name}_lengths must be {B} whole numbers (one per sentence); got {lengths!r}"
        )
    return lengths.astype(np.int64)


def _check_range(ids: np.ndarray, lengths: np.ndarray, vocab_size: int, name: str) -> None:
    """Lengths within 1..T and real ids within the vocabulary; sets the padding to <pad>."""
    found = check_ids(ids, lengths, vocab_size)
    if found <= -2:
        T = ids.shape[1]
        raise InputError(
            f"{name}_lengths must lie between 1 and {T} (the padded length); got {lengths.tolist()}"
        )
    if found >= 0:
        b, t = divmod(found, ids.shape[1])
        raise InputError(
            f"{name} token id {ids[b, t]} at sentence {b}, step {t} is outside the vocabulary "
            f"(0 to {vocab_size - 1})"
        )
