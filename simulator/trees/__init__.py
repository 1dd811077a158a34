"""Recursive neural networks over parse trees (the notes' 递归神经网络).

    from simulator.trees import TreeNetwork, TreeSpec, parse_tree

    tree = parse_tree("(3 (2 not) (3 (3 very) (4 good)))")
    net = TreeNetwork(TreeSpec(model="rntn", vocab_size=10, dim=8, output_size=5), seed=0)
    trace = net.run(tree, vocabulary={"not": 2, "very": 3, "good": 4})

Trees are networkx DiGraphs read from and written to bracketed text (brackets), made binary
(transform), flattened bottom-up (flatten) and run by compiled kernels (kernels/); the trace
records every node forward and backward, and TreeStepper walks it. simulator.trees.chain shows
the notes' point that a recursive network over a chain is a recurrent network.
"""

from .brackets import (
    TreeSyntaxError,
    children,
    leaves,
    parse_tree,
    parse_trees,
    root,
    to_brackets,
    tokens,
)
from .flatten import FlatTree, TreeBatch, flatten
from .network import TreeNetwork
from .spec import MODELS, TreeSpec
from .stepper import TreeStepper
from .trace import TreeTrace
from .transform import binarise, collapse_unaries, debinarise, is_binary, normalise

__all__ = [
    "MODELS",
    "FlatTree",
    "TreeBatch",
    "TreeNetwork",
    "TreeSpec",
    "TreeStepper",
    "TreeSyntaxError",
    "TreeTrace",
    "binarise",
    "children",
    "collapse_unaries",
    "debinarise",
    "flatten",
    "is_binary",
    "leaves",
    "normalise",
    "parse_tree",
    "parse_trees",
    "root",
    "to_brackets",
    "tokens",
]
