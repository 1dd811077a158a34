"""Check back-propagation against central finite differences, parameter by parameter."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Steps tried in turn. A central difference errs by ~h^2 f''' (truncation) plus ~eps L / h
# (rounding); when a parameter's gradient is tiny next to the loss no single h suits every
# parameter, so each one tries these until it agrees and keeps its best.
STEPS = (1e-5, 1e-4, 1e-3, 1e-6)
AGREE = 1e-6


@dataclass
class GradCheck:
    per_parameter: dict[str, float]  # name -> ||analytic - numeric|| / (||analytic|| + ||numeric||)

    @property
    def max_rel_error(self) -> float:
        return max(self.per_parameter.values(), default=0.0)


def gradient_check(
    network,
    x,
    y,
    lengths=None,
    steps=STEPS,
    max_entries: int | None = None,
    seed: int = 0,
    **run_options,
) -> GradCheck:
    """Compare every analytic gradient with (L(p + h) - L(p - h)) / 2h, one entry at a time.

    `network` is any model with `params` and `run(x, y, lengths, backward=...)` (recurrent,
    encoder-decoder, tree); the differences run forward only. The error of a parameter is the
    relative distance between the two gradient arrays; an array whose gradients are all
    (numerically) zero counts as agreeing when both sides are below 1e-12. `max_entries` checks
    at most that many entries of each parameter, drawn with `seed` (large networks).
    `run_options` go to every run (e.g. interventions=[...]). Needs float64: in float32 the
    differences drown in rounding.
    """

    def loss():  # the forward pass alone: the differences need no gradients
        return network.run(x, y, lengths, backward=False, **run_options).loss

    analytic = network.run(x, y, lengths, **run_options).grads
    rng = np.random.default_rng(seed)
    errors = {}
    for name, view in network.params.items():
        flat = view.reshape(-1)
        entries = np.arange(flat.size)
        if max_entries is not None and flat.size > max_entries:
            entries = np.sort(rng.choice(flat.size, max_entries, replace=False))
        a = analytic[name].reshape(-1)[entries]
        best = np.inf
        for step in steps:
            numeric = _central_differences(loss, flat, entries, step)
            scale = np.linalg.norm(a) + np.linalg.norm(numeric)
            error = 0.0 if scale < 1e-12 else float(np.linalg.norm(a - numeric) / scale)
            best = min(best, error)
            if best < AGREE:
                break
        errors[name] = best
    return GradCheck(errors)


def _central_differences(loss, flat, entries, step) -> np.ndarray:
    numeric = np.zeros(entries.size)
    for n, i in enumerate(entries):
        keep = flat[i]
        flat[i] = keep + step
        up = loss()
        flat[i] = keep - step
        down = loss()
        flat[i] = keep
        numeric[n] = (up - down) / (2 * step)
    return numeric
