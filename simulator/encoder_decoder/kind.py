"""The encoder-decoder's registry entry: EncoderDecoderSpec -> EncoderDecoder,
EncoderDecoderStepper, trained on sentence pairs; two kernel sets: teacher forcing (what the
diagram and training run) and decoding (greedy and beam search, compiled after it)."""

from __future__ import annotations

from ..kind import Compared, Kind
from .spec import ATTENTIONS, MODE

DECODING = "decoding"  # the kernel set of greedy and beam search


class EncoderDecoderKind(Kind):
    name = "encoder-decoder"
    reads = "sentence pairs"
    kernel_sets = ("encoder-decoder", DECODING)
    decodes = True
    compared = Compared("attention", ATTENTIONS, {"none": "additive"}, "none")  # attention or not

    def spec_class(self) -> type:
        from .spec import EncoderDecoderSpec

        return EncoderDecoderSpec

    def model_class(self) -> type:
        from .model import EncoderDecoder

        return EncoderDecoder

    def stepper_class(self) -> type:
        from .stepper import EncoderDecoderStepper

        return EncoderDecoderStepper

    def shapes(self, spec) -> dict[str, tuple[int, ...]]:
        from .spec import shapes

        return shapes(spec)

    def claims(self, section: dict) -> bool:
        return section.get("mode") == MODE

    def task_names(self) -> tuple[str, ...]:
        from ..tasks import PAIR_TASKS

        return tuple(PAIR_TASKS)

    def new_network(self, task) -> dict:
        return {"mode": MODE, **task.spec_fields}

    def describe(self, spec) -> str:
        attention = "no attention" if spec.attention == "none" else f"{spec.attention} attention"
        return f"{spec.encoder_cell}-{spec.decoder_cell} encoder-decoder with {attention}"

    def warm_steps(self, kernel_set: str, dtype: str) -> list:
        """Every score function's path, input feeding, a bidirectional encoder, no attention:
        teacher forcing for the encoder-decoder's set, greedy and beam search for decoding's."""
        import numpy as np

        from .model import EncoderDecoder
        from .spec import EncoderDecoderSpec

        source, target = np.array([[4, 5, 6]]), np.array([[4, 5, 3]])
        steps = []
        for attention, context, bidirectional in (
            ("additive", "output", False),
            ("scaled_dot", "input", True),
            ("none", "output", False),
        ):
            spec = EncoderDecoderSpec(
                source_vocab_size=8,
                target_vocab_size=8,
                source_embedding_dim=2,
                target_embedding_dim=2,
                encoder_hidden_size=2 if bidirectional else 4,
                decoder_hidden_size=4,
                attention_size=2,
                attention=attention,
                context=context,
                bidirectional=bidirectional,
                dtype=dtype,
            )
            model = EncoderDecoder(spec, seed=0)
            if kernel_set == DECODING:
                steps += [
                    lambda model=model: model.greedy(source, max_length=3),
                    lambda model=model: model.beam_search(source, beam_width=2, max_length=3),
                ]
            else:
                steps.append(lambda model=model: model.run(source, target))
        return steps


ENCODER_DECODER = EncoderDecoderKind()
