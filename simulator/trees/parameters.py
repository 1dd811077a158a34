"""The tree models' parameters: their initial values, and what each model costs in parameters
(their names and shapes: shapes() in simulator.trees.spec)."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np

from .spec import MODELS, TreeSpec, shapes

WORD_SCALE = 0.3


def initialise(spec: TreeSpec, params: dict[str, np.ndarray], rng: np.random.Generator) -> None:
    """Word vectors N(0, 0.3^2): about as large as phrase vectors, which tanh keeps inside
    (-1, 1) (with N(0, 1) the rntn's quadratic term starts large and it trained worse here);
    W, b ~ U(-1/sqrt(2d), 1/sqrt(2d))
    (PyTorch's rule for a layer reading 2d inputs); untied W_ab, b_ab = 0 (every pair starts as
    the shared W and unties as it trains); the tensor V ~ U(-1/(2d), 1/(2d)), so the tensor term
    starts about as large as W [c1; c2]; mv-rnn word matrices I + N(0, 0.01^2) and
    W_M = [I I] / 2 + U(-0.01, 0.01), so a phrase's matrix starts near the mean of its children's
    (Socher et al. 2012 start from the identity); the classifier ~ U(-1/sqrt(d), 1/sqrt(d))."""
    d = spec.dim
    bound = 1.0 / math.sqrt(2 * d)
    for name, view in params.items():
        if name == "embedding.weight":
            view[...] = WORD_SCALE * rng.standard_normal(view.shape)
        elif name.startswith("compose."):
            view[...] = rng.uniform(-bound, bound, view.shape)
        elif name.startswith("untied."):
            view[...] = 0.0
        elif name == "tensor.weight":
            view[...] = rng.uniform(-1.0, 1.0, view.shape) / (2 * d)
        elif name == "word_matrix.weight":
            view[...] = np.eye(d) + 0.01 * rng.standard_normal(view.shape)
        elif name == "compose_matrix.weight":
            view[...] = 0.5 * np.hstack([np.eye(d), np.eye(d)])
            view += rng.uniform(-0.01, 0.01, view.shape)
        else:  # output.weight, output.bias
            view[...] = rng.uniform(-1.0, 1.0, view.shape) / math.sqrt(d)


def parameter_counts(
    vocab_size: int, dim: int, output_size: int, untied_pairs: int = 0
) -> dict[str, int]:
    """How many parameters each model needs for one vocabulary, size and class count: the notes'
    objection to the mv-rnn (a d x d matrix for every word) in numbers. Not limited by
    MAX_PARAMETERS, so a realistic vocabulary can be shown."""
    counts = {}
    for model in MODELS:
        fields = SimpleNamespace(
            model=model,
            vocab_size=vocab_size,
            dim=dim,
            output_size=output_size,
            untied_pairs=("A B",) * untied_pairs,
        )
        counts[model] = sum(math.prod(shape) for shape in shapes(fields).values())
    return counts
