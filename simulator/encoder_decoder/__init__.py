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

from ..lazy import lazy_names

_WHERE = {
    "BOS": ".spec",
    "EOS": ".spec",
    "PAD": ".spec",
    "UNK": ".spec",
    "AttentionTrace": ".trace",
    "BeamStep": ".decoding",
    "Candidate": ".decoding",
    "Decoded": ".decoding",
    "EncoderDecoder": ".model",
    "Hypothesis": ".decoding",
    "EncoderDecoderEvent": ".stepper",
    "EncoderDecoderSpec": ".spec",
    "EncoderDecoderStepper": ".stepper",
    "EncoderDecoderTrace": ".trace",
    "attend": ".attention",
    "attend_backward": ".attention",
}

__all__ = sorted(_WHERE)
__getattr__ = lazy_names(__name__, _WHERE, globals())
