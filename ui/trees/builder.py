"""TreeBuilder: the recursive network's spec as a form: which of the notes' models composes the
phrases (rvnn, su-rvnn, mv-rnn, rntn), the vectors' size and the activation."""

from __future__ import annotations

from ..kinds.spec_form import SpecField, SpecForm
from ..translation_marks import QT_TRANSLATE_NOOP

FIELDS = (
    SpecField(
        "model",
        "choice",
        QT_TRANSLATE_NOOP("SpecForm", "model"),
        QT_TRANSLATE_NOOP(
            "SpecForm",
            "rvnn p = f(W [c1; c2] + b); su-rvnn: a W_ab per pair of children's categories; "
            "mv-rnn: a vector and a matrix per node; rntn: a tensor term [c1; c2]ᵀ V [c1; c2]",
        ),
        ("rvnn", "su-rvnn", "mv-rnn", "rntn"),
    ),
    SpecField(
        "dim",
        "int",
        QT_TRANSLATE_NOOP("SpecForm", "vector size d"),
        QT_TRANSLATE_NOOP("SpecForm", "the size of every word and phrase vector"),
    ),
    SpecField(
        "activation",
        "choice",
        QT_TRANSLATE_NOOP("SpecForm", "activation f"),
        QT_TRANSLATE_NOOP("SpecForm", "the composition's nonlinearity"),
        ("tanh", "relu", "sigmoid", "identity"),
    ),
    SpecField(
        "dtype",
        "choice",
        QT_TRANSLATE_NOOP("SpecForm", "precision"),
        QT_TRANSLATE_NOOP("SpecForm", "float64 (exact) or float32"),
        ("float64", "float32"),
    ),
)


class TreeBuilder(SpecForm):
    def __init__(self, session, parent=None):
        super().__init__(session, FIELDS, parent)
