"""Negated phrases: where a purely additive composition struggles and the notes' tensor helps.

A phrase is negated when its left child is a negation word: (not X), (never X), (不 X). A word
is a negation word when its category says so (NEG, as the built-in treebank writes it) or when
it is one of the common negators of English and Chinese (a treebank file has no categories).
"""

from __future__ import annotations

import numpy as np

from .flatten import FlatTree

NEGATION_CATEGORY = "NEG"
NEGATION_WORDS = frozenset(
    ("not", "n't", "never", "no", "don't", "doesn't", "isn't", "不", "没", "没有", "别", "未")
)


def negated_phrases(tree: FlatTree) -> np.ndarray:
    """Indices of the phrases of `tree` whose left child is a negation word."""
    return np.array(
        [n for n in np.flatnonzero(tree.left >= 0) if _negates(tree, int(tree.left[n]))],
        dtype=np.int64,
    )


def _negates(tree: FlatTree, node: int) -> bool:
    if tree.left[node] >= 0:  # a phrase, not a word
        return False
    token = tree.tokens[node]
    return tree.categories[node] == NEGATION_CATEGORY or (
        token is not None and token.lower() in NEGATION_WORDS
    )
