"""Kind: what one kind of model (recurrent, encoder-decoder, tree) brings to the engine, as one
object that code working for every kind asks (simulator.kinds holds the three).

An entry names its spec, model and stepper classes and imports them only when asked, so the
registry can be read (a project file's kind told, the examples sorted) before Numba loads.
Everything else that differs between kinds is a field or a method here:

    name            "recurrent", "encoder-decoder" or "tree"
    reads           the data its models read, in words ("parse trees")
    kernel_sets     the warm-up sets its models use (simulator.warmup): cells, or the kind
    compared        what compare mode varies, and the contrast the notes draw
    switches(spec)  yes/no fields compare mode may also turn the other way
    compare_choices the (field, value) pairs compare mode offers for a spec
    cuts_sequences  whether its model reads one sequence that may be cut (truncated BPTT)
    decodes         whether its model writes an output sequence for a source (beam search)
    claims(section) whether a project file's `network` section is one of its specs
    task_names()    the tasks its models train on
    task_for(task)  the view of a task its models train on (a treebank's trees)
    spec_for_task   a spec with the fields the task's data fixes filled in
    new_network     a new project's `network` section for a task
    describe, label a few words naming a model; the short name a legend shows
    kernel_set      which warm-up set a spec's model uses
    warm_steps      runs that call every kernel of one of its sets
"""

from __future__ import annotations

import dataclasses
from typing import NamedTuple


class Compared(NamedTuple):
    """Compare mode trains a second model that differs in `field` only: the notes' contrast to
    the person's own value (`against`, e.g. a simple RNN against an LSTM), else `default`."""

    field: str
    choices: tuple[str, ...]
    against: dict[str, str]
    default: str

    def other(self, own: str) -> str:
        return self.against.get(own, self.default)


class Kind:
    name: str = ""
    reads: str = ""
    kernel_sets: tuple[str, ...] = ()
    cuts_sequences: bool = False
    decodes: bool = False

    # ----- its classes (imported when first asked for) ----------------------------------------
    def spec_class(self) -> type:
        raise NotImplementedError

    def model_class(self) -> type:
        raise NotImplementedError

    def stepper_class(self) -> type:
        raise NotImplementedError

    def shapes(self, spec) -> dict[str, tuple[int, ...]]:
        """Every parameter's state_dict name and shape, without building the model."""
        raise NotImplementedError

    compared: Compared

    def switches(self, spec) -> tuple[str, ...]:
        """Yes/no fields compare mode may turn the other way besides `compared`."""
        return ()

    def compare_choices(self, spec) -> list[tuple[str, object]]:
        """The (field, value) pairs compare mode offers for `spec`, none of them its own
        setting: the compared field's other choices (the notes' contrast first), then each
        switch turned the other way."""
        field = self.compared.field
        own = getattr(spec, field)
        against = self.compared.other(own)
        pairs = [(field, against)] if against != own else []
        pairs += [(field, value) for value in self.compared.choices if value not in (own, against)]
        return pairs + [(switch, not getattr(spec, switch)) for switch in self.switches(spec)]

    # ----- project files -----------------------------------------------------------------------
    def claims(self, section: dict) -> bool:
        """Whether a project file's `network` section describes a model of this kind."""
        raise NotImplementedError

    def spec_fields(self) -> frozenset[str]:
        return frozenset(f.name for f in dataclasses.fields(self.spec_class()))

    def build(self, spec, seed: int = 0):
        return self.model_class()(spec, seed=seed)

    # ----- tasks -------------------------------------------------------------------------------
    def task_names(self) -> tuple[str, ...]:
        raise NotImplementedError

    def task_for(self, task):
        """The view of `task` a model of this kind trains on. Raises ValueError when it reads
        other data than the task has."""
        self.check_task(task)
        return task

    def check_task(self, task) -> None:
        if task.name not in self.task_names():
            raise ValueError(
                f"a {self.name} model reads {self.reads}, which {task.name} does not hold "
                f"(tasks that do: {', '.join(self.task_names())})"
            )

    def spec_for_task(self, spec, task):
        """`spec` with the fields the task's data fixes replaced. Raises SpecError."""
        return type(spec).from_dict({**spec.to_dict(), **self.task_for(task).spec_fields})

    def new_network(self, task) -> dict:
        """A new project's `network` section for `task` (the task's fields filled in)."""
        raise NotImplementedError

    # ----- words -------------------------------------------------------------------------------
    def describe(self, spec) -> str:
        """A few words naming the model, e.g. "2-layer bidirectional lstm"."""
        raise NotImplementedError

    def label(self, spec) -> str:
        """A short name for the model (its cell, or the tree model): a legend's, a run's."""
        return self.name

    # ----- compiled kernels --------------------------------------------------------------------
    def kernel_set(self, spec) -> str:
        """The warm-up set (simulator.warmup) a model of this spec runs on."""
        return self.name

    def warm_steps(self, kernel_set: str, dtype: str) -> list:
        """Runs that call every kernel of one of this kind's sets, as functions to call."""
        raise NotImplementedError
