"""The window's side of the registry of model kinds: for each engine entry
(simulator.kinds.KINDS), what it brings to the window (ui.kinds.window_kind.WindowKind).

    WINDOW_KINDS = (RECURRENT_VIEWS, ENCODER_DECODER_VIEWS, TREE_VIEWS)

    recurrent        ui/recurrent/kind.py        views of ui/ (diagram, plots, builder, inspector)
    encoder-decoder  ui/encoder_decoder/kind.py  diagram, attention heat map, beams, playground
    tree             ui/trees/kind.py            tree editor, tree view, model comparison

Nothing here imports the engine or a kind's views: they load when first asked for.
"""

from __future__ import annotations

from simulator.kinds import kind_of

from ..encoder_decoder.kind import ENCODER_DECODER_VIEWS
from ..recurrent.kind import RECURRENT_VIEWS
from ..trees.kind import TREE_VIEWS
from .window_kind import WindowKind

WINDOW_KINDS: tuple[WindowKind, ...] = (RECURRENT_VIEWS, ENCODER_DECODER_VIEWS, TREE_VIEWS)


def window_kind_named(name: str) -> WindowKind:
    for kind in WINDOW_KINDS:
        if kind.name == name:
            return kind
    raise ValueError(f"{name!r}: the window shows {', '.join(k.name for k in WINDOW_KINDS)}")


def window_kind(spec) -> WindowKind:
    """What the window shows a model of this spec with."""
    return window_kind_named(kind_of(spec).name)
