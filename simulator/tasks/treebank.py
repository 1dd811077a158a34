"""Treebanks as tasks: trees with a label at every node, seen two ways.

- As trees (`TreeDataset`): what the tree networks train on. `batch(indices)` gives
  (TreeBatch, node labels, node counts), the (x, y, lengths) that TreeNetwork.run takes, so the
  Trainer trains a TreeNetwork unchanged.
- As sequences (a plain `Dataset`): each sentence's words and its root's label, a sequence to
  class task, so a recurrent network can be trained on the same sentences for comparison.

A `TreeTask` is a Task whose train/test are the sequence view; `task.for_trees()` is the same
task with the tree view (train/test TreeDatasets, spec_fields for a TreeSpec).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np

from ..trees.brackets import to_brackets
from ..trees.flatten import FlatTree, TreeBatch, flatten
from .base import Dataset, Task


@dataclass
class TreeDataset:
    trees: list[FlatTree]

    def __len__(self) -> int:
        return len(self.trees)

    @property
    def sizes(self) -> np.ndarray:
        """(N,) nodes per tree."""
        return np.array([t.size for t in self.trees], np.int64)

    def batch(self, indices) -> tuple[TreeBatch, np.ndarray, np.ndarray]:
        """(trees, labels (B, most nodes) in each tree's bottom-up order and -1 past its end,
        node counts (B,))."""
        chosen = [self.trees[int(i)] for i in np.asarray(indices).reshape(-1)]
        sizes = np.array([t.size for t in chosen], np.int64)
        labels = np.full((len(chosen), int(sizes.max())), -1, np.int64)
        for row, tree in zip(labels, chosen, strict=True):
            row[: tree.size] = tree.label
        return TreeBatch.join(chosen), labels, sizes

    def sequences(self) -> Dataset:
        """The sequence view: each tree's word ids and its root's label."""
        roots = [t.label[t.root] for t in self.trees]
        inputs = [t.word[t.left < 0][np.argsort(t.span[t.left < 0, 0])] for t in self.trees]
        return Dataset.from_sequences(inputs, np.array(roots, np.int64), per_step=False)


def tree_dataset(trees: Sequence[nx.DiGraph], vocabulary) -> TreeDataset:
    return TreeDataset([flatten(tree, vocabulary) for tree in trees])


@dataclass
class TreeTask(Task):
    """A task over a treebank. train/test and spec_fields are the sequence view (NetworkSpec
    fields); tree_train/tree_test and tree_fields (TreeSpec fields) the tree view."""

    tree_train: TreeDataset | None = None
    tree_test: TreeDataset | None = None
    tree_fields: dict = dataclasses.field(default_factory=dict)
    view: str = "sequences"  # or "trees" (see for_trees)

    def for_trees(self) -> TreeTask:
        """The same task with the tree view: what a Trainer for a TreeNetwork is given."""
        return dataclasses.replace(
            self,
            train=self.tree_train,
            test=self.tree_test,
            spec_fields=self.tree_fields,
            view="trees",
        )

    def encode_tree(self, tree) -> FlatTree:
        """A tree (DiGraph or bracketed text) with this task's word ids (<unk> for new words)."""
        return flatten(tree, self.vocabulary)

    def describe(self, split: str, index: int) -> str:
        if self.view != "trees":
            return super().describe(split, index)
        flat = (self.tree_train if split == "train" else self.tree_test).trees[index]
        root = flat.label[flat.root]
        shown = self.labels[root] if 0 <= root < len(self.labels) else "unlabelled"
        return f"{to_brackets(flat.graph)}  ->  {shown}"
