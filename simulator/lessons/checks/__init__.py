"""Every lesson's check, by the name its lesson file gives: a function of the seed that returns
an Outcome. `SLOW` names the checks that train for tens of seconds (tests mark them slow)."""

from __future__ import annotations

from collections.abc import Callable

from ..outcome import Outcome
from . import exact, gradients, learning, remedies

CHECKS: dict[str, Callable[[int], Outcome]] = {
    "rnn_forward": exact.rnn_forward,
    "stacked": exact.stacked,
    "bptt": exact.bptt,
    "chain_is_rnn": exact.chain_is_rnn,
    "attention_steps": exact.attention_steps,
    "long_range": gradients.long_range,
    "pooling": gradients.pooling,
    "tdnn_window": learning.tdnn_window,
    "segmentation": learning.segmentation,
    "bidirectional": learning.bidirectional,
    "encoder_decoder": learning.encoder_decoder,
    "gru": remedies.gru,
    "rvnn": learning.rvnn,
    "exploding": remedies.exploding,
    "residual": remedies.residual,
    "lstm_adding": remedies.lstm_adding,
    "lstm_memory": remedies.lstm_memory,
    "negation": remedies.negation,
}
SLOW = frozenset(("residual", "gru", "lstm_adding", "lstm_memory", "negation"))
