"""Reading and editing parse trees for the window. Qt-free.

A person types bracketed text (SST or PTB) or a plain sentence, which gets a right-branching
bracketing to start from: (w1 (w2 (w3 w4))). Edits by mouse make a new tree: change a node's
label, or bracket two neighbouring constituents together. Bracketing adds the new constituent,
drops the ones it crosses and keeps every other node with its label and category, so the tree
stays binary and only the phrases the edit had to break are lost.
"""

from __future__ import annotations

import networkx as nx

from simulator.trees.brackets import children, leaves, parse_tree, root
from simulator.trees.transform import is_binary, normalise

from ..input_example import InputProblem

Span = tuple[int, int]


def read_tree(text: str, tokenize) -> nx.DiGraph:
    """The binary tree of bracketed text, or a right-branching tree over a plain sentence (split
    into tokens by `tokenize`). Raises TreeSyntaxError (with its position) or InputProblem."""
    stripped = text.strip()
    if stripped.startswith("(") or stripped.startswith(")"):
        tree = parse_tree(text)
    else:
        tokens = [t for t in tokenize(stripped) if t.strip()]
        if not tokens:
            raise InputProblem("type a sentence, or a tree in brackets: (3 (2 not) (4 good))")
        bad = [t for t in tokens if any(c in "()" for c in t)]
        if bad:
            raise InputProblem(
                f"the word {bad[0]!r} has a bracket: write the whole tree in brackets"
            )
        tree = right_branching(tokens)
    return tree if is_binary(tree) else normalise(tree)


def right_branching(tokens: list[str]) -> nx.DiGraph:
    """(w1 (w2 (... (w_{n-1} w_n)))), no labels."""
    n = len(tokens)
    spans = {(k, k + 1): _attributes(token=token) for k, token in enumerate(tokens)}
    for start in range(n - 2, -1, -1):
        spans[(start, n)] = _attributes()
    return from_spans(spans)


def spans_of(tree: nx.DiGraph) -> dict:
    """graph node -> (first word, one past the last word) it covers."""
    order = {leaf: k for k, leaf in enumerate(leaves(tree))}
    out = {}
    stack = [(root(tree), False)]
    while stack:
        node, done = stack.pop()
        below = children(tree, node)
        if not below:
            out[node] = (order[node], order[node] + 1)
        elif done:
            out[node] = (out[below[0]][0], out[below[-1]][1])
        else:
            stack.append((node, True))
            stack.extend((child, False) for child in below)
    return out


def set_label(tree: nx.DiGraph, node, label: int | None) -> nx.DiGraph:
    """A copy with one node's label changed (None: no label)."""
    out = tree.copy()
    out.nodes[node]["label"] = label
    return out


def neighbour(tree: nx.DiGraph, node, side: int):
    """The word just left (side -1) or right (+1) of `node`'s words, or None at the edge."""
    span = spans_of(tree)[node]
    words = leaves(tree)
    k = span[0] - 1 if side < 0 else span[1]
    return words[k] if 0 <= k < len(words) else None


def bracket(tree: nx.DiGraph, first, second) -> nx.DiGraph:
    """A tree in which the neighbouring constituents `first` and `second` (in either order)
    form a phrase of their own. Raises InputProblem when they are not neighbours."""
    spans = spans_of(tree)
    a, b = sorted((spans[first], spans[second]))
    if a[1] != b[0]:
        raise InputProblem("only neighbouring words or phrases can be bracketed together")
    new = (a[0], b[1])
    kept = {span: dict(tree.nodes[node]) for node, span in spans.items() if not _crosses(span, new)}
    kept.setdefault(new, _attributes())
    return from_spans(kept)


def _crosses(span: Span, other: Span) -> bool:
    return span[0] < other[0] < span[1] < other[1] or other[0] < span[0] < other[1] < span[1]


def from_spans(spans: dict) -> nx.DiGraph:
    """The tree of a family of non-crossing spans, each with its node's attributes (every word
    is one span): nodes numbered in reading order; a phrase of more than two parts is split
    right-factored, (X a b c) -> (X a (b c)), the new phrase unlabelled, so the tree is binary."""
    spans = dict(spans)
    for span in _ordered(spans):
        parts = _parts(span, _ordered(spans))
        while len(parts) > 2:
            rest = (parts[1][0], parts[-1][1])
            spans[rest] = _attributes()
            parts = parts[1:]
    ordered = _ordered(spans)
    tree = nx.DiGraph(root=0)
    stack = [(ordered[0], None, 0)]
    while stack:
        span, parent, order = stack.pop()
        node = _add(tree, parent, order, spans[span])
        parts = _parts(span, ordered)
        for k in reversed(range(len(parts))):
            stack.append((parts[k], node, k))
    return tree


def _ordered(spans) -> list[Span]:
    """Left to right, a phrase before the phrases inside it."""
    return sorted(spans, key=lambda s: (s[0], -s[1]))


def _parts(span: Span, ordered: list[Span]) -> list[Span]:
    """The largest spans inside `span`, left to right."""
    parts, position = [], span[0]
    for other in ordered:
        if other != span and other[0] == position and other[1] <= span[1]:
            parts.append(other)
            position = other[1]
            if position == span[1]:
                break
    return parts if len(parts) > 1 else []


def _add(tree: nx.DiGraph, parent, order: int, attributes: dict) -> int:
    node = tree.number_of_nodes()
    tree.add_node(node, **{**_attributes(), **attributes, "order": order})
    if parent is not None:
        tree.add_edge(parent, node)
    return node


def _attributes(token=None, label=None, category=None) -> dict:
    return {"token": token, "label": label, "category": category, "order": 0}
