"""TreeSpec: a recursive network over binary parse trees, validated on creation, JSON round trip.

Every model reads word vectors at the leaves (p = L[w], a row of `embedding.weight`), composes
two children c1, c2 into their parent bottom-up, and classifies every node with a softmax
(phrase-level labels, as in the Stanford Sentiment Treebank):

    rvnn      p = f(W [c1; c2] + b)                     one W for every node (the notes' standard
                                                          recursive network: it cannot tell parts
                                                          of speech apart)
    su-rvnn   p = f((W + W_ab) [c1; c2] + b + b_ab)     syntactically untied: an extra W_ab for
                                                          each pair (a, b) of children's categories
                                                          in `untied_pairs`; other pairs use W alone
    mv-rnn    p = f(W [B a; A b] + b),  P = W_M [A; B]  every word and phrase is a vector and a
                                                          matrix (Socher et al. 2012)
    rntn      p = f([c1; c2]^T V^[1:d] [c1; c2] + W [c1; c2] + b)    a tensor V (Socher 2013)

    y_n = softmax(W_s p_n + b_s) at every node n; L = (1/B) sum_trees sum_labelled n -log y_n[t_n]
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

from ..errors import SpecError
from ..fields import MAX_PARAMETERS, JsonFields, check_choice, check_int, check_parameter_count
from ..spec import ACTIVATIONS, DTYPES

MODELS = ("rvnn", "su-rvnn", "mv-rnn", "rntn")
__all__ = ["MAX_PARAMETERS", "MODELS", "TreeSpec"]

_LIMITS = {"vocab_size": (1, 1_000_000), "dim": (1, 1024), "output_size": (2, 10_000)}


@dataclass(frozen=True)
class TreeSpec(JsonFields):
    """Fields one model does not use (`untied_pairs` outside su-rvnn) are kept but ignored, so
    switching the model back and forth loses nothing.

    `untied_pairs` lists the children's category pairs that get their own W, each as
    "LEFT RIGHT" (for example "DT NN"); a task fills it in with the pairs of its training trees.
    """

    model: str = "rvnn"
    vocab_size: int = 2
    dim: int = 8
    activation: str = "tanh"
    output_size: int = 5
    untied_pairs: tuple[str, ...] = ()
    dtype: str = "float64"

    SECTION: ClassVar[str] = "tree network"

    def __post_init__(self):
        check_choice("model", self.model, MODELS)
        check_choice("activation", self.activation, ACTIVATIONS)
        check_choice("dtype", self.dtype, DTYPES)
        for name in ("vocab_size", "dim", "output_size"):
            _check_int(name, getattr(self, name))
        pairs = self.untied_pairs
        if isinstance(pairs, list):
            pairs = tuple(pairs)
            object.__setattr__(self, "untied_pairs", pairs)
        if not isinstance(pairs, tuple):
            raise SpecError("untied_pairs", pairs, 'a list of "LEFT RIGHT" category pairs')
        seen = set()
        for pair in pairs:
            if (
                not isinstance(pair, str)
                or len(pair.split()) != 2
                or pair != " ".join(pair.split())
            ):
                raise SpecError(
                    "untied_pairs", pair, 'each pair is two categories and one space: "DT NN"'
                )
            if pair in seen:
                raise SpecError("untied_pairs", pair, "each pair once")
            seen.add(pair)
        check_parameter_count(
            "dim", self.dim, self.num_parameters, "make dim or the vocabulary smaller"
        )

    @property
    def num_parameters(self) -> int:
        return sum(math.prod(shape) for shape in shapes(self).values())


def shapes(spec: TreeSpec) -> dict[str, tuple[int, ...]]:
    """Every parameter's name and shape, in state_dict order (`spec` may be anything with a
    TreeSpec's fields):

    embedding.weight       (V, d)         L: the word vectors, one row per word
    compose.weight         (d, 2d)        W: [W_left W_right], acting on [c1; c2]
    compose.bias           (d,)           b
    untied.weight          (K, d, 2d)     su-rvnn: W_ab for each of the K untied category pairs
    untied.bias            (K, d)         su-rvnn: b_ab
    word_matrix.weight     (V, d, d)      mv-rnn: every word's matrix
    compose_matrix.weight  (d, 2d)        mv-rnn: W_M, P = W_M [A; B]
    tensor.weight          (d, 2d, 2d)    rntn: V, slice i gives output i (as torch.nn.Bilinear)
    output.weight          (C, d)         W_s: the classifier at every node
    output.bias            (C,)           b_s
    """
    V, d, C = spec.vocab_size, spec.dim, spec.output_size
    out: dict[str, tuple[int, ...]] = {"embedding.weight": (V, d)}
    if spec.model == "mv-rnn":
        out["word_matrix.weight"] = (V, d, d)
    out["compose.weight"] = (d, 2 * d)
    out["compose.bias"] = (d,)
    if spec.model == "su-rvnn":
        K = len(spec.untied_pairs)
        out["untied.weight"] = (K, d, 2 * d)
        out["untied.bias"] = (K, d)
    elif spec.model == "mv-rnn":
        out["compose_matrix.weight"] = (d, 2 * d)
    elif spec.model == "rntn":
        out["tensor.weight"] = (d, 2 * d, 2 * d)
    out["output.weight"] = (C, d)
    out["output.bias"] = (C,)
    return out


def _check_int(field: str, value) -> None:
    check_int(field, value, *_LIMITS[field])
