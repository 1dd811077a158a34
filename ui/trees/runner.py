"""TreeRunner: how the session runs a recursive network on one parse tree."""

from __future__ import annotations

from simulator.kinds import TREE

from ..kinds.runner import Runner
from . import example as examples


class TreeRunner(Runner):
    kind = TREE

    def first_example(self, task, view, network):
        return examples.from_view(task, view, network) or examples.from_dataset(task, "test", 0)

    def example_from_task(self, task, split: str, index: int):
        return examples.from_dataset(task, split, index)

    def run(self, network, example):
        """Bottom-up over the tree, then (its nodes being labelled) back-propagation through
        structure."""
        return network.run(example.flat, y=example.labels[None])

    def stepper(self, trace):
        from simulator.trees import TreeStepper

        return TreeStepper(trace)
