"""Compile (or load) the kernels of the encoder-decoder and of the tree networks. Qt-free.

    python -m ui.kinds.warm encoder-decoder/float64 tree/float64

The engine's own warm-up (simulator.warmup) covers the recurrent cells; these two kinds have
kernels of their own (attention, input feeding, greedy and beam decoding; rvnn, mv-rnn, rntn),
which cost 10-30 s to compile on a cold cache. `warm` runs tiny models through every one of
them and leaves a stamp file beside Numba's cache, named after a hash of the kernel sources and
Numba's version, so `is_cached` can tell whether a start will be quick.
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import cache
from pathlib import Path

ENCODER_DECODER, TREE = "encoder-decoder", "tree"
KERNEL_FOLDERS = ("kernels", "seq2seq/kernels", "trees/kernels")


def key(kind: str, dtype: str = "float64") -> str:
    return f"{kind}/{dtype}"


def warm(kind: str, dtype: str = "float64") -> None:
    """Run every kernel a model of this kind and dtype calls, then stamp it as cached."""
    if kind == ENCODER_DECODER:
        _warm_encoder_decoder(dtype)
    elif kind == TREE:
        _warm_trees(dtype)
    else:
        raise ValueError(f"kind {kind!r}: {ENCODER_DECODER} or {TREE}")
    stamp = _stamp(kind, dtype)
    if stamp is not None:
        try:
            stamp.touch()
        except OSError:
            pass  # a read-only cache: the next start warms again, nothing worse


def _warm_encoder_decoder(dtype: str) -> None:
    import numpy as np

    from simulator.seq2seq import EncoderDecoder, Seq2SeqSpec

    source, target = np.array([[4, 5, 6]]), np.array([[4, 5, 3]])
    for attention, context, bidirectional in (
        ("additive", "output", False),
        ("scaled_dot", "input", True),
        ("none", "output", False),
    ):
        spec = Seq2SeqSpec(
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
        model.run(source, target)
        model.greedy(source, max_length=3)
        model.beam_search(source, beam_width=2, max_length=3)


def _warm_trees(dtype: str) -> None:
    from simulator.trees import MODELS, TreeNetwork, TreeSpec

    for model in MODELS:
        spec = TreeSpec(model=model, vocab_size=4, dim=2, output_size=2, dtype=dtype)
        TreeNetwork(spec).run("(1 (0 a) (1 b))", vocabulary={"a": 2, "b": 3})


def is_cached(kind: str, dtype: str = "float64") -> bool:
    """True when this kind and dtype were warmed with the current kernels and Numba."""
    stamp = _stamp(kind, dtype)
    return stamp is not None and stamp.exists()


def _stamp(kind: str, dtype: str) -> Path | None:
    from simulator.numba_cache import configure

    configure()
    folder = os.environ.get("NUMBA_CACHE_DIR")
    if not folder:
        return None
    return Path(folder) / f"rnnsim-warm-{kind}-{dtype}-{_fingerprint()}"


@cache
def _fingerprint() -> str:
    """A hash of every kernel source and of Numba's version."""
    from importlib.metadata import version

    import simulator

    root = Path(simulator.__file__).parent
    digest = hashlib.sha256(version("numba").encode())
    for folder in KERNEL_FOLDERS:
        for source in sorted((root / folder).glob("*.py")):
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def main(argv: list[str]) -> int:
    for item in argv:
        kind, _, dtype = item.partition("/")
        warm(kind, dtype or "float64")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
