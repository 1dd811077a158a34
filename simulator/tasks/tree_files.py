"""Treebanks from a person's own files: one bracketed tree per line, as the Stanford Sentiment
Treebank's train.txt / dev.txt / test.txt are written:

    (3 (2 (2 The) (2 Rock)) (4 (3 (2 is) (4 (2 destined) ...

Labels are whole numbers 0 ... K-1 (the classes; K is the largest label plus one); a node may
also carry a category (NP:3, or just NP with no label); nodes without a label are not trained
on, but every root needs one (it is the sentence's label in the sequence view). Trees are
binarised and unary chains collapsed (see simulator.trees.transform). Blank lines are skipped.

The test trees come from `test_path` when it is set, else `test_fraction` of the trees of
`path` (shuffled with `seed`). The vocabulary holds the tokens of the training trees. Anything
wrong raises a TaskError naming the file and the line (and, for a tree that does not parse,
the column, with a caret under the place).
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import numpy as np

from ..trees.brackets import TreeSyntaxError, caret_lines, head_text, parse_tree, tokens
from ..trees.transform import normalise
from .base import TaskError, Vocabulary, classification_fields
from .files import read_text
from .settings import SEED, FilePath, Number
from .treebank import TreeTask, tree_dataset

RULES = {
    "seed": SEED,
    "test_fraction": Number(0.01, 0.99),
    "path": FilePath("a UTF-8 file with one bracketed tree per line", required=True),
    "test_path": FilePath("a UTF-8 file of test trees, or empty to split path by test_fraction"),
}
DEFAULTS = {"seed": 0, "test_fraction": 0.2, "path": "", "test_path": ""}
MAX_CLASSES = 1000


def read_trees(path: str) -> list[tuple[int, nx.DiGraph]]:
    """(line number, tree) for each non-blank line of a file, as written (not normalised)."""
    name = Path(path).name or path
    out = []
    for number, line in enumerate(read_text(path).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            tree = parse_tree(line)
        except TreeSyntaxError as err:
            raise TaskError(
                f"{name} line {number}, column {err.column}: expected {err.expected}, found "
                f"{err.found}\n{caret_lines(line, err.column - 1)}"
            ) from None
        root = tree.graph["root"]
        if tree.nodes[root].get("label") is None:
            found = head_text(tree.nodes[root])
            raise TaskError(
                f"{name} line {number}: the root has no label (a whole number); found "
                + (f"the category {found}" if found else "no label")
            )
        largest = max((label for _, label in tree.nodes(data="label") if label is not None))
        if largest >= MAX_CLASSES:
            raise TaskError(
                f"{name} line {number}: label {largest} is too large: labels are the classes "
                f"0 to K-1, and at most {MAX_CLASSES} classes are allowed"
            )
        out.append((number, tree))
    return out


def build(settings: dict) -> TreeTask:
    name = Path(settings["path"]).name
    trees = read_trees(settings["path"])
    if settings["test_path"]:
        train = [tree for _, tree in trees]
        test = [tree for _, tree in read_trees(settings["test_path"])]
        if not train or not test:
            raise TaskError(f"{name}: needs at least one training and one test tree")
    else:
        if len(trees) < 2:
            raise TaskError(
                f"{name}: needs at least 2 trees (one to train on, one to test), found {len(trees)}"
            )
        order = np.random.default_rng(settings["seed"]).permutation(len(trees))
        count = min(max(1, round(len(trees) * settings["test_fraction"])), len(trees) - 1)
        train = [trees[i][1] for i in order[count:]]
        test = [trees[i][1] for i in order[:count]]
    found = {label for tree in train + test for _, label in tree.nodes(data="label")} - {None}
    classes = max(found) + 1
    if classes < 2:
        raise TaskError(f"{name}: needs labels 0 and 1 at least (2 classes), found only 0")
    labels = [str(k) for k in range(classes)]
    vocabulary = Vocabulary(sorted({token for tree in train for token in tokens(tree)}))
    tree_train = tree_dataset([normalise(tree) for tree in train], vocabulary)
    tree_test = tree_dataset([normalise(tree) for tree in test], vocabulary)
    pairs = sorted({p for flat in tree_train.trees for p in flat.pairs if p is not None})
    description = {
        "en": f"Treebank {name}: {len(trees)} trees, {classes} classes at every node.",
        "zh": f"树库：{name}，{len(trees)} 棵句法树，每个结点 {classes} 类。",
    }
    return TreeTask(
        name="tree_file",
        settings=settings,
        description=description,
        spec_fields=classification_fields(vocabulary, labels, "seq2class"),
        train=tree_train.sequences(),
        test=tree_test.sequences(),
        vocabulary=vocabulary,
        labels=labels,
        tokenize=str.split,
        separator=" ",
        tree_train=tree_train,
        tree_test=tree_test,
        tree_fields={
            "vocab_size": len(vocabulary),
            "output_size": classes,
            "untied_pairs": tuple(pairs),
        },
    )
