"""Time forward + loss + BPTT with full traces: our engine against plain NumPy and PyTorch.

Run by hand: `.venv/bin/python benchmarks/engine.py [--cells lstm,gru] [--cases h32,t1000]
[--repeat N | --quick]`. Every contender runs on one thread; times are medians in milliseconds.
"""

import timing  # first: one thread for every contender  # noqa: I001

import argparse  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass  # noqa: E402

import numpy as np  # noqa: E402

from simulator.reference import recurrent as numpy_reference  # noqa: E402

from simulator import Network, NetworkSpec  # noqa: E402

try:
    import torch
except ImportError:
    torch = None

CELLS = ("rnn", "gru", "lstm")
CLASSES = 8
TORCH_CELLS = {"rnn": "RNN", "gru": "GRU", "lstm": "LSTM"}


@dataclass(frozen=True)
class Case:
    name: str
    B: int
    H: int
    D: int
    T: int

    def __str__(self):
        return f"B={self.B} H={self.H} D={self.D} T={self.T}"


CASES = {
    c.name: c
    for c in (
        Case("h32", 1, 32, 16, 100),
        Case("h128", 1, 128, 64, 100),
        Case("b32", 32, 128, 64, 100),
        Case("t1000", 1, 64, 32, 1000),
    )
}
CHECK_CASE = Case("check", 3, 8, 5, 7)


@dataclass(frozen=True)
class Target:
    """Engine float64 at least `factor` times faster than `rival` on the cases `applies` picks."""

    text: str
    rival: str
    factor: float
    applies: Callable[[Case], bool]


TARGETS = (
    Target(">= 10x faster than torch f64 at B=1", "torch f64", 10.0, lambda c: c.B == 1),
    Target(">= 2x faster than torch f32 at B=1 H=32", "torch f32", 2.0, lambda c: c.name == "h32"),
    Target(
        ">= torch f32 at B=1 H=128 and B=1 T=1000",
        "torch f32",
        1.0,
        lambda c: c.name in ("h128", "t1000"),
    ),
    Target(">= 1.2x faster than torch f64 at B=32", "torch f64", 1.2, lambda c: c.B == 32),
)


def example(case: Case, dtype="float64"):
    rng = np.random.default_rng(1)
    x = rng.standard_normal((case.B, case.T, case.D)).astype(dtype)
    y = rng.integers(0, CLASSES, (case.B, case.T))
    return x, y


def engine_network(cell: str, case: Case, dtype: str) -> Network:
    spec = NetworkSpec(
        cell=cell,
        input_size=case.D,
        hidden_size=case.H,
        output_size=CLASSES,
        mode="seq2seq",
        loss="cross_entropy",
        dtype=dtype,
    )
    return Network(spec, seed=0)


# ----- contenders: each returns a function that runs forward, loss and BPTT once --------------
def engine_step(cell: str, case: Case, dtype: str):
    net = engine_network(cell, case, dtype)
    x, y = example(case, dtype)
    return lambda: net.run(x, y)


def numpy_step(cell: str, case: Case):
    params = engine_network(cell, case, "float64").state_dict()
    x, y = example(case)
    return lambda: numpy_reference.run(cell, params, x, y)


def torch_model(cell: str, case: Case, dtype: str):
    """torch.nn.RNN/GRU/LSTM and nn.Linear holding the engine's initial weights."""
    torch_dtype = getattr(torch, dtype)
    recurrent = getattr(torch.nn, TORCH_CELLS[cell])(
        case.D, case.H, batch_first=True, dtype=torch_dtype
    )
    output = torch.nn.Linear(case.H, CLASSES, dtype=torch_dtype)
    state = {
        n: torch.from_numpy(a) for n, a in engine_network(cell, case, dtype).state_dict().items()
    }
    recurrent.load_state_dict({n: state[n] for n in recurrent.state_dict()})
    output.load_state_dict({n: state[f"output.{n}"] for n in output.state_dict()})
    return recurrent, output


def torch_loss(recurrent, output, x, y, B: int):
    hidden, _ = recurrent(x)
    logits = output(hidden).reshape(-1, CLASSES)
    loss = torch.nn.functional.cross_entropy(logits, y.reshape(-1), reduction="sum")
    return loss / B  # summed over the steps, averaged over the batch


def torch_step(cell: str, case: Case, dtype: str):
    recurrent, output = torch_model(cell, case, dtype)
    x, y = example(case, dtype)
    x, y = torch.from_numpy(x), torch.from_numpy(y)

    def step():
        recurrent.zero_grad()
        output.zero_grad()
        torch_loss(recurrent, output, x, y, case.B).backward()

    return step


def contenders(cell: str, case: Case) -> dict:
    steps = {
        "engine f64": engine_step(cell, case, "float64"),
        "engine f32": engine_step(cell, case, "float32"),
        "numpy": numpy_step(cell, case),
    }
    if torch is not None:
        steps["torch f32"] = torch_step(cell, case, "float32")
        steps["torch f64"] = torch_step(cell, case, "float64")
    return steps


# ----- agreement check -------------------------------------------------------------------------
def torch_loss_and_grads(cell: str, case: Case, x, y):
    recurrent, output = torch_model(cell, case, "float64")
    loss = torch_loss(recurrent, output, torch.from_numpy(x), torch.from_numpy(y), case.B)
    loss.backward()
    grads = {n: p.grad.numpy() for n, p in recurrent.named_parameters()}
    grads.update({f"output.{n}": p.grad.numpy() for n, p in output.named_parameters()})
    return loss.item(), grads


def check_agreement(cells) -> bool:
    """Max |difference| of loss and every gradient from the engine's, float64, one small case."""
    print(f"Agreement with the engine, float64, {CHECK_CASE} (max |diff| of loss and gradients):")
    agree = True
    for cell in cells:
        net = engine_network(cell, CHECK_CASE, "float64")
        x, y = example(CHECK_CASE)
        trace = net.run(x, y)
        diffs = {
            "numpy": timing.largest_difference(
                *numpy_reference.run(cell, net.state_dict(), x, y), trace
            )
        }
        if torch is not None:
            diffs["torch"] = timing.largest_difference(
                *torch_loss_and_grads(cell, CHECK_CASE, x, y), trace
            )
        ok = all(d < 1e-8 for d in diffs.values())
        agree &= ok
        shown = "  ".join(f"{name} {d:.1e}" for name, d in diffs.items())
        print(f"  {cell:5} {shown}  {'ok' if ok else 'DISAGREE'}")
    print()
    return agree


# ----- timing ----------------------------------------------------------------------------------


RATIOS = (  # (heading, faster, slower): how many times faster `faster` ran than `slower`
    ("f64/numpy", "engine f64", "numpy"),
    ("f64/t64", "engine f64", "torch f64"),
    ("f64/t32", "engine f64", "torch f32"),
    ("f32/t32", "engine f32", "torch f32"),
)
TIMES = ("engine f64", "engine f32", "numpy", "torch f32", "torch f64")


def print_header():
    print("Ratios: how many times faster the first ran than the second (t = torch).")
    times = "".join(f"{name:>11}" for name in TIMES)
    ratios = "".join(f"{heading:>10}" for heading, _, _ in RATIOS)
    print(f"{'cell':5} {'case':22}{times}{ratios}")


def print_row(cell: str, case: Case, ms: dict):
    times = "".join(f"{ms[n]:11.3f}" if n in ms else f"{'-':>11}" for n in TIMES)
    ratios = ""
    for _, faster, slower in RATIOS:
        ratio = timing.speedup(ms, faster, slower)
        ratios += f"{ratio:9.2f}x" if ratio is not None else f"{'-':>10}"
    print(f"{cell:5} {str(case):22}{times}{ratios}", flush=True)


def print_targets(results: dict):
    print("\nTargets (engine float64 against PyTorch):")
    verdicts = []
    for target in TARGETS:
        for (cell, case), ms in results.items():
            if not target.applies(case):
                continue
            ratio = timing.speedup(ms, "engine f64", target.rival)
            if ratio is None:
                print(f"  {target.text:44} {cell:5} {str(case):22} skipped, no PyTorch")
                continue
            verdict = "PASS" if ratio >= target.factor else "MISS"
            verdicts.append(verdict)
            print(f"  {target.text:44} {cell:5} {str(case):22} {ratio:7.2f}x  {verdict}")
    print(f"{verdicts.count('PASS')} of {len(verdicts)} targets met.")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", default=",".join(CELLS), help="comma-separated: rnn,gru,lstm")
    parser.add_argument(
        "--cases", default=",".join(CASES), help=f"comma-separated: {','.join(CASES)}"
    )
    runs = parser.add_mutually_exclusive_group()
    runs.add_argument("--repeat", type=int, help="runs per timing (default: ~0.5 s, >= 5)")
    runs.add_argument("--quick", action="store_true", help="~0.1 s per timing, >= 3 runs")
    parser.add_argument(
        "--part",
        choices=("all", "recurrent", "encoder-decoder"),
        default="all",
        help="the recurrent cases, the encoder-decoder cases, or both (default)",
    )
    args = parser.parse_args()
    args.cells = args.cells.split(",")
    args.cases = args.cases.split(",")
    unknown = [n for n in args.cells if n not in CELLS] + [n for n in args.cases if n not in CASES]
    if unknown:
        parser.error(f"unknown cells or cases: {', '.join(unknown)}")
    return args


def main():
    args = parse_args()
    budget, least = (0.1, 3) if args.quick else (0.5, 5)
    print("Forward + cross-entropy + BPTT with full traces; median ms per run, one thread each")
    print("(OPENBLAS/OMP/MKL/NUMBA_NUM_THREADS=1, torch.set_num_threads(1)).")
    print(f"numpy {np.__version__}", end="")
    if torch is None:
        print("; PyTorch not importable: its columns and targets are skipped.\n")
    else:
        torch.set_num_threads(1)
        print(f", torch {torch.__version__}\n")
    if args.part != "encoder-decoder":
        if not check_agreement(args.cells):
            sys.exit("The NumPy reference or PyTorch disagrees with the engine: not timing.")
        print_header()
        results = {}
        for cell in args.cells:
            for case in (CASES[name] for name in args.cases):
                steps = contenders(cell, case)
                ms = {
                    n: timing.median_ms(step, budget, least, args.repeat)
                    for n, step in steps.items()
                }
                results[cell, case] = ms
                print_row(cell, case, ms)
        print_targets(results)
    if args.part != "recurrent":
        run_encoder_decoder(budget, least, args.repeat)


def run_encoder_decoder(budget: float, least: int, repeat: int | None):
    from encoder_decoder_cases import (
        ENCODER_DECODER_CASES,
        S2S_VOCAB,
        check_encoder_decoder_agreement,
        encoder_decoder_contenders,
    )

    if not check_encoder_decoder_agreement():
        sys.exit("The NumPy reference or PyTorch disagrees with the encoder-decoder: not timing.")
    print(
        f"Encoder-decoder, LSTM, H={ENCODER_DECODER_CASES[0].H}, source and target length "
        f"{ENCODER_DECODER_CASES[0].S}, vocabularies and embeddings {S2S_VOCAB}:"
    )
    print_header()
    results = {}
    for case in ENCODER_DECODER_CASES:
        ms = {
            n: timing.median_ms(step, budget, least, repeat)
            for n, step in encoder_decoder_contenders(case).items()
        }
        results["s2s", case] = ms
        print_row("s2s", case, ms)
    print_targets(results)


if __name__ == "__main__":
    main()
