"""Attention from Python: on its own (a set of vectors and a query, no trained model needed) and
the parameter plumbing the encoder-decoder uses.

    from simulator.encoder_decoder.attention import attend, attend_backward
    X = np.random.default_rng(0).standard_normal((5, 4))       # x_1 .. x_5
    q = np.ones(4)
    result = attend(X, q, "scaled_dot")                        # result.scores, .weights, .context
    grads = attend_backward(result, grad_context=np.ones(4))   # grads.inputs, .query, .params

The notes' two steps: alpha = softmax(s(x_n, q)), then att(X, q) = sum_n alpha_n x_n. The
score functions and their parameters are listed in kernels/attention.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..errors import InputError
from ..threads import engine_threads
from .kernels.attention import ADDITIVE, BILINEAR, DOT, SCALED_DOT
from .kernels.attention_steps import attention_backward, attention_forward

SCORE_CODES = {"additive": ADDITIVE, "dot": DOT, "scaled_dot": SCALED_DOT, "bilinear": BILINEAR}
# Which parameters each score function has, and their shapes for inputs of width M, queries Q
# and additive size A.
PARAMETERS = {
    "additive": {"W": ("A", "M"), "U": ("A", "Q"), "v": ("A",)},
    "dot": {},
    "scaled_dot": {},
    "bilinear": {"W": ("M", "Q")},
}


@dataclass
class ScoreParameters:
    """What the kernels take for one score function; absent parameters are empty arrays."""

    score: str
    kind: int
    w: np.ndarray
    u: np.ndarray
    v: np.ndarray
    scale: float  # 1 / sqrt(M) for scaled_dot

    @property
    def attention_size(self) -> int:
        return self.u.shape[0]

    def key_width(self, memory_size: int, query_size: int) -> int:
        """Width of the keys: A (additive), Q (bilinear), M (dot, scaled_dot)."""
        if self.kind == ADDITIVE:
            return self.attention_size
        return query_size if self.kind == BILINEAR else memory_size


def score_parameters(
    score: str, params: dict, memory_size: int, dtype, prefix: str = "attention."
) -> ScoreParameters:
    """The arrays of `params` (named prefix + W, U, v) that `score` uses, as the kernels want
    them."""
    empty2, empty1 = np.zeros((0, 0), dtype), np.zeros(0, dtype)
    w = params[prefix + "W"] if "W" in PARAMETERS[score] else empty2
    u = params[prefix + "U"] if "U" in PARAMETERS[score] else empty2
    v = params[prefix + "v"] if "v" in PARAMETERS[score] else empty1
    return ScoreParameters(score, SCORE_CODES[score], w, u, v, 1.0 / math.sqrt(memory_size))


@dataclass
class AttentionArrays:
    """Everything one attention call computes, batch first."""

    keys: np.ndarray  # (B, S, P)
    query_proj: np.ndarray  # (B, T, A)
    hidden: np.ndarray  # (B, T, S, A)
    scores: np.ndarray  # (B, T, S)
    weights: np.ndarray  # (B, T, S)
    contexts: np.ndarray  # (B, T, M)


def allocate(params: ScoreParameters, B: int, T: int, S: int, M: int, Q: int, dtype):
    A = params.attention_size
    return AttentionArrays(
        keys=np.zeros((B, S, params.key_width(M, Q)), dtype),
        query_proj=np.zeros((B, T, A), dtype),
        hidden=np.zeros((B, T, S, A), dtype),
        scores=np.zeros((B, T, S), dtype),
        weights=np.zeros((B, T, S), dtype),
        contexts=np.zeros((B, T, M), dtype),
    )


# ----- on its own ----------------------------------------------------------------------------
@dataclass
class AttentionResult:
    score: str
    inputs: np.ndarray  # (N, M) x_1 .. x_N
    queries: np.ndarray  # (T, Q)
    length: int  # x_n with n >= length are masked out
    params: ScoreParameters
    arrays: AttentionArrays
    single: bool  # one query given as (Q,)

    def _shown(self, a: np.ndarray) -> np.ndarray:
        return a[0, 0] if self.single else a[0]

    @property
    def scores(self) -> np.ndarray:
        """s(x_n, q): (N,) or (T, N); 0 where masked."""
        return self._shown(self.arrays.scores)

    @property
    def weights(self) -> np.ndarray:
        """alpha_n: (N,) or (T, N); non-negative, sum 1, 0 where masked."""
        return self._shown(self.arrays.weights)

    @property
    def context(self) -> np.ndarray:
        """att(X, q) = sum_n alpha_n x_n: (M,) or (T, M)."""
        return self._shown(self.arrays.contexts)


@dataclass
class AttentionGradients:
    inputs: np.ndarray  # dL/dx_n (N, M)
    query: np.ndarray  # dL/dq (Q,) or (T, Q)
    scores: np.ndarray  # dL/ds (N,) or (T, N)
    params: dict[str, np.ndarray]  # W, U, v as the score function has them


@engine_threads
def attend(
    inputs, query, score: str = "dot", W=None, U=None, v=None, length: int | None = None
) -> AttentionResult:
    """Attention of one query (Q,) or several (T, Q) over inputs x_1 .. x_N (N, M).

    Parameters as the score function needs them: additive W (A, M), U (A, Q), v (A,); bilinear
    W (M, Q); dot and scaled_dot none (Q must equal M). `length` masks x_n for n >= length."""
    if score not in SCORE_CODES:
        raise InputError(f"score {score!r} is not one of {', '.join(SCORE_CODES)}")
    X = _floats(inputs, "inputs", 2)
    q = np.asarray(query)
    single = q.ndim == 1
    q = _floats(q[None] if single else q, "query", 2)
    N, M = X.shape
    Q = q.shape[1]
    dtype = np.result_type(X.dtype, q.dtype, np.float32)
    length = N if length is None else length
    if isinstance(length, bool) or not isinstance(length, int | np.integer) or not 1 <= length <= N:
        raise InputError(f"length must be a whole number from 1 to {N}; got {length!r}")
    sizes = {"M": M, "Q": Q}
    given = {"W": W, "U": U, "v": v}
    named = {}
    for name, value in given.items():
        if name not in PARAMETERS[score]:
            if value is not None:
                raise InputError(f"the {score} score has no parameter {name}")
            continue
        if value is None:
            raise InputError(f"the {score} score needs {name}")
        array = _floats(value, name, len(PARAMETERS[score][name]))
        for axis, letter in enumerate(PARAMETERS[score][name]):
            expected = sizes.setdefault(letter, array.shape[axis])
            if array.shape[axis] != expected:
                raise InputError(
                    f"{name} has shape {array.shape}; its axis {axis} must be {letter} = {expected}"
                )
        named[name] = np.ascontiguousarray(array, dtype=dtype)
    if score in ("dot", "scaled_dot") and Q != M:
        raise InputError(f"the {score} score needs queries as wide as the inputs ({M}); got {Q}")
    params = score_parameters(score, {"attention." + k: a for k, a in named.items()}, M, dtype)
    memory = np.ascontiguousarray(X[None], dtype=dtype)
    queries = np.ascontiguousarray(q[None], dtype=dtype)
    arrays = allocate(params, 1, q.shape[0], N, M, Q, dtype)
    attention_forward(
        params.kind,
        memory,
        np.array([length]),
        queries,
        np.array([q.shape[0]]),
        params.w,
        params.u,
        params.v,
        params.scale,
        arrays.keys,
        arrays.query_proj,
        arrays.hidden,
        arrays.scores,
        arrays.weights,
        arrays.contexts,
    )
    return AttentionResult(score, memory[0], queries[0], length, params, arrays, single)


@engine_threads
def attend_backward(result: AttentionResult, grad_context, grad_weights=None) -> AttentionGradients:
    """Gradients of L from dL/dc (M,) or (T, M) and optionally dL/dalpha (N,) or (T, N)."""
    arrays, params = result.arrays, result.params
    T, M = result.queries.shape[0], result.inputs.shape[1]
    N = result.inputs.shape[0]
    dtype = result.inputs.dtype

    def shaped(a, name, width):
        a = np.asarray(a, dtype=dtype)
        want = (width,) if result.single else (T, width)
        if a.shape != want:
            raise InputError(f"{name} has shape {a.shape}; expected {want}")
        return np.ascontiguousarray(a.reshape(1, T, width))

    grad_contexts = shaped(grad_context, "grad_context", M)
    grad_alpha = np.zeros((0, 0, 0), dtype)
    if grad_weights is not None:
        grad_alpha = shaped(grad_weights, "grad_weights", N)
    grad_scores = np.zeros_like(arrays.scores)
    grad_memory = np.zeros((1, N, M), dtype)
    grad_queries = np.zeros((1, T, result.queries.shape[1]), dtype)
    grad_query_proj = np.zeros_like(arrays.query_proj)
    grad_w, grad_u, grad_v = (np.zeros_like(a) for a in (params.w, params.u, params.v))
    attention_backward(
        params.kind,
        result.inputs[None],
        np.array([result.length]),
        result.queries[None],
        np.array([T]),
        params.w,
        params.u,
        params.v,
        params.scale,
        arrays.keys,
        arrays.hidden,
        arrays.weights,
        grad_contexts,
        grad_alpha,
        grad_scores,
        grad_memory,
        grad_queries,
        grad_query_proj,
        grad_w,
        grad_u,
        grad_v,
    )
    grads = {"W": grad_w, "U": grad_u, "v": grad_v}
    return AttentionGradients(
        inputs=grad_memory[0],
        query=grad_queries[0, 0] if result.single else grad_queries[0],
        scores=grad_scores[0, 0] if result.single else grad_scores[0],
        params={name: grads[name] for name in PARAMETERS[result.score]},
    )


def _floats(a, name: str, ndim: int) -> np.ndarray:
    a = np.asarray(a)
    if a.ndim != ndim or a.size == 0:
        raise InputError(f"{name} has shape {a.shape}; expected {ndim} non-empty axes")
    if a.dtype.kind not in "biuf" or not np.all(np.isfinite(a)):
        raise InputError(f"{name} must hold finite real numbers")
    return a
