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

import numpy_reference  # noqa: E402
import seq2seq_reference  # noqa: E402

from simulator import Network, NetworkSpec  # noqa: E402
from simulator.seq2seq import EncoderDecoder, Seq2SeqSpec  # noqa: E402

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
def largest_difference(loss, grads, trace) -> float:
    return max(
        abs(loss - trace.loss), *(np.abs(grads[n] - trace.grads[n]).max() for n in trace.grads)
    )


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
            "numpy": largest_difference(*numpy_reference.run(cell, net.state_dict(), x, y), trace)
        }
        if torch is not None:
            diffs["torch"] = largest_difference(
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
        choices=("all", "recurrent", "seq2seq"),
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
    if args.part != "seq2seq":
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
        run_seq2seq(budget, least, args.repeat)


# ----- encoder-decoder cases -------------------------------------------------------------------
# LSTM encoder and LSTM decoder (the decoder starts from the encoder's final state, copied),
# source and target vocabularies of 32, embeddings of 32, teacher-forced loss and full backward:
# without attention, and with additive attention at the output (Luong: the decoder runs as a
# whole sequence) or at the input (Bahdanau's input feeding: step by step; PyTorch then steps an
# LSTMCell in a Python loop). NumPy reference: seq2seq_reference.py.
S2S_VOCAB = 32
S2S_EMBED = 32
S2S_LABELS = {"none": "no attention", "output": "additive@output", "input": "additive@input"}


@dataclass(frozen=True)
class Seq2SeqCase:
    B: int
    context: str  # none, output, input
    H: int = 64
    S: int = 20
    T: int = 20

    def __str__(self):
        return f"B={self.B} {S2S_LABELS[self.context]}"

    @property
    def name(self) -> str:
        return f"s2s-b{self.B}-{self.context}"


SEQ2SEQ_CASES = [Seq2SeqCase(B, context) for B in (1, 32) for context in S2S_LABELS]
SEQ2SEQ_CHECK = [Seq2SeqCase(3, context, H=8, S=6, T=5) for context in S2S_LABELS]


def seq2seq_model(case: Seq2SeqCase, dtype: str):
    spec = Seq2SeqSpec(
        source_vocab_size=S2S_VOCAB,
        target_vocab_size=S2S_VOCAB,
        source_embedding_dim=S2S_EMBED,
        target_embedding_dim=S2S_EMBED,
        encoder_hidden_size=case.H,
        decoder_hidden_size=case.H,
        attention="none" if case.context == "none" else "additive",
        attention_size=case.H,
        context="input" if case.context == "input" else "output",
        dtype=dtype,
    )
    return EncoderDecoder(spec, seed=0)


def seq2seq_example(case: Seq2SeqCase):
    rng = np.random.default_rng(2)
    return rng.integers(4, S2S_VOCAB, (case.B, case.S)), rng.integers(
        4, S2S_VOCAB, (case.B, case.T)
    )


def seq2seq_engine_step(case: Seq2SeqCase, dtype: str):
    model = seq2seq_model(case, dtype)
    source, target = seq2seq_example(case)
    return lambda: model.run(source, target)


def seq2seq_numpy_step(case: Seq2SeqCase):
    params = seq2seq_model(case, "float64").state_dict()
    source, target = seq2seq_example(case)
    return lambda: seq2seq_reference.run(params, source, target, case.context)


class TorchSeq2Seq:
    """The same encoder-decoder from torch.nn.LSTM (and LSTMCell for input feeding)."""

    def __init__(self, case: Seq2SeqCase, dtype: str):
        self.case = case
        kind = getattr(torch, dtype)
        state = {n: torch.from_numpy(a) for n, a in seq2seq_model(case, dtype).state_dict().items()}
        self.encoder = torch.nn.LSTM(S2S_EMBED, case.H, batch_first=True, dtype=kind)
        if case.context == "input":
            self.decoder = torch.nn.LSTMCell(S2S_EMBED + case.H, case.H, dtype=kind)
            names = {n: f"decoder.{n}_l0" for n, _ in self.decoder.named_parameters()}
        else:
            self.decoder = torch.nn.LSTM(S2S_EMBED, case.H, batch_first=True, dtype=kind)
            names = {n: f"decoder.{n}" for n, _ in self.decoder.named_parameters()}
        self.encoder.load_state_dict({n: state[f"encoder.{n}"] for n in self.encoder.state_dict()})
        self.decoder.load_state_dict({n: state[names[n]] for n in self.decoder.state_dict()})
        rest = [
            n
            for n in state
            if not n.startswith(
                ("encoder.weight", "encoder.bias", "decoder.weight", "decoder.bias")
            )
        ]
        self.p = {n: state[n].clone().requires_grad_() for n in rest}
        self.names = names

    def attend(self, memory, keys, q):
        """One query per example: q (B, H) -> context (B, M)."""
        hidden = torch.tanh(keys + (q @ self.p["attention.U"].T).unsqueeze(1))  # (B, S, A)
        alpha = torch.softmax(hidden @ self.p["attention.v"], dim=-1)
        return (alpha.unsqueeze(1) @ memory).squeeze(1)

    def loss(self, source, previous, target):
        p, B = self.p, source.shape[0]
        memory, (h, c) = self.encoder(p["encoder.embedding.weight"][source])
        embedded = p["decoder.embedding.weight"][previous]
        if self.case.context == "input":
            keys = memory @ p["attention.W"].T
            h, c = h[0], c[0]
            features = []
            for t in range(embedded.shape[1]):
                context = self.attend(memory, keys, h)  # query s_{t-1}
                h, c = self.decoder(torch.cat([embedded[:, t], context], dim=1), (h, c))
                features.append(torch.cat([h, context], dim=1))
            features = torch.stack(features, dim=1)
        else:
            states, _ = self.decoder(embedded, (h, c))
            features = states
            if self.case.context == "output":  # every step's query s_t at once: (B, T, S, A)
                keys = (memory @ p["attention.W"].T).unsqueeze(1)
                hidden = torch.tanh(keys + (states @ p["attention.U"].T).unsqueeze(2))
                alpha = torch.softmax(hidden @ p["attention.v"], dim=-1)
                features = torch.cat([states, alpha @ memory], dim=2)
        logits = features @ p["output.weight"].T + p["output.bias"]
        loss = torch.nn.functional.cross_entropy(
            logits.reshape(-1, S2S_VOCAB), target.reshape(-1), reduction="sum"
        )
        return loss / B

    def zero_grad(self):
        self.encoder.zero_grad()
        self.decoder.zero_grad()
        for tensor in self.p.values():
            tensor.grad = None

    def grads(self) -> dict:
        out = {f"encoder.{n}": t.grad.numpy() for n, t in self.encoder.named_parameters()}
        out.update({self.names[n]: t.grad.numpy() for n, t in self.decoder.named_parameters()})
        out.update({n: t.grad.numpy() for n, t in self.p.items()})
        return out


def seq2seq_torch_inputs(case: Seq2SeqCase):
    source, target = seq2seq_example(case)
    previous = np.concatenate([np.full((case.B, 1), 2), target[:, :-1]], axis=1)  # <bos> first
    return tuple(torch.from_numpy(a) for a in (source, previous, target))


def seq2seq_torch_step(case: Seq2SeqCase, dtype: str):
    model = TorchSeq2Seq(case, dtype)
    inputs = seq2seq_torch_inputs(case)

    def step():
        model.zero_grad()
        model.loss(*inputs).backward()

    return step


def seq2seq_contenders(case: Seq2SeqCase) -> dict:
    steps = {
        "engine f64": seq2seq_engine_step(case, "float64"),
        "engine f32": seq2seq_engine_step(case, "float32"),
        "numpy": seq2seq_numpy_step(case),
    }
    if torch is not None:
        steps["torch f32"] = seq2seq_torch_step(case, "float32")
        steps["torch f64"] = seq2seq_torch_step(case, "float64")
    return steps


def check_seq2seq_agreement() -> bool:
    print("\nEncoder-decoder: agreement with the engine, float64, B=3 H=8 S=6 T=5")
    agree = True
    for case in SEQ2SEQ_CHECK:
        model = seq2seq_model(case, "float64")
        source, target = seq2seq_example(case)
        trace = model.run(source, target)
        numpy_loss, numpy_grads = seq2seq_reference.run(
            model.state_dict(), source, target, case.context
        )
        diffs = {"numpy": largest_difference(numpy_loss, numpy_grads, trace)}
        if torch is not None:
            rival = TorchSeq2Seq(case, "float64")
            loss = rival.loss(*seq2seq_torch_inputs(case))
            loss.backward()
            diffs["torch"] = largest_difference(loss.item(), rival.grads(), trace)
        ok = all(d < 1e-8 for d in diffs.values())
        agree &= ok
        shown = "  ".join(f"{name} {d:.1e}" for name, d in diffs.items())
        print(f"  {S2S_LABELS[case.context]:16} {shown}  {'ok' if ok else 'DISAGREE'}")
    print()
    return agree


def run_seq2seq(budget: float, least: int, repeat: int | None):
    if not check_seq2seq_agreement():
        sys.exit("The NumPy reference or PyTorch disagrees with the encoder-decoder: not timing.")
    print(
        f"Encoder-decoder, LSTM, H={SEQ2SEQ_CASES[0].H}, source and target length "
        f"{SEQ2SEQ_CASES[0].S}, vocabularies and embeddings {S2S_VOCAB}:"
    )
    print_header()
    results = {}
    for case in SEQ2SEQ_CASES:
        ms = {
            n: timing.median_ms(step, budget, least, repeat)
            for n, step in seq2seq_contenders(case).items()
        }
        results["s2s", case] = ms
        print_row("s2s", case, ms)
    print_targets(results)


if __name__ == "__main__":
    main()
