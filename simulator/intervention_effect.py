"""Before and after an intervention: the same input run without and with it, and what moved.

    effect = intervention_effect(network, x, y, interventions=[ZeroUnit(units=2, steps=3)])
    effect.loss_change                      L(after) - L(before)
    effect.moved                            name -> largest |after - before|, largest first
    effect.states_moved()                   the same for the forward states only (h_t, c_t, gates)
    effect.per_step("layer0.forward.hidden")   (B, T) largest |change| over the units at each t

Names are the trace export's (simulator/trace_export/arrays.py), so a view can show any array
that changed, the gradients included.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .trace import Trace
from .trace_export.arrays import trace_arrays

STATE_SUFFIXES = (".hidden", ".cell_state")


@dataclass
class InterventionEffect:
    before: Trace
    after: Trace
    moved: dict[str, float]  # name -> max |after - before|, for every array that changed

    @property
    def loss_change(self) -> float | None:
        if self.before.loss is None:
            return None
        return self.after.loss - self.before.loss

    def states_moved(self) -> dict[str, float]:
        """The forward states that changed: h_t, c_t and the gates of each layer and direction."""
        return {
            name: change
            for name, change in self.moved.items()
            if name.endswith(STATE_SUFFIXES) or ".gates." in name
        }

    def per_step(self, name: str) -> np.ndarray:
        """(B, T) the largest |change| of a (B, T, ...) array at each example and step."""
        change = np.abs(trace_arrays(self.after)[name] - trace_arrays(self.before)[name])
        return change.reshape(change.shape[0], change.shape[1], -1).max(axis=2)


def intervention_effect(
    network, x, y=None, lengths=None, interventions=(), initial=None
) -> InterventionEffect:
    """Run `network` on the same input without and with `interventions` and compare."""
    before = network.run(x, y, lengths, initial=initial)
    after = network.run(x, y, lengths, initial=initial, interventions=interventions)
    old, new = trace_arrays(before), trace_arrays(after)
    moved = {}
    for name, value in new.items():
        if value.dtype.kind != "f" or old[name].shape != value.shape:
            continue
        with np.errstate(invalid="ignore"):
            change = float(np.max(np.abs(value - old[name]), initial=0.0))
        if change > 0.0:
            moved[name] = change
    ordered = dict(sorted(moved.items(), key=lambda item: -item[1]))
    return InterventionEffect(before=before, after=after, moved=ordered)
