"""Stepper: a cursor over the ordered events of one example's trace.

Events follow the order the engine computes them: the forward pass layer by layer (each
direction in its own reading order), then the loss, then back-propagation through time from the
top layer down, each direction from its last processed step back to its first. The stepper never
recomputes: it answers "what is known at this point", so a view can show the past and hide the
future.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .trace import Trace

DIRECTION_NAMES = ("forward", "reverse")


@dataclass(frozen=True)
class Event:
    phase: str  # "forward", "loss" or "backward"
    layer: int = -1
    direction: int = 0
    position: int = -1  # t, the position in the sentence

    @property
    def name(self) -> str:
        """forward:LAYER:DIRECTION:t, loss, backward:LAYER:DIRECTION:t."""
        if self.phase == "loss":
            return "loss"
        return f"{self.phase}:{self.layer}:{DIRECTION_NAMES[self.direction]}:{self.position}"


class EventCursor:
    """A position in a list of events, clamped to it. Steppers over any trace (sequences,
    trees, decoders) share these moves; a subclass fills `events` and may set `loss_at`."""

    events: list
    index: int = 0
    loss_at: int | None = None

    def __len__(self) -> int:
        return len(self.events)

    @property
    def event(self):
        return self.events[self.index]

    def goto(self, index: int):
        self.index = min(max(int(index), 0), len(self.events) - 1)
        return self.event

    def step(self, count: int = 1):
        return self.goto(self.index + count)

    def home(self):
        return self.goto(0)

    def end(self):
        return self.goto(len(self.events) - 1)

    def to_loss(self):
        """The loss event, or the end when there is none."""
        return self.goto(self.loss_at if self.loss_at is not None else len(self.events) - 1)

    @property
    def loss_known(self) -> bool:
        return self.loss_at is not None and self.index >= self.loss_at


class Stepper(EventCursor):
    def __init__(self, trace: Trace, example: int = 0):
        self.trace = trace
        self.example = example
        spec = trace.spec
        length = int(trace.lengths[example])
        self.length = length
        layers, directions = spec.num_layers, spec.num_directions
        # When each (layer, direction, position) becomes known, as an event index.
        self.forward_at = np.zeros((layers, directions, length), dtype=np.int64)
        self.backward_at = np.full((layers, directions, length), np.iinfo(np.int64).max)
        events: list[Event] = []
        for layer in range(layers):
            for d in range(directions):
                for t in _reading_order(length, d):
                    self.forward_at[layer, d, t] = len(events)
                    events.append(Event("forward", layer, d, t))
        self.loss_at = None
        if trace.has_gradients:
            self.loss_at = len(events)
            events.append(Event("loss"))
            for layer in reversed(range(layers)):
                for d in range(directions):
                    for t in reversed(_reading_order(length, d)):
                        self.backward_at[layer, d, t] = len(events)
                        events.append(Event("backward", layer, d, t))
        self.events = events
        self.index = 0

    def find(self, name: str) -> int:
        """The index of an event given as a number, `loss`, `forward:t`, `backward:t` (layer 0,
        forward direction) or the full `forward:LAYER:DIRECTION:t` (DIRECTION forward/reverse
        or 0/1). Raises ValueError naming what exists."""
        text = name.strip().lower()
        if text.lstrip("-").isdigit():
            index = int(text)
            if not 0 <= index < len(self.events):
                raise ValueError(
                    f"event {index} does not exist: there are {len(self.events)} (0 to "
                    f"{len(self.events) - 1})"
                )
            return index
        if text == "loss":
            if self.loss_at is None:
                raise ValueError("this trace has no loss: give targets to run the backward pass")
            return self.loss_at
        parts = text.split(":")
        if parts[0] in ("forward", "backward") and len(parts) in (2, 4):
            try:
                if len(parts) == 2:
                    layer, direction, t = 0, 0, int(parts[1])
                else:
                    layer = int(parts[1])
                    direction = (
                        DIRECTION_NAMES.index(parts[2])
                        if parts[2] in DIRECTION_NAMES
                        else int(parts[2])
                    )
                    t = int(parts[3])
                table = self.forward_at if parts[0] == "forward" else self.backward_at
                index = int(table[layer, direction, t])
                if layer < 0 or t < 0 or index >= len(self.events):
                    raise IndexError
                return index
            except (ValueError, IndexError):
                pass
        raise ValueError(
            f"no event {name!r}: use 0 to {len(self.events) - 1}, 'loss', 'forward:t' or "
            f"'backward:t' with t from 0 to {self.length - 1}, or 'forward:LAYER:DIRECTION:t'"
        )

    # ----- what is known ---------------------------------------------------------------------
    def known_forward(self, layer: int, direction: int = 0) -> np.ndarray:
        """(length,) bool: positions whose forward values have been computed."""
        return self.forward_at[layer, direction] <= self.index

    def known_backward(self, layer: int, direction: int = 0) -> np.ndarray:
        """(length,) bool: positions whose gradients have been computed."""
        return self.backward_at[layer, direction] <= self.index

    @property
    def phase(self) -> str:
        return self.event.phase


def _reading_order(length: int, direction: int) -> list[int]:
    positions = list(range(length))
    return positions[::-1] if direction == 1 else positions
