"""The recursive networks in the window: their runner, their views (ui.trees.view_set), their
events in words, grouped on the timeline by the height of the tree's nodes."""

from __future__ import annotations

from simulator.kinds import TREE

from ..kinds.window_kind import WindowKind
from ..timeline import TimelineEvent
from ..translation_marks import QT_TRANSLATE_NOOP


class TreeWindowKind(WindowKind):
    heading = QT_TRANSLATE_NOOP("GalleryPanel", "Recursive networks over parse trees")

    def runner(self):
        from .runner import TreeRunner

        return TreeRunner(self.kind)

    def views(self, session, window):
        from .view_set import TreeViewSet

        return TreeViewSet(session)

    def describe_event(self, session) -> str:
        from .describe import describe_event

        return describe_event(session)

    def timeline_events(self, stepper) -> list:
        heights = stepper.flat.height
        return [
            TimelineEvent(e.phase, int(heights[e.node]) if e.node >= 0 else -1, 0)
            for e in stepper.events
        ]

    def explanation_keys(self, spec) -> list[str]:
        return [spec.model.replace("-", "_")]


TREE_VIEWS = TreeWindowKind(TREE)
