"""Random inputs and targets that fit a spec, for the engine's tests."""

import numpy as np

from simulator import NetworkSpec


def random_batch(spec: NetworkSpec, lengths, seed: int = 0):
    """(x, y, lengths) for a padded batch; padding holds junk the engine must ignore."""
    rng = np.random.default_rng(seed)
    lengths = np.asarray(lengths)
    B, T = len(lengths), int(lengths.max())
    if spec.tokens:
        x = rng.integers(0, spec.vocab_size, (B, T))
    else:
        x = rng.standard_normal((B, T, spec.input_size))
    padding = np.arange(T)[None, :] >= lengths[:, None]
    x[padding] = 7 if spec.tokens else 1e3  # never read
    steps = (B, T) if spec.mode == "seq2seq" else (B,)
    if spec.loss == "cross_entropy":
        y = rng.integers(0, spec.output_size, steps)
    else:
        y = rng.standard_normal(steps + (spec.output_size,))
    return x, y, lengths
