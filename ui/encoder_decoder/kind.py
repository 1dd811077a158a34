"""The encoder-decoder in the window: its runner, its views (ui.encoder_decoder.view_set), its
events in words, grouped on the timeline by part (encoder, bridge, decoder, attention)."""

from __future__ import annotations

from simulator.kinds import ENCODER_DECODER

from ..kinds.window_kind import WindowKind
from ..timeline import TimelineEvent
from ..translation_marks import QT_TRANSLATE_NOOP

PARTS = ("encoder", "bridge", "decoder", "attention")


class EncoderDecoderWindowKind(WindowKind):
    heading = QT_TRANSLATE_NOOP("GalleryPanel", "Encoder–decoders and attention")

    def runner(self):
        from .runner import EncoderDecoderRunner

        return EncoderDecoderRunner(self.kind)

    def views(self, session, window):
        from .view_set import EncoderDecoderViewSet

        return EncoderDecoderViewSet(session)

    def describe_event(self, session) -> str:
        from .describe import describe_event

        return describe_event(session)

    def timeline_events(self, stepper) -> list:
        return [
            TimelineEvent(
                e.phase, (PARTS.index(e.part) * 100 + e.layer) if e.part else -1, e.direction
            )
            for e in stepper.events
        ]

    def explanation_keys(self, spec) -> list[str]:
        return ["encoder_decoder"] + (["attention"] if spec.attention != "none" else [])


ENCODER_DECODER_VIEWS = EncoderDecoderWindowKind(ENCODER_DECODER)
