"""Make any tree binary, as the recursive networks need: collapse unary chains, then binarise.

Unary chains collapse into one node. A chain such as (NP (NN cat)) or the Penn Treebank's
unlabelled root ( (S ...) ) is one phrase covering the same words, so it becomes one node; the
TOP of the chain survives: the node keeps the topmost label and the topmost category found
along the chain (a node without one takes the next one down), and the token and children of the
chain's bottom. (NP (NN cat)) becomes the leaf (NP cat); ( (3 (2 a) (3 b)) ) becomes
(3 (2 a) (3 b)). The heads that were dropped are kept in the node's `merged` attribute, for
display only (they are not written back).

Phrases with more than two children are binarised right-factored, as the Stanford parser does:
(X a b c d) becomes (X a (@X b (@X c d))). The intermediate nodes are marked by the category
"@X" (just "@" when X has no category), carry no label (they are not phrases anyone labelled,
so no loss is computed on them) and are written back as they are, so a binarised tree round
trips through text; `debinarise` splices them out again.
"""

from __future__ import annotations

import networkx as nx

from .brackets import children, head_text, root

INTERMEDIATE = "@"


def is_intermediate(attributes: dict) -> bool:
    """True for a node that binarisation added (category "@..."): not a phrase of its own."""
    category = attributes.get("category")
    return category is not None and category.startswith(INTERMEDIATE)


def normalise(tree: nx.DiGraph, collapse: bool = True, binarise: bool = True) -> nx.DiGraph:
    """A new tree with unary chains collapsed and every phrase binary (see the module text).
    Nodes are numbered 0, 1, ... in reading order, like a parsed tree."""
    out = nx.DiGraph(root=0)
    stack = [(root(tree), None, 0)]  # (node of `tree`, parent in `out`, order)
    while stack:
        node, parent, order = stack.pop()
        chain = [node]
        below = children(tree, node)
        while collapse and len(below) == 1:
            node = below[0]
            chain.append(node)
            below = children(tree, node)
        new = _add(out, _merged(tree, chain), parent, order)
        if not binarise or len(below) <= 2:
            stack.extend((child, new, k) for k, child in reversed(list(enumerate(below))))
            continue
        category = INTERMEDIATE + (out.nodes[new]["category"] or "")
        current = new
        for child in below[:-2]:  # (X a b c d) -> (X a (@X b (@X c d)))
            stack.append((child, current, 0))
            current = _add(out, {"category": category}, current, 1)
        stack.extend([(below[-1], current, 1), (below[-2], current, 0)])
    return numbered(out)


def collapse_unaries(tree: nx.DiGraph) -> nx.DiGraph:
    return normalise(tree, collapse=True, binarise=False)


def binarise(tree: nx.DiGraph) -> nx.DiGraph:
    return normalise(tree, collapse=False, binarise=True)


def debinarise(tree: nx.DiGraph) -> nx.DiGraph:
    """Splice out the intermediate "@" nodes binarisation added: (X a (@X b c)) -> (X a b c)."""
    out = nx.DiGraph(root=0)
    stack = [(root(tree), None, 0)]
    while stack:
        node, parent, order = stack.pop()
        new = _add(out, dict(tree.nodes[node]), parent, order)
        expanded, pending = [], list(reversed(children(tree, node)))
        while pending:
            child = pending.pop()
            if is_intermediate(tree.nodes[child]) and children(tree, child):
                pending.extend(reversed(children(tree, child)))
            else:
                expanded.append(child)
        stack.extend((child, new, k) for k, child in reversed(list(enumerate(expanded))))
    return numbered(out)


def is_binary(tree: nx.DiGraph) -> bool:
    """Every node has no child (a leaf with a token) or exactly two."""
    return all(tree.out_degree(n) in (0, 2) for n in tree) and all(
        tree.nodes[n].get("token") is not None for n in tree if tree.out_degree(n) == 0
    )


def _merged(tree: nx.DiGraph, chain: list) -> dict:
    """One node for a unary chain: the topmost label and category, the bottom's token."""
    attributes = [tree.nodes[n] for n in chain]
    merged = {
        "label": next((a["label"] for a in attributes if a.get("label") is not None), None),
        "category": next(
            (a["category"] for a in attributes if a.get("category") is not None), None
        ),
        "token": attributes[-1].get("token"),
    }
    dropped = [head_text(a) for a in attributes[1:]]
    if dropped:
        merged["merged"] = tuple(h for h in dropped if h is not None)
    return merged


def _add(out: nx.DiGraph, attributes: dict, parent, order: int) -> int:
    node = out.number_of_nodes()
    out.add_node(node, token=None, label=None, category=None)
    out.nodes[node].update(attributes)
    out.nodes[node]["order"] = order
    if parent is not None:
        out.add_edge(parent, node)
    return node


def numbered(tree: nx.DiGraph) -> nx.DiGraph:
    """The same tree with nodes numbered in reading order (preorder, left to right): the tree
    itself when they already are. Rooted at node 0, as normalise() and the parser leave it."""
    order, stack = [], [0]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(reversed(children(tree, node)))
    mapping = {old: new for new, old in enumerate(order)}
    if all(old == new for old, new in mapping.items()):
        return tree
    out = nx.DiGraph(root=0)
    out.add_nodes_from((mapping[n], tree.nodes[n]) for n in order)
    out.add_edges_from((mapping[a], mapping[b]) for a, b in tree.edges)
    return out
