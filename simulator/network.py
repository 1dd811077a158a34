"""Network: a spec plus its parameters, run on examples to give a Trace."""

from __future__ import annotations

import numpy as np

from . import buffers, cells
from .errors import InputError
from .halves import Halves, halved, units_halved
from .inputs import Batch, prepare
from .interventions import check_all, layer_edits
from .kernels.loss import softmax, squared_error
from .kernels.output import output_backward, output_loss
from .parameters import ParameterLayout, ParameterSet, initialise
from .spec import NetworkSpec, layer_names, shapes
from .threads import engine_threads
from .trace import DirectionTrace, Trace


class Network(ParameterSet):
    """A recurrent network as its spec describes, with parameters named as in PyTorch."""

    def __init__(self, spec: NetworkSpec, seed: int = 0):
        self.spec = spec
        self.layout = ParameterLayout(shapes(spec))
        self.flat = np.zeros(self.layout.size, dtype=spec.dtype)
        self.params = self.layout.views(self.flat)
        initialise(spec, self.params, np.random.default_rng(seed))

    def _weights(self, layer: int, direction: int, source: dict) -> dict[str, np.ndarray]:
        names = layer_names(layer, direction)
        return {role: source[name] for role, name in names.items() if name in source}

    # ----- running ---------------------------------------------------------------------------
    @engine_threads
    def run(self, x, y=None, lengths=None, initial=None, interventions=(), backward=True) -> Trace:
        """Run the network on `x` (see simulator.inputs for shapes). With targets `y` it also
        computes the loss and, unless backward=False, back-propagates through time, filling
        every gradient.

        `initial` is the starting state as PyTorch passes it: h0, or (h0, c0) for an LSTM, each
        (num_layers * directions, B, H); zeros when omitted. `trace.final_state()` gives the
        state to continue from (truncated BPTT, sampling one step at a time).
        `interventions`: ClampGate, ZeroUnit, SetState (simulator.interventions), applied in the
        forward pass and held as constants by BPTT; recorded in `trace.interventions`."""
        batch = prepare(self.spec, x, y, lengths)
        B, steps = batch.inputs.shape[:2]
        chosen = check_all(interventions, self.spec, steps)
        halves = self._halves(B, steps)
        initial_state = self._initial_state(initial, B)
        trace = self._forward(batch, initial_state, chosen, halves)
        if batch.targets is None:
            self._outputs(trace)
        else:  # the output layer, its softmax and the loss in one pass
            self._loss(trace, batch.targets)
            if backward:
                self._backward(trace, trace.grad_logits, halves)
        return trace

    def _halves(self, B: int, steps: int) -> Halves | None:
        """A large batch runs in two halves except in the window (no sharing: its GUI thread
        needs the core), and one long example's units in two halves (halves.py), each on two
        cores when one is free; else a large enough run may take a second BLAS thread
        (threads.py)."""
        spec = self.spec
        cut = halved(B, self.step_work, steps) if engine_threads.sharing else None
        if cut is not None:
            return Halves(cut, parallel=engine_threads.second_core())
        itemsize = np.dtype(spec.dtype).itemsize
        if units_halved(spec.cell, B, spec.hidden_size, itemsize, steps):
            return Halves(None, parallel=engine_threads.second_core())
        engine_threads.share(B * self.step_work, steps)
        return None

    def _initial_state(self, initial, B: int) -> tuple[np.ndarray, np.ndarray]:
        spec = self.spec
        shape = (spec.num_layers * spec.num_directions, B, spec.hidden_size)
        if initial is None:
            return np.zeros(shape, spec.dtype), np.zeros(shape, spec.dtype)
        parts = list(initial) if isinstance(initial, tuple | list) else [initial]
        if len(parts) == 1:
            parts.append(None)
        if len(parts) != 2:
            raise InputError("initial must be h0 or (h0, c0)")
        out = []
        for name, part in zip(("h0", "c0"), parts, strict=True):
            part = np.zeros(shape) if part is None else np.asarray(part)
            if part.shape != shape or part.dtype.kind != "f" or not np.isfinite(part).all():
                raise InputError(
                    f"{name} must be finite floats of shape {shape} "
                    f"(layers * directions, batch, hidden); got {part.shape}"
                )
            out.append(np.ascontiguousarray(part, dtype=spec.dtype))
        return out[0], out[1]

    def _forward(
        self,
        batch: Batch,
        initial: tuple[np.ndarray, np.ndarray],
        interventions: tuple = (),
        halves: Halves | None = None,
    ) -> Trace:
        """Every layer and direction, up to the features the output layer reads; the logits are
        _outputs' or _loss'."""
        spec = self.spec
        steps = batch.inputs.shape[1]
        embedded = None
        if spec.tokens:
            embedded = np.ascontiguousarray(self.params["embedding.weight"][batch.inputs])
            layer_input = embedded
        else:
            layer_input = batch.inputs
        layers: list[list[DirectionTrace]] = []
        h0, c0 = initial
        for layer in range(spec.num_layers):
            first = layer * spec.num_directions
            directions = [
                cells.run_forward(
                    spec,
                    self._weights(layer, d, self.params),
                    layer_input,
                    batch.lengths,
                    layer,
                    d,
                    h0[first + d],
                    c0[first + d],
                    layer_edits(interventions, layer, d, batch.lengths, steps, spec),
                    halves,
                )
                for d in range(spec.num_directions)
            ]
            layers.append(directions)
            layer_input = _join(directions)
        features = self._features(layer_input, layers[-1], batch.lengths)
        return Trace(
            spec=spec,
            inputs=batch.inputs,
            lengths=batch.lengths,
            embedded=embedded,
            layers=layers,
            features=features,
            logits=None,
            probabilities=None,
            interventions=interventions,
        )

    def _outputs(self, trace: Trace) -> None:
        """The output layer's logits and, for classes, their softmax (a run without targets)."""
        trace.logits = trace.features @ self.params["output.weight"].T + self.params["output.bias"]
        if self.spec.loss == "cross_entropy":
            trace.probabilities = np.empty_like(trace.logits)
            O = self.spec.output_size
            softmax(trace.logits.reshape(-1, O), trace.probabilities.reshape(-1, O))

    def _features(
        self, top: np.ndarray, directions: list[DirectionTrace], lengths: np.ndarray
    ) -> np.ndarray:
        """What the output layer reads: every step (seq2seq), or one vector per example."""
        if self.spec.mode == "seq2seq":
            return top
        if self.spec.pooling == "mean":  # the notes' average over time
            mask = (np.arange(top.shape[1])[None, :] < lengths[:, None])[..., None]
            return (top * mask).sum(axis=1) / lengths[:, None]
        # last: the forward direction's last valid state, the reverse direction's state after
        # reading back to position 0 (PyTorch's h_n)
        return np.concatenate([d.final_hidden for d in directions], axis=1)

    def _loss(self, trace: Trace, targets: np.ndarray) -> None:
        """The logits, the loss and dL/dlogits of every row ((example, step) pairs for a tagger,
        one per example otherwise); the kernels write every row, padding's as 0."""
        spec = self.spec
        B, T = trace.batch_size, trace.steps
        O = spec.output_size
        per_step = spec.mode == "seq2seq"
        rows = B * T if per_step else B
        losses = np.empty(rows, spec.dtype)
        grad = np.empty((rows, O), spec.dtype)
        shape = (B, T, O) if per_step else (B, O)
        if spec.loss == "cross_entropy":  # every row's softmax, padding's too
            logits, probs = np.empty((rows, O), spec.dtype), np.empty((rows, O), spec.dtype)
            lengths = trace.lengths if per_step else np.ones(B, np.int64)  # T = 1: every row
            total = output_loss(
                trace.features.reshape(rows, -1),
                self.params["output.weight"],
                self.params["output.bias"],
                targets.reshape(rows),
                lengths,
                logits,
                probs,
                losses,
                grad,
            )
            trace.logits, trace.probabilities = logits.reshape(shape), probs.reshape(shape)
        else:
            self._outputs(trace)
            if per_step:
                valid = np.arange(T)[None, :] < trace.lengths[:, None]
                share = (valid / B).reshape(rows).astype(spec.dtype)
            else:
                share = np.full(rows, 1.0 / B, spec.dtype)
            squared_error(
                trace.logits.reshape(rows, O),
                np.ascontiguousarray(targets.reshape(rows, O)),
                share,
                losses,
                grad,
            )
            total = losses.sum()
        if per_step:
            step_losses = losses.reshape(B, T)
        else:  # one loss per example, known once the last step has been read
            step_losses = np.zeros((B, T), spec.dtype)
            step_losses[np.arange(B), trace.lengths - 1] = losses
        trace.targets = targets
        trace.step_losses = step_losses
        trace.loss = float(total / B)
        trace.grad_logits = grad.reshape(shape)

    def _backward(
        self, trace: Trace, grad_logits: np.ndarray, halves: Halves | None = None
    ) -> None:
        """Back-propagation through the output layer, then every layer and direction, top down."""
        # every gradient is written whole below (the kernels overwrite theirs) except the
        # embedding table's, which sums the steps that used each row: zeros there only
        grad_flat = np.empty_like(self.flat)
        grads = self.layout.views(grad_flat)
        if self.spec.tokens:
            grads["embedding.weight"][...] = 0.0
        g2 = grad_logits.reshape(-1, self.spec.output_size)
        features = trace.features.reshape(g2.shape[0], -1)
        # dL/d(features) into a reused buffer (fresh memory page-faults in: 800 faults at B=32,
        # T=100, H=128)
        grad_features = buffers.empty(features.shape, g2.dtype)
        output_backward(
            features,
            self.params["output.weight"],
            g2,
            grads["output.weight"],
            grads["output.bias"],
            grad_features,
        )
        trace.grad_features = grad_features.reshape(*grad_logits.shape[:-1], -1)
        trace.grad_top = self._grad_top(trace, trace.grad_features)
        trace.grad_inputs = self.backward_layers(trace.layers, trace, trace.grad_top, grads, halves)
        trace.grad_flat = grad_flat
        trace.grads = grads

    def backward_layers(
        self,
        layers: list[list[DirectionTrace]],
        trace: Trace,
        grad_top: np.ndarray,
        grads: dict[str, np.ndarray],
        halves: Halves | None = None,
    ) -> np.ndarray:
        """BPTT through the stack, from dL/d(top layer's outputs) (B, T, directions * H).

        Writes per-step gradients into `layers` and parameter gradients into `grads`; returns
        dL/dx_t of the first layer's inputs (and adds the embedding table's gradient)."""
        spec = self.spec
        H = spec.hidden_size
        zeros = np.zeros((trace.batch_size, H), spec.dtype)
        for layer in reversed(range(spec.num_layers)):
            grad_below = None
            for d, direction in enumerate(layers[layer]):
                grad_out = np.ascontiguousarray(grad_top[:, :, d * H : (d + 1) * H])
                grad_x = cells.run_backward(
                    spec,
                    self._weights(layer, d, self.params),
                    self._weights(layer, d, grads),
                    direction,
                    trace.lengths,
                    grad_out,
                    zeros,
                    zeros,
                    halves,
                )
                grad_below = grad_x if grad_below is None else grad_below + grad_x
            grad_top = grad_below
        if spec.tokens:  # each row of the table gets the gradients of the steps that used it
            valid = np.arange(trace.steps)[None, :] < trace.lengths[:, None]
            np.add.at(grads["embedding.weight"], trace.inputs[valid], grad_top[valid])
        return grad_top

    def _grad_top(self, trace: Trace, grad_features: np.ndarray) -> np.ndarray:
        """dL/d(top layer's outputs) at every position, (B, T, directions * H)."""
        spec = self.spec
        if spec.mode == "seq2seq":
            return np.ascontiguousarray(grad_features)
        B, T = trace.batch_size, trace.steps
        grad = np.zeros((B, T, grad_features.shape[1]), spec.dtype)
        if spec.pooling == "mean":
            for b, length in enumerate(trace.lengths):
                grad[b, :length] = grad_features[b] / length
            return grad
        H = spec.hidden_size
        for b, length in enumerate(trace.lengths):
            grad[b, length - 1, :H] = grad_features[b, :H]
            if spec.bidirectional:
                grad[b, 0, H:] = grad_features[b, H:]
        return grad


def _join(directions: list[DirectionTrace]) -> np.ndarray:
    """A layer's output: its directions' hidden states side by side, (B, T, directions * H)."""
    if len(directions) == 1:
        return directions[0].hidden
    return np.ascontiguousarray(np.concatenate([d.hidden for d in directions], axis=2))
