"""The encoder-decoder (the notes' 异步的序列到序列, machine translation) and attention
(注意力机制).

    from simulator.encoder_decoder import EncoderDecoder, EncoderDecoderSpec
    spec = EncoderDecoderSpec(source_vocab_size=12, target_vocab_size=14, attention="additive")
    model = EncoderDecoder(spec, seed=0)
    trace = model.run(source, target, source_lengths, target_lengths)   # loss and gradients
    trace.attention.weights                                             # (B, T, S)
    decoded = model.beam_search(source, source_lengths, beam_width=4)   # tokens, scores, trace

Nothing here imports Qt.
"""

from .attention import attend, attend_backward
from .decoding import BeamStep, Candidate, Decoded, Hypothesis
from .model import EncoderDecoder
from .spec import BOS, EOS, PAD, UNK, EncoderDecoderSpec
from .stepper import EncoderDecoderEvent, EncoderDecoderStepper
from .trace import AttentionTrace, EncoderDecoderTrace

__all__ = [
    "BOS",
    "EOS",
    "PAD",
    "UNK",
    "AttentionTrace",
    "BeamStep",
    "Candidate",
    "Decoded",
    "EncoderDecoder",
    "Hypothesis",
    "EncoderDecoderEvent",
    "EncoderDecoderSpec",
    "EncoderDecoderStepper",
    "EncoderDecoderTrace",
    "attend",
    "attend_backward",
]
