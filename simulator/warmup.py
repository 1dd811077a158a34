"""Compile (or load) the engine's kernels ahead of use, and tell whether that was done before.

    python -m simulator.warmup lstm/float64 gru/float64 encoder-decoder/float64 tree/float64
    python -m simulator.warmup --all [float64 float32]   every set (float64: what the examples
                                                         use), one process per core

Numba compiles a kernel on its first call (seconds per cell; 10-30 s for the encoder-decoder's
and the trees' sets) and keeps it in its on-disk cache (see numba_cache.py). A program that
wants to stay responsive — the window — warms what it needs early, compiling a cold set in a
separate process. A set is what a kind's models run on (Kind.kernel_sets: each recurrent cell,
the encoder-decoder's teacher forcing, its decoding: greedy and beam search, which only the beam
view and a typed source without a target need, so the diagram never waits for them; the trees).
`is_cached`
answers from a stamp file written beside Numba's cache once a set and dtype have been warmed;
the stamp's name carries a hash of the kernel sources and Numba's version, so editing a kernel
or upgrading Numba makes it stale, and clearing the cache folder removes it; and a hash of where
the sources are, because Numba keys its cache by the source file's path (a second checkout
sharing the folder has compiled nothing for its own paths).

`make run` calls `--all` after installing, `make test` `--all float64 float32` (the tests run
both precisions; see the Makefile): the sets are compiled side by side in worker processes, one
per core, each taking the next set as it ends one, the longest first, so a person's first window
and the test suite start warm. A worker compiles what its sets share (NumPy's routines inside
Numba, the kernels another set already compiled) once, not once per set. Sets already stamped
cost nothing.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from .encoder_decoder.kind import DECODING
from .kinds import ENCODER_DECODER, KINDS, TREE
from .numba_cache import configure, fingerprint
from .threads import engine_threads

# Every set a kind's models run on: each recurrent cell, and the other kinds' sets.
KIND_OF_SET = {name: kind for kind in KINDS for name in kind.kernel_sets}


# The longest to compile first; decoding after the encoder-decoder, whose encoder and teacher-
# forced trace it runs; lstm last, by when the encoder-decoder (whose encoder and decoder are
# LSTMs) has put the LSTM kernels in the cache: 1 s CPU instead of 10.
SETUP_ORDER = (ENCODER_DECODER.name, TREE.name, "gru", DECODING, "rnn", "tdnn", "lstm")


def setup_keys(dtypes=("float64",)) -> tuple[str, ...]:
    """Every set in these dtypes, in SETUP_ORDER (what --all compiles)."""
    return tuple(f"{name}/{dtype}" for name in SETUP_ORDER for dtype in dtypes)


@engine_threads
def warm(name: str, dtype: str = "float64", progress=None) -> None:
    """Run every kernel of a set (a cell, or a kind's) in this dtype, then stamp it as cached.
    `progress(done, total)` is called after each of the set's steps."""
    steps = warm_steps(name, dtype)
    if progress is not None:
        progress(0, len(steps))
    for done, step in enumerate(steps, 1):
        step()
        if progress is not None:
            progress(done, len(steps))
    stamp = _stamp(name, dtype)
    if stamp is not None:
        try:
            stamp.touch()
        except OSError:
            pass  # a read-only cache: the next start warms again, nothing worse


def warm_steps(name: str, dtype: str) -> list:
    """The runs that call every kernel of a set, as functions to call in turn."""
    if name not in KIND_OF_SET:
        raise ValueError(f"{name!r}: one of {', '.join(KIND_OF_SET)}")
    return KIND_OF_SET[name].warm_steps(name, dtype)


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


def compile_elsewhere(key: str, progress=None, stop=None) -> tuple[bool, float]:
    """Compile a set ("lstm/float64") into the cache in a separate process, so a long compile
    never holds this process's GIL. `progress(done, total)` is called (from a reader thread) as
    the set's steps end; `stop()` returning True ends the process early. Returns (whether it
    compiled, the CPU seconds it took)."""
    try:
        process = _start(key)
    except OSError:
        return False, 0.0
    cpu = [None]

    def read() -> None:
        try:
            cpu[0] = _read_set(process.stdout, progress)
        except EOFError:
            pass

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    while True:
        try:
            process.wait(timeout=0.1)
            break
        except subprocess.TimeoutExpired:
            if stop is not None and stop():
                process.terminate()
                process.wait()
                break
    reader.join()
    return process.returncode == 0 and cpu[0] is not None, cpu[0] or 0.0


def _start(*arguments: str) -> subprocess.Popen:
    """`python -m simulator.warmup ARGUMENTS`, talking through pipes (see _compile_reporting)."""
    return subprocess.Popen(
        [sys.executable, "-m", "simulator.warmup", *arguments],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def _compile_reporting(key: str) -> bool:
    """Warm a set in this process, writing "progress DONE TOTAL" as its steps end, then
    "done CPU_SECONDS" or "failed"."""
    started = time.process_time()
    try:
        warm(
            *key.split("/"), progress=lambda done, total: print("progress", done, total, flush=True)
        )
    except Exception:  # an unknown name, a kernel that does not compile: the caller reports it
        print("failed", flush=True)
        return False
    print("done", time.process_time() - started, flush=True)
    return True


def _read_set(lines, progress=None) -> float | None:
    """Read one set's report (see _compile_reporting): its CPU seconds, or None if it failed.
    EOFError if the process ended first."""
    for line in lines:
        word, *numbers = line.split() or [""]
        if word == "progress" and progress is not None:
            progress(int(numbers[0]), int(numbers[1]))
        elif word == "done":
            return float(numbers[0])
        elif word == "failed":
            return None
    raise EOFError


def warm_all(keys=None, processes: int | None = None, stream=None) -> bool:
    """Compile every set of `keys` not stamped yet in worker processes (`processes` of them,
    default one per core), each taking the next set in order as it ends one, writing a line as
    each set ends. False if any failed."""
    stream = stream or sys.stderr
    todo = [key for key in keys or setup_keys() if not is_cached(*key.split("/"))]
    if not todo:
        stream.write("rnnsim: compiled kernels are ready\n")
        return True
    processes = min(processes or os.cpu_count() or 1, len(todo))
    stream.write(f"rnnsim: compiling the kernels once ({len(todo)} sets, {processes} at a time)\n")
    stream.flush()
    started, lock = time.monotonic(), threading.Lock()
    waiting, failed, done = list(todo), [], []

    def report(key: str, since: float, cpu: float | None) -> None:
        verdict = (
            f"{time.monotonic() - since:4.0f} s ({cpu:.0f} s CPU)" if cpu is not None else "FAILED"
        )
        with lock:
            done.append(key)
            if cpu is None:
                failed.append(key)
            stream.write(f"  [{len(done)}/{len(todo)}] {key:<24} {verdict}\n")
            stream.flush()

    def serve() -> None:  # one worker process, fed one set at a time
        worker = None
        while True:
            with lock:
                if not waiting:
                    break
                key = waiting.pop(0)
            since, cpu = time.monotonic(), None
            try:
                worker = worker or _start("--serve")
                worker.stdin.write(key + "\n")
                worker.stdin.flush()
                cpu = _read_set(worker.stdout)
            except (OSError, EOFError):  # it did not start, or it ended: the next set starts one
                if worker is not None:
                    worker.kill()
                    worker.wait()
                worker = None
            report(key, since, cpu)
        if worker is not None:
            worker.stdin.close()
            worker.wait()

    threads = [threading.Thread(target=serve) for _ in range(processes)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stream.write(f"rnnsim: kernels compiled in {time.monotonic() - started:.0f} s\n")
    return not failed


if __name__ == "__main__":
    if sys.argv[1:2] == ["--all"]:  # --all [DTYPE ...]: every set, float64 unless told
        sys.exit(0 if warm_all(setup_keys(sys.argv[2:] or ("float64",))) else 1)
    keys = sys.stdin if sys.argv[1:] == ["--serve"] else sys.argv[1:]  # --serve: a set per line
    results = [_compile_reporting(key.strip()) for key in keys]
    sys.exit(0 if all(results) else 1)
