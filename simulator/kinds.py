"""The three kinds of model a project can hold, told apart from its `network` section alone
(nothing here imports the engine, so the window can sort its examples before Numba loads).

    recurrent        NetworkSpec   rnn, gru, lstm, tdnn; seq2seq, seq2class
    encoder-decoder  EncoderDecoderSpec   "mode": "encoder-decoder"
    tree             TreeSpec      has "model": rvnn, su-rvnn, mv-rnn, rntn
"""

from __future__ import annotations

RECURRENT = "recurrent"
ENCODER_DECODER = "encoder-decoder"
TREE = "tree"
KINDS = (RECURRENT, ENCODER_DECODER, TREE)


def kind_of_network(data: dict) -> str:
    """The kind of model a project file's `network` section describes."""
    if data.get("mode") == ENCODER_DECODER:
        return ENCODER_DECODER
    if "model" in data:
        return TREE
    return RECURRENT
