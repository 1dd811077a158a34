"""EncoderDecoderTrace: the full record of one encoder-decoder run on a batch of sentence pairs.

Plain arrays, batch first. The encoder's and decoder's layers are DirectionTraces exactly like a
Network's (hidden states, gates, cell states, pre-activations and, after the backward pass, every
dL/dh_t, dL/dc_t); with input feeding the decoder's per-layer arrays are views of time-major
arrays (index them [b, t] all the same). Attention arrays are (B, target step, source step):
row t is the attention distribution the decoder used at target step t.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..trace import DirectionTrace
from .spec import EncoderDecoderSpec


@dataclass
class AttentionTrace:
    """What the attention computed at every target step (see kernels/attention.py)."""

    score: str  # additive, dot, scaled_dot, bilinear
    keys: np.ndarray  # (B, S, P) the query-independent part: W x_n, W^T x_n or x_n
    queries: np.ndarray  # (B, T, Q) q_t: s_t (context at the output) or s_{t-1} (input feeding)
    scores: np.ndarray  # (B, T, S) s(x_n, q_t); 0 on padding
    weights: np.ndarray  # (B, T, S) alpha_tn, sums to 1 over the real source positions
    contexts: np.ndarray  # (B, T, M) c_t = sum_n alpha_tn x_n
    query_proj: np.ndarray  # (B, T, A) U q_t (additive; width 0 otherwise)
    hidden: np.ndarray  # (B, T, S, A) tanh(W x_n + U q_t) (additive; width 0 otherwise)
    # Filled by the backward pass:
    grad_scores: np.ndarray | None = None  # (B, T, S) dL/ds
    grad_contexts: np.ndarray | None = None  # (B, T, M) dL/dc_t (every path)
    grad_queries: np.ndarray | None = None  # (B, T, Q) dL/dq_t through the attention


@dataclass
class EncoderDecoderTrace:
    spec: EncoderDecoderSpec
    source: np.ndarray  # (B, S) source token ids
    source_lengths: np.ndarray  # (B,)
    decoder_inputs: np.ndarray  # (B, T) <bos>, y_1, ..., y_{T-1}: what each step reads
    target_lengths: np.ndarray  # (B,) target steps, the <eos> included
    source_embedded: np.ndarray  # (B, S, source_embedding_dim)
    encoder: list[list[DirectionTrace]]  # [layer][direction]
    memory: np.ndarray  # (B, S, M) the encoder's top layer, both directions: what attention reads
    initial_hidden: np.ndarray  # (decoder_layers, B, H) the decoder's start, from the bridge
    initial_cell: np.ndarray  # (decoder_layers, B, H) (zeros unless the decoder is an LSTM)
    bridge_pre: list[np.ndarray | None]  # per decoder layer W [h_fwd; h_bwd] + b (learned bridge)
    target_embedded: np.ndarray  # (B, T, target_embedding_dim)
    decoder: list[list[DirectionTrace]]  # [layer][0]
    attention: AttentionTrace | None
    features: np.ndarray  # (B, T, F) what the output layer read: s_t or [s_t; c_t]
    logits: np.ndarray | None  # (B, T, V), computed with the loss
    probabilities: np.ndarray | None  # (B, T, V) softmax of the logits
    targets: np.ndarray | None = None  # (B, T) y_1, ..., <eos>
    step_losses: np.ndarray | None = None  # (B, T) -log p(y_t | y_<t, X); 0 on padding
    loss: float | None = None  # (1/B) sum_b sum_t L_bt
    grads: dict[str, np.ndarray] = field(default_factory=dict)  # keyed like state_dict()
    grad_flat: np.ndarray | None = None
    grad_logits: np.ndarray | None = None
    grad_features: np.ndarray | None = None
    grad_memory: np.ndarray | None = None  # (B, S, M) dL/d(encoder outputs), through attention
    grad_initial_hidden: np.ndarray | None = None  # (decoder_layers, B, H) into the bridge
    grad_initial_cell: np.ndarray | None = None
    grad_target_embedded: np.ndarray | None = None  # (B, T, target_embedding_dim)
    grad_source_embedded: np.ndarray | None = None  # (B, S, source_embedding_dim)
    time_major: dict | None = None  # input feeding: the kernels' own (L, T, B, ...) arrays

    # ----- what the Trainer and the views read --------------------------------------------
    @property
    def lengths(self) -> np.ndarray:
        """Target lengths: the steps that carry a loss (as Trace.lengths does for seq2seq)."""
        return self.target_lengths

    @property
    def batch_size(self) -> int:
        return self.source_lengths.shape[0]

    @property
    def steps(self) -> int:
        """Target steps (padded)."""
        return self.decoder_inputs.shape[1]

    @property
    def source_steps(self) -> int:
        return self.source.shape[1]

    @property
    def has_gradients(self) -> bool:
        return self.grad_flat is not None

    @property
    def outputs(self) -> np.ndarray:
        return self.probabilities

    def predictions(self) -> np.ndarray:
        """Most likely target token per step (B, T), reading the given previous tokens."""
        return np.argmax(self.probabilities, axis=-1)

    def log_probabilities(self) -> np.ndarray:
        """(B, T) log p(y_t | y_<t, X) of the targets; 0 on padding."""
        if self.step_losses is None:
            raise ValueError("this trace has no targets")
        return -self.step_losses

    def attention_weights(self, example: int = 0) -> np.ndarray:
        """(target length, source length) alpha of one example, without padding."""
        if self.attention is None:
            raise ValueError("this network has no attention")
        t, s = int(self.target_lengths[example]), int(self.source_lengths[example])
        return self.attention.weights[example, :t, :s]
