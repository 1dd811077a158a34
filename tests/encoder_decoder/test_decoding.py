"""Greedy decoding and beam search: what they write, how they score it, and their traces."""

import itertools

import numpy as np
import pytest

from simulator.encoder_decoder import BOS, EOS, PAD
from simulator.errors import InputError

from .examples import random_pairs, small_model

VARIANTS = [
    {"attention": "none", "decoder_cell": "gru"},
    {"attention": "additive", "context": "output", "bidirectional": True, "decoder_layers": 2},
    {"attention": "additive", "context": "input", "decoder_cell": "rnn"},
    {"attention": "dot", "context": "output", "encoder_cell": "gru"},
    {"attention": "scaled_dot", "context": "input", "bidirectional": True},
    {"attention": "bilinear", "context": "input", "decoder_layers": 2, "decoder_cell": "gru"},
]


def _model(fields, seed=2):
    # a larger output layer makes the choices less even, so decoding has something to find
    model = small_model(seed=seed, target_vocab_size=9, **fields)
    model.params["output.weight"] *= 4
    return model


def _sources(model):
    source, _, source_lengths, _ = random_pairs(model.spec, seed=4)
    return source, source_lengths


@pytest.mark.parametrize("fields", VARIANTS)
def test_beam_of_width_one_writes_what_greedy_writes(fields):
    model = _model(fields)
    source, lengths = _sources(model)
    greedy = model.greedy(source, lengths, max_length=8)
    beam = model.beam_search(source, lengths, beam_width=1, length_penalty=0.0, max_length=8)
    for g, b in zip(greedy.best, beam.best, strict=True):
        assert np.array_equal(g.tokens, b.tokens)
        assert b.log_probability == pytest.approx(g.log_probability, abs=1e-12)
        assert b.ended == g.ended
    assert greedy.tokens == beam.tokens


@pytest.mark.parametrize("fields", VARIANTS)
def test_greedy_chooses_the_likeliest_token_of_its_own_trace_at_every_step(fields):
    model = _model(fields)
    source, lengths = _sources(model)
    decoded = model.greedy(source, lengths, max_length=8)
    trace = decoded.trace
    for b, h in enumerate(decoded.best):
        probs = trace.probabilities[b, : len(h.tokens)].copy()
        probs[:, [PAD, BOS]] = -1  # never written
        assert np.array_equal(np.argmax(probs, axis=1), h.tokens)
        assert np.all(h.tokens[:-1] != EOS)
        assert h.ended == (h.tokens[-1] == EOS)


@pytest.mark.parametrize("penalty", [0.0, 0.6, 1.0])
@pytest.mark.parametrize("fields", VARIANTS[1::2])
def test_a_beam_score_is_the_sum_of_its_tokens_log_probabilities_over_length_to_the_penalty(
    fields, penalty
):
    model = _model(fields)
    source, lengths = _sources(model)
    decoded = model.beam_search(source, lengths, beam_width=3, length_penalty=penalty)
    for b, found in enumerate(decoded.hypotheses):
        assert len(found) == 3
        scores = [h.score for h in found]
        assert scores == sorted(scores, reverse=True)  # best first
        for h in found:  # each hypothesis, read back under teacher forcing
            n = len(h.tokens)
            again = model.run(source[b : b + 1, : lengths[b]], h.tokens[None], [lengths[b]], [n])
            per_token = -again.step_losses[0, :n]
            assert np.allclose(h.log_probs, per_token, atol=1e-10)
            assert h.log_probability == pytest.approx(per_token.sum(), abs=1e-10)
            assert h.score == pytest.approx(h.log_probability / n**penalty, abs=1e-10)
        best = decoded.trace.log_probabilities()[b, : len(found[0].tokens)].sum()
        assert best == pytest.approx(found[0].log_probability, abs=1e-10)


def test_a_wide_beam_finds_the_best_output_of_an_exhaustive_search():
    """Vocabulary of 5 (<pad>, <unk>, <bos>, <eos>, one word): 3 tokens to choose from, so all
    outputs up to 3 tokens can be listed; a beam of 27 keeps every one of them."""
    model = small_model(seed=5, target_vocab_size=5, attention="additive", context="input")
    model.params["output.weight"] *= 3
    source, lengths = np.array([[3, 1, 4, 1]]), [4]
    penalty, longest = 0.7, 3
    decoded = model.beam_search(
        source, lengths, beam_width=27, length_penalty=penalty, max_length=longest
    )
    choices = [t for t in range(5) if t not in (PAD, BOS)]
    best, best_score = None, -np.inf
    for n in range(1, longest + 1):
        for tokens in itertools.product(choices, repeat=n):
            if EOS in tokens[:-1] or (n < longest and tokens[-1] != EOS):
                continue  # ends at its first <eos>, or runs to max_length
            run = model.run(source, np.array([tokens]), lengths, [n], backward=False)
            score = -run.step_losses.sum() / n**penalty
            if score > best_score:
                best, best_score = list(tokens), score
    assert decoded.best[0].tokens.tolist() == best
    assert decoded.best[0].score == pytest.approx(best_score, abs=1e-10)


def test_decoding_stops_at_max_length_and_says_the_output_did_not_end():
    model = _model({"attention": "dot"})
    model.params["output.bias"][EOS] = -50.0  # <eos> all but impossible
    source, lengths = _sources(model)
    for decoded in (
        model.greedy(source, lengths, max_length=4),
        model.beam_search(source, lengths, beam_width=2, max_length=4),
    ):
        assert all(len(h.tokens) == 4 and not h.ended for h in decoded.best)
        assert decoded.trace.target_lengths.tolist() == [4, 4, 4]


def test_decoded_traces_hold_attention_for_each_written_token():
    model = _model(VARIANTS[1])
    source, lengths = _sources(model)
    decoded = model.beam_search(source, lengths, beam_width=2)
    for b, h in enumerate(decoded.best):
        weights = decoded.trace.attention_weights(b)
        assert weights.shape == (len(h.tokens), lengths[b])
        assert np.allclose(weights.sum(axis=1), 1.0)
    assert not decoded.trace.has_gradients


def test_default_max_length_is_twice_the_source_plus_ten():
    model = _model({"attention": "none"})
    model.params["output.bias"][EOS] = -50.0
    decoded = model.greedy(np.array([[1, 2, 3]]))
    assert len(decoded.best[0].tokens) == 2 * 3 + 10


@pytest.mark.parametrize(
    "kwargs",
    [{"beam_width": 0}, {"beam_width": 1.5}, {"length_penalty": -1.0}, {"max_length": 0}],
)
def test_bad_decoding_settings_say_what_is_allowed(kwargs):
    model = _model({"attention": "none"})
    with pytest.raises(InputError, match=next(iter(kwargs))):
        model.beam_search(np.array([[1, 2]]), **kwargs)


def test_float32_decodes_like_float64():
    model = _model(VARIANTS[1])
    single = small_model(seed=2, target_vocab_size=9, dtype="float32", **VARIANTS[1])
    single.load_state_dict(model.state_dict())
    source, lengths = _sources(model)
    a = model.beam_search(source, lengths, beam_width=3)
    b = single.beam_search(source, lengths, beam_width=3)
    assert a.tokens == b.tokens
    assert np.allclose(a.scores, b.scores, atol=1e-4)
    assert b.trace.probabilities.dtype == np.float32


@pytest.mark.parametrize("fields", VARIANTS[::2])
def test_beam_search_records_each_step_as_a_plain_python_search_makes_it(fields):
    from .beam_reference import reference_steps

    model = _model(fields)
    source, lengths = _sources(model)
    decoded = model.beam_search(source, lengths, beam_width=3, length_penalty=0.5, max_length=6)
    for b in range(len(lengths)):
        expected = reference_steps(model, source[b, : lengths[b]], width=3, max_length=6)
        steps = decoded.steps[b]
        assert len(steps) == len(expected)
        for step, reference in zip(steps, expected, strict=True):
            for fate in ("live", "ended", "dropped"):
                got = getattr(step, fate)
                assert [c.tokens for c in got] == [tokens for tokens, _ in reference[fate]]
                totals = [c.log_probability for c in got]
                assert np.allclose(totals, [total for _, total in reference[fate]], atol=1e-10)
        ended = [c for step in steps for c in step.ended]
        found = {tuple(int(t) for t in h.tokens) for h in decoded.hypotheses[b] if h.ended}
        assert found == {c.tokens for c in ended}  # the hypotheses are the ended candidates
