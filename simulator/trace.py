"""Trace: the full record of one run of a network on a batch of examples.

Plain arrays, batch first, indexed by position in the sentence: (B, T, ...). Both directions of
a bidirectional layer are stored by position, so index t means the same token in each. Padded
positions (t >= lengths[b]) hold zeros.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .spec import NetworkSpec

# The names of each gated cell's blocks of rows, in PyTorch's order (see the glossary).
GATE_NAMES = {"lstm": ("i", "f", "candidate", "o"), "gru": ("r", "z", "candidate")}


@dataclass
class DirectionTrace:
    """One layer read in one direction: what its forward pass computed and, after the backward
    pass, the gradients that reached it."""

    layer: int
    direction: int  # 0 reads the sentence forward, 1 reads it in reverse
    cell: str
    gru_textbook: bool
    inputs: np.ndarray  # (B, T, D) what the layer read
    pre_input: np.ndarray  # (B, T, G*H) W x_t + b_ih
    pre_hidden: np.ndarray | None  # (B, T, G*H) U h_{t-1} + b_hh (gru: n rows as the variant says)
    gate_values: np.ndarray | None  # (B, T, G*H) gates after their activation (lstm, gru)
    cell_state: np.ndarray | None  # (B, T, H) lstm c_t
    hidden: np.ndarray  # (B, T, H) h_t
    initial_hidden: np.ndarray  # (B, H)
    initial_cell: np.ndarray | None
    final_hidden: np.ndarray  # (B, H) state after each sequence's last step (PyTorch's h_n)
    final_cell: np.ndarray | None
    edits: object | None = None  # interventions.Edits: what was set by hand here, None if nothing
    # Filled by the backward pass:
    grad_hidden: np.ndarray | None = None  # (B, T, H) total dL/dh_t
    grad_cell: np.ndarray | None = None  # (B, T, H) total dL/dc_t (lstm)
    grad_pre_input: np.ndarray | None = None  # (B, T, G*H) dL/d(W x_t + b_ih)
    grad_pre_hidden: np.ndarray | None = None  # (B, T, G*H) dL/d(pre_hidden) (gru)
    grad_initial_hidden: np.ndarray | None = None
    grad_initial_cell: np.ndarray | None = None

    @property
    def hidden_size(self) -> int:
        return self.hidden.shape[2]

    @property
    def gates(self) -> dict[str, np.ndarray]:
        """Gate name -> (B, T, H) view: lstm i, f, candidate, o; gru r, z, candidate."""
        if self.gate_values is None:
            return {}
        H = self.hidden_size
        names = GATE_NAMES[self.cell]
        return {name: self.gate_values[:, :, k * H : (k + 1) * H] for k, name in enumerate(names)}

    @property
    def pre_activation(self) -> np.ndarray:
        """(B, T, G*H) what each activation function was applied to."""
        if self.pre_hidden is None:
            return self.pre_input
        if self.cell == "gru" and not self.gru_textbook:
            H = self.hidden_size
            out = self.pre_input + self.pre_hidden
            reset = self.gate_values[:, :, :H]
            out[:, :, 2 * H :] = (
                self.pre_input[:, :, 2 * H :] + reset * self.pre_hidden[:, :, 2 * H :]
            )
            return out
        return self.pre_input + self.pre_hidden


@dataclass
class Trace:
    spec: NetworkSpec
    inputs: np.ndarray  # (B, T, input_size) floats, or (B, T) token ids
    lengths: np.ndarray  # (B,) valid steps of each example
    embedded: np.ndarray | None  # (B, T, embedding_dim) for token inputs
    layers: list[list[DirectionTrace]]  # [layer][direction]
    features: np.ndarray  # what the output layer read: (B, T, F) seq2seq, (B, F) seq2class
    logits: np.ndarray  # (B, T, O) or (B, O)
    probabilities: np.ndarray | None  # softmax of the logits (cross-entropy), else None
    interventions: tuple = ()  # what the person set by hand in this run (interventions.py)
    targets: np.ndarray | None = None
    step_losses: np.ndarray | None = None  # (B, T); seq2class puts its loss at the last step
    loss: float | None = None  # (1/B) sum_b sum_t L_bt
    grads: dict[str, np.ndarray] = field(default_factory=dict)  # keyed like state_dict()
    grad_flat: np.ndarray | None = None  # every gradient in one vector (views above point in)
    grad_logits: np.ndarray | None = None
    grad_features: np.ndarray | None = None
    grad_top: np.ndarray | None = None  # (B, T, F) dL/d(top layer's outputs) from the output layer
    grad_inputs: np.ndarray | None = None  # (B, T, D) dL/dx_t of the first layer's inputs

    @property
    def batch_size(self) -> int:
        return self.lengths.shape[0]

    @property
    def steps(self) -> int:
        return self.layers[0][0].hidden.shape[1]

    @property
    def has_gradients(self) -> bool:
        return self.grad_flat is not None

    def direction(self, layer: int, direction: int = 0) -> DirectionTrace:
        return self.layers[layer][direction]

    @property
    def outputs(self) -> np.ndarray:
        """What the network predicts: class probabilities, or the regression outputs."""
        return self.probabilities if self.probabilities is not None else self.logits

    def final_state(self) -> tuple[np.ndarray, np.ndarray | None]:
        """(h_n, c_n) stacked like PyTorch's, (num_layers * directions, B, H); c_n None unless
        the cell is an LSTM."""
        rows = [d for layer in self.layers for d in layer]
        h_n = np.stack([d.final_hidden for d in rows])
        c_n = np.stack([d.final_cell for d in rows]) if rows[0].final_cell is not None else None
        return h_n, c_n

    def predictions(self) -> np.ndarray:
        """Most likely class per step (seq2seq, (B, T)) or per example (seq2class, (B,))."""
        return np.argmax(self.outputs, axis=-1)
