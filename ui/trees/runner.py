"""TreeRunner: how the session runs a recursive network on one parse tree."""

from __future__ import annotations

from ..kinds.runner import Runner
from . import example as examples


class TreeRunner(Runner):
    def first_example(self, task, view, network):
        return examples.from_view(task, view, network) or examples.from_dataset(task, "test", 0)

    def example_from_text(self, task, text: str, network):
        """A bracketed tree, or a sentence the task parses."""
        return examples.from_text(task, text, network)

    def example_from_task(self, task, split: str, index: int, network):
        return examples.from_dataset(task, split, index, network)

    def run(self, network, example):
        """Bottom-up over the tree, then (its nodes being labelled) back-propagation through
        structure."""
        return network.run(example.flat, y=example.labels[None])
