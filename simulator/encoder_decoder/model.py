"""EncoderDecoder: a EncoderDecoderSpec plus its parameters, run on sentence pairs to give a trace.

Training uses teacher forcing: the decoder reads <bos>, y_1, ..., y_{T-1} and at each step
predicts the next target token; the loss is L = (1/B) sum_b sum_t -log p(y_bt | y_b,<t, X_b),
summed over target steps as in the notes and averaged over the batch. `run` with a target also
back-propagates through the output layer, the decoder, the attention, the bridge and the encoder,
filling every gradient in one flat vector (`trace.grad_flat`) with named views (`trace.grads`),
like Network, so the Trainer trains it unchanged.
"""

from __future__ import annotations

import numpy as np

from ..errors import InputError
from ..kernels.output import output_backward, output_loss
from ..parameters import ParameterLayout, ParameterSet
from ..threads import engine_threads
from . import decoding
from .attention import score_parameters
from .decoder import DecoderRun, decoder_backward, decoder_forward
from .encoder import backward_stack, bridge_backward, bridge_forward, join, run_stack, stack_spec
from .inputs import PairBatch, prepare
from .kernels.embedding import embedding_backward
from .parameters import initialise
from .spec import EncoderDecoderSpec, shapes
from .trace import EncoderDecoderTrace


class EncoderDecoder(ParameterSet):
    """The notes' asynchronous sequence to sequence model (machine translation). Parameters
    (state_dict, load_state_dict) are named encoder.*, bridge.*, decoder.*, attention.*,
    output.* (see parameters.py)."""

    def __init__(self, spec: EncoderDecoderSpec, seed: int = 0):
        self.spec = spec
        self.layout = ParameterLayout(shapes(spec))
        self.flat = np.zeros(self.layout.size, dtype=spec.dtype)
        self.params = self.layout.views(self.flat)
        initialise(spec, self.params, np.random.default_rng(seed))
        self.encoder_spec = stack_spec(spec, "encoder")
        self._score = None

    # ----- running ---------------------------------------------------------------------------
    @engine_threads
    def run(
        self, source, target=None, source_lengths=None, target_lengths=None, backward=True
    ) -> EncoderDecoderTrace:
        """Encode `source` (B, S) ids; with `target` (B, T) ids (y_1, ..., <eos>) also decode
        under teacher forcing, compute the loss and, unless backward=False, every gradient.

        Lengths are two arrays, or one (B, 2) array of (source, target) lengths as
        ParallelDataset.batch gives them (so Trainer's run(x, y, lengths) works)."""
        batch = prepare(self.spec, source, target, source_lengths, target_lengths)
        if batch.target is None:
            raise InputError("run needs a target; to let the model write one use greedy or beam")
        steps = batch.source.shape[1] + batch.decoder_inputs.shape[1]
        engine_threads.share(batch.source.shape[0] * self.step_work, steps)
        trace = self._forward(batch)
        self._loss(trace, batch.target)
        if backward:
            self._backward(trace)
        return trace

    @engine_threads
    def greedy(self, source, source_lengths=None, max_length: int | None = None):
        """Write each target by choosing the likeliest token at every step (see decoding.py)."""
        return decoding.greedy(self, source, source_lengths, max_length)

    @engine_threads
    def beam_search(
        self,
        source,
        source_lengths=None,
        beam_width: int = 4,
        length_penalty: float = 1.0,
        max_length: int | None = None,
    ):
        """Write each target by beam search (see decoding.py)."""
        return decoding.beam_search(
            self, source, source_lengths, beam_width, length_penalty, max_length
        )

    # ----- the passes --------------------------------------------------------------------------
    def score(self):
        """The attention's parameters as the kernels take them (None without attention)."""
        spec = self.spec
        if spec.attends and self._score is None:  # views into self.params: made once
            self._score = score_parameters(
                spec.attention, self.params, spec.memory_size, spec.dtype
            )
        return self._score

    def encode(self, source: np.ndarray, source_lengths: np.ndarray):
        """(embedded source, encoder layers, memory, h0, c0, bridge pre-activations)."""
        spec = self.spec
        B = source.shape[0]
        embedded = np.ascontiguousarray(self.params["encoder.embedding.weight"][source])
        rows = spec.encoder_layers * spec.num_directions
        zeros = np.zeros((rows, B, spec.encoder_hidden_size), spec.dtype)
        encoder = run_stack(
            self.encoder_spec, self.params, "encoder", embedded, source_lengths, zeros, zeros
        )
        memory = join(encoder[-1])
        h0, c0, pre = bridge_forward(spec, self.params, encoder, B)
        return embedded, encoder, memory, h0, c0, pre

    def _forward(self, batch: PairBatch) -> EncoderDecoderTrace:
        spec = self.spec
        embedded, encoder, memory, h0, c0, pre = self.encode(batch.source, batch.source_lengths)
        target_embedded = np.ascontiguousarray(
            self.params["decoder.embedding.weight"][batch.decoder_inputs]
        )
        run = decoder_forward(
            spec,
            self.params,
            self.score(),
            target_embedded,
            batch.target_lengths,
            memory,
            batch.source_lengths,
            h0,
            c0,
        )
        features = run.top
        if run.attention is not None:  # [s_t; c_t]
            features = np.concatenate([run.top, run.attention.contexts], axis=2)
        trace = EncoderDecoderTrace(
            spec=spec,
            source=batch.source,
            source_lengths=batch.source_lengths,
            decoder_inputs=batch.decoder_inputs,
            target_lengths=batch.target_lengths,
            source_embedded=embedded,
            encoder=encoder,
            memory=memory,
            initial_hidden=h0,
            initial_cell=c0,
            bridge_pre=pre,
            target_embedded=target_embedded,
            decoder=run.layers,
            attention=run.attention,
            features=features,
            logits=None,  # the output kernel computes them with the loss
            probabilities=None,
            time_major=run.time_major,
        )
        return trace

    def _loss(self, trace: EncoderDecoderTrace, targets: np.ndarray) -> None:
        """Output layer, softmax and cross-entropy of every step, in one kernel."""
        spec = self.spec
        B, T = trace.batch_size, trace.steps
        V, F = spec.target_vocab_size, spec.output_features
        rows = B * T
        logits = np.empty((B, T, V), spec.dtype)
        probs = np.empty((B, T, V), spec.dtype)
        grad = np.empty((B, T, V), spec.dtype)
        losses = np.empty((B, T), spec.dtype)
        total = output_loss(
            trace.features.reshape(rows, F),
            self.params["output.weight"],
            self.params["output.bias"],
            targets.reshape(rows),
            trace.target_lengths,
            logits.reshape(rows, V),
            probs.reshape(rows, V),
            losses.reshape(rows),
            grad.reshape(rows, V),
        )
        trace.logits = logits
        trace.probabilities = probs
        trace.targets = targets
        trace.step_losses = losses
        trace.loss = float(total / B)
        trace.grad_logits = grad

    def _backward(self, trace: EncoderDecoderTrace) -> None:
        """Output layer, decoder and attention, bridge, encoder; embeddings last."""
        spec = self.spec
        grad_flat = np.empty_like(self.flat)  # every kernel writes its gradients whole,
        grads = self.layout.views(grad_flat)  # except the embeddings' row by row
        grads["encoder.embedding.weight"][...] = 0.0
        grads["decoder.embedding.weight"][...] = 0.0
        B, T = trace.batch_size, trace.steps
        F, H = spec.output_features, spec.decoder_hidden_size
        grad_features = np.empty((B, T, F), spec.dtype)
        output_backward(
            trace.features.reshape(B * T, F),
            self.params["output.weight"],
            trace.grad_logits.reshape(B * T, spec.target_vocab_size),
            grads["output.weight"],
            grads["output.bias"],
            grad_features.reshape(B * T, F),
        )
        trace.grad_features = grad_features
        grad_memory = np.zeros(trace.memory.shape, trace.memory.dtype)
        grad_contexts = grad_features[:, :, H:] if spec.attends else None
        grad_target_embedded, grad_h0, grad_c0 = decoder_backward(
            spec,
            self.params,
            grads,
            self.score(),
            DecoderRun(trace.decoder, trace.attention, None, trace.time_major),
            trace.memory,
            trace.source_lengths,
            trace.target_lengths,
            np.ascontiguousarray(grad_features[:, :, :H]),
            grad_contexts,
            grad_memory,
        )
        embedding_backward(
            trace.decoder_inputs,
            trace.target_lengths,
            grad_target_embedded,
            grads["decoder.embedding.weight"],
        )
        grad_h_last, grad_c_last = bridge_backward(
            spec, self.params, grads, trace.encoder, trace.initial_hidden, grad_h0, grad_c0
        )
        grad_source = backward_stack(
            self.encoder_spec,
            self.params,
            grads,
            "encoder",
            trace.encoder,
            trace.source_lengths,
            grad_memory,
            grad_h_last,
            grad_c_last,
        )
        embedding_backward(
            trace.source, trace.source_lengths, grad_source, grads["encoder.embedding.weight"]
        )
        trace.grad_memory = grad_memory
        trace.grad_initial_hidden = grad_h0
        trace.grad_initial_cell = grad_c0
        trace.grad_target_embedded = grad_target_embedded
        trace.grad_source_embedded = grad_source
        trace.grad_flat = grad_flat
        trace.grads = grads
