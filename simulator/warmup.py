"""Compile (or load) the engine's kernels ahead of use, and tell whether that was done before.

    python -m simulator.warmup lstm/float64 gru/float64 encoder-decoder/float64 tree/float64
    python -m simulator.warmup --all      every set the examples use, one process per core

Numba compiles a kernel on its first call (seconds per cell; 10-30 s for the encoder-decoder's
and the trees' sets) and keeps it in its on-disk cache (see numba_cache.py). A program that
wants to stay responsive — the window — warms what it needs early, compiling a cold set in a
separate process. A set is a recurrent cell (CELLS) or a model kind (KINDS). `is_cached`
answers from a stamp file written beside Numba's cache once a set and dtype have been warmed;
the stamp's name carries a hash of the kernel sources and Numba's version, so editing a kernel
or upgrading Numba makes it stale, and clearing the cache folder removes it; and a hash of where
the sources are, because Numba keys its cache by the source file's path (a second checkout
sharing the folder has compiled nothing for its own paths).

`make run` and `make test` call `--all` once after installing (see the Makefile): the sets are
compiled side by side in separate processes, the longest first, so a person's first window and
the test suite start warm. Sets already stamped cost nothing.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

from .kinds import ENCODER_DECODER, TREE
from .numba_cache import configure, fingerprint
from .threads import engine_threads

CELLS = ("lstm", "gru", "rnn", "tdnn")
KINDS = (ENCODER_DECODER, TREE)  # the model kinds with kernel sets of their own
SETUP = tuple(f"{name}/float64" for name in KINDS + CELLS)  # what --all compiles, longest first


@engine_threads
def warm(name: str, dtype: str = "float64") -> None:
    """Run every kernel of a cell or kind in this dtype, then stamp it as cached."""
    if name in CELLS:
        _warm_cell(name, dtype)
    elif name == ENCODER_DECODER:
        _warm_encoder_decoder(dtype)
    elif name == TREE:
        _warm_trees(dtype)
    else:
        raise ValueError(f"{name!r}: one of {', '.join(CELLS + KINDS)}")
    stamp = _stamp(name, dtype)
    if stamp is not None:
        try:
            stamp.touch()
        except OSError:
            pass  # a read-only cache: the next start warms again, nothing worse


def _warm_cell(cell: str, dtype: str) -> None:
    """Forward and backward in both directions, two layers, both losses."""
    import numpy as np

    from .network import Network
    from .spec import NetworkSpec

    for loss, outputs in (("cross_entropy", 2), ("mse", 1)):
        spec = NetworkSpec(
            cell=cell,
            input_size=2,
            hidden_size=2,
            num_layers=2,
            bidirectional=True,
            output_size=outputs,
            loss=loss,
            dtype=dtype,
        )
        x = np.zeros((1, 3, 2))
        y = np.zeros((1, 3), np.int64) if loss == "cross_entropy" else np.zeros((1, 3, 1))
        Network(spec).run(x, y)


def _warm_encoder_decoder(dtype: str) -> None:
    """Every score function's path, input feeding, a bidirectional encoder, no attention;
    teacher forcing, greedy and beam decoding."""
    import numpy as np

    from .encoder_decoder import EncoderDecoder, EncoderDecoderSpec

    source, target = np.array([[4, 5, 6]]), np.array([[4, 5, 3]])
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
        model.run(source, target)
        model.greedy(source, max_length=3)
        model.beam_search(source, beam_width=2, max_length=3)


def _warm_trees(dtype: str) -> None:
    from .trees import MODELS, TreeNetwork, TreeSpec

    for model in MODELS:
        spec = TreeSpec(model=model, vocab_size=4, dim=2, output_size=2, dtype=dtype)
        TreeNetwork(spec).run("(1 (0 a) (1 b))", vocabulary={"a": 2, "b": 3})


def is_cached(name: str, dtype: str = "float64") -> bool:
    """True when this cell or kind and dtype were warmed with the current kernels and Numba."""
    stamp = _stamp(name, dtype)
    return stamp is not None and stamp.exists()


def _stamp(name: str, dtype: str) -> Path | None:
    configure()
    folder = os.environ.get("NUMBA_CACHE_DIR")
    if not folder:
        return None
    where = hashlib.sha256(str(Path(__file__).resolve().parent).encode()).hexdigest()[:8]
    return Path(folder) / f"rnnsim-warm-{name}-{dtype}-{fingerprint()}-{where}"


def warm_all(keys=SETUP, processes: int | None = None, stream=None) -> bool:
    """Compile every set of `keys` not stamped yet, each in its own process (`processes` at a
    time, default one per core), writing a line as each ends. False if any failed."""
    stream = stream or sys.stderr
    todo = [key for key in keys if not is_cached(*key.split("/"))]
    if not todo:
        stream.write("rnnsim: compiled kernels are ready\n")
        return True
    processes = processes or os.cpu_count() or 1
    stream.write(f"rnnsim: compiling the kernels once ({len(todo)} sets, {processes} at a time)\n")
    started, running, failed, done = time.monotonic(), {}, [], 0
    while todo or running:
        while todo and len(running) < processes:
            key = todo.pop(0)
            command = [sys.executable, "-m", "simulator.warmup", key]
            running[key] = (subprocess.Popen(command), time.monotonic())
        time.sleep(0.2)
        for key, (process, since) in list(running.items()):
            if process.poll() is None:
                continue
            del running[key]
            done += 1
            if process.returncode:
                failed.append(key)
            verdict = "FAILED" if process.returncode else f"{time.monotonic() - since:.0f} s"
            total = done + len(running) + len(todo)
            stream.write(f"  [{done}/{total}] {key:<24} {verdict}\n")
            stream.flush()
    stream.write(f"rnnsim: kernels compiled in {time.monotonic() - started:.0f} s\n")
    return not failed


if __name__ == "__main__":
    if sys.argv[1:] == ["--all"]:
        sys.exit(0 if warm_all() else 1)
    for key in sys.argv[1:]:
        warm(*key.split("/"))
