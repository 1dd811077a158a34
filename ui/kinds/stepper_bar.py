"""AnyStepperBar: the stepper bar for every kind of model.

The recurrent network's bar (ui.stepper_bar) as it is; for an encoder-decoder or a tree the
current event is told in that kind's words, and the timeline groups the events by part (encoder,
bridge, decoder, attention) or by the height of the tree's nodes.
"""

from __future__ import annotations

from typing import NamedTuple

from ..stepper_bar import StepperBar
from . import ENCODER_DECODER, TREE
from .translated import InheritedTr

PARTS = ("encoder", "bridge", "decoder", "attention")


class TimelineEvent(NamedTuple):
    """What the timeline reads of an event: its phase, and a group (layer, direction)."""

    phase: str
    layer: int
    direction: int


class AnyStepperBar(InheritedTr, StepperBar):
    def timeline_events(self, stepper) -> list:
        if self.session.kind in (ENCODER_DECODER, TREE):
            return timeline_events(stepper, self.session.kind)
        return super().timeline_events(stepper)

    def describe(self) -> str:
        kind = self.session.kind
        if kind == ENCODER_DECODER:
            from ..encoder_decoder.describe import describe_event

            return describe_event(self.session)
        if kind == TREE:
            from ..trees.describe import describe_event

            return describe_event(self.session)
        return super().describe()


def timeline_events(stepper, kind: str) -> list[TimelineEvent]:
    if kind == TREE:
        heights = stepper.flat.height
        return [
            TimelineEvent(e.phase, int(heights[e.node]) if e.node >= 0 else -1, 0)
            for e in stepper.events
        ]
    return [
        TimelineEvent(e.phase, (PARTS.index(e.part) * 100 + e.layer) if e.part else -1, e.direction)
        for e in stepper.events
    ]
