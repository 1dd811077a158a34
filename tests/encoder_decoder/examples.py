"""Small encoder-decoders and padded batches of random sentence pairs for the tests."""

import numpy as np

from simulator.encoder_decoder import EncoderDecoder, EncoderDecoderSpec

SOURCE_LENGTHS = [5, 3, 2]
TARGET_LENGTHS = [4, 2, 3]


def small_spec(**fields) -> EncoderDecoderSpec:
    """Tiny sizes; the decoder's hidden size matches the encoder's output width (so every
    score function fits) unless a field says otherwise."""
    directions = 2 if fields.get("bidirectional") else 1
    encoder_hidden = fields.pop("encoder_hidden_size", 3)
    base = dict(
        source_vocab_size=7,
        target_vocab_size=8,
        source_embedding_dim=3,
        target_embedding_dim=2,
        encoder_hidden_size=encoder_hidden,
        decoder_hidden_size=directions * encoder_hidden,
        attention_size=3,
    )
    return EncoderDecoderSpec(**{**base, **fields})


def small_model(seed: int = 1, sharpen: float = 3.0, **fields) -> EncoderDecoder:
    """A small model whose attention parameters are scaled up by `sharpen`: at initialisation
    the scores barely depend on the query, and gradients of ~1e-6 drown in finite-difference
    rounding."""
    model = EncoderDecoder(small_spec(**fields), seed=seed)
    for name, view in model.params.items():
        if name.startswith("attention."):
            view *= sharpen
    return model


def random_pairs(spec: EncoderDecoderSpec, source_lengths=None, target_lengths=None, seed: int = 0):
    """(source, target, source_lengths, target_lengths); padding holds junk never read."""
    rng = np.random.default_rng(seed)
    source_lengths = np.asarray(source_lengths or SOURCE_LENGTHS)
    target_lengths = np.asarray(target_lengths or TARGET_LENGTHS)
    B = len(source_lengths)
    source = rng.integers(0, spec.source_vocab_size, (B, int(source_lengths.max())))
    target = rng.integers(0, spec.target_vocab_size, (B, int(target_lengths.max())))
    source[np.arange(source.shape[1])[None, :] >= source_lengths[:, None]] = 99
    target[np.arange(target.shape[1])[None, :] >= target_lengths[:, None]] = -5
    return source, target, source_lengths, target_lengths
