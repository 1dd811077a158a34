"""Where each node of the unrolled network goes, and which edges join them. Qt-free.

Rows from the top: the loss, the outputs, then each layer from the top one down (a
bidirectional layer has two rows: reverse above forward, shifted right a little so vertical
edges pass between nodes), then the inputs. Column t holds everything at position t.
"""

from __future__ import annotations

from dataclasses import dataclass

DX = 72  # distance between columns
DY = 62  # distance between rows
NODE_W = 34
NODE_H = 26
INPUT_W = 56  # input chips are wider: they show the token
SHIFT = 26  # the reverse direction's nodes sit this far right of the forward ones

Key = tuple[str, int, int, int]  # (kind, layer, direction, position)


@dataclass(frozen=True)
class Node:
    key: Key
    x: float  # centre
    y: float
    width: float
    height: float

    @property
    def kind(self) -> str:
        return self.key[0]


@dataclass(frozen=True)
class Edge:
    source: Key
    target: Key
    kind: str  # "input", "recurrent", "up", "window", "output", "loss"


def hidden_key(layer: int, direction: int, t: int) -> Key:
    return ("hidden", layer, direction, t)


class UnrolledLayout:
    def __init__(self, spec, steps: int):
        self.spec, self.steps = spec, steps
        self.nodes: dict[Key, Node] = {}
        self.edges: list[Edge] = []
        self.rows: list[tuple[float, str]] = []  # (y, label) for the row captions
        self._place()
        self._connect()

    # ----- nodes -------------------------------------------------------------------------------
    def _place(self) -> None:
        spec, T = self.spec, self.steps
        bi = spec.bidirectional
        y = 0.0
        self.rows.append((y, "L"))
        if spec.mode == "seq2seq":
            for t in range(T):
                self._add(("loss", 0, 0, t), t * DX, y, NODE_W * 0.8, NODE_H * 0.8)
            self._add(("loss", 0, 0, -1), T * DX + DX * 0.3, y, NODE_W * 1.2, NODE_H)
        else:
            self._add(("loss", 0, 0, -1), (T - 1) * DX, y, NODE_W * 1.2, NODE_H)
        y += DY
        self.rows.append((y, "y"))
        if spec.mode == "seq2seq":
            for t in range(T):
                self._add(("output", 0, 0, t), t * DX + (SHIFT / 2 if bi else 0), y)
        else:
            self._add(("output", 0, 0, 0), (T - 1) * DX + (SHIFT / 2 if bi else 0), y)
        for layer in reversed(range(spec.num_layers)):
            for direction in reversed(range(spec.num_directions)):
                y += DY
                arrow = ("→", "←")[direction] if bi else ""
                self.rows.append((y, f"h{layer} {arrow}".strip()))
                for t in range(T):
                    self._add(hidden_key(layer, direction, t), t * DX + direction * SHIFT, y)
        y += DY
        self.rows.append((y, "x"))
        for t in range(T):
            self._add(("input", 0, 0, t), t * DX + (SHIFT / 2 if bi else 0), y, INPUT_W, NODE_H)

    def _add(self, key: Key, x: float, y: float, w: float = NODE_W, h: float = NODE_H) -> None:
        self.nodes[key] = Node(key, x, y, w, h)

    # ----- edges -------------------------------------------------------------------------------
    def _connect(self) -> None:
        spec, T = self.spec, self.steps
        directions = range(spec.num_directions)
        window = spec.delay if spec.cell == "tdnn" else 0
        for layer in range(spec.num_layers):
            for d in directions:
                for t in range(T):
                    here = hidden_key(layer, d, t)
                    for k in range(window + 1):  # the input at t (tdnn: and the k before it)
                        s = t - k if d == 0 else t + k
                        if not 0 <= s < T:
                            continue
                        kind = "window" if k else ("input" if layer == 0 else "up")
                        if layer == 0:
                            self._edge(("input", 0, 0, s), here, kind)
                        else:
                            for below in directions:
                                self._edge(hidden_key(layer - 1, below, s), here, kind)
                    if spec.cell != "tdnn":
                        before = t - 1 if d == 0 else t + 1
                        if 0 <= before < T:
                            self._edge(hidden_key(layer, d, before), here, "recurrent")
        top = spec.num_layers - 1
        if spec.mode == "seq2seq":
            for t in range(T):
                for d in directions:
                    self._edge(hidden_key(top, d, t), ("output", 0, 0, t), "output")
                self._edge(("output", 0, 0, t), ("loss", 0, 0, t), "loss")
            return
        if spec.pooling == "mean":
            sources = [hidden_key(top, d, t) for t in range(T) for d in directions]
        else:  # last: the forward direction's last state, the reverse direction's first
            sources = [hidden_key(top, 0, T - 1)]
            if spec.bidirectional:
                sources.append(hidden_key(top, 1, 0))
        for source in sources:
            self._edge(source, ("output", 0, 0, 0), "output")
        self._edge(("output", 0, 0, 0), ("loss", 0, 0, -1), "loss")

    def _edge(self, source: Key, target: Key, kind: str) -> None:
        self.edges.append(Edge(source, target, kind))

    @property
    def width(self) -> float:
        return max(n.x + n.width / 2 for n in self.nodes.values())

    @property
    def height(self) -> float:
        return max(n.y + n.height / 2 for n in self.nodes.values())
