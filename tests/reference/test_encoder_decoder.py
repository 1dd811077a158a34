"""The readable NumPy encoder-decoder (simulator/reference/encoder_decoder.py) and the engine
compute the same loss and gradients: without attention, and with every score function at the
decoder's output (Luong) and at its input (Bahdanau's input feeding)."""

import numpy as np
import pytest

from simulator.encoder_decoder import EncoderDecoder, EncoderDecoderSpec
from simulator.reference import encoder_decoder as reference

CASES = [("none", "additive")] + [
    (context, score) for context in ("output", "input") for score in reference.SCORES
]


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize(("context", "score"), CASES, ids=[f"{c}-{s}" for c, s in CASES])
def test_the_reference_and_the_engine_agree_on_loss_and_every_gradient(context, score, seed):
    spec = EncoderDecoderSpec(
        source_vocab_size=12,
        target_vocab_size=10,
        source_embedding_dim=5,
        target_embedding_dim=4,
        encoder_hidden_size=6,
        decoder_hidden_size=6,
        attention="none" if context == "none" else score,
        attention_size=7,
        context="input" if context == "input" else "output",
    )
    model = EncoderDecoder(spec, seed=seed)
    rng = np.random.default_rng(seed)
    source, target = rng.integers(4, 12, (3, 6)), rng.integers(4, 10, (3, 5))
    trace = model.run(source, target)
    loss, grads = reference.run(model.state_dict(), source, target, context, score)
    assert set(grads) == set(trace.grads)
    assert abs(loss - trace.loss) < 1e-10
    for name, grad in grads.items():
        np.testing.assert_allclose(trace.grads[name], grad, rtol=0, atol=1e-10, err_msg=name)
    unreached = [name for name, grad in grads.items() if np.abs(grad).max() < 1e-8]
    assert unreached == []  # the comparison covered every parameter's path
