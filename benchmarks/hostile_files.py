"""Damaged and hostile project files against `rnnsim evaluate`: how many end in a traceback, a
hang, too much memory, or a bad file accepted?

    python benchmarks/hostile_files.py [--mutants 1100] [--seed 0] [--timeout 30]

Each mutant is an example project changed in one way (tests/project/mutations.py: JSON edits,
truncation, byte flips, zip member swaps, huge .npy headers, zip bombs, FIFOs, ...). It runs
`rnnsim evaluate` in a child forked from this process (the kernels are loaded once), with its
address space capped at this process's plus 2 GiB. An outcome is one of:

    loaded        exit 0, and the project saves again (a valid edit)
    refused       exit 2 with one line on stderr
    refused-long  exit 2 with more than one line
    traceback     an exception escaped
    hang          no answer within --timeout seconds (the child is killed)
    signal        the child died of a signal (the kernel's OOM killer, a segfault)
    accepted-bad  exit 0 on a file that must be refused, or one that loads and cannot be saved
    nonfinite     exit 0 with a test loss that is not finite (the weights are finite but huge)

Prints the counts, the worst memory and time, and the first few mutants of each bad outcome.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import os
import random
import re
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from simulator import cli  # noqa: E402
from simulator.project import Project  # noqa: E402
from simulator.resources import DATA, EXAMPLES  # noqa: E402
from tests.project.mutations import mutate, weights_path  # noqa: E402

EXTRA_ADDRESS_SPACE = 2 * 2**30
TRACEBACK_EXIT = 99
BAD_EXITS = {"traceback", "hang", "signal", "accepted-bad", "refused-long"}


def _vm_size() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


def _child(json_path: Path, out: Path, err: Path, expectation: str) -> int:
    limit = _vm_size() + EXTRA_ADDRESS_SPACE
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    with open(out, "w") as stdout, open(err, "w") as stderr:
        os.dup2(stdout.fileno(), 1)
        os.dup2(stderr.fileno(), 2)
    sys.stdout = io.TextIOWrapper(os.fdopen(1, "wb", 0), write_through=True)
    sys.stderr = io.TextIOWrapper(os.fdopen(2, "wb", 0), write_through=True)
    try:
        code = cli.main(["evaluate", str(json_path)])
    except BaseException:
        traceback.print_exc()
        return TRACEBACK_EXIT
    if code == 0:  # what loads must also save (a value no file may hold shows up here)
        try:
            Project.load(json_path).save(json_path.with_name("resaved.rnnsim.json"))
        except BaseException as caught:
            print(f"RESAVE: {type(caught).__name__}: {caught}"[:300], file=sys.stderr)
            return 3
    return code


def run_one(json_path: Path, expectation: str, timeout: float) -> dict:
    out, err = json_path.with_name("stdout.txt"), json_path.with_name("stderr.txt")
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            code = _child(json_path, out, err, expectation)
        finally:
            os._exit(code)
    status, usage = None, None
    while time.perf_counter() - started < timeout:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.005)
    else:
        os.kill(pid, signal.SIGKILL)
        _, status, usage = os.wait4(pid, 0)
        return {"outcome": "hang", "seconds": timeout, "rss_mb": usage.ru_maxrss / 1024}
    seconds = time.perf_counter() - started
    text = err.read_text(errors="replace")
    stdout = out.read_text(errors="replace")
    lines = [line for line in text.splitlines() if line.strip()]
    if os.WIFSIGNALED(status):
        outcome = "signal"
    else:
        code = os.WEXITSTATUS(status)
        if code == TRACEBACK_EXIT:
            outcome = "traceback"
        elif code == 3:
            outcome = "accepted-bad"
        elif code == 2:
            outcome = "refused" if len(lines) == 1 else "refused-long"
        elif code == 0:
            loss = re.search(r"test loss (\S+),", stdout)
            finite = loss is not None and math.isfinite(float(loss.group(1)))
            if expectation == "refuse":
                outcome = "accepted-bad"
            elif not finite:
                outcome = "nonfinite"
            else:
                outcome = "loaded"
        else:
            outcome = f"exit-{code}"
    return {
        "outcome": outcome,
        "seconds": seconds,
        "rss_mb": usage.ru_maxrss / 1024,
        "stderr": text[-600:],
    }


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutants", type=int, default=1100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--json", help="also write every mutant's outcome to this file")
    args = parser.parse_args()

    sources = sorted(EXAMPLES.glob("*.rnnsim.json"))
    work = Path(tempfile.mkdtemp(prefix="rnnsim-hostile-"))
    shutil.copytree(DATA, work / "data")
    with contextlib.redirect_stdout(io.StringIO()):  # load every kernel here, once
        for source in sources:
            cli.main(["evaluate", str(source)])
    base_rss = _rss_mb()
    rng = random.Random(args.seed)
    counts, results, worst = Counter(), [], {"seconds": 0.0, "rss_mb": 0.0}
    started = time.perf_counter()
    try:
        for k in range(args.mutants):
            source = rng.choice(sources)
            folder = work / f"m{k}"
            folder.mkdir()
            shutil.copy(source, folder / source.name)
            shutil.copy(weights_path(source), folder / weights_path(source).name)
            what, expectation = mutate(folder, folder / source.name, random.Random(rng.random()))
            result = run_one(folder / source.name, expectation, args.timeout)
            result.update(mutant=k, source=source.name, what=what, expectation=expectation)
            counts[result["outcome"]] += 1
            results.append(result)
            for key in worst:
                worst[key] = max(worst[key], result[key])
            if result["outcome"] in BAD_EXITS:
                line = result.get("stderr", "").strip().splitlines()[-1:] or [""]
                print(f"  {k:5d} {result['outcome']:<13} {source.name}: {what} | {line[0][:140]}")
            shutil.rmtree(folder, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total = time.perf_counter() - started
    print(f"\n{args.mutants} mutants of {len(sources)} example projects in {total:.0f} s")
    for outcome, count in counts.most_common():
        print(f"  {outcome:<13} {count}")
    print(
        f"slowest mutant {worst['seconds']:.1f} s; largest child RSS {worst['rss_mb']:.0f} MB "
        f"(this process {base_rss:.0f} MB before forking)"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
