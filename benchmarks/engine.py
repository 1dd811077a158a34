"""Time forward + loss + BPTT with full traces: our engine against plain NumPy and PyTorch.

Run by hand: `.venv/bin/python benchmarks/engine.py [--cells lstm,gru] [--cases h32,t1000]
[--repeat N | --quick]`. Every contender runs as a person's process runs it (see timing.py):
rnnsim with the threads it chooses, PyTorch with the better of one thread and its default.
Times are medians in milliseconds; ratios compare the same precision (torch time / rnnsim time).
"""

import timing  # first: puts the checkout on sys.path  # noqa: I001

import argparse  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from dataclasses import dataclass  # noqa: E402

import numpy as np  # noqa: E402

from floors import TRIES, Floors  # noqa: E402

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


# torch time / rnnsim time at least this, float64 and float32 (issue 13's table)
TARGETS = {"h32": (10.0, 2.0), "h128": (8.0, 1.5), "t1000": (10.0, 1.5), "b32": (1.2, 1.0)}
FLOOR_GOAL = 0.8  # where a target is missed: the share of this machine's floor to reach


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


def contenders(cell: str, case: Case, floors: Floors) -> dict:
    """Every contender of a case, and this machine's floor for it at each precision (timed in
    the same interleaved blocks, so a change of the machine's speed falls on both)."""
    steps = {
        "engine f64": engine_step(cell, case, "float64"),
        "engine f32": engine_step(cell, case, "float32"),
        "numpy": numpy_step(cell, case),
    }
    if torch is not None:
        steps["torch f32"] = torch_step(cell, case, "float32")
        steps["torch f64"] = torch_step(cell, case, "float64")
    for dtype in ("float64", "float32"):
        for reading in ("stream", "gemv") if case.B == 1 else ("stream",):
            steps[f"{floor_name(dtype)} {reading}"] = floors.work(
                cell, case.B, case.H, case.D, case.T, CLASSES, dtype, reading
            )
    return steps


def floor_name(dtype: str) -> str:
    return f"floor {dtype[0]}{dtype[-2:]}"  # floor f64, floor f32


def floor_ms(ms: dict, dtype: str) -> float:
    """The case's floor: the faster way of reading W_hh (see Floors.work)."""
    return min(value for name, value in ms.items() if name.startswith(floor_name(dtype)))


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


RATIOS = (  # (heading, slower, faster): how many times faster `faster` ran than `slower`
    ("t64/e64", "torch f64", "engine f64"),
    ("t32/e32", "torch f32", "engine f32"),
    ("np/e64", "numpy", "engine f64"),
)
TIMES = ("engine f64", "engine f32", "numpy", "torch f64", "torch f32")
PRECISIONS = (("float64", "torch f64", "engine f64"), ("float32", "torch f32", "engine f32"))


def print_header():
    print("Ratios: torch (or numpy) time / rnnsim time, same precision; @n: torch's threads.")
    times = "".join(f"{name:>13}" for name in TIMES)
    ratios = "".join(f"{heading:>9}" for heading, _, _ in RATIOS)
    print(f"{'cell':5} {'case':22}{times}{ratios}")


def print_row(cell: str, case, ms: dict, threads: dict):
    times = ""
    for name in TIMES:
        shown = f"{ms[name]:.3f}" if name in ms else "-"
        if name in threads:
            shown += f" @{threads[name]}"
        times += f"{shown:>13}"
    ratios = ""
    for _, slower, faster in RATIOS:
        ratio = timing.speedup(ms, faster, slower)
        ratios += f"{ratio:8.2f}x" if ratio is not None else f"{'-':>9}"
    print(f"{cell:5} {str(case):22}{times}{ratios}", flush=True)


def print_targets(results: dict, targets, floors: Floors | None):
    """Each case's same-precision ratios against its targets; a miss shows this machine's floor
    for the case and the share of it the engine reached."""
    print("\nTargets (torch time / rnnsim time, same precision):")
    verdicts = []
    for (cell, case), ms in results.items():
        for (dtype, rival, ours), goal in zip(PRECISIONS, targets(case), strict=True):
            ratio = timing.speedup(ms, ours, rival)
            if goal is None:
                continue
            label = f"  {cell:5} {str(case):22} {dtype}  >= {goal:4.1f}x"
            if ratio is None:
                print(f"{label}  skipped, no PyTorch")
                continue
            verdict = "PASS" if ratio >= goal else "MISS"
            line = f"{label}  {ratio:6.2f}x  {verdict}"
            if verdict == "MISS" and floors is not None:
                products, streamed, writing, bandwidth = floors.floor_parts(
                    cell, case.B, case.H, case.D, case.T, CLASSES, dtype
                )
                floor = floor_ms(ms, dtype)
                beside = floor / ms[ours]
                apart = (products + streamed + writing) / ms[ours]
                reached = min(beside, apart)  # the stricter: either can read high (floors.py)
                if reached >= FLOOR_GOAL:
                    verdict = "FLOOR"
                line += (
                    f"   reached {reached:.0%} of the floor "
                    f"({'ok' if reached >= FLOOR_GOAL else 'below'} {FLOOR_GOAL:.0%}): "
                    f"{beside:.0%} of the floor timed beside it ({floor:.3f} ms), "
                    f"{apart:.0%} of its parts timed apart, best of {TRIES} warm (products "
                    f"{products:.3f}"
                    + (f" + W_hh at {bandwidth:.0f} GB/s {streamed:.3f}" if streamed else "")
                    + f" + trace {writing:.3f} ms)"
                )
            verdicts.append(verdict)
            print(line)
    missed = len(verdicts) - verdicts.count("PASS")
    print(
        f"{verdicts.count('PASS')} of {len(verdicts)} targets met"
        + (
            f"; of the {missed} missed, {verdicts.count('FLOOR')} reached {FLOOR_GOAL:.0%} of "
            "this machine's floor for the case (the goal where a target cannot be met)."
            if missed and floors is not None
            else "."
        )
    )


def floor_load_note() -> str:
    """The load the floors' parts were timed under (the shares use the floor timed beside each
    case, in the same blocks as the engine, so a change of load falls on both)."""
    busy = os.getloadavg()[0] - 1.0  # the load besides this benchmark itself
    note = f"Floor parts timed apart at {timing.load()}"
    if busy > 0.5:
        note += ": other programs were busy, so the parts may read high"
    return note + "; each share uses the floor timed beside its case."


def recurrent_targets(case):
    return TARGETS[case.name]


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
    print("Forward + cross-entropy + BPTT with full traces; median ms per run, contenders")
    print("interleaved, as a person's process runs them: nothing pinned (rnnsim chooses its BLAS")
    print("threads; torch gets the better of 1 thread and its default, per case).")
    print(f"numpy {np.__version__}", end="")
    if torch is None:
        print("; PyTorch not importable: its columns and targets are skipped.")
    else:
        print(f", torch {torch.__version__} (threads tried: {timing.torch_threads(torch)})")
    print(f"{timing.load()} at the start\n")
    if args.part != "encoder-decoder":
        if not check_agreement(args.cells):
            sys.exit("The NumPy reference or PyTorch disagrees with the engine: not timing.")
        print_header()
        results = {}
        floors = Floors()
        for cell in args.cells:
            for case in (CASES[name] for name in args.cases):
                ms, threads = timing.time_contenders(
                    contenders(cell, case, floors), torch, budget, least, args.repeat
                )
                results[cell, case] = ms
                print_row(cell, case, ms, threads)
        print_targets(results, recurrent_targets, floors)
        print(
            f"Floors (see floors.py): {floors.describe('float64')} (float64), "
            f"{floors.describe('float32')} (float32); products timed at each case's shapes, "
            "cache bandwidth per matrix size."
        )
        print(floor_load_note())
    if args.part != "recurrent":
        run_encoder_decoder(budget, least, args.repeat)
    print(f"\n{timing.load()} at the end")


def run_encoder_decoder(budget: float, least: int, repeat: int | None):
    from encoder_decoder_cases import (
        ENCODER_DECODER_CASES,
        S2S_VOCAB,
        check_encoder_decoder_agreement,
        encoder_decoder_contenders,
        encoder_decoder_targets,
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
        ms, threads = timing.time_contenders(
            encoder_decoder_contenders(case), torch, budget, least, repeat
        )
        results["s2s", case] = ms
        print_row("s2s", case, ms, threads)
    print_targets(results, encoder_decoder_targets, None)


if __name__ == "__main__":
    main()
