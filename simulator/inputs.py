"""Check and prepare what a person hands to Network.run: inputs, lengths and targets.

Everything wrong is reported here, in Python, with an InputError that says what was expected;
the kernels only ever see arrays of the right shape, dtype and contents.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import InputError
from .spec import NetworkSpec


@dataclass
class Batch:
    inputs: np.ndarray  # (B, T, D) floats in the network's dtype, or (B, T) int64 ids
    lengths: np.ndarray  # (B,) int64
    targets: np.ndarray | None  # int64 class ids or float vectors, batch first


def prepare(spec: NetworkSpec, x, y=None, lengths=None) -> Batch:
    x = np.asarray(x)
    single = x.ndim == (1 if spec.tokens else 2)
    if single:
        x = x[None]
    inputs = _token_ids(spec, x) if spec.tokens else _dense(spec, x)
    B, T = inputs.shape[:2]
    lengths = _lengths(lengths, B, T, single)
    if spec.tokens:
        _check_ids(spec, inputs, lengths)
    targets = None if y is None else _targets(spec, np.asarray(y), B, T, lengths, single)
    return Batch(inputs, lengths, targets)


def _dense(spec: NetworkSpec, x: np.ndarray) -> np.ndarray:
    if x.ndim != 3 or x.shape[2] != spec.input_size:
        raise InputError(
            f"x has shape {x.shape}; expected (batch, steps, {spec.input_size}) or "
            f"(steps, {spec.input_size}) for input_size = {spec.input_size}"
        )
    if x.dtype.kind not in "biuf":
        raise InputError(f"x holds {x.dtype} values; expected real numbers")
    _check_not_empty(x)
    x = np.ascontiguousarray(x, dtype=spec.dtype)
    if not np.isfinite(x).all():  # where, only when something is wrong (argwhere is slow)
        bad = np.argwhere(~np.isfinite(x))
        b, t, _ = bad[0]
        raise InputError(
            f"x holds {x[tuple(bad[0])]} at example {b}, step {t}; inputs must be finite"
        )
    return x


def _token_ids(spec: NetworkSpec, x: np.ndarray) -> np.ndarray:
    if x.ndim != 2:
        raise InputError(f"x has shape {x.shape}; expected token ids (batch, steps) or (steps,)")
    _check_not_empty(x)
    return _as_ids(x, "x")


def _check_ids(spec: NetworkSpec, ids: np.ndarray, lengths: np.ndarray) -> None:
    for b, length in enumerate(lengths):
        row = ids[b, :length]
        bad = np.flatnonzero((row < 0) | (row >= spec.vocab_size))
        if bad.size:
            t = bad[0]
            raise InputError(
                f"token id {row[t]} at example {b}, step {t} is outside the vocabulary "
                f"(0 to {spec.vocab_size - 1})"
            )
    # Padding may hold any value (often -1): look up row 0 there; padded steps are never used.
    for b, length in enumerate(lengths):
        ids[b, length:] = 0


def _as_ids(a: np.ndarray, name: str) -> np.ndarray:
    if a.dtype.kind in "iu":
        return np.array(a, dtype=np.int64)
    if a.dtype.kind == "f" and np.all(np.isfinite(a)) and np.all(a == np.round(a)):
        return a.astype(np.int64)
    raise InputError(f"{name} must hold whole-number ids; got {a.dtype} values")


def _check_not_empty(x: np.ndarray) -> None:
    if x.shape[0] == 0 or x.shape[1] == 0:
        raise InputError(f"x has shape {x.shape}: a batch needs at least one example of one step")


def _lengths(lengths, B: int, T: int, single: bool) -> np.ndarray:
    if lengths is None:
        return np.full(B, T, dtype=np.int64)
    lengths = np.atleast_1d(np.asarray(lengths))
    if lengths.shape != (B,) or lengths.dtype.kind not in "iu":
        raise InputError(f"lengths must be {B} whole numbers (one per example); got {lengths!r}")
    if np.any(lengths < 1) or np.any(lengths > T):
        raise InputError(
            f"lengths must lie between 1 and {T} (the padded length); got {lengths.tolist()}"
        )
    return lengths.astype(np.int64)


def _targets(
    spec: NetworkSpec, y: np.ndarray, B: int, T: int, lengths: np.ndarray, single: bool
) -> np.ndarray:
    per_step = spec.mode == "seq2seq"
    classes = spec.loss == "cross_entropy"
    shape = (B,) + ((T,) if per_step else ()) + (() if classes else (spec.output_size,))
    if single and y.shape == shape[1:]:
        y = y[None]
    if y.shape != shape:
        what = "class ids" if classes else f"vectors of {spec.output_size}"
        raise InputError(
            f"y has shape {y.shape}; expected {shape} ({what}"
            f"{' per step' if per_step else ' per example'})"
        )
    whole = not per_step or lengths.min() == T  # no padding: every target counts
    valid = None if whole else np.arange(T)[None, :] < lengths[:, None]
    if classes:
        counted = y if whole or y.dtype.kind not in "iuf" else np.where(valid, y, 0)
        ids = _as_ids(counted, "y")
        outside = (ids < 0) | (ids >= spec.output_size)
        if not whole:
            outside &= valid
        if outside.any():  # where, only when something is wrong (argwhere is slow)
            bad = np.argwhere(outside)
            raise InputError(
                f"target class {ids[tuple(bad[0])]} at {tuple(int(i) for i in bad[0])} "
                f"is outside 0 to {spec.output_size - 1}"
            )
        return ids
    if y.dtype.kind not in "biuf":
        raise InputError(f"y holds {y.dtype} values; expected real numbers")
    y = np.array(y, dtype=spec.dtype)  # a copy: the trace keeps it
    if not whole:  # padding's targets may hold anything: zeros there
        y[~valid] = 0.0
    if not np.all(np.isfinite(y)):
        raise InputError("y holds NaN or infinite values; targets must be finite")
    return y
