"""Attention on its own and inside the model: the notes' two steps, masking, and gradients."""

import numpy as np
import pytest

from simulator.encoder_decoder import attend, attend_backward
from simulator.errors import InputError

from .examples import random_pairs, small_model

SCORES = ["additive", "dot", "scaled_dot", "bilinear"]


def problem(score, seed=0, N=6, M=4, T=3, A=5):
    """Inputs X (N, M), queries (T, Q) and the score function's parameters."""
    rng = np.random.default_rng(seed)
    Q = M if score in ("dot", "scaled_dot") else 3
    params = {
        "additive": {
            "W": rng.standard_normal((A, M)),
            "U": rng.standard_normal((A, Q)),
            "v": rng.standard_normal(A),
        },
        "bilinear": {"W": rng.standard_normal((M, Q))},
    }.get(score, {})
    return rng.standard_normal((N, M)), rng.standard_normal((T, Q)), params


def expected_scores(score, X, q, p):
    """s(x_n, q) written out from the notes' formulas."""
    if score == "additive":
        return np.tanh(X @ p["W"].T + p["U"] @ q) @ p["v"]
    if score == "dot":
        return X @ q
    if score == "scaled_dot":
        return X @ q / np.sqrt(X.shape[1])
    return X @ p["W"] @ q


@pytest.mark.parametrize("score", SCORES)
def test_scores_weights_and_context_follow_the_notes(score):
    X, queries, params = problem(score)
    for q in queries:
        result = attend(X, q, score, **params)
        s = expected_scores(score, X, q, params)
        alpha = np.exp(s - s.max()) / np.exp(s - s.max()).sum()
        assert np.allclose(result.scores, s, atol=1e-13)
        assert np.allclose(result.weights, alpha, atol=1e-13)
        assert np.allclose(result.context, alpha @ X, atol=1e-13)


@pytest.mark.parametrize("score", SCORES)
def test_weights_are_a_distribution_over_unmasked_positions_and_zero_on_padding(score):
    X, queries, params = problem(score, seed=1)
    for length in (1, 3, 6):
        result = attend(X, queries, score, length=length, **params)
        weights = result.weights  # (T, N)
        assert np.all(weights >= 0)
        assert np.allclose(weights[:, :length].sum(axis=1), 1.0, atol=1e-14)
        assert np.all(weights[:, length:] == 0) and np.all(result.scores[:, length:] == 0)
        short = attend(X[:length], queries, score, **params)  # padding changes nothing
        assert np.allclose(result.weights[:, :length], short.weights, atol=1e-14)
        assert np.allclose(result.context, short.context, atol=1e-14)


def _loss(result, grad_context, grad_weights):
    return float(np.sum(result.context * grad_context) + np.sum(result.weights * grad_weights))


@pytest.mark.parametrize("score", SCORES)
def test_backward_matches_finite_differences(score):
    """L = <g_c, c> + <g_alpha, alpha> for random g: gradients of inputs, queries, parameters."""
    X, queries, params = problem(score, seed=2)
    rng = np.random.default_rng(3)
    length = 5
    g_c = rng.standard_normal((len(queries), X.shape[1]))
    g_a = rng.standard_normal((len(queries), X.shape[0]))
    result = attend(X, queries, score, length=length, **params)
    grads = attend_backward(result, g_c, g_a)
    arrays = {"inputs": X, "query": queries, **params}
    analytic = {"inputs": grads.inputs, "query": grads.query, **grads.params}
    assert set(analytic) == set(arrays)
    h = 1e-6
    for name, array in arrays.items():
        numeric = np.zeros_like(array)
        for i in np.ndindex(array.shape):
            keep = array[i]
            array[i] = keep + h
            up = _loss(attend(X, queries, score, length=length, **params), g_c, g_a)
            array[i] = keep - h
            down = _loss(attend(X, queries, score, length=length, **params), g_c, g_a)
            array[i] = keep
            numeric[i] = (up - down) / (2 * h)
        error = np.linalg.norm(analytic[name] - numeric) / np.linalg.norm(numeric)
        assert error < 1e-7, (name, error)
    assert np.all(grads.inputs[length:] == 0)  # masked inputs get no gradient


def test_one_query_gives_vectors_and_several_give_rows():
    X, queries, params = problem("additive")
    one = attend(X, queries[0], "additive", **params)
    many = attend(X, queries, "additive", **params)
    assert one.weights.shape == (6,) and many.weights.shape == (3, 6)
    assert np.allclose(one.context, many.context[0])
    grads = attend_backward(one, np.ones(4))
    assert grads.query.shape == (3,) and grads.inputs.shape == (6, 4)


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        (("additive",), {}, "needs W"),
        (("dot",), {"W": np.ones((4, 4))}, "has no parameter W"),
        (("bilinear",), {"W": np.ones((3, 3))}, "axis 0 must be M = 4"),
        (("cosine",), {}, "not one of"),
        (("dot",), {"length": 0}, "length"),
    ],
)
def test_bad_attention_arguments_say_what_to_change(args, kwargs, message):
    X = np.ones((2, 4))
    with pytest.raises(InputError, match=message):
        attend(X, np.ones(4), *args, **kwargs)


@pytest.mark.parametrize("context", ["output", "input"])
@pytest.mark.parametrize("score", SCORES)
def test_model_attention_is_a_distribution_over_real_source_tokens(score, context):
    model = small_model(attention=score, context=context, bidirectional=True)
    source, target, sl, tl = random_pairs(model.spec)
    trace = model.run(source, target, sl, tl)
    att = trace.attention
    B, T, S = att.weights.shape
    for b in range(B):
        real = att.weights[b, : tl[b]]
        assert np.all(real >= 0)
        assert np.allclose(real[:, : sl[b]].sum(axis=1), 1.0, atol=1e-14)
        assert np.all(real[:, sl[b] :] == 0)  # padded source positions
        assert np.all(att.weights[b, tl[b] :] == 0)  # padded target steps attend to nothing
        memory = trace.memory[b, : sl[b]]
        assert np.allclose(att.contexts[b, : tl[b]], real[:, : sl[b]] @ memory, atol=1e-14)
    assert trace.grad_memory.shape == trace.memory.shape
    assert np.any(trace.grad_memory != 0)  # the gradient reaches the encoder's outputs


@pytest.mark.parametrize(
    "dtype, size, rtol",
    [
        ("float64", 1.0, 1e-12),  # tanh(k + p) from one exponential per key and per query
        ("float64", 500.0, 1e-12),  # past |x| = 350: the tanh itself
        ("float32", 60.0, 1e-5),  # e^(2x) overflows float32: the tanh itself, never inf * 0
    ],
)
def test_additive_scores_stay_exact_however_large_the_pre_activations(dtype, size, rtol):
    rng = np.random.default_rng(3)
    X, q = rng.normal(size=(6, 4)), rng.normal(size=(5, 3))
    W, U, v = rng.normal(size=(8, 4)), rng.normal(size=(8, 3)), rng.normal(size=8)
    W *= size / np.abs(X @ W.T).max()  # pre-activations of both signs up to about `size`
    U *= size / np.abs(q @ U.T).max()
    cast = [a.astype(dtype) for a in (X, q, W, U, v)]
    result = attend(cast[0], cast[1], "additive", W=cast[2], U=cast[3], v=cast[4])
    W, U, v = (a.astype(np.float64) for a in cast[2:])  # the same numbers, in float64
    X, q = (a.astype(np.float64) for a in cast[:2])
    expected = np.tanh((X @ W.T)[None] + (q @ U.T)[:, None]) @ v  # s_tn = v^T tanh(W x_n + U q_t)
    assert np.isfinite(result.scores).all()
    assert np.allclose(result.scores, expected, rtol=rtol, atol=rtol * np.abs(expected).max())
