"""EncoderDecoderBuilder: the encoder-decoder's spec as a form: cells and sizes of the encoder
and the decoder, the bridge, and the attention: its score function (switch it and watch the heat map
and the playground) and where the context enters."""

from __future__ import annotations

from ..kinds.spec_form import SpecField, SpecForm
from ..translation_marks import QT_TRANSLATE_NOOP

CELLS = ("rnn", "gru", "lstm")


def _attends(spec) -> bool:
    return spec.attention != "none"


FIELDS = (
    SpecField(
        "attention",
        "choice",
        QT_TRANSLATE_NOOP("SpecForm", "score function"),
        QT_TRANSLATE_NOOP(
            "SpecForm",
            "additive vᵀ tanh(W x + U q), dot xᵀ q, scaled dot xᵀ q / √d, bilinear xᵀ W q; none: "
            "the decoder sees the source only through its initial state",
        ),
        ("none", "additive", "dot", "scaled_dot", "bilinear"),
    ),
    SpecField(
        "context",
        "choice",
        QT_TRANSLATE_NOOP("SpecForm", "context enters"),
        QT_TRANSLATE_NOOP(
            "SpecForm",
            "output (Luong): the query is s_t, the output reads [s_t; c_t]; input (Bahdanau): "
            "the query is s_{t-1} and the decoder also reads c_t",
        ),
        ("output", "input"),
        _attends,
    ),
    SpecField(
        "attention_size",
        "int",
        QT_TRANSLATE_NOOP("SpecForm", "attention size"),
        QT_TRANSLATE_NOOP("SpecForm", "rows of W and U in the additive score"),
        applies=lambda spec: spec.attention == "additive",
    ),
    SpecField(
        "encoder_cell",
        "choice",
        QT_TRANSLATE_NOOP("SpecForm", "encoder cell"),
        QT_TRANSLATE_NOOP("SpecForm", "the encoder's recurrent cell"),
        CELLS,
    ),
    SpecField(
        "encoder_hidden_size",
        "int",
        QT_TRANSLATE_NOOP("SpecForm", "encoder hidden size"),
        QT_TRANSLATE_NOOP("SpecForm", "units in each encoder layer and direction"),
    ),
    SpecField(
        "encoder_layers",
        "int",
        QT_TRANSLATE_NOOP("SpecForm", "encoder layers"),
        QT_TRANSLATE_NOOP("SpecForm", "stacked encoder layers"),
    ),
    SpecField(
        "bidirectional",
        "bool",
        QT_TRANSLATE_NOOP("SpecForm", "bidirectional encoder"),
        QT_TRANSLATE_NOOP("SpecForm", "a second direction reads the source backwards"),
    ),
    SpecField(
        "decoder_cell",
        "choice",
        QT_TRANSLATE_NOOP("SpecForm", "decoder cell"),
        QT_TRANSLATE_NOOP("SpecForm", "the decoder's recurrent cell"),
        CELLS,
    ),
    SpecField(
        "decoder_hidden_size",
        "int",
        QT_TRANSLATE_NOOP("SpecForm", "decoder hidden size"),
        QT_TRANSLATE_NOOP("SpecForm", "units in each decoder layer"),
    ),
    SpecField(
        "decoder_layers",
        "int",
        QT_TRANSLATE_NOOP("SpecForm", "decoder layers"),
        QT_TRANSLATE_NOOP("SpecForm", "stacked decoder layers"),
    ),
    SpecField(
        "bridge",
        "choice",
        QT_TRANSLATE_NOOP("SpecForm", "bridge"),
        QT_TRANSLATE_NOOP(
            "SpecForm",
            "the decoder's initial state: copied or learned from the encoder's last state "
            "(auto), always learned, or zeros (attention only)",
        ),
        ("auto", "learned", "zeros"),
    ),
    SpecField(
        "source_embedding_dim",
        "int",
        QT_TRANSLATE_NOOP("SpecForm", "source embedding size"),
        QT_TRANSLATE_NOOP("SpecForm", "width of each source token's vector"),
    ),
    SpecField(
        "target_embedding_dim",
        "int",
        QT_TRANSLATE_NOOP("SpecForm", "target embedding size"),
        QT_TRANSLATE_NOOP("SpecForm", "width of each target token's vector"),
    ),
    SpecField(
        "dtype",
        "choice",
        QT_TRANSLATE_NOOP("SpecForm", "precision"),
        QT_TRANSLATE_NOOP("SpecForm", "float64 (exact) or float32"),
        ("float64", "float32"),
    ),
)


class EncoderDecoderBuilder(SpecForm):
    def __init__(self, session, parent=None):
        super().__init__(session, FIELDS, parent)
