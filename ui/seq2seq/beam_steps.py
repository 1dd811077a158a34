"""Beam search step by step, for showing the beams. Qt-free.

The engine's beam search (EncoderDecoder.beam_search) runs the whole search in one compiled
call and returns only the hypotheses it ends with. To show what the beams hold at every step,
this module searches again by the same rules (simulator/seq2seq/kernels/beam.py), asking the
model for p(y | prefix, x) of every live prefix at once with a forward run under teacher
forcing, and records each step: the live hypotheses, the ones that ended there, and the
candidates that fell out. Its final hypotheses are the engine's (the tests check).

Rules: each step extends every live hypothesis by every token but <pad> and <bos> and keeps the
2K best by summed log-probability; walking them best first, one ending in <eos> among the first
K is set aside as ended (until K have ended), the others live on (at most K). The search stops
when K have ended or after max_length steps (the live ones are then kept, unended). Ended
hypotheses are ranked by score = log_probability / length^length_penalty.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

PAD, BOS, EOS = 0, 2, 3


@dataclass
class Beam:
    tokens: tuple[int, ...]  # written so far (the <eos> included when ended)
    log_probability: float  # their summed log p
    parent: int  # the live hypothesis of the step before it extends (-1 at the first step)
    ended: bool = False

    def score(self, length_penalty: float) -> float:
        return self.log_probability / max(len(self.tokens), 1) ** length_penalty


@dataclass
class BeamStep:
    live: list[Beam]  # what lives on after this step, best first
    ended: list[Beam]  # what ended with <eos> at this step
    dropped: list[Beam]  # candidates among the 2K best that did not fit


@dataclass
class BeamSearch:
    width: int
    length_penalty: float
    steps: list[BeamStep] = field(default_factory=list)
    final: list[Beam] = field(default_factory=list)  # best first by score

    @property
    def best(self) -> Beam | None:
        return self.final[0] if self.final else None


def _log_softmax(logits: np.ndarray) -> np.ndarray:
    top = logits.max(axis=-1, keepdims=True)
    return logits - (top + np.log(np.exp(logits - top).sum(axis=-1, keepdims=True)))


def next_log_probs(model, source: np.ndarray, prefixes: list[tuple[int, ...]]) -> np.ndarray:
    """(len(prefixes), V): log p(y | prefix, x) for each prefix, in one forward run."""
    K, step = len(prefixes), len(prefixes[0])
    target = np.full((K, step + 1), EOS, np.int64)
    for k, prefix in enumerate(prefixes):
        target[k, :step] = prefix
    sources = np.repeat(source[None], K, axis=0)
    trace = model.run(sources, target, backward=False)
    return _log_softmax(np.asarray(trace.logits[:, step], dtype=np.float64))


def beam_search(
    model, source, width: int = 4, length_penalty: float = 1.0, max_length: int | None = None
) -> BeamSearch:
    source = np.asarray(source, np.int64)
    max_length = max_length or 2 * len(source) + 10
    result = BeamSearch(width, length_penalty)
    live = [Beam((), 0.0, -1)]
    ended: list[Beam] = []
    for _step in range(max_length):
        log_p = next_log_probs(model, source, [b.tokens for b in live])
        V = log_p.shape[1]
        candidates = []  # (total, k, v): the first found wins a tie, as in the kernel
        for k, beam in enumerate(live):
            for v in range(V):
                if v not in (PAD, BOS):
                    candidates.append((beam.log_probability + float(log_p[k, v]), k, v))
        order = sorted(range(len(candidates)), key=lambda i: -candidates[i][0])
        best = [candidates[i] for i in order[: 2 * width]]
        step = BeamStep([], [], [])
        for i, (total, k, v) in enumerate(best):
            beam = Beam((*live[k].tokens, v), total, k, ended=v == EOS)
            if v == EOS:
                if i < width and len(ended) < width:
                    ended.append(beam)
                    step.ended.append(beam)
                else:
                    step.dropped.append(beam)
            elif len(step.live) < width:
                step.live.append(beam)
            else:
                step.dropped.append(beam)
        result.steps.append(step)
        if len(ended) >= width:
            live = []
            break
        live = step.live
        if not live:
            break
    for beam in live:  # max_length reached: the best live ones, unended
        if len(ended) >= width:
            break
        ended.append(beam)
    result.final = sorted(ended, key=lambda b: -b.score(length_penalty))
    return result
