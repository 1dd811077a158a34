"""Where each node of a parse tree goes: a tidy layout. Qt-free.

The words sit on the bottom row in sentence order, one column each; every phrase stands centred
over its two children, one row higher than the taller of them (the root at the top). This is
the usual way to draw a parse tree, and needs no graph-drawing library: networkx has no tree
layout of its own without graphviz.
"""

from __future__ import annotations

from dataclasses import dataclass

DX = 70  # distance between neighbouring words
DY = 62  # distance between rows
NODE = 30  # a node's diameter


@dataclass(frozen=True)
class TreeLayout:
    x: tuple[float, ...]  # by the FlatTree's node index (bottom-up order)
    y: tuple[float, ...]
    width: float
    height: float

    @classmethod
    def of(cls, flat) -> TreeLayout:
        """Positions for a simulator.trees.FlatTree (its nodes come children first)."""
        size = flat.size
        top = int(flat.height.max()) if size else 0
        x = [0.0] * size
        y = [0.0] * size
        for n in range(size):  # children come before their parents
            if flat.left[n] < 0:
                x[n] = float(flat.span[n, 0]) * DX
            else:
                x[n] = (x[int(flat.left[n])] + x[int(flat.right[n])]) / 2
            y[n] = float(top - flat.height[n]) * DY
        words = int(flat.span[:, 1].max()) if size else 0
        return cls(tuple(x), tuple(y), max(words - 1, 0) * DX, top * DY)
