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

from ..lazy import lazy_names

# Eager: the module flatten.py shares its name with the function, and importing the module would
# set the package's `flatten` to the module. It is light (numpy, networkx; no kernels).
from .flatten import FlatTree as FlatTree
from .flatten import TreeBatch as TreeBatch
from .flatten import flatten as flatten

_WHERE = {
    "MODELS": ".spec",
    "TreeNetwork": ".network",
    "TreeSpec": ".spec",
    "TreeStepper": ".stepper",
    "TreeSyntaxError": ".brackets",
    "TreeTrace": ".trace",
    "binarise": ".transform",
    "children": ".brackets",
    "collapse_unaries": ".transform",
    "debinarise": ".transform",
    "is_binary": ".transform",
    "leaves": ".brackets",
    "normalise": ".transform",
    "parse_tree": ".brackets",
    "parse_trees": ".brackets",
    "root": ".brackets",
    "to_brackets": ".brackets",
    "tokens": ".brackets",
}

__all__ = sorted([*_WHERE, "FlatTree", "TreeBatch", "flatten"])
__getattr__ = lazy_names(__name__, _WHERE, globals())
