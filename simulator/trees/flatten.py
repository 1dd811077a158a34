"""A binary tree as the kernels read it: arrays over its nodes in a bottom-up order.

Nodes are ordered by height (leaves 0, a phrase one more than its taller child), and left to
right within a height: first every word, then the two-word phrases, and so on up to the root,
which comes last. Every child comes before its parent, so one pass forward computes the tree
bottom-up and one pass backward carries the gradients top-down. A left-branching chain over
x1 ... xT is then ordered x1 ... xT, (x1 x2), ((x1 x2) x3), ...: the steps of a recurrent
network reading the sentence.

A batch joins several trees' arrays end to end (`TreeBatch`), child indices shifted to match.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np

from ..errors import InputError
from .brackets import children, parse_tree, root
from .transform import is_binary, normalise

NONE = -1  # no child, no word, no label


@dataclass
class FlatTree:
    """One binary tree, its nodes in bottom-up order (index n; the root is the last)."""

    graph: nx.DiGraph  # the binary tree itself
    nodes: list  # graph node of each index
    left: np.ndarray  # (n,) index of the left child, -1 at a leaf
    right: np.ndarray  # (n,) index of the right child, -1 at a leaf
    parent: np.ndarray  # (n,) index of the parent, -1 at the root
    height: np.ndarray  # (n,) 0 at a leaf
    span: np.ndarray  # (n, 2) the words under the node: leaves span[0] <= i < span[1]
    word: np.ndarray  # (n,) word id at a leaf, -1 at a phrase
    label: np.ndarray  # (n,) class id, -1 where the node has no label
    tokens: list  # (n,) the leaf's token, None at a phrase
    categories: list  # (n,) the node's category or None
    pairs: list  # (n,) "LEFT RIGHT" categories of a phrase's children, or None

    @property
    def size(self) -> int:
        return self.left.shape[0]

    @property
    def root(self) -> int:
        return self.size - 1

    @property
    def is_leaf(self) -> np.ndarray:
        return self.left < 0

    def index(self, graph_node) -> int:
        """The flat index of a node of `graph`."""
        return self.nodes.index(graph_node)

    def phrase(self, n: int) -> str:
        """The words under node n."""
        start, end = self.span[n]
        words = [t for t in self.tokens if t is not None]
        return " ".join(words[start:end])


def flatten(tree, vocabulary=None) -> FlatTree:
    """A tree (DiGraph or bracketed text) as arrays; the tree is normalised first when it is not
    binary (see transform). Leaves' word ids come from `vocabulary` (a Vocabulary, or a mapping
    token -> id; a token it lacks becomes id 1, <unk>), or from an integer `word` attribute on
    every leaf when no vocabulary is given."""
    if isinstance(tree, str):
        tree = parse_tree(tree)
    if not isinstance(tree, nx.DiGraph):
        raise InputError(f"a tree is a networkx.DiGraph or bracketed text, not {type(tree)}")
    if not is_binary(tree):
        tree = normalise(tree)
    ids = vocabulary.ids if hasattr(vocabulary, "ids") else vocabulary
    top = root(tree)
    # post-order: every child before its parent, to compute heights and spans
    post, stack = [], [(top, False)]
    while stack:
        node, done = stack.pop()
        if done:
            post.append(node)
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(children(tree, node)))
    height, span, kids, leaf_count = {}, {}, {}, 0
    for node in post:
        below = children(tree, node)
        kids[node] = below
        if not below:
            height[node], span[node] = 0, (leaf_count, leaf_count + 1)
            leaf_count += 1
        else:
            height[node] = 1 + max(height[c] for c in below)
            span[node] = (span[below[0]][0], span[below[-1]][1])
    nodes = sorted(post, key=lambda n: (height[n], span[n][0]))
    index = {node: n for n, node in enumerate(nodes)}
    size = len(nodes)
    left = np.full(size, NONE, np.int64)
    right = np.full(size, NONE, np.int64)
    parent = np.full(size, NONE, np.int64)
    word = np.full(size, NONE, np.int64)
    label = np.full(size, NONE, np.int64)
    tokens, categories, pairs = [None] * size, [None] * size, [None] * size
    for n, node in enumerate(nodes):
        attributes = tree.nodes[node]
        categories[n] = attributes.get("category")
        if attributes.get("label") is not None:
            label[n] = attributes["label"]
        below = kids[node]
        if below:
            left[n], right[n] = index[below[0]], index[below[1]]
            parent[left[n]] = parent[right[n]] = n
            pair = (categories[left[n]], categories[right[n]])
            pairs[n] = None if None in pair else f"{pair[0]} {pair[1]}"
        else:
            tokens[n] = attributes.get("token")
            word[n] = _word_id(attributes, ids)
    return FlatTree(
        graph=tree,
        nodes=nodes,
        left=left,
        right=right,
        parent=parent,
        height=np.array([height[n] for n in nodes], np.int64),
        span=np.array([span[n] for n in nodes], np.int64).reshape(size, 2),
        word=word,
        label=label,
        tokens=tokens,
        categories=categories,
        pairs=pairs,
    )


def _word_id(attributes: dict, ids: Mapping | None) -> int:
    if ids is not None:
        return int(ids.get(attributes.get("token"), 1))
    word = attributes.get("word")
    if isinstance(word, int | np.integer) and not isinstance(word, bool):
        return int(word)
    raise InputError(
        f"leaf {attributes.get('token')!r} has no word id: give a vocabulary, or set an integer"
        " `word` attribute on every leaf"
    )


@dataclass
class TreeBatch:
    """Several flat trees end to end: tree b holds indices starts[b] <= n < starts[b + 1]."""

    trees: list[FlatTree]
    starts: np.ndarray  # (B + 1,)
    left: np.ndarray  # (N,) global indices, -1 at leaves
    right: np.ndarray
    word: np.ndarray
    label: np.ndarray
    height: np.ndarray  # (N,) 0 at leaves: rows of one height never depend on each other

    @classmethod
    def join(cls, trees: Sequence[FlatTree]) -> TreeBatch:
        if len(trees) == 0:
            raise InputError("a batch needs at least one tree")
        sizes = np.array([t.size for t in trees], np.int64)
        starts = np.zeros(len(trees) + 1, np.int64)
        np.cumsum(sizes, out=starts[1:])
        shift = np.repeat(starts[:-1], sizes)
        left = np.concatenate([t.left for t in trees])
        right = np.concatenate([t.right for t in trees])
        phrase = left >= 0
        left[phrase] += shift[phrase]
        right[phrase] += shift[phrase]
        return cls(
            trees=list(trees),
            starts=starts,
            left=left,
            right=right,
            word=np.concatenate([t.word for t in trees]),
            label=np.concatenate([t.label for t in trees]),
            height=np.concatenate([t.height for t in trees]),
        )

    def __len__(self) -> int:
        return len(self.trees)

    @property
    def size(self) -> int:
        return int(self.starts[-1])

    def nodes_of(self, b: int) -> slice:
        return slice(int(self.starts[b]), int(self.starts[b + 1]))
