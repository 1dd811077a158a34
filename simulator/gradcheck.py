"""Check back-propagation against central finite differences, parameter by parameter."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .network import Network


@dataclass
class GradCheck:
    per_parameter: dict[str, float]  # name -> ||analytic - numeric|| / (||analytic|| + ||numeric||)

    @property
    def max_rel_error(self) -> float:
        return max(self.per_parameter.values(), default=0.0)


def gradient_check(network: Network, x, y, lengths=None, step: float = 1e-5,
                   max_entries: int | None = None, seed: int = 0) -> GradCheck:
    """Compare every analytic gradient with (L(p + h) - L(p - h)) / 2h, one entry at a time.

    The error of a parameter is the relative distance between the two gradient arrays; an array
    whose gradients are all (numerically) zero counts as agreeing when both sides are below 1e-12.
    `max_entries` checks at most that many entries of each parameter, drawn with `seed` (large
    networks). Needs float64: in float32 the differences drown in rounding.
    """
    analytic = network.run(x, y, lengths).grads
    rng = np.random.default_rng(seed)
    errors = {}
    for name, view in network.params.items():
        flat = view.reshape(-1)
        entries = np.arange(flat.size)
        if max_entries is not None and flat.size > max_entries:
            entries = np.sort(rng.choice(flat.size, max_entries, replace=False))
        numeric = np.zeros(entries.size)
        for n, i in enumerate(entries):
            keep = flat[i]
            flat[i] = keep + step
            up = network.run(x, y, lengths).loss
            flat[i] = keep - step
            down = network.run(x, y, lengths).loss
            flat[i] = keep
            numeric[n] = (up - down) / (2 * step)
        a = analytic[name].reshape(-1)[entries]
        scale = np.linalg.norm(a) + np.linalg.norm(numeric)
        errors[name] = 0.0 if scale < 1e-12 else float(np.linalg.norm(a - numeric) / scale)
    return GradCheck(errors)
