"""Where each node of the unrolled encoder-decoder goes, and which edges join them. Qt-free.

The encoder on the left (source tokens at the bottom, its layers above, a bidirectional layer as
two rows), the decoder on the right (what each step reads at the bottom, its layers above, then
the attention's context c_t and the output y_t), the bridge between them and the loss above
the outputs (a row of its own: a line from each y_t fans up to it, crossing no token).
Keys: ("source", n), ("encoder", layer, direction, n), ("bridge",), ("reads", t),
("decoder", layer, t), ("attention", t), ("output", t), ("loss",).
"""

from __future__ import annotations

from ..diagram.layout import Edge, Node

DX = 64  # distance between columns
DY = 58  # distance between rows
NODE_W, NODE_H = 34, 24
TOKEN_W = 52
SHIFT = 22  # a reverse direction's nodes sit this far right of the forward ones
GAP = 1.6  # columns between the encoder and the decoder


class EncoderDecoderLayout:
    def __init__(self, spec, source_length: int, target_length: int):
        self.spec, self.S, self.T = spec, source_length, target_length
        self.nodes: dict[tuple, Node] = {}
        self.edges: list[Edge] = []
        self.rows: list[tuple[float, str]] = []  # (y, caption) at the left of each row
        self._place()
        self._connect()

    def decoder_x(self, t: int) -> float:
        return (self.S + GAP + t) * DX

    # ----- nodes -------------------------------------------------------------------------------
    def _place(self) -> None:
        spec, S, T = self.spec, self.S, self.T
        D = spec.num_directions
        encoder_rows = spec.encoder_layers * D
        height = max(encoder_rows, spec.decoder_layers) + 1  # layers, and the tokens below
        top_rows = 3 if spec.attends else 2  # loss, output (and attention) above the decoder
        bottom = (top_rows + height) * DY
        for n in range(S):
            self._add(("source", n), n * DX, bottom, TOKEN_W)
        for layer in range(spec.encoder_layers):
            for d in range(D):
                y = bottom - (layer * D + d + 1) * DY
                for n in range(S):
                    self._add(("encoder", layer, d, n), n * DX + d * SHIFT, y)
        self.rows.append((bottom, "x"))
        for t in range(T):
            self._add(("reads", t), self.decoder_x(t), bottom, TOKEN_W)
        for layer in range(spec.decoder_layers):
            y = bottom - (layer + 1) * DY
            for t in range(T):
                self._add(("decoder", layer, t), self.decoder_x(t), y)
        y = bottom - spec.decoder_layers * DY
        if spec.attends:
            y -= DY
            for t in range(T):
                self._add(("attention", t), self.decoder_x(t), y, NODE_W + 6)
        y -= DY
        for t in range(T):
            self._add(("output", t), self.decoder_x(t), y, TOKEN_W)
        self._add(("loss",), self.decoder_x((T - 1) / 2), y - DY, NODE_W + 8)
        top_encoder = bottom - encoder_rows * DY
        self._add(("bridge",), (S - 1 + (GAP + 1) / 2) * DX, top_encoder - DY / 2, NODE_W + 8)

    def _add(self, key: tuple, x: float, y: float, width: float = NODE_W) -> None:
        self.nodes[key] = Node(key, x, y, width, NODE_H)

    # ----- edges -------------------------------------------------------------------------------
    def _edge(self, source: tuple, target: tuple, kind: str) -> None:
        self.edges.append(Edge(source, target, kind))

    def _connect(self) -> None:
        spec, S, T = self.spec, self.S, self.T
        D, top = spec.num_directions, spec.encoder_layers - 1
        for layer in range(spec.encoder_layers):
            for d in range(D):
                for n in range(S):
                    key = ("encoder", layer, d, n)
                    if layer == 0:
                        self._edge(("source", n), key, "input")
                    else:
                        for below in range(D):
                            self._edge(("encoder", layer - 1, below, n), key, "up")
                    previous = n - 1 if d == 0 else n + 1
                    if 0 <= previous < S:
                        self._edge(("encoder", layer, d, previous), key, "recurrent")
        for d in range(D):  # the final states (forward: last word; reverse: first word)
            self._edge(("encoder", top, d, S - 1 if d == 0 else 0), ("bridge",), "bridge")
        top_decoder = spec.decoder_layers - 1
        for layer in range(spec.decoder_layers):
            for t in range(T):
                key = ("decoder", layer, t)
                below = ("reads", t) if layer == 0 else ("decoder", layer - 1, t)
                self._edge(below, key, "input" if layer == 0 else "up")
                before = ("decoder", layer, t - 1) if t > 0 else ("bridge",)
                self._edge(before, key, "recurrent" if t > 0 else "bridge")
                if layer == 0 and spec.input_feeding:
                    self._edge(("attention", t), key, "feed")
        for t in range(T):
            if spec.attends:
                if spec.input_feeding:  # the query is the state before the step
                    query = ("decoder", top_decoder, t - 1) if t > 0 else ("bridge",)
                else:
                    query = ("decoder", top_decoder, t)
                self._edge(query, ("attention", t), "query")
                self._edge(("attention", t), ("output", t), "output")
            self._edge(("decoder", top_decoder, t), ("output", t), "output")
            self._edge(("output", t), ("loss",), "loss")

    def memory_keys(self, n: int) -> list[tuple]:
        """The encoder's top-layer nodes at source position n: what attention reads as x_n."""
        top = self.spec.encoder_layers - 1
        return [("encoder", top, d, n) for d in range(self.spec.num_directions)]
