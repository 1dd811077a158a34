"""TreeStepper: a cursor over the ordered events of one tree's trace.

Events follow the order the engine computes them: the forward pass node by node bottom-up (the
words, then the phrases by height, left to right: the trace's row order), then the loss, then
back-propagation through structure top-down (the same nodes in reverse: the root first, each
phrase before its children). Like simulator.stepper.Stepper it never recomputes; it answers
"what is known at this point", so a view can show the past and hide the future.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..stepper import EventCursor
from .trace import TreeTrace


@dataclass(frozen=True)
class TreeEvent:
    phase: str  # "forward", "loss" or "backward"
    node: int = -1  # the node's index within its tree (bottom-up order), -1 for the loss

    @property
    def name(self) -> str:
        """forward:NODE, loss, backward:NODE."""
        return "loss" if self.phase == "loss" else f"{self.phase}:{self.node}"


def tree_events(size: int, with_backward: bool) -> list[TreeEvent]:
    """The events of a tree of `size` nodes: forward bottom-up, then the loss and backward
    top-down when there are gradients."""
    events = [TreeEvent("forward", n) for n in range(size)]
    if with_backward:
        events.append(TreeEvent("loss"))
        events.extend(TreeEvent("backward", n) for n in reversed(range(size)))
    return events


class TreeStepper(EventCursor):
    def __init__(self, trace: TreeTrace, tree: int = 0):
        self.trace = trace
        self.tree = tree
        self.flat = trace.batch.trees[tree]
        self.rows = trace.nodes_of(tree)  # the tree's rows in the trace's arrays
        size = self.flat.size
        self.events = tree_events(size, trace.has_gradients)
        self.forward_at = np.arange(size)
        self.loss_at = size if trace.has_gradients else None
        never = np.iinfo(np.int64).max
        self.backward_at = (
            2 * size - np.arange(size) if trace.has_gradients else np.full(size, never)
        )
        self.index = 0

    def find(self, name: str) -> int:
        """The index of an event given as a number, `loss`, `forward:NODE` or `backward:NODE`.
        Raises ValueError naming what exists."""
        text = name.strip().lower()
        last = len(self.events) - 1
        if text.lstrip("-").isdigit():
            index = int(text)
            if not 0 <= index <= last:
                raise ValueError(
                    f"event {index} does not exist: there are {last + 1} (0 to {last})"
                )
            return index
        if text == "loss":
            if self.loss_at is None:
                raise ValueError("this trace has no loss: run the network on labelled trees")
            return self.loss_at
        phase, _, node = text.partition(":")
        if phase in ("forward", "backward") and node.isdigit() and int(node) < self.flat.size:
            if phase == "forward" or self.loss_at is not None:
                table = self.forward_at if phase == "forward" else self.backward_at
                return int(table[int(node)])
        raise ValueError(
            f"no event {name!r}: use 0 to {last}, 'loss', 'forward:NODE' or 'backward:NODE' with "
            f"NODE from 0 to {self.flat.size - 1}"
            + ("" if self.loss_at is not None else " (forward only: this trace has no gradients)")
        )

    # ----- what is known ---------------------------------------------------------------------
    def known_forward(self) -> np.ndarray:
        """(nodes,) bool: nodes whose vector (and probabilities) have been computed."""
        return self.forward_at <= self.index

    def known_backward(self) -> np.ndarray:
        """(nodes,) bool: nodes whose delta has been computed (their parent's is, too)."""
        return self.backward_at <= self.index

    @property
    def phase(self) -> str:
        return self.event.phase

    def describe(self) -> str:
        """The current event in words: which node, its words, what was computed."""
        event = self.event
        if event.phase == "loss":
            return f"loss = {self.trace.loss:.6g} (1/B times the sum over the labelled nodes)"
        n = event.node
        flat = self.flat
        kind = "word" if flat.left[n] < 0 else f"phrase of height {flat.height[n]}"
        what = "p = L[w]" if flat.left[n] < 0 else "p = f(z), class probabilities"
        if event.phase == "backward":
            what = "dL/dp" + ("" if flat.left[n] < 0 else ", delta dL/dz")
        return f"{event.name}: {kind} '{flat.phrase(n)}': {what}"
