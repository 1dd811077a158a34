"""The kinds of model a project can hold, and what each brings to the window.

    recurrent         NetworkSpec   the step-through views of ui/ (diagram, plots, inspector)
    encoder-decoder   EncoderDecoderSpec   ui/encoder_decoder: diagram, attention heat map, beams
    tree              TreeSpec      ui/trees: tree editor, tree view, node inspector

The session holds any kind. A kind other than the recurrent one brings a Runner (how the session
makes an example, runs the model on it and steps through the trace) and a view set, swapped into
the window's central area (ui.kinds.view_sets); the recurrent views see the session through a
SessionView that is empty and silent while another kind is shown, so they never meet a trace
they do not know.
"""

from __future__ import annotations

from simulator.kinds import ENCODER_DECODER, KINDS, RECURRENT, TREE

__all__ = ["ENCODER_DECODER", "KINDS", "RECURRENT", "TREE", "kind_of", "model_label", "runner_for"]

# Told apart by the spec's class name, so nothing here imports the engine (or Numba).
_KIND_OF_SPEC = {"EncoderDecoderSpec": ENCODER_DECODER, "TreeSpec": TREE, "NetworkSpec": RECURRENT}


def kind_of(spec) -> str:
    """The kind of model a spec describes ("" for no spec)."""
    if spec is None:
        return ""
    return _KIND_OF_SPEC.get(type(spec).__name__, RECURRENT)


def runner_for(spec):
    """The Runner of a spec's kind, or None for a recurrent network (the session runs those
    itself)."""
    kind = kind_of(spec)
    if kind == ENCODER_DECODER:
        from ..encoder_decoder.runner import EncoderDecoderRunner

        return EncoderDecoderRunner()
    if kind == TREE:
        from ..trees.runner import TreeRunner

        return TreeRunner()
    return None


def model_label(spec) -> str:
    """A short name for the model: its cell (lstm), "encoder-decoder", or the tree model
    (rntn); what a legend or a run's label shows."""
    kind = kind_of(spec)
    if kind == ENCODER_DECODER:
        return ENCODER_DECODER
    if kind == TREE:
        return spec.model
    return spec.cell
