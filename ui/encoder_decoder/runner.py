"""EncoderDecoderRunner: how the session runs an encoder-decoder on one sentence pair."""

from __future__ import annotations

from ..kinds.runner import Runner
from . import example as examples
from .decoding_kernels import decoding_ready


class EncoderDecoderRunner(Runner):
    def first_example(self, task, view, network):
        return examples.from_view(task, view, network) or examples.from_dataset(task, "test", 0)

    def example_from_text(self, task, text: str, network):
        """The typed source; its target decoded by the network when it can run."""
        return examples.from_text(task, text, "", network)

    def example_from_task(self, task, split: str, index: int, network):
        return examples.from_dataset(task, split, index)

    def rerun(self, session) -> None:
        super().rerun(session)
        if session.trace is not None:
            decoding_ready(session)  # greedy and beam search: prepared next, in the background

    def run(self, network, example):
        """Teacher forcing on the example's target: the loss and every gradient."""
        return network.run(example.source_ids[None], example.target_ids[None])
