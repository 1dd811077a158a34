"""Time forward + loss + back-propagation through structure on one parse tree: the engine's tree
kernels against the NumPy reference (simulator/reference/trees.py) and PyTorch node by node.

Run by hand: `.venv/bin/python benchmarks/trees.py [--models rvnn,rntn] [--dims 16,64]
[--leaves 50] [--repeat N | --quick]`. Every contender runs as a person's process runs it (see
timing.py); times are medians in milliseconds, ratios compare the same precision. The tree is a
random binary tree over `--leaves` words (each phrase splits its words at a random point, as a
parser's trees do), labelled at every node with one of 5 classes; each contender reads it
already flattened (children before parents), as training does.
"""

import timing  # first: puts the checkout on sys.path  # noqa: I001

import argparse  # noqa: E402
import sys  # noqa: E402

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402

from simulator.trees import MODELS, TreeBatch, TreeNetwork, TreeSpec, flatten  # noqa: E402
from simulator.reference import trees as numpy_reference  # noqa: E402
from simulator.trees.parameters import parameter_counts  # noqa: E402

try:
    import torch
except ImportError:
    torch = None

CLASSES = 5
VOCABULARY = 100
CATEGORIES = ("A", "B")  # su-rvnn unties every pair of them
TARGET = 5.0  # torch float64 time / rnnsim float64 time at least this


def random_tree(leaves: int, seed: int = 0) -> nx.DiGraph:
    """A binary tree over `leaves` words, split at random points, labelled at every node, with
    categories A or B."""
    rng = np.random.default_rng(seed)
    tree = nx.DiGraph(root=0)
    stack = [(0, leaves, None, 0)]
    while stack:
        lo, hi, parent, order = stack.pop()
        node = tree.number_of_nodes()
        label = int(rng.integers(CLASSES))
        category = str(rng.choice(CATEGORIES))
        tree.add_node(node, token=None, label=label, category=category, order=order)
        if parent is not None:
            tree.add_edge(parent, node)
        if hi - lo == 1:
            tree.nodes[node].update(token=f"w{lo}", word=int(rng.integers(2, VOCABULARY)))
            continue
        middle = int(rng.integers(lo + 1, hi))
        stack.extend([(middle, hi, node, 1), (lo, middle, node, 0)])
    return tree


def engine_network(model: str, dim: int, dtype: str) -> TreeNetwork:
    spec = TreeSpec(
        model=model,
        vocab_size=VOCABULARY,
        dim=dim,
        output_size=CLASSES,
        untied_pairs=tuple(f"{a} {b}" for a in CATEGORIES for b in CATEGORIES),
        dtype=dtype,
    )
    net = TreeNetwork(spec, seed=0)
    return net


# ----- PyTorch, one node at a time (autograd builds the graph as the tree is read) ------------
def torch_parameters(model: str, dim: int, dtype: str) -> dict:
    state = engine_network(model, dim, "float64").state_dict()
    return {
        name: torch.tensor(value, dtype=getattr(torch, dtype), requires_grad=True)
        for name, value in state.items()
    }


def pairs(flat) -> np.ndarray:
    """su-rvnn's untied pair of each phrase (every pair of categories is untied)."""
    net = engine_network("su-rvnn", 2, "float64")
    return net.pair_indices(TreeBatch.join([flat]))


def torch_loss(model: str, params: dict, flat, pair):
    E, W, b = params["embedding.weight"], params["compose.weight"], params["compose.bias"]
    p, P = [None] * flat.size, [None] * flat.size
    for n in range(flat.size):
        if flat.left[n] < 0:
            p[n] = E[flat.word[n]]
            if model == "mv-rnn":
                P[n] = params["word_matrix.weight"][flat.word[n]]
            continue
        l, r = flat.left[n], flat.right[n]
        if model == "mv-rnn":
            x = torch.cat([P[r] @ p[l], P[l] @ p[r]])  # [B a; A b]
            P[n] = params["compose_matrix.weight"] @ torch.cat([P[l], P[r]])  # W_M [A; B]
        else:
            x = torch.cat([p[l], p[r]])
        z = W @ x + b
        if model == "su-rvnn":  # + W_ab x + b_ab
            z = z + params["untied.weight"][pair[n]] @ x + params["untied.bias"][pair[n]]
        if model == "rntn":  # x^T V_i x: the fastest of the forms tried (F.bilinear took 2-7x
            V = params["tensor.weight"]  # longer, einsum 1.3-3x)
            d = V.shape[0]
            z = z + (V.reshape(d * 2 * d, 2 * d) @ x).reshape(d, 2 * d) @ x
        p[n] = torch.tanh(z)
    logits = torch.stack(p) @ params["output.weight"].T + params["output.bias"]
    labels = torch.from_numpy(flat.label)
    return torch.nn.functional.cross_entropy(logits, labels, reduction="sum")


def torch_step(model: str, dim: int, dtype: str, flat):
    params = torch_parameters(model, dim, dtype)
    pair = pairs(flat)

    def step():
        for value in params.values():
            value.grad = None
        torch_loss(model, params, flat, pair).backward()

    return step


# ----- contenders --------------------------------------------------------------------------
def contenders(model: str, dim: int, flat, batch: TreeBatch) -> dict:
    steps = {}
    for dtype, label in (("float64", "engine f64"), ("float32", "engine f32")):
        net = engine_network(model, dim, dtype)
        steps[label] = lambda net=net: net.run(batch)
    params = engine_network(model, dim, "float64").state_dict()
    pair = pairs(flat)
    steps["numpy"] = lambda: numpy_reference.run(
        model, params, flat.left, flat.right, flat.word, flat.label, pair
    )
    if torch is not None:
        steps["torch f32"] = torch_step(model, dim, "float32", flat)
        steps["torch f64"] = torch_step(model, dim, "float64", flat)
    return steps


def check_agreement(models, flat, batch) -> bool:
    print("Agreement with the engine, float64, d = 8 (max |diff| of loss and gradients):")
    agree = True
    for model in models:
        net = engine_network(model, 8, "float64")
        trace = net.run(batch)
        pair = pairs(flat)
        loss, grads, _ = numpy_reference.run(
            model, net.params, flat.left, flat.right, flat.word, flat.label, pair
        )
        diffs = {"numpy": timing.largest_difference(loss, grads, trace)}
        if torch is not None:
            params = torch_parameters(model, 8, "float64")
            torch_value = torch_loss(model, params, flat, pair)
            torch_value.backward()
            grads = {n: v.grad.numpy() if v.grad is not None else 0 * v.detach().numpy()
                     for n, v in params.items()}  # fmt: skip
            diffs["torch"] = timing.largest_difference(torch_value.item(), grads, trace)
        ok = all(d < 1e-8 for d in diffs.values())
        agree &= ok
        shown = "  ".join(f"{name} {d:.1e}" for name, d in diffs.items())
        print(f"  {model:8} {shown}  {'ok' if ok else 'DISAGREE'}")
    print()
    return agree


TIMES = ("engine f64", "engine f32", "numpy", "torch f64", "torch f32")
RATIOS = (  # (heading, faster, slower)
    ("t64/e64", "engine f64", "torch f64"),
    ("t32/e32", "engine f32", "torch f32"),
    ("np/e64", "engine f64", "numpy"),
)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", default=",".join(MODELS))
    parser.add_argument("--dims", default="16,64")
    parser.add_argument("--leaves", type=int, default=50)
    runs = parser.add_mutually_exclusive_group()
    runs.add_argument("--repeat", type=int, help="runs per timing (default: ~0.5 s, >= 5)")
    runs.add_argument("--quick", action="store_true", help="~0.1 s per timing, >= 3 runs")
    args = parser.parse_args()
    args.models = args.models.split(",")
    args.dims = [int(d) for d in args.dims.split(",")]
    unknown = [m for m in args.models if m not in MODELS]
    if unknown:
        parser.error(f"unknown models: {', '.join(unknown)}")
    return args


def main():
    args = parse_args()
    budget, least = (0.1, 3) if args.quick else (0.5, 5)
    flat = flatten(random_tree(args.leaves))
    batch = TreeBatch.join([flat])
    print("Forward + softmax at every node + back-propagation through structure, one tree;")
    print("median ms per run, interleaved, nothing pinned (torch: the better of 1 thread and its")
    print("default, @n). PyTorch runs node by node with autograd.")
    print(f"Tree: {args.leaves} leaves, {flat.size} nodes, height {flat.height.max()}.")
    print(f"numpy {np.__version__}", end="")
    if torch is None:
        print("; PyTorch not importable: its columns and targets are skipped.\n")
    else:
        print(f", torch {torch.__version__}")
    print(f"{timing.load()} at the start\n")
    if not check_agreement(args.models, flat, batch):
        sys.exit("The NumPy reference or PyTorch disagrees with the engine: not timing.")
    print("Ratios: torch (or numpy) time / rnnsim time, same precision.")
    times = "".join(f"{name:>13}" for name in TIMES)
    ratios = "".join(f"{heading:>9}" for heading, _, _ in RATIOS)
    print(f"{'model':8} {'d':>3}{times}{ratios}")
    results = {}
    for model in args.models:
        for dim in args.dims:
            steps = contenders(model, dim, flat, batch)
            ms, threads = timing.time_contenders(steps, torch, budget, least, args.repeat)
            results[model, dim] = ms
            shown = "".join(
                f"{f'{ms[n]:.3f}' + (f' @{threads[n]}' if n in threads else ''):>13}"
                if n in ms
                else f"{'-':>13}"
                for n in TIMES
            )
            shown_ratios = ""
            for _, faster, slower in RATIOS:
                ratio = timing.speedup(ms, faster, slower)
                shown_ratios += f"{ratio:8.2f}x" if ratio is not None else f"{'-':>9}"
            print(f"{model:8} {dim:3}{shown}{shown_ratios}", flush=True)
    print(f"\nTarget: torch float64 time / rnnsim float64 time >= {TARGET:g}x.")
    verdicts = []
    for (model, dim), ms in results.items():
        ratio = timing.speedup(ms, "engine f64", "torch f64")
        if ratio is None:
            print(f"  {model:8} d={dim:<3} skipped, no PyTorch")
            continue
        verdicts.append("PASS" if ratio >= TARGET else "MISS")
        print(f"  {model:8} d={dim:<3} {ratio:7.2f}x  {verdicts[-1]}")
    print(f"{verdicts.count('PASS')} of {len(verdicts)} targets met.")
    print("\nParameters with a 20,000-word vocabulary, 5 classes and (su-rvnn) 100 untied pairs")
    print("of categories (the notes: the mv-rnn has too many):")
    for dim in args.dims:
        counts = parameter_counts(20_000, dim, CLASSES, untied_pairs=100)
        print(f"  d={dim:<3} " + "  ".join(f"{m} {c:,}" for m, c in counts.items()))
    print(f"\n{timing.load()} at the end")


if __name__ == "__main__":
    main()
