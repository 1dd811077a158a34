"""Trees of a given shape over a list of tokens: chains (left- or right-branching) and balanced.

    left_branching(["a", "b", "c"])   ((a b) c)       how a recurrent network reads a sentence
    right_branching(["a", "b", "c"])  (a (b c))       how it reads the sentence backwards
    balanced(["a", "b", "c", "d"])    ((a b) (c d))

Leaves are written (TOKEN), without labels; set labels with networkx, e.g.
`nx.set_node_attributes(tree, 2, "label")`. `words` (ids, one per token) become the leaves'
`word` attributes, so flatten needs no vocabulary.
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

from ..errors import InputError


def left_branching(tokens: Sequence[str], words: Sequence[int] | None = None) -> nx.DiGraph:
    return _build(tokens, words, lambda lo, hi: hi - 1)


def right_branching(tokens: Sequence[str], words: Sequence[int] | None = None) -> nx.DiGraph:
    return _build(tokens, words, lambda lo, hi: lo + 1)


def balanced(tokens: Sequence[str], words: Sequence[int] | None = None) -> nx.DiGraph:
    """Each phrase splits its words in half (the left half one longer when odd)."""
    return _build(tokens, words, lambda lo, hi: (lo + hi + 1) // 2)


def _build(tokens, words, split) -> nx.DiGraph:
    tokens = [str(t) for t in tokens]
    if not tokens:
        raise InputError("a tree needs at least one token")
    if words is not None and len(words) != len(tokens):
        raise InputError(f"{len(words)} word ids for {len(tokens)} tokens")
    tree = nx.DiGraph(root=0)
    stack = [(0, len(tokens), None, 0)]  # (first token, end, parent, order)
    while stack:
        lo, hi, parent, order = stack.pop()
        node = tree.number_of_nodes()
        tree.add_node(node, token=None, label=None, category=None, order=order)
        if parent is not None:
            tree.add_edge(parent, node)
        if hi - lo == 1:
            tree.nodes[node]["token"] = tokens[lo]
            if words is not None:
                tree.nodes[node]["word"] = int(words[lo])
            continue
        middle = split(lo, hi)
        stack.extend([(middle, hi, node, 1), (lo, middle, node, 0)])
    return tree
