"""Trees and networks the tree tests share."""

import networkx as nx
import numpy as np

from simulator.trees import TreeNetwork, TreeSpec, flatten, parse_tree
from simulator.trees.shapes import balanced, left_branching, right_branching

WORDS = ["a", "b", "c", "d", "e"]
VOCABULARY = {w: i + 2 for i, w in enumerate(WORDS)}  # 0 <pad>, 1 <unk> as in Vocabulary
VOCAB_SIZE = len(WORDS) + 2
CLASSES = 3


def labelled(tree: nx.DiGraph, seed: int, categories: bool = False) -> nx.DiGraph:
    """Every node labelled at random; with `categories`, leaves X or Y and phrases P or Q."""
    rng = np.random.default_rng(seed)
    for node in tree:
        tree.nodes[node]["label"] = int(rng.integers(CLASSES))
        if categories:
            leaf = tree.out_degree(node) == 0
            tree.nodes[node]["category"] = str(rng.choice(["X", "Y"] if leaf else ["P", "Q"]))
    return tree


def shaped_trees(categories: bool = False) -> dict:
    """Balanced, left- and right-branching trees and a single word, labelled everywhere."""
    return {
        "balanced": labelled(balanced(WORDS[:4] + ["a"]), 1, categories),
        "left": labelled(left_branching(["c", "a", "e", "b"]), 2, categories),
        "right": labelled(right_branching(["d", "b", "a", "c"]), 3, categories),
        "word": labelled(parse_tree("(1 e)"), 4, categories),
    }


def flat(tree: nx.DiGraph):
    return flatten(tree, VOCABULARY)


# su-rvnn unties pairs seen here; the others fall back to the shared W
UNTIED = ("X Y", "P X", "Y P", "Q Q")


def network(model: str, dim: int = 3, seed: int = 0, **fields) -> TreeNetwork:
    spec = TreeSpec(
        model=model,
        vocab_size=VOCAB_SIZE,
        dim=dim,
        output_size=CLASSES,
        untied_pairs=UNTIED,
        **fields,
    )
    net = TreeNetwork(spec, seed=seed)
    if model == "su-rvnn":  # start the untied W_ab away from zero so every term is exercised
        rng = np.random.default_rng(seed + 100)
        for name in ("untied.weight", "untied.bias"):
            net.params[name][...] = 0.3 * rng.standard_normal(net.params[name].shape)
    return net
