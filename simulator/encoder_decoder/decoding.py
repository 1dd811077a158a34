"""Decoding from Python: greedy and beam search, each with its tokens, scores and trace.

The search itself runs in one compiled call (kernels/decode.py: the time loop, the decoder, the
attention, the output layer and the choice of tokens all inside). The trace of what was written
is then the teacher-forced run on the chosen tokens (forward only), so it holds everything a
training trace holds: encoder and decoder states and gates, attention weights per target step,
probabilities, and -log p of each chosen token in `step_losses`.

Scores: `log_probability` is sum_t log p(y_t | y_<t, X) over the tokens written (the <eos>
included when the hypothesis ended); `score` = log_probability / length^length_penalty, what
beam search ranks ended hypotheses by (length_penalty 0: the plain sum; 1: the mean per token).
Greedy decoding's score is its log_probability.

Beam search also returns, per example, what every step held (`Decoded.steps`): the hypotheses
kept to extend, those that ended there with <eos>, and the candidates that fell out.
"""

from __future__ import annotations

from dataclasses import dataclass
from numbers import Integral, Real

import numpy as np

from ..errors import InputError
from .attention import score_parameters
from .decoder import CELL_CODES, per_layer
from .inputs import prepare
from .kernels.beam import DROPPED, ENDED, LIVE, NONE, beam_decode
from .kernels.decode import INPUT_CONTEXT, NO_CONTEXT, OUTPUT_CONTEXT, Decoder, greedy_decode
from .spec import EOS, PAD
from .trace import EncoderDecoderTrace


@dataclass
class Hypothesis:
    tokens: np.ndarray  # target ids written, the <eos> included when ended
    log_probs: np.ndarray  # log p of each
    log_probability: float  # their sum
    score: float  # log_probability / len(tokens)^length_penalty
    ended: bool  # False when max_length was reached first


@dataclass
class Candidate:
    """One of a beam search step's 2K best extensions."""

    tokens: tuple[int, ...]  # written so far, the <eos> included when it ended here
    log_probability: float  # their summed log p
    parent: int  # the live hypothesis of the step before that it extends
    score: float  # log_probability / len(tokens)^length_penalty


@dataclass
class BeamStep:
    live: list[Candidate]  # kept to extend at the next step, best first
    ended: list[Candidate]  # ended with <eos> here
    dropped: list[Candidate]  # among the 2K best, but neither kept nor ended


@dataclass
class Decoded:
    hypotheses: list[list[Hypothesis]]  # per example, best first (greedy: one)
    trace: EncoderDecoderTrace  # teacher-forced forward run on each example's best hypothesis
    steps: list[list[BeamStep]] | None = None  # beam search: per example, what each step held

    @property
    def best(self) -> list[Hypothesis]:
        return [found[0] for found in self.hypotheses]

    @property
    def tokens(self) -> list[list[int]]:
        """Each example's best output, without the <eos>."""
        return [[int(t) for t in h.tokens if t != EOS] for h in self.best]

    @property
    def scores(self) -> np.ndarray:
        return np.array([h.score for h in self.best])


def greedy(model, source, source_lengths=None, max_length: int | None = None) -> Decoded:
    prepared, state = _start(model, source, source_lengths)
    B = prepared.source.shape[0]
    max_length = _max_length(max_length, prepared.source.shape[1])
    tokens = np.full((B, max_length), PAD, np.int64)
    log_probs = np.zeros((B, max_length), model.spec.dtype)
    lengths = np.zeros(B, np.int64)
    ended = np.zeros(B, np.bool_)
    greedy_decode(*state, tokens, log_probs, lengths, ended)
    hypotheses = []
    for b in range(B):
        n = int(lengths[b])
        total = float(log_probs[b, :n].sum())
        hypotheses.append(
            [Hypothesis(tokens[b, :n], log_probs[b, :n], total, total, bool(ended[b]))]
        )
    return Decoded(hypotheses, _trace(model, prepared, hypotheses))


def beam_search(
    model,
    source,
    source_lengths=None,
    beam_width: int = 4,
    length_penalty: float = 1.0,
    max_length: int | None = None,
) -> Decoded:
    if isinstance(beam_width, bool) or not isinstance(beam_width, Integral) or beam_width < 1:
        raise InputError(f"beam_width must be a whole number >= 1; got {beam_width!r}")
    if not isinstance(length_penalty, Real) or not 0 <= length_penalty <= 10:
        raise InputError(f"length_penalty must be a number from 0 to 10; got {length_penalty!r}")
    prepared, state = _start(model, source, source_lengths)
    B = prepared.source.shape[0]
    K = int(beam_width)
    max_length = _max_length(max_length, prepared.source.shape[1])
    tokens = np.full((B, K, max_length), PAD, np.int64)
    log_probs = np.zeros((B, K, max_length), model.spec.dtype)
    lengths = np.zeros((B, K), np.int64)
    totals = np.zeros((B, K))
    scores = np.full((B, K), -np.inf)
    ended = np.zeros((B, K), np.bool_)
    record = (
        np.zeros((B, max_length, 2 * K), np.int64),  # parent
        np.zeros((B, max_length, 2 * K), np.int64),  # token
        np.zeros((B, max_length, 2 * K)),  # total
        np.full((B, max_length, 2 * K), NONE, np.int8),  # fate
    )
    beam_decode(
        *state, float(length_penalty), tokens, log_probs, lengths, totals, scores, ended, *record
    )
    hypotheses = []
    for b in range(B):
        found = []
        for k in range(K):
            n = int(lengths[b, k])
            if n == 0:  # fewer than K hypotheses exist (a tiny vocabulary)
                continue
            found.append(
                Hypothesis(
                    tokens[b, k, :n],
                    log_probs[b, k, :n],
                    float(totals[b, k]),
                    float(scores[b, k]),
                    bool(ended[b, k]),
                )
            )
        hypotheses.append(found)
    steps = [_beam_steps(*(array[b] for array in record), length_penalty) for b in range(B)]
    return Decoded(hypotheses, _trace(model, prepared, hypotheses), steps)


def _beam_steps(parents, tokens, totals, fates, length_penalty: float) -> list[BeamStep]:
    """One example's recorded search as BeamSteps, each candidate's tokens followed back
    through the live hypotheses of the steps before."""
    steps, live = [], [()]
    for s in range(fates.shape[0]):
        if fates[s, 0] == NONE:  # the search stopped before this step
            break
        step = BeamStep([], [], [])
        kept = {LIVE: step.live, ENDED: step.ended, DROPPED: step.dropped}
        for i in range(fates.shape[1]):
            if fates[s, i] == NONE:  # fewer than 2K candidates (a tiny vocabulary)
                break
            written = (*live[parents[s, i]], int(tokens[s, i]))
            total = float(totals[s, i])
            score = total / len(written) ** length_penalty
            kept[int(fates[s, i])].append(Candidate(written, total, int(parents[s, i]), score))
        steps.append(step)
        live = [candidate.tokens for candidate in step.live]
    return steps


def _max_length(max_length, source_steps: int) -> int:
    if max_length is None:
        return 2 * source_steps + 10
    if isinstance(max_length, bool) or not isinstance(max_length, Integral) or max_length < 1:
        raise InputError(f"max_length must be a whole number >= 1; got {max_length!r}")
    return int(max_length)


def _start(model, source, source_lengths):
    """Encode, bridge and gather what the decoding kernels take: the Decoder and the initial
    states h0, c0 (all but their outputs)."""
    spec = model.spec
    prepared = prepare(spec, source, None, source_lengths)
    _, _, memory, h0, c0, _ = model.encode(prepared.source, prepared.source_lengths)
    score = model.score()
    if score is None:
        score = _no_attention(spec.dtype)
        placement = NO_CONTEXT
    else:
        placement = INPUT_CONTEXT if spec.input_feeding else OUTPUT_CONTEXT
    B, S, M = memory.shape
    keys = np.zeros((B, S, score.key_width(M, spec.decoder_hidden_size)), spec.dtype)
    w_ih, w_hh, b_ih, b_hh = per_layer(spec, model.params)
    decoder = Decoder(
        cell=CELL_CODES[spec.decoder_cell],
        kind=score.kind,
        placement=placement,
        embedding=model.params["decoder.embedding.weight"],
        memory=memory,
        source_lengths=prepared.source_lengths,
        w_ih=w_ih,
        w_hh=w_hh,
        b_ih=b_ih,
        b_hh=b_hh,
        att_w=score.w,
        att_u=score.u,
        att_v=score.v,
        scale=score.scale,
        w_out=model.params["output.weight"],
        b_out=model.params["output.bias"],
        keys=keys,
    )
    return prepared, (decoder, h0, c0)


def _no_attention(dtype):
    """Placeholder arrays for the kernels' attention arguments (never read)."""
    return score_parameters("dot", {}, 1, dtype)


def _trace(model, prepared, hypotheses: list[list[Hypothesis]]) -> EncoderDecoderTrace:
    best = [found[0].tokens for found in hypotheses]
    lengths = np.array([max(len(t), 1) for t in best])
    target = np.full((len(best), int(lengths.max())), EOS, np.int64)
    for b, tokens in enumerate(best):
        target[b, : len(tokens)] = tokens
    return model.run(prepared.source, target, prepared.source_lengths, lengths, backward=False)
