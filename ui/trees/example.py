"""TreeExample: the one parse tree the window feeds to a recursive network. Qt-free.

It is typed (bracketed text, or a plain sentence that gets a right-branching tree), taken from
the task, or made by editing another tree with the mouse. The tree is made binary as the
networks need it. Nodes the text leaves unlabelled get the network's own prediction as their
label (`filled`), so the loss and back-propagation through structure always have something to
start from; the person can change any label.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np

from simulator.trees.brackets import to_brackets
from simulator.trees.transform import is_intermediate

from ..input_example import InputProblem, show_token
from . import editing


@dataclass(frozen=True, eq=False)
class TreeExample:
    source: str  # "typed", "train" or "test"
    index: int  # position in the split (-1 when typed or edited)
    text: str  # what the editor shows: the typed text, or the tree written as brackets
    graph: nx.DiGraph  # the binary tree, with the labels the text gave
    flat: object  # simulator.trees.FlatTree over `graph`, with the task's word ids
    labels: np.ndarray  # (nodes,) bottom-up: the class each node is trained towards, -1 none
    filled: np.ndarray  # (nodes,) True where the label is the network's prediction
    unknown: tuple[bool, ...]  # per word, in sentence order: not in the vocabulary (<unk>)

    @property
    def typed(self) -> bool:
        return self.source == "typed"

    @property
    def tokens(self) -> tuple[str, ...]:
        """The sentence, word by word."""
        return tuple(show_token(t) for t in self.flat.tokens if t is not None)

    def to_view(self) -> dict:
        if self.typed:
            return {"text": self.text}
        return {"split": self.source, "index": self.index}


def from_graph(task, graph: nx.DiGraph, network=None, source="typed", index=-1, text=None):
    """An example over a tree (DiGraph), labels filled in from the network's predictions."""
    flat = task.encode_tree(graph)
    labels = flat.label.copy()
    wanted = np.array([not is_intermediate(flat.graph.nodes[n]) for n in flat.nodes])
    missing = (labels < 0) & wanted
    if missing.any():
        labels[missing] = _predicted(network, flat)[missing]
    words = [t for t in flat.tokens if t is not None]
    ids = task.vocabulary.ids
    return TreeExample(
        source=source,
        index=index,
        text=to_brackets(flat.graph) if text is None else text,
        graph=flat.graph,
        flat=flat,
        labels=labels,
        filled=missing,
        unknown=tuple(w not in ids for w in words),
    )


def _predicted(network, flat) -> np.ndarray:
    """The network's class at every node (class 0 when there is no network to ask yet)."""
    if network is None:
        return np.zeros(flat.size, np.int64)
    trace = network.run(flat, y=np.full((1, flat.size), -1, np.int64))
    return trace.predictions().astype(np.int64)


def from_text(task, text: str, network=None) -> TreeExample:
    """Typed text: bracketed (raises TreeSyntaxError with the position) or a plain sentence."""
    graph = editing.read_tree(text, task.tokenize)
    return from_graph(task, graph, network, text=text.strip())


def from_dataset(task, split: str, index: int, network=None) -> TreeExample:
    if split not in ("train", "test"):
        raise InputProblem(f"split {split!r}: choose train or test")
    data = task.tree_train if split == "train" else task.tree_test
    if not 0 <= index < len(data):
        raise InputProblem(f"the {split} set has trees 0 to {len(data) - 1}; not {index}")
    return from_graph(task, data.trees[index].graph, network, split, index)


def from_view(task, view, network=None) -> TreeExample | None:
    if not isinstance(view, dict):
        return None
    try:
        if "text" in view:
            return from_text(task, str(view["text"]), network)
        return from_dataset(task, str(view.get("split", "test")), int(view.get("index", 0)))
    except (InputProblem, ValueError, TypeError, KeyError):
        return None
