"""Kill a process with SIGKILL at random moments while it saves a trained project over and over:
does the folder hold one whole version (the JSON with its own weights) every time, and are
temporary files left behind?

    python benchmarks/kill_during_save.py [--kills 50] [--example char_lm_stacked_lstm]

The saving child (tests/project/kill_saving.py) writes version v with step v and the first
output bias and optimiser moments set to v, so a JSON paired with another version's weights
shows. After each kill the project is opened and saved again, and the files left are counted.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from simulator.resources import EXAMPLES  # noqa: E402
from tests.project.kill_saving import kill_while_saving  # noqa: E402
from tests.project.mutations import weights_path  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--example", default="char_lm_stacked_lstm")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    source = EXAMPLES / f"{args.example}.rnnsim.json"
    folder = Path(tempfile.mkdtemp(prefix="rnnsim-kill-"))
    path = folder / source.name
    shutil.copy(source, path)
    shutil.copy(weights_path(source), folder / weights_path(source).name)
    rng = random.Random(args.seed)
    whole, most = 0, {"after the kill": 0, "after opening": 0, "after saving": 0}
    try:
        for k in range(args.kills):
            result = kill_while_saving(path, rng)
            whole += result.whole
            counts = (result.left_after_kill, result.left_after_open, result.left_after_save)
            for key, files in zip(most, counts, strict=True):
                most[key] = max(most[key], len(files))
            state = "whole" if result.whole else f"BROKEN ({result.problem})"
            print(
                f"kill {k + 1:2d}: version {result.version:4d} {state}; other files: "
                + ", ".join(f"{len(files)} {key}" for key, files in zip(most, counts, strict=True))
            )
            if not result.whole:  # start the next round from a whole project again
                shutil.copy(source, path)
                shutil.copy(weights_path(source), folder / weights_path(source).name)
        left = [p for p in folder.iterdir() if p.name not in (path.name, weights_path(path).name)]
        sizes = [p.stat().st_size for p in left]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"\n{args.kills} kills of a process saving {source.name} in a loop:")
    print(
        f"  one whole version: {whole}/{args.kills}; a mixed or broken pair: {args.kills - whole}"
    )
    for key, count in most.items():
        print(f"  most other files in the folder {key}: {count}")
    print(
        f"  left in the folder at the end: {len(sizes)} files"
        + (f", up to {max(sizes) / 1e3:.0f} KB each" if sizes else "")
    )


if __name__ == "__main__":
    main()
