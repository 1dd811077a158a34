"""EncoderDecoderInspector: the node in focus (the current event's, or the one clicked) with its
equations and this example's numbers: a cell of the encoder or the decoder (its gates, for the
unit chosen), the attention at a decoder step (the score, the softmax and the weighted average:
the notes' two steps), the output and its loss, the bridge. The future stays blank."""

from __future__ import annotations

import numpy as np

from ..equations import Equation, backward_equations, hidden_equations, num
from ..kinds.node_inspector import NodeInspector, columns
from . import equations as eq
from . import known

DIRECTIONS = ("→", "←")
TOP_TOKENS = 8


class EncoderDecoderInspector(NodeInspector):
    def draw(self) -> None:
        session = self.session
        key = self.focus.key or known.event_key(session.stepper.event)
        part = key[0]
        getattr(self, "_" + part)(*key[1:])

    # ----- inputs --------------------------------------------------------------------------------
    def _source(self, n: int) -> None:
        example, trace = self.session.example, self.session.trace
        self.set_units(None)
        token = example.source_tokens[n]
        line = Equation(f"x_{n} = E[{int(example.source_ids[n])}]", f"'{token}'", 0.0)
        note = (
            self.tr(" (not in the vocabulary: read as <unk>)") if example.source_unknown[n] else ""
        )
        self.show_node(
            self.tr("source token x_{0} '{1}'").format(n, token),
            self.tr("Inputs are known from the start.") + note,
            [line],
            self._vector(trace.source_embedded[0, n], self.tr("embedding")),
        )

    def _reads(self, t: int) -> None:
        example, trace = self.session.example, self.session.trace
        self.set_units(None)
        token = example.decoder_tokens[t]
        self.show_node(
            self.tr("decoder input at step {0}: '{1}'").format(t, token),
            self.tr("Teacher forcing: step t reads the target token of step t − 1 (<bos> first)."),
            [],
            self._vector(trace.target_embedded[0, t], self.tr("embedding")),
        )

    def _vector(self, values, name):
        values = np.asarray(values, dtype=np.float64)
        return values[:, None], [name], [str(k) for k in range(len(values))]

    # ----- cells ----------------------------------------------------------------------------
    def _encoder(self, layer: int, direction: int, n: int) -> None:
        arrow = f" {DIRECTIONS[direction]}" if self.session.spec.bidirectional else ""
        token = self.session.example.source_tokens[n]
        title = self.tr("encoder h_{0}, layer {1}{2} '{3}'").format(n, layer, arrow, token)
        self._cell("encoder", (layer, direction, n), layer, direction, n, title)

    def _decoder(self, layer: int, t: int) -> None:
        token = self.session.example.decoder_tokens[t]
        title = self.tr("decoder s_{0}, layer {1}, reads '{2}'").format(t, layer, token)
        self._cell("decoder", (layer, t), layer, 0, t, title)

    def _cell(self, part, key, layer, direction, position, title) -> None:
        session = self.session
        stepper, trace = session.stepper, session.trace
        network, view = eq.stack_view(session.network, trace, part)
        d = view.layers[layer][direction]
        j = self.set_units(d.hidden_size)
        forward = stepper.forward_at[part][key] <= stepper.index
        backward = stepper.loss_at is not None and stepper.backward_at[part][key] <= stepper.index
        lines = []
        if not forward:
            state = self.tr("Not computed yet: the forward pass reaches it at event {0}.").format(
                int(stepper.forward_at[part][key]) + 1
            )
        else:
            lines = hidden_equations(network, view, layer, direction, position, j)
            if backward:
                lines += backward_equations(view, layer, direction, position, j)
                state = self.tr("Forward and backward pass done here.")
            else:
                state = self.tr("Forward pass done; the backward pass has not reached it yet.")
        pairs = [("h", d.hidden[0, position])]
        names = {"candidate": "g" if d.cell == "lstm" else "n"}
        pairs = [(names.get(n, n), v[0, position]) for n, v in d.gates.items()] + pairs
        if d.cell_state is not None:
            pairs.insert(-1, ("c", d.cell_state[0, position]))
        values, names_ = columns(pairs, forward)
        if d.grad_hidden is not None:
            grad, _ = columns([("∂L/∂h", d.grad_hidden[0, position])], backward)
            values, names_ = np.hstack([values, grad]), names_ + ["∂L/∂h"]
        self.show_node(title, state, lines, (values, names_, [str(k) for k in range(len(values))]))

    def _bridge(self) -> None:
        session = self.session
        stepper, trace, spec = session.stepper, session.trace, session.spec
        j = self.set_units(spec.decoder_hidden_size)
        forward = stepper.forward_at["bridge"][()] <= stepper.index
        backward = (
            stepper.loss_at is not None and stepper.backward_at["bridge"][()] <= stepper.index
        )
        lines, state = [], self.tr("Not computed yet: the encoder comes first.")
        if forward:
            lines = [
                line
                for layer in range(spec.decoder_layers)
                for line in eq.bridge_equations(session.network, trace, layer, j)
            ]
            state = self.tr("The decoder starts from s_0.")
        pairs = [
            (f"s₀ l{layer}", trace.initial_hidden[layer, 0]) for layer in range(spec.decoder_layers)
        ]
        values, names = columns(pairs, forward)
        if trace.grad_initial_hidden is not None:
            grads = [
                (f"∂L/∂s₀ l{layer}", trace.grad_initial_hidden[layer, 0])
                for layer in range(spec.decoder_layers)
            ]
            more, more_names = columns(grads, backward)
            values, names = np.hstack([values, more]), names + more_names
        self.show_node(
            self.tr("bridge: the decoder's initial state"),
            state,
            lines,
            (values, names, [str(k) for k in range(len(values))]),
        )

    # ----- attention, output, loss -------------------------------------------------------------
    def _attention(self, t: int) -> None:
        session = self.session
        stepper, trace, example = session.stepper, session.trace, session.example
        S = stepper.source_length
        j = self.set_units(session.spec.memory_size)
        title = self.tr("attention at step {0} (target '{1}')").format(t, example.target_tokens[t])
        forward = bool(stepper.known_attention()[t])
        backward = bool(stepper.known_gradients("attention", t)) if stepper.loss_at else False
        att = trace.attention
        pairs = [("s", att.scores[0, t, :S]), ("α", att.weights[0, t, :S])]
        values, names = columns(pairs, forward)
        if att.grad_scores is not None:
            grad, _ = columns([("∂L/∂s", att.grad_scores[0, t, :S])], backward)
            values, names = np.hstack([values, grad]), names + ["∂L/∂s"]
        rows = [_row(n, token) for n, token in enumerate(example.source_tokens)]
        if not forward:
            when = int(stepper.forward_at["attention"][t]) + 1
            state = self.tr("Not computed yet: the attention of this step runs at event {0}.")
            self.show_node(title, state.format(when), [], (values, names, rows))
            return
        weights = np.asarray(att.weights[0, t, :S], dtype=np.float64)
        n = int(np.argmax(weights))
        lines = eq.attention_equations(session.network, trace, t, n, j)
        state = self.tr("Looks most at x_{0} '{1}' (α = {2}); spread −Σ α log α = {3}.").format(
            n, example.source_tokens[n], num(weights[n]), num(eq.entropy(weights))
        )
        self.show_node(title, state, lines, (values, names, rows))

    def row_clicked(self, row: int) -> None:
        key = self.focus.key or known.event_key(self.session.stepper.event)
        if key[0] != "attention":
            super().row_clicked(row)

    def _output(self, t: int) -> None:
        session = self.session
        stepper, trace, task = session.stepper, session.trace, session.task
        self.set_units(None)
        tokens = task.target_vocabulary.tokens
        target = session.example.target_tokens[t]
        title = self.tr("output y_{0}: p(y | y_<t, x), target '{1}'").format(t, target)
        ok = bool(known.outputs_known(trace, stepper)[t])
        probs = np.asarray(trace.probabilities[0, t], dtype=np.float64)
        order = np.argsort(-probs)[:TOP_TOKENS]
        target_id = int(trace.targets[0, t])
        if target_id not in order:
            order = np.append(order, target_id)
        logits = np.asarray(trace.logits[0, t], dtype=np.float64)
        values = np.stack([probs[order], logits[order]], axis=1)
        if not ok:
            values[:] = np.nan
        rows = [tokens[k] for k in order]
        if not ok:
            state = self.tr("Not computed yet: it needs s_t and c_t.")
            self.show_node(title, state, [], (values, ["p", "o"], rows))
            return
        lines = eq.output_equations(session.network, trace, tokens, t)
        state = self.tr("The likeliest token is '{0}' (p = {1}).").format(
            tokens[int(order[0])], num(probs[order[0]])
        )
        self.show_node(title, state, lines, (values, ["p", "o"], rows))

    def _loss(self) -> None:
        session = self.session
        stepper, trace, example = session.stepper, session.trace, session.example
        self.set_units(None)
        T = stepper.target_length
        losses = np.asarray(trace.step_losses[0, :T], dtype=np.float64)[:, None]
        rows = [_row(t, token) for t, token in enumerate(example.target_tokens)]
        if stepper.loss_known:
            state = self.tr("L = Σ_t L_t; the backward pass starts from here.")
            lines = [eq.loss_equation(trace)]
        else:
            state = self.tr("Not computed yet: the loss comes after the forward pass.")
            lines, losses[:] = [], np.nan
        self.show_node(self.tr("loss L"), state, lines, (losses, ["L_t"], rows))


def _row(position: int, token: str) -> str:
    """A grid row's name, short enough for its narrow column: "11 eos", "3 好看"."""
    token = token.strip("<>") if token.startswith("<") else token
    return f"{position} {token if len(token) <= 4 else token[:3] + '…'}"
