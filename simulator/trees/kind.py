"""The tree kind's registry entry: TreeSpec -> TreeNetwork, TreeStepper (rvnn, su-rvnn, mv-rnn,
rntn over parse trees), trained on a treebank's trees, one kernel set for every model."""

from __future__ import annotations

from ..kind import Compared, Kind
from .spec import MODELS


class TreeKind(Kind):
    name = "tree"
    reads = "parse trees"
    kernel_sets = ("tree",)
    compared = Compared("model", MODELS, {"rntn": "rvnn"}, "rntn")  # the tensor against the plain

    def spec_class(self) -> type:
        from .spec import TreeSpec

        return TreeSpec

    def model_class(self) -> type:
        from .network import TreeNetwork

        return TreeNetwork

    def stepper_class(self) -> type:
        from .stepper import TreeStepper

        return TreeStepper

    def shapes(self, spec) -> dict[str, tuple[int, ...]]:
        from .spec import shapes

        return shapes(spec)

    def claims(self, section: dict) -> bool:
        return "model" in section

    def task_names(self) -> tuple[str, ...]:
        from ..tasks import TREEBANKS

        return TREEBANKS

    def task_for(self, task):
        """A treebank's trees (the task itself holds their sentences, for recurrent networks)."""
        self.check_task(task)
        return task.for_trees()

    def new_network(self, task) -> dict:
        return {"model": "rvnn", **task.tree_fields}

    def describe(self, spec) -> str:
        return f"{spec.model} recursive network"

    def label(self, spec) -> str:
        return spec.model

    def warm_steps(self, kernel_set: str, dtype: str) -> list:
        from .network import TreeNetwork
        from .spec import TreeSpec

        return [
            lambda model=model: TreeNetwork(
                TreeSpec(model=model, vocab_size=4, dim=2, output_size=2, dtype=dtype)
            ).run("(1 (0 a) (1 b))", vocabulary={"a": 2, "b": 3})
            for model in MODELS
        ]


TREE = TreeKind()
