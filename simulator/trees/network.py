"""TreeNetwork: a TreeSpec plus its parameters, run on parse trees to give a TreeTrace.

Python prepares the arrays (trees flattened bottom-up, word ids and labels checked), the compiled
kernels compute; the classifier at every node is one matrix product and the shared softmax
kernel. Parameters live in one flat vector with named views, like Network's, so the Trainer
and the optimisers work on it unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx
import numpy as np

from ..cells import ACTIVATION_CODES
from ..errors import InputError
from ..kernels.loss import softmax_cross_entropy
from ..parameters import ParameterLayout, ParameterSet
from ..threads import engine_threads
from .flatten import FlatTree, TreeBatch, flatten
from .kernels.mvrnn import mvrnn_backward, mvrnn_forward
from .kernels.rntn import rntn_backward, rntn_forward
from .kernels.rvnn import rvnn_backward, rvnn_forward
from .parameters import initialise
from .spec import TreeSpec, shapes
from .trace import TreeTrace

# Gradients the backward kernels add to, row by row or node by node; every other gradient is
# written whole (a GEMM's output), so its memory need not be cleared first (the rntn's tensor is
# d * 4d^2 numbers).
ACCUMULATED = frozenset(
    (
        "embedding.weight",
        "word_matrix.weight",
        "untied.weight",
        "untied.bias",
    )
)


class TreeNetwork(ParameterSet):
    """A recursive network over binary trees (rvnn, su-rvnn, mv-rnn or rntn)."""

    def __init__(self, spec: TreeSpec, seed: int = 0):
        self.spec = spec
        self.layout = ParameterLayout(shapes(spec))
        self.flat = np.zeros(self.layout.size, dtype=spec.dtype)
        self.params = self.layout.views(self.flat)
        initialise(spec, self.params, np.random.default_rng(seed))
        self._pair_index = {pair: k for k, pair in enumerate(spec.untied_pairs)}

    # ----- preparing -------------------------------------------------------------------------
    def prepare(self, trees, vocabulary=None) -> TreeBatch:
        """Trees in any accepted form as one TreeBatch: a TreeBatch, a FlatTree, a DiGraph,
        bracketed text, or a sequence of them (see flatten for `vocabulary`)."""
        if isinstance(trees, TreeBatch):
            batch = trees
        else:
            if isinstance(trees, FlatTree | nx.DiGraph | str):
                trees = [trees]
            if not isinstance(trees, Sequence):
                raise InputError(
                    "trees must be a tree (DiGraph, bracketed text, FlatTree) or a list of them"
                )
            batch = TreeBatch.join(
                [t if isinstance(t, FlatTree) else flatten(t, vocabulary) for t in trees]
            )
        bad = np.flatnonzero(
            (batch.left < 0) & ((batch.word < 0) | (batch.word >= self.spec.vocab_size))
        )
        if bad.size:
            b, n = self._where(batch, bad[0])
            raise InputError(
                f"word id {batch.word[bad[0]]} of tree {b}, node {n} is outside the vocabulary "
                f"(0 to {self.spec.vocab_size - 1})"
            )
        return batch

    def _labels(self, batch: TreeBatch, y, lengths) -> np.ndarray:
        sizes = np.diff(batch.starts)
        if lengths is not None:
            lengths = np.asarray(lengths)
            if lengths.shape != sizes.shape or not np.array_equal(lengths, sizes):
                raise InputError(
                    f"lengths {lengths.tolist()} do not match the trees' node counts "
                    f"{sizes.tolist()}"
                )
        if y is None:
            labels = batch.label
        else:
            y = np.asarray(y)
            if y.ndim != 2 or y.shape[0] != len(batch) or y.shape[1] < sizes.max():
                raise InputError(
                    f"y has shape {y.shape}; expected one label per node, (trees, nodes) = "
                    f"({len(batch)}, >= {sizes.max()}), -1 where a node has none"
                )
            if y.dtype.kind not in "iu":
                raise InputError(f"y must hold whole-number class ids; got {y.dtype}")
            labels = np.concatenate([y[b, :size] for b, size in enumerate(sizes)]).astype(np.int64)
        bad = np.flatnonzero((labels < -1) | (labels >= self.spec.output_size))
        if bad.size:
            b, n = self._where(batch, bad[0])
            raise InputError(
                f"label {labels[bad[0]]} of tree {b}, node {n} is not a class: 0 to "
                f"{self.spec.output_size - 1}, or -1 for none"
            )
        return labels

    @staticmethod
    def _where(batch: TreeBatch, row: int) -> tuple[int, int]:
        b = int(np.searchsorted(batch.starts, row, side="right") - 1)
        return b, int(row - batch.starts[b])

    def pair_indices(self, batch: TreeBatch) -> np.ndarray:
        """su-rvnn: the untied pair each node of `batch` uses (-1: the shared W alone)."""
        if self.spec.model != "su-rvnn" or not self._pair_index:
            return np.full(batch.size, -1, np.int64)
        index = self._pair_index
        return np.array(
            [index.get(p, -1) for tree in batch.trees for p in tree.pairs], dtype=np.int64
        )

    # ----- running ---------------------------------------------------------------------------
    @engine_threads
    def run(self, trees, y=None, lengths=None, vocabulary=None, backward=True) -> TreeTrace:
        """Run the network bottom-up over `trees`; when any node has a label, also compute the
        loss and, unless backward=False, back-propagate through structure, filling every
        gradient.

        Labels come from the trees (their nodes' `label`), or from `y`: (trees, nodes) class ids
        in each tree's bottom-up order, -1 for none (what TreeDataset.batch gives). `lengths`,
        when given, must be the trees' node counts (a check)."""
        batch = self.prepare(trees, vocabulary)
        labels = self._labels(batch, y, lengths)
        trace = self._forward(batch, labels)
        if trace.loss is not None and backward:
            self._backward(trace)
        return trace

    def _forward(self, batch: TreeBatch, labels: np.ndarray) -> TreeTrace:
        spec, p = self.spec, self.params
        N, d, dtype = batch.size, spec.dim, spec.dtype
        activation = ACTIVATION_CODES[spec.activation]
        inputs = np.zeros((N, 2 * d), dtype)
        pre = np.zeros((N, d), dtype)
        vectors = np.empty((N, d), dtype)
        pair = self.pair_indices(batch)
        matrices = tensor_term = slopes = None
        if spec.model in ("rvnn", "su-rvnn"):
            untied_w = p.get("untied.weight", np.zeros((0, d, 2 * d), dtype))
            untied_b = p.get("untied.bias", np.zeros((0, d), dtype))
            rvnn_forward(
                batch.left,
                batch.right,
                batch.word,
                pair,
                activation,
                p["embedding.weight"],
                p["compose.weight"],
                p["compose.bias"],
                untied_w,
                untied_b,
                inputs,
                pre,
                vectors,
            )
        elif spec.model == "rntn":
            tensor = p["tensor.weight"]
            symmetric = np.add(tensor, tensor.transpose(0, 2, 1))  # S_i = V_i + V_i^T
            tensor_term = np.zeros((N, d), dtype)
            slopes = np.empty((N, d, 2 * d), dtype)
            rntn_forward(
                batch.left,
                batch.right,
                batch.word,
                batch.height,
                activation,
                p["embedding.weight"],
                p["compose.weight"],
                p["compose.bias"],
                symmetric,
                inputs,
                pre,
                tensor_term,
                slopes,
                vectors,
                np.empty((N, 2 * d), dtype),
            )
        else:
            matrices = np.empty((N, d, d), dtype)
            mvrnn_forward(
                batch.left,
                batch.right,
                batch.word,
                activation,
                p["embedding.weight"],
                p["word_matrix.weight"],
                p["compose.weight"],
                p["compose.bias"],
                p["compose_matrix.weight"],
                inputs,
                pre,
                vectors,
                matrices,
            )
        logits = vectors @ p["output.weight"].T
        logits += p["output.bias"]
        labelled = labels >= 0
        count = int(labelled.sum())
        weight = np.where(labelled, 1.0 / len(batch), 0.0).astype(dtype)
        probabilities = np.empty_like(logits)
        node_losses = np.zeros(N, dtype)
        grad_logits = np.empty_like(logits)
        softmax_cross_entropy(
            logits, np.maximum(labels, 0), weight, probabilities, node_losses, grad_logits
        )
        trace = TreeTrace(
            spec=spec,
            batch=batch,
            pair=pair,
            node_labels=labels,
            inputs=inputs,
            pre_activation=pre,
            vectors=vectors,
            matrices=matrices,
            tensor_term=tensor_term,
            tensor_slopes=slopes,
            logits=logits,
            probabilities=probabilities,
            node_losses=node_losses,
        )
        if count:  # L = (1/B) sum over the labelled nodes of -log p_n[label]
            trace.loss = float(node_losses.sum() / len(batch))
            trace.grad_logits = grad_logits
        return trace

    def _backward(self, trace: TreeTrace) -> None:
        """Back-propagation through structure, from every node's classifier down to the words."""
        spec, p = self.spec, self.params
        batch = trace.batch
        activation = ACTIVATION_CODES[spec.activation]
        grad_flat = np.empty_like(self.flat)  # the kernels overwrite all but these:
        grads = self.layout.views(grad_flat)
        for name in ACCUMULATED.intersection(grads):
            grads[name][...] = 0.0
        grad_logits = trace.grad_logits
        np.dot(grad_logits.T, trace.vectors, out=grads["output.weight"])
        grads["output.bias"][...] = grad_logits.sum(axis=0)
        grad_out = grad_logits @ p["output.weight"]  # g_n = W_s^T dL/dlogits_n
        grad_vectors = np.empty_like(trace.vectors)
        deltas = np.zeros_like(trace.pre_activation)
        if spec.model in ("rvnn", "su-rvnn"):
            d = spec.dim
            rvnn_backward(
                batch.left,
                batch.right,
                batch.word,
                trace.pair,
                activation,
                p["compose.weight"],
                p.get("untied.weight", np.zeros((0, d, 2 * d), spec.dtype)),
                trace.inputs,
                trace.pre_activation,
                grad_out,
                grad_vectors,
                deltas,
                grads["embedding.weight"],
                grads["compose.weight"],
                grads["compose.bias"],
                grads.get("untied.weight", np.zeros((0, d, 2 * d), spec.dtype)),
                grads.get("untied.bias", np.zeros((0, d), spec.dtype)),
            )
        elif spec.model == "rntn":
            rntn_backward(
                batch.left,
                batch.right,
                batch.word,
                activation,
                p["compose.weight"],
                trace.inputs,
                trace.pre_activation,
                trace.tensor_slopes,
                grad_out,
                grad_vectors,
                deltas,
                grads["embedding.weight"],
                grads["compose.weight"],
                grads["compose.bias"],
                grads["tensor.weight"],
            )
        else:
            trace.grad_matrices = np.empty_like(trace.matrices)
            mvrnn_backward(
                batch.left,
                batch.right,
                batch.word,
                activation,
                p["compose.weight"],
                p["compose_matrix.weight"],
                trace.inputs,
                trace.pre_activation,
                trace.vectors,
                trace.matrices,
                grad_out,
                grad_vectors,
                trace.grad_matrices,
                deltas,
                grads["embedding.weight"],
                grads["word_matrix.weight"],
                grads["compose.weight"],
                grads["compose.bias"],
                grads["compose_matrix.weight"],
            )
        trace.grad_vectors = grad_vectors
        trace.deltas = deltas
        trace.grads = grads
        trace.grad_flat = grad_flat
