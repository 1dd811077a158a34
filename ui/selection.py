"""Selection: the node of the unrolled recurrent network the person selected (the session holds
it; its inspector and plots show it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Selection:
    """A hidden state (layer, direction, position), an input or output at a position, or the
    loss."""

    kind: str = "hidden"  # "hidden", "input", "output" or "loss"
    layer: int = 0
    direction: int = 0
    position: int = 0
