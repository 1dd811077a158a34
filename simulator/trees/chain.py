"""A recursive network over a chain is a recurrent network (the notes: 当递归神经网络的树状结构
退化为线性的链式结构时, 它就退化为循环神经网络).

A simple RNN computes h_t = f(U h_{t-1} + W_x x_t + b_ih + b_hh) from h_0 = 0. An rvnn over the
left-branching chain (((s x_1) x_2) x_3) ... computes p = f(W [left; right] + b) at each phrase.
They are the same computation when

    W = [U  W_x]            the left child is the state so far, the right child the next word
    b = b_ih + b_hh
    leaf vectors = the RNN's input vectors (the same embedding table), and
    the first leaf s is a start word whose vector is h_0 = 0 (the <pad> row, id 0, set to zero),

so phrase t (covering s, x_1 ... x_t) holds h_t, and classifying it is the RNN's output at
step t. A right-branching chain (x_1 (x_2 (... (x_T s)))) with W = [W_x  U] is the RNN reading
the sentence backwards. Gradients correspond too: dL/dW = [dL/dU  dL/dW_x], dL/db = dL/db_ih =
dL/db_hh, and the start leaf's gradient is the RNN's dL/dh_0.
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx
import numpy as np

from ..errors import InputError
from ..network import Network
from .brackets import root
from .flatten import flatten
from .network import TreeNetwork
from .shapes import left_branching, right_branching
from .spec import TreeSpec

START = 0  # the start leaf's word id: <pad>, whose vector the converted network sets to h_0 = 0


def recursive_from_recurrent(network: Network, branching: str = "left") -> TreeNetwork:
    """An rvnn whose chains compute exactly what `network` computes on sequences: a one-layer,
    one-direction simple RNN (no residual) on token ids, embedding size = hidden size, with a
    cross-entropy output (see the module text for the correspondence)."""
    spec = network.spec
    problems = [
        text
        for bad, text in (
            (spec.cell != "rnn", f"cell is {spec.cell}, not rnn"),
            (not spec.tokens, "inputs are dense vectors, not token ids"),
            (spec.tokens and spec.embedding_dim != spec.hidden_size,
             "embedding_dim differs from hidden_size (a leaf and a phrase are both vectors of "
             "one size)"),
            (spec.num_layers != 1 or spec.bidirectional, "it has more than one layer or direction"),
            (spec.residual, "it is residual"),
            (spec.loss != "cross_entropy", "its loss is not cross_entropy"),
        )
        if bad
    ]  # fmt: skip
    if branching not in ("left", "right"):
        problems.append(f"branching is {branching!r}, not 'left' or 'right'")
    if problems:
        raise InputError("no rvnn computes the same as this network: " + "; ".join(problems))
    tree_spec = TreeSpec(
        model="rvnn",
        vocab_size=spec.vocab_size,
        dim=spec.hidden_size,
        activation=spec.activation,
        output_size=spec.output_size,
        dtype=spec.dtype,
    )
    tree_net = TreeNetwork(tree_spec)
    p = network.params
    state = tree_net.state_dict()
    state["embedding.weight"] = p["embedding.weight"].copy()
    state["embedding.weight"][START] = 0.0  # the start leaf is h_0 = 0
    blocks = [p["weight_hh_l0"], p["weight_ih_l0"]]  # [U  W_x]: state on the left
    state["compose.weight"] = np.hstack(blocks if branching == "left" else blocks[::-1])
    state["compose.bias"] = p["bias_ih_l0"] + p["bias_hh_l0"]
    state["output.weight"] = p["output.weight"].copy()
    state["output.bias"] = p["output.bias"].copy()
    tree_net.load_state_dict(state)
    return tree_net


def chain_for_sequence(
    ids: Sequence[int], labels: Sequence[int] | None = None, branching: str = "left"
) -> nx.DiGraph:
    """The chain over the start leaf and `ids` that recursive_from_recurrent's network reads
    like the RNN reads `ids` (left: forwards; right: backwards). `labels[t]` labels the phrase
    that holds h_t (t = 1 ... T, given as a list of T); words and the start leaf are unlabelled."""
    ids = [int(i) for i in ids]
    if START in ids:
        raise InputError(f"id {START} is the start leaf's; the sequence cannot use it")
    words = [START, *ids] if branching == "left" else [*ids, START]
    build = left_branching if branching == "left" else right_branching
    tree = build([str(w) for w in words], words)
    if labels is not None:
        if len(labels) != len(ids):
            raise InputError(f"{len(labels)} labels for {len(ids)} steps")
        phrases = _chain_phrases(tree, branching)  # the phrase holding h_1, h_2, ...
        for node, label in zip(phrases, labels, strict=True):
            tree.nodes[node]["label"] = int(label)
    return tree


def _chain_phrases(tree: nx.DiGraph, branching: str) -> list:
    """The chain's phrases from the smallest (h_1) to the root (h_T)."""
    phrases, node = [], root(tree)
    while tree.out_degree(node):
        phrases.append(node)
        below = sorted(tree.successors(node), key=lambda c: tree.nodes[c]["order"])
        node = below[0] if branching == "left" else below[1]
    return phrases[::-1]


def chain_rows(ids: Sequence[int], branching: str = "left") -> np.ndarray:
    """The rows of a trace (one chain, from chain_for_sequence) that hold h_1 ... h_T."""
    flat = flatten(chain_for_sequence(ids, branching=branching))
    phrases = np.flatnonzero(flat.left >= 0)
    return phrases[np.argsort(flat.height[phrases])]
