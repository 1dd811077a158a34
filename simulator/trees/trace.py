"""TreeTrace: the full record of one run of a tree network on a batch of trees.

Plain arrays over the batch's nodes, tree after tree, each tree's nodes bottom-up
(simulator.trees.flatten): row n of every array belongs to node n. `trace.nodes_of(b)` is the
slice of tree b, `trace.index(b, graph_node)` the row of one node of its graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from .flatten import TreeBatch
from .spec import TreeSpec


@dataclass
class TreeTrace:
    spec: TreeSpec
    batch: TreeBatch  # the trees and their structure arrays (left, right, word, label)
    pair: np.ndarray  # (N,) su-rvnn: the untied pair each phrase used, -1 for the shared W alone
    node_labels: np.ndarray  # (N,) the class each node is trained towards, -1 where none
    inputs: np.ndarray  # (N, 2d) what W read: [p_l; p_r] (mv-rnn: [B a; A b]); 0 at leaves
    pre_activation: np.ndarray  # (N, d) z_n (0 at leaves, whose vector is the word's)
    vectors: np.ndarray  # (N, d) p_n
    matrices: np.ndarray | None  # (N, d, d) P_n (mv-rnn)
    tensor_term: np.ndarray | None  # (N, d) t_n[i] = x_n^T V_i x_n (rntn), part of z_n
    tensor_slopes: np.ndarray | None  # (N, d, 2d) rntn: row i = d t_n[i] / d x_n
    #                                     = (V_i + V_i^T) x_n (phrases only; what backward reads)
    logits: np.ndarray  # (N, C) W_s p_n + b_s
    probabilities: np.ndarray  # (N, C) softmax of the logits: the node's class probabilities
    node_losses: np.ndarray  # (N,) -log p_n[label] at labelled nodes, 0 elsewhere
    loss: float | None = None  # (1/B) sum over the labelled nodes; None when no node is labelled
    # Filled by the backward pass:
    grads: dict[str, np.ndarray] = field(default_factory=dict)  # keyed like state_dict()
    grad_flat: np.ndarray | None = None  # every gradient in one vector (views above point in)
    grad_logits: np.ndarray | None = None  # (N, C)
    grad_vectors: np.ndarray | None = None  # (N, d) total dL/dp_n: own classifier + parent
    grad_matrices: np.ndarray | None = None  # (N, d, d) total dL/dP_n (mv-rnn)
    deltas: np.ndarray | None = None  # (N, d) dL/dz_n, the node's delta (0 at leaves)

    # ----- where things are -----------------------------------------------------------------
    @property
    def batch_size(self) -> int:
        return len(self.batch)

    @property
    def size(self) -> int:
        return self.batch.size

    @property
    def has_gradients(self) -> bool:
        return self.grad_flat is not None

    def nodes_of(self, b: int) -> slice:
        """The rows of tree b."""
        return self.batch.nodes_of(b)

    def index(self, b: int, graph_node) -> int:
        """The row of one node of tree b's graph (batch.trees[b].graph)."""
        return int(self.batch.starts[b]) + self.batch.trees[b].index(graph_node)

    def predictions(self) -> np.ndarray:
        """(N,) the most likely class at every node."""
        return np.argmax(self.probabilities, axis=-1)

    # ----- what the Trainer reads: the labelled nodes of each tree, packed like steps -----------
    @cached_property
    def _packed(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        B = self.batch_size
        sizes = np.diff(self.batch.starts)
        tree_of = np.repeat(np.arange(B), sizes)
        labelled = self.node_labels >= 0
        counts = np.bincount(tree_of[labelled], minlength=B).astype(np.int64)
        first = np.zeros(B, np.int64)
        np.cumsum(counts[:-1], out=first[1:])
        rows = np.flatnonzero(labelled)
        slot = np.arange(rows.size) - first[tree_of[rows]]
        width = max(int(counts.max()), 1)
        outputs = np.zeros((B, width, self.spec.output_size), self.probabilities.dtype)
        targets = np.zeros((B, width), np.int64)
        outputs[tree_of[rows], slot] = self.probabilities[rows]
        targets[tree_of[rows], slot] = self.node_labels[rows]
        return outputs, targets, counts

    @property
    def outputs(self) -> np.ndarray:
        """(B, L, C) the class probabilities of each tree's labelled nodes (bottom-up order),
        padded; with `targets` (B, L) and `lengths` (B,) they read like a seq2seq batch."""
        return self._packed[0]

    @property
    def targets(self) -> np.ndarray:
        return self._packed[1]

    @property
    def lengths(self) -> np.ndarray:
        """(B,) how many nodes of each tree are labelled."""
        return self._packed[2]

    # ----- one node's share of the gradients -------------------------------------------------
    def node_gradients(self, n: int) -> dict[str, np.ndarray]:
        """What node n adds to each parameter's gradient (the arrays in `grads` are these summed
        over the nodes), computed from the stored deltas: nothing is run again."""
        if not self.has_gradients:
            raise ValueError("this trace has no gradients: run the network with labels")
        out = {name: np.zeros_like(g) for name, g in self.grads.items()}
        out["output.weight"][...] = np.outer(self.grad_logits[n], self.vectors[n])
        out["output.bias"][...] = self.grad_logits[n]
        word = self.batch.word[n]
        if word >= 0:  # a leaf: its word's rows
            out["embedding.weight"][word] = self.grad_vectors[n]
            if self.matrices is not None:
                out["word_matrix.weight"][word] = self.grad_matrices[n]
            return out
        delta, x = self.deltas[n], self.inputs[n]
        out["compose.weight"][...] = np.outer(delta, x)
        out["compose.bias"][...] = delta
        if "untied.weight" in out and self.pair[n] >= 0:
            out["untied.weight"][self.pair[n]] = np.outer(delta, x)
            out["untied.bias"][self.pair[n]] = delta
        if self.tensor_term is not None:
            out["tensor.weight"][...] = delta[:, None, None] * np.outer(x, x)[None]
        if self.matrices is not None:
            stacked = np.vstack(
                [self.matrices[self.batch.left[n]], self.matrices[self.batch.right[n]]]
            )
            out["compose_matrix.weight"][...] = self.grad_matrices[n] @ stacked.T
        return out
