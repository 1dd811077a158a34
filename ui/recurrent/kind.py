"""The recurrent kind in the window: its runner, its views (the input and the unrolled network
in the centre, the builder, the inspector and the six plot docks), its events in words and its
explanations."""

from __future__ import annotations

from simulator.kinds import RECURRENT

from ..kinds.window_kind import WindowKind
from ..translation_marks import QT_TRANSLATE_NOOP


class RecurrentWindowKind(WindowKind):
    heading = QT_TRANSLATE_NOOP("GalleryPanel", "Recurrent networks")
    docks = {
        "hidden": QT_TRANSLATE_NOOP("MainWindow", "Hidden state"),
        "gates": QT_TRANSLATE_NOOP("MainWindow", "Gates"),
        "outputs": QT_TRANSLATE_NOOP("MainWindow", "Output and loss"),
        "gradients": QT_TRANSLATE_NOOP("MainWindow", "Gradients"),
        "flow": QT_TRANSLATE_NOOP("MainWindow", "Gradient flow"),
        "parameters": QT_TRANSLATE_NOOP("MainWindow", "Parameter gradients"),
    }
    shares_docks = ("curves",)  # the training curves, tabbed with the gradient plots

    def runner(self):
        from .runner import RecurrentRunner

        return RecurrentRunner(self.kind)

    def views(self, session, window):
        from .view_set import RecurrentViewSet

        return RecurrentViewSet(session, window)

    def describe_event(self, session) -> str:
        from .describe import describe_event

        return describe_event(session)

    def explanation_keys(self, spec) -> list[str]:
        if spec.cell == "rnn":
            keys = ["residual_rnn" if spec.residual else "rnn"]
        elif spec.cell == "gru":
            keys = [f"gru_{spec.gru_variant}"]
        else:
            keys = [spec.cell]
        if spec.num_layers > 1:
            keys.append("stacked")
        if spec.bidirectional:
            keys.append("bidirectional")
        return keys


RECURRENT_VIEWS = RecurrentWindowKind(RECURRENT)
