"""Back-propagation through decoder, attention, bridge and encoder against central finite
differences (float64, relative error < 1e-6 per parameter), over every variant."""

import itertools

import numpy as np
import pytest

from simulator.gradcheck import gradient_check

from .examples import random_pairs, small_model

CELLS = ["rnn", "gru", "lstm"]
ATTENTION = [
    {"attention": "none"},
    *(
        {"attention": score, "context": context}
        for score in ("additive", "dot", "scaled_dot", "bilinear")
        for context in ("output", "input")
    ),
]
# Stacks rotate through the combinations so each cell meets each stack shape.
STACKS = [
    {"bidirectional": False},
    {"bidirectional": True, "encoder_layers": 2},
    {"bidirectional": True, "decoder_layers": 2},
    {"bidirectional": False, "encoder_layers": 2, "decoder_layers": 2},
]
COMBOS = [
    (cell, attention, STACKS[i % len(STACKS)])
    for i, (cell, attention) in enumerate(itertools.product(CELLS, ATTENTION))
]
STEP = 1e-4  # central differences: truncation ~ STEP^2, rounding ~ 1e-16 / STEP
MAX_ENTRIES = 30  # entries checked per parameter (drawn at random), to keep the suite quick


def _name(combo):
    cell, attention, stack = combo
    return "-".join([cell, *map(str, attention.values()), *(f"{k}={v}" for k, v in stack.items())])


def check(model, seed=0, **lengths):
    source, target, source_lengths, target_lengths = random_pairs(model.spec, seed=seed, **lengths)
    pairs = np.stack([source_lengths, target_lengths], axis=1)
    result = gradient_check(model, source, target, pairs, steps=(STEP,), max_entries=MAX_ENTRIES)
    assert result.max_rel_error < 1e-6, result.per_parameter
    return result


@pytest.mark.parametrize("combo", COMBOS, ids=[_name(c) for c in COMBOS])
def test_backward_matches_finite_differences(combo):
    cell, attention, stack = combo
    model = small_model(encoder_cell=cell, decoder_cell=cell, **attention, **stack)
    result = check(model)
    assert set(result.per_parameter) == set(model.params)


@pytest.mark.parametrize(
    "fields",
    [
        {"encoder_cell": "gru", "decoder_cell": "lstm", "attention": "additive"},
        {"encoder_cell": "lstm", "decoder_cell": "rnn", "attention": "bilinear"},
        {"encoder_cell": "lstm", "decoder_cell": "lstm", "bridge": "learned", "attention": "none"},
        {"encoder_cell": "lstm", "bridge": "zeros", "attention": "dot", "context": "input"},
        {
            "encoder_cell": "rnn",
            "decoder_cell": "gru",
            "decoder_hidden_size": 4,
            "attention": "additive",
            "context": "input",
        },
        {
            "encoder_cell": "gru",
            "decoder_cell": "gru",
            "encoder_layers": 3,
            "decoder_layers": 2,
            "bidirectional": True,
            "attention": "bilinear",
            "context": "input",
        },
    ],
)
def test_bridges_and_mixed_cells_match_finite_differences(fields):
    check(small_model(**fields))


def test_one_step_targets_and_one_token_sources():
    model = small_model(attention="additive", context="input", bidirectional=True)
    check(model, source_lengths=[1, 4], target_lengths=[1, 1])


def test_gradients_are_keyed_exactly_like_the_state_dict():
    model = small_model(attention="additive", bidirectional=True, decoder_layers=2)
    source, target, sl, tl = random_pairs(model.spec)
    trace = model.run(source, target, sl, tl)
    state = model.state_dict()
    assert list(trace.grads) == list(state)
    assert all(trace.grads[k].shape == state[k].shape for k in state)
    assert np.shares_memory(trace.grads["output.weight"], trace.grad_flat)


@pytest.mark.parametrize("context", ["output", "input"])
def test_padding_changes_nothing_for_an_example(context):
    model = small_model(attention="additive", context=context, bidirectional=True)
    source, target, sl, tl = random_pairs(model.spec)
    both = model.run(source, target, sl, tl)
    alone = model.run(source[1:2, : sl[1]], target[1:2, : tl[1]], sl[1:2], tl[1:2])
    assert np.allclose(both.step_losses[1, : tl[1]], alone.step_losses[0], atol=1e-12)
    assert np.allclose(both.attention_weights(1), alone.attention_weights(0), atol=1e-12)
    # the batch loss averages over 3 examples; alone, one
    assert np.allclose(3 * both.grad_memory[1, : sl[1]], alone.grad_memory[0], atol=1e-12)


@pytest.mark.parametrize("context", ["output", "input"])
def test_float32_runs_like_float64(context):
    model = small_model(attention="additive", context=context, bidirectional=True)
    single = small_model(attention="additive", context=context, bidirectional=True, dtype="float32")
    single.load_state_dict(model.state_dict())
    source, target, sl, tl = random_pairs(model.spec)
    a, b = model.run(source, target, sl, tl), single.run(source, target, sl, tl)
    assert b.grad_flat.dtype == np.float32 and b.attention.weights.dtype == np.float32
    assert b.loss == pytest.approx(a.loss, rel=1e-5)
    assert np.allclose(b.grad_flat, a.grad_flat, atol=1e-5)
