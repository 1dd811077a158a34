"""The three kinds of model a project can hold, and how its `network` section says which.

recurrent        NetworkSpec -> Network          (rnn, gru, lstm, tdnn; seq2seq, seq2class)
encoder-decoder  EncoderDecoderSpec -> EncoderDecoder   ("mode": "encoder-decoder")
tree             TreeSpec    -> TreeNetwork      (has "model": rvnn, su-rvnn, mv-rnn, rntn)
"""

from __future__ import annotations

from .encoder_decoder.model import EncoderDecoder
from .encoder_decoder.spec import ATTENTIONS, EncoderDecoderSpec
from .encoder_decoder.spec import shapes as encoder_decoder_shapes
from .kinds import ENCODER_DECODER, RECURRENT, TREE, kind_of_network
from .network import Network
from .spec import CELLS, NetworkSpec
from .spec import shapes as recurrent_shapes
from .tasks import PAIR_TASKS, TASKS, TREEBANKS
from .tasks.base import Task
from .tasks.treebank import TreeTask
from .trees.network import TreeNetwork
from .trees.spec import MODELS, TreeSpec
from .trees.spec import shapes as tree_shapes

Spec = NetworkSpec | EncoderDecoderSpec | TreeSpec
Model = Network | EncoderDecoder | TreeNetwork

_MODEL_OF = {NetworkSpec: Network, EncoderDecoderSpec: EncoderDecoder, TreeSpec: TreeNetwork}
_SHAPES_OF = {
    NetworkSpec: recurrent_shapes,
    EncoderDecoderSpec: encoder_decoder_shapes,
    TreeSpec: tree_shapes,
}


_SPEC_OF_KIND = {RECURRENT: NetworkSpec, ENCODER_DECODER: EncoderDecoderSpec, TREE: TreeSpec}


def spec_class(data: dict) -> type:
    """Which spec a project's `network` section holds."""
    return _SPEC_OF_KIND[kind_of_network(data)]


def spec_from_dict(data: dict) -> Spec:
    return spec_class(data).from_dict(data)


def build_model(spec: Spec, seed: int = 0) -> Model:
    return _MODEL_OF[type(spec)](spec, seed=seed)


def parameter_shapes(spec: Spec) -> dict[str, tuple[int, ...]]:
    """Every parameter's state_dict name and shape, without building the model."""
    return _SHAPES_OF[type(spec)](spec)


def task_for(spec: Spec, task: Task) -> Task:
    """The view of a task that a model of this spec trains on: a treebank's trees for a tree
    model, its sentences for a recurrent one."""
    if isinstance(spec, TreeSpec):
        if not isinstance(task, TreeTask):
            raise ValueError(f"a tree model needs a treebank task; {task.name} has no trees")
        return task.for_trees()
    return task


def task_names_for(spec: Spec) -> tuple[str, ...]:
    """The tasks a model of this spec can train on: pairs of sentences for an encoder-decoder,
    treebanks for a tree model, any sequence task (a treebank through its sentences) for a
    recurrent network."""
    if isinstance(spec, EncoderDecoderSpec):
        return tuple(PAIR_TASKS)
    if isinstance(spec, TreeSpec):
        return TREEBANKS
    return tuple(TASKS)


# What a new recurrent network is when the person says nothing (the task fills in the rest).
NETWORK_DEFAULTS = {"cell": "lstm", "hidden_size": 16, "embedding_dim": 8}


def spec_for_task(spec: Spec, task: Task) -> Spec:
    """`spec` with the fields the task's data fixes replaced (vocabularies, output size, and
    for a recurrent network input kind, mode and loss). Raises SpecError."""
    fields = spec.to_dict()
    if isinstance(spec, TreeSpec):
        return TreeSpec.from_dict({**fields, **task.tree_fields})
    if isinstance(spec, EncoderDecoderSpec):
        return EncoderDecoderSpec.from_dict({**fields, **task.spec_fields})
    fields = {**fields, "input_size": None, "vocab_size": None, **task.spec_fields}
    dense = fields["vocab_size"] is None  # dense inputs have no embedding
    fields["embedding_dim"] = (
        None if dense else spec.embedding_dim or NETWORK_DEFAULTS["embedding_dim"]
    )
    return NetworkSpec.from_dict(fields)


# What compare mode varies for each kind, its choices, and the contrast the notes draw: a simple
# RNN against an LSTM, attention against none, the tensor network against the plain one.
_COMPARED = {
    NetworkSpec: ("cell", CELLS, {"lstm": "rnn"}, "lstm"),
    EncoderDecoderSpec: ("attention", ATTENTIONS, {"none": "additive"}, "none"),
    TreeSpec: ("model", MODELS, {"rntn": "rvnn"}, "rntn"),
}


def compared_setting(spec: Spec) -> tuple[str, tuple[str, ...], str]:
    """(field, its choices, the one to set against the spec's own) for compare mode."""
    field, choices, against, default = _COMPARED[type(spec)]
    own = getattr(spec, field)
    return field, choices, against.get(own, default)


# Switches a recurrent network can be compared against besides its cell: the notes' remedies
# (the residual recurrence against the plain RNN) and the reverse direction.
_COMPARED_SWITCHES = {NetworkSpec: ("residual", "bidirectional")}


def compare_choices(spec: Spec) -> list[tuple[str, object]]:
    """The (field, value) pairs compare mode offers for `spec`, none of them its own setting:
    the compared setting's other choices (the notes' contrast first), then each switch the kind
    has turned the other way (residual for a simple RNN only)."""
    field, choices, against = compared_setting(spec)
    own = getattr(spec, field)
    pairs = [(field, against)] if against != own else []
    pairs += [(field, value) for value in choices if value not in (own, against)]
    for switch in _COMPARED_SWITCHES.get(type(spec), ()):
        if switch != "residual" or spec.cell == "rnn":
            pairs.append((switch, not getattr(spec, switch)))
    return pairs


def supports_truncation(spec: Spec) -> bool:
    """Truncated BPTT cuts a sequence into windows: only recurrent networks have one."""
    return isinstance(spec, NetworkSpec)


def describe(spec: Spec) -> str:
    """A few words naming the model, e.g. "2-layer bidirectional lstm"."""
    if isinstance(spec, EncoderDecoderSpec):
        attention = "no attention" if spec.attention == "none" else f"{spec.attention} attention"
        return f"{spec.encoder_cell}-{spec.decoder_cell} encoder-decoder with {attention}"
    if isinstance(spec, TreeSpec):
        return f"{spec.model} recursive network"
    layers = f"{spec.num_layers}-layer " if spec.num_layers > 1 else ""
    direction = "bidirectional " if spec.bidirectional else ""
    return f"{layers}{direction}{spec.cell}"
