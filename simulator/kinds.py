"""The registry of model kinds: one entry per kind holds everything that differs between them
(simulator.kind.Kind), and code that works for every kind asks it.

    KINDS = (RECURRENT, ENCODER_DECODER, TREE)

    recurrent        simulator/recurrent_kind.py        NetworkSpec -> Network
    encoder-decoder  simulator/encoder_decoder/kind.py  EncoderDecoderSpec -> EncoderDecoder
    tree             simulator/trees/kind.py            TreeSpec -> TreeNetwork

A fourth kind is a new folder holding its spec, model, stepper, kernels and a `kind.py` entry,
and one more name in KINDS (the window adds its views in ui.kinds). Nothing here imports the
engine: a kind's classes load when first asked for, so the window can sort its examples and
show itself before Numba is imported.
"""

from __future__ import annotations

from .encoder_decoder.kind import ENCODER_DECODER
from .kind import Compared, Kind
from .recurrent_kind import RECURRENT
from .trees.kind import TREE

KINDS: tuple[Kind, ...] = (RECURRENT, ENCODER_DECODER, TREE)
NAMES = tuple(kind.name for kind in KINDS)
__all__ = ["ENCODER_DECODER", "KINDS", "NAMES", "RECURRENT", "TREE", "Compared", "Kind"]


def kind_named(name: str) -> Kind:
    for kind in KINDS:
        if kind.name == name:
            return kind
    raise ValueError(f"{name!r}: the kinds of model are {', '.join(NAMES)}")


def kind_of(spec) -> Kind:
    """The kind of a spec (a NetworkSpec, EncoderDecoderSpec or TreeSpec)."""
    for kind in KINDS:
        if type(spec) is kind.spec_class():
            return kind
    raise TypeError(f"{type(spec).__name__} is the spec of no kind of model")


def kind_of_section(section: dict) -> Kind:
    """The kind a project file's `network` section describes (its fields as read)."""
    for kind in KINDS:
        if kind.claims(section):
            return kind
    return RECURRENT  # (unreachable: the recurrent kind claims what no other does)


def compare_choices(spec) -> list[tuple[str, object]]:
    """The (field, value) pairs compare mode offers for a spec (Kind.compare_choices)."""
    return kind_of(spec).compare_choices(spec)


def spec_from_dict(section: dict):
    """The spec a project file's `network` section holds. Raises SpecError."""
    return kind_of_section(section).spec_class().from_dict(section)


def build_model(spec, seed: int = 0):
    """The model (Network, EncoderDecoder or TreeNetwork) a spec describes, from `seed`."""
    return kind_of(spec).build(spec, seed)


def kind_for_task(task, network_fields=()) -> Kind:
    """The kind of a new project's model on `task`: of the kinds whose models train on it, the
    most specialised (the one with the fewest tasks: a treebank gets a tree model) whose spec
    has every field the person sets. Raises ValueError when a field set belongs to a kind that
    reads other data than the task holds."""
    fitting = sorted(
        (kind for kind in KINDS if task.name in kind.task_names()),
        key=lambda kind: len(kind.task_names()),
    )
    wanted = set(network_fields)
    for kind in fitting:
        if wanted <= kind.spec_fields():
            return kind
    for field in sorted(wanted):
        for kind in KINDS:
            if field in kind.spec_fields() and kind not in fitting:
                try:
                    kind.check_task(task)  # raises: that kind reads other data than the task
                except ValueError as err:
                    raise ValueError(f"network.{field}: {err}") from None
    return fitting[0]  # its spec then names the field it does not know
