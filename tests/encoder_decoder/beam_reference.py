"""Beam search written out in plain Python by the rules of kernels/beam.py, asking the model for
p(y | prefix, x) with a teacher-forced forward run: the reference the compiled search's
step-by-step record is checked against.

Rules: each step extends every live hypothesis by every token but <pad> and <bos> and keeps the
2K best by summed log-probability (the first found wins a tie); walking them best first, one
ending in <eos> among the first K is set aside as ended (until K have ended), the others live on
(at most K). The search stops when K have ended or after max_length steps.
"""

from __future__ import annotations

import numpy as np

from simulator.encoder_decoder import BOS, EOS, PAD


def _log_softmax(logits: np.ndarray) -> np.ndarray:
    top = logits.max(axis=-1, keepdims=True)
    return logits - (top + np.log(np.exp(logits - top).sum(axis=-1, keepdims=True)))


def next_log_probs(model, source: np.ndarray, prefixes: list[tuple[int, ...]]) -> np.ndarray:
    """(len(prefixes), V): log p(y | prefix, x) for each prefix, in one forward run."""
    K, step = len(prefixes), len(prefixes[0])
    target = np.full((K, step + 1), EOS, np.int64)
    for k, prefix in enumerate(prefixes):
        target[k, :step] = prefix
    trace = model.run(np.repeat(source[None], K, axis=0), target, backward=False)
    return _log_softmax(np.asarray(trace.logits[:, step], dtype=np.float64))


def reference_steps(model, source, width: int, max_length: int) -> list[dict]:
    """Per step: {"live", "ended", "dropped"} lists of (tokens, summed log p)."""
    source = np.asarray(source, np.int64)
    live: list[tuple[tuple[int, ...], float]] = [((), 0.0)]
    ended_count, steps = 0, []
    for _ in range(max_length):
        log_p = next_log_probs(model, source, [tokens for tokens, _ in live])
        candidates = [
            (total + float(log_p[k, v]), k, v)
            for k, (_, total) in enumerate(live)
            for v in range(log_p.shape[1])
            if v not in (PAD, BOS)
        ]
        order = sorted(range(len(candidates)), key=lambda i: -candidates[i][0])
        step = {"live": [], "ended": [], "dropped": []}
        for i in order[: 2 * width]:
            total, k, v = candidates[i]
            beam = ((*live[k][0], v), total)
            if v == EOS and order.index(i) < width and ended_count < width:
                step["ended"].append(beam)
                ended_count += 1
            elif v != EOS and len(step["live"]) < width:
                step["live"].append(beam)
            else:
                step["dropped"].append(beam)
        steps.append(step)
        live = step["live"]
        if ended_count >= width or not live:
            break
    return steps
