"""Interventions: changes a person makes to one run of a recurrent network.

    ClampGate(gate="f", value=1.0)            a gate fixed after its activation (lstm i, f,
                                              candidate, o; gru r, z, candidate)
    ZeroUnit(units=3)                         h_t[3] = 0
    SetState(state="cell", steps=4, values=(0.5, -1.0), units=(0, 1))
                                              h_t (or an LSTM's c_t) overwritten at a step

Each names its `layer` and `direction` (0 forward, 1 reverse; default 0 and 0), the positions
`steps` in the sentence it acts at (None: every step) and the `units` (None: every unit). It
acts on every example of the batch, at the steps each example has.

    trace = network.run(x, y, interventions=[ClampGate(gate="f", value=1.0)])

The kernels apply them inside the same compiled loops (simulator/kernels/steps.py): the forward
pass uses the value set by hand wherever the computed one would have gone, and back-propagation
treats it as a constant at that step, so its gradient does not flow into what it replaced (a
clamped gate passes none to its pre-activation, an overwritten c_t none to c_{t-1} or the gates
that made it, an overwritten h_t none into the step that computed it). The loss is then an
ordinary function of the parameters and the gradients are exactly its derivatives
(tests/engine/test_interventions.py checks them against central differences). The run records
them in `trace.interventions`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from .errors import InputError
from .kernels.steps import EDIT_CELL, EDIT_GATE, EDIT_HIDDEN
from .trace import GATE_NAMES

RECURRENT_CELLS = ("rnn", "gru", "lstm")
DIRECTION_NAMES = ("forward", "reverse")
# What a gate's activation can give: a clamp outside it sets a value no run could produce.
GATE_RANGE = {"candidate": (-1.0, 1.0)}  # the others are sigmoids: (0, 1)
STATES = ("hidden", "cell")


def _whole(kind: str, name: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 0:
        raise InputError(f"{kind}.{name} = {value!r}: expected a whole number from 0")
    return int(value)


def _positions(kind: str, name: str, value) -> tuple[int, ...] | None:
    """None (all), one whole number or several, as a sorted tuple without repeats."""
    if value is None:
        return None
    items = [value] if isinstance(value, int | np.integer) else value
    try:
        items = list(items)
    except TypeError:
        raise InputError(
            f"{kind}.{name} = {value!r}: expected a whole number, a list of them, or None (all)"
        ) from None
    if not items:
        raise InputError(f"{kind}.{name} is empty: give at least one, or None for all")
    return tuple(sorted({_whole(kind, name, v) for v in items}))


def _real(kind: str, name: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | np.number):
        raise InputError(f"{kind}.{name} = {value!r}: expected a number")
    if not math.isfinite(float(value)):
        raise InputError(f"{kind}.{name} = {value!r}: expected a finite number")
    return float(value)


@dataclass(frozen=True, kw_only=True)
class Intervention:
    """Where an intervention acts; the subclasses say what it sets."""

    layer: int = 0
    direction: int = 0
    steps: tuple[int, ...] | None = None  # positions t in the sentence; None: every step
    units: tuple[int, ...] | None = None  # None: every unit

    def __post_init__(self):
        kind = type(self).__name__
        object.__setattr__(self, "layer", _whole(kind, "layer", self.layer))
        object.__setattr__(self, "direction", _whole(kind, "direction", self.direction))
        object.__setattr__(self, "steps", _positions(kind, "steps", self.steps))
        object.__setattr__(self, "units", _positions(kind, "units", self.units))

    def check(self, spec, steps: int) -> None:
        """Raise InputError naming the field when this does not fit the network (`spec`) run
        on a batch of `steps` positions."""
        kind = type(self).__name__
        if spec.cell not in RECURRENT_CELLS:
            raise InputError(
                f"{kind}: interventions act on recurrent cells ({', '.join(RECURRENT_CELLS)}); "
                f"this network's cell is {spec.cell}"
            )
        if self.layer >= spec.num_layers:
            raise InputError(
                f"{kind}.layer = {self.layer}: this network has layers 0 to {spec.num_layers - 1}"
            )
        if self.direction >= spec.num_directions:
            allowed = "0 (forward) or 1 (reverse)" if spec.bidirectional else "0 (one direction)"
            raise InputError(f"{kind}.direction = {self.direction}: expected {allowed}")
        if self.steps is not None and self.steps[-1] >= steps:
            raise InputError(
                f"{kind}.steps holds {self.steps[-1]}: the input has steps 0 to {steps - 1}"
            )
        if self.units is not None and self.units[-1] >= spec.hidden_size:
            raise InputError(
                f"{kind}.units holds {self.units[-1]}: the layer has units 0 to "
                f"{spec.hidden_size - 1}"
            )

    def unit_indices(self, hidden_size: int) -> np.ndarray:
        return np.arange(hidden_size) if self.units is None else np.array(self.units)

    def acts_at(self, layer: int, direction: int, position: int) -> bool:
        """True when this intervention sets something at this layer, direction and position."""
        return (layer, direction) == (self.layer, self.direction) and (
            self.steps is None or position in self.steps
        )

    def where(self) -> str:
        steps = "every step" if self.steps is None else "t = " + ", ".join(map(str, self.steps))
        units = "every unit" if self.units is None else "unit " + ", ".join(map(str, self.units))
        return f"{steps}, {units} (layer {self.layer}, {DIRECTION_NAMES[self.direction]})"

    def edits(self, spec) -> tuple[int, np.ndarray, np.ndarray]:
        """(target, indices, values) it sets at each step: see simulator/kernels/steps.py."""
        raise NotImplementedError


@dataclass(frozen=True, kw_only=True)
class ClampGate(Intervention):
    """A gate fixed to `value` after its activation: e.g. the LSTM's forget gate f = 1."""

    gate: str
    value: float

    def __post_init__(self):
        super().__post_init__()
        object.__setattr__(self, "value", _real("ClampGate", "value", self.value))

    def check(self, spec, steps: int) -> None:
        super().check(spec, steps)
        names = GATE_NAMES.get(spec.cell, ())
        if self.gate not in names:
            has = f"has the gates {', '.join(names)}" if names else "has no gates"
            raise InputError(f"ClampGate.gate = {self.gate!r}: a {spec.cell} cell {has}")
        low, high = GATE_RANGE.get(self.gate, (0.0, 1.0))
        if not low <= self.value <= high:
            raise InputError(
                f"ClampGate.value = {self.value:g}: the gate {self.gate} takes values from "
                f"{low:g} to {high:g}"
            )

    def describe(self) -> str:
        return f"clamp {self.gate} = {self.value:g} at {self.where()}"

    def edits(self, spec) -> tuple[int, np.ndarray, np.ndarray]:
        block = GATE_NAMES[spec.cell].index(self.gate)  # the cell's blocks of rows, in order
        rows = block * spec.hidden_size + self.unit_indices(spec.hidden_size)
        return EDIT_GATE, rows, np.full(rows.size, self.value)


@dataclass(frozen=True, kw_only=True)
class SetState(Intervention):
    """h_t (state="hidden") or an LSTM's c_t (state="cell") overwritten: `values` holds one
    number per unit in `units` (every unit when None), or one number for them all."""

    values: tuple[float, ...]
    state: str = "hidden"

    def __post_init__(self):
        super().__post_init__()
        values = self.values
        if isinstance(values, int | float | np.number):
            values = (values,)
        try:
            values = tuple(_real("SetState", "values", v) for v in np.ravel(values).tolist())
        except TypeError:
            raise InputError(f"SetState.values = {self.values!r}: expected numbers") from None
        if not values:
            raise InputError("SetState.values is empty: give one number per unit, or one")
        object.__setattr__(self, "values", values)
        if self.state not in STATES:
            raise InputError(f"SetState.state = {self.state!r}: expected hidden or cell")

    def check(self, spec, steps: int) -> None:
        super().check(spec, steps)
        kind = type(self).__name__
        if self.state == "cell" and spec.cell != "lstm":
            raise InputError(f"{kind}.state = 'cell': only an LSTM has a cell state")
        count = spec.hidden_size if self.units is None else len(self.units)
        if len(self.values) not in (1, count):
            raise InputError(
                f"{kind}.values holds {len(self.values)} numbers: expected one, or one for "
                f"each of the {count} units"
            )

    def describe(self) -> str:
        shown = ", ".join(f"{v:g}" for v in self.values[:4]) + (
            ", ..." if len(self.values) > 4 else ""
        )
        symbol = "h" if self.state == "hidden" else "c"
        return f"set {symbol}_t = ({shown}) at {self.where()}"

    def edits(self, spec) -> tuple[int, np.ndarray, np.ndarray]:
        units = self.unit_indices(spec.hidden_size)
        values = np.broadcast_to(np.array(self.values), units.shape)
        return (EDIT_HIDDEN if self.state == "hidden" else EDIT_CELL), units, values


@dataclass(frozen=True, kw_only=True)
class ZeroUnit(SetState):
    """h_t[j] = 0 for the units j in `units`: the unit silenced."""

    values: tuple[float, ...] = field(default=(0.0,), init=False)
    state: str = field(default="hidden", init=False)

    def describe(self) -> str:
        return f"zero h_t at {self.where()}"


# ----- what the kernels read ---------------------------------------------------------------------
@dataclass(frozen=True)
class Edits:
    """One layer and direction's interventions as the kernels read them (kernels/steps.py)."""

    edits: np.ndarray  # (K, 2) int64: [target, index], sorted by slot b * T + t
    values: np.ndarray  # (K,) in the network's dtype
    offsets: np.ndarray  # (B * T + 1,) int64; (1,) when there are none


@cache
def no_edits(dtype: str) -> Edits:
    """Nothing set: the same array types as real edits, so the kernels compile once."""
    return Edits(np.zeros((0, 2), np.int64), np.zeros(0, dtype), np.zeros(1, np.int64))


def check_all(interventions, spec, steps: int) -> tuple[Intervention, ...]:
    """The interventions as a tuple, each checked against the network and the batch."""
    if interventions is None:
        return ()
    if isinstance(interventions, Intervention):
        interventions = [interventions]
    out = tuple(interventions)
    for item in out:
        if not isinstance(item, Intervention):
            raise InputError(
                f"interventions holds {type(item).__name__}: expected ClampGate, ZeroUnit or "
                "SetState"
            )
        item.check(spec, steps)
    return out


def layer_edits(
    interventions: tuple[Intervention, ...],
    layer: int,
    direction: int,
    lengths: np.ndarray,
    steps: int,
    spec,
) -> Edits:
    """The edits of one layer and direction for a batch of these lengths and padded steps:
    each intervention at each of its steps that an example has; a later one wins a slot."""
    chosen = [i for i in interventions if (i.layer, i.direction) == (layer, direction)]
    if not chosen:
        return no_edits(spec.dtype)
    B = lengths.shape[0]
    slots, targets, indices, values = [], [], [], []
    for item in chosen:
        target, index, value = item.edits(spec)
        positions = np.arange(steps) if item.steps is None else np.array(item.steps)
        b, t = np.nonzero(positions[None, :] < lengths[:, None])
        slot = np.repeat(b * steps + positions[t], index.size)
        slots.append(slot)
        targets.append(np.full(slot.size, target))
        indices.append(np.tile(index, t.size))
        values.append(np.tile(value, t.size))
    slot = np.concatenate(slots)
    order = np.argsort(slot, kind="stable")  # stable: the list's order within a slot
    edits = np.stack([np.concatenate(targets), np.concatenate(indices)], axis=1)[order]
    offsets = np.zeros(B * steps + 1, np.int64)
    np.cumsum(np.bincount(slot, minlength=B * steps), out=offsets[1:])
    return Edits(
        np.ascontiguousarray(edits, np.int64),
        np.ascontiguousarray(np.concatenate(values)[order], spec.dtype),
        offsets,
    )
