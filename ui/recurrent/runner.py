"""RecurrentRunner: how the session runs a recurrent network on one sequence. Its kernels are
loaded by the window's KernelWarmup (ui.kernels), one set per cell, and the session's selection
(a node of the unrolled network) follows the event being computed."""

from __future__ import annotations

from ..input_example import from_dataset, from_text, from_view
from ..kinds.runner import Runner
from ..selection import Selection


class RecurrentRunner(Runner):
    def first_example(self, task, view, network):
        return from_view(task, view, None) or from_dataset(task, "test", 0)

    def example_from_text(self, task, text: str, network):
        return from_text(task, text, network)

    def example_from_task(self, task, split: str, index: int, network):
        return from_dataset(task, split, index)

    def run(self, network, example):
        return network.run(example.inputs[None], example.target[None])

    def offers_interventions(self, spec) -> bool:
        from simulator.interventions import RECURRENT_CELLS

        return spec.cell in RECURRENT_CELLS

    def run_effect(self, network, example, interventions):
        from simulator.intervention_effect import intervention_effect

        x, y = example.inputs[None], example.target[None]
        return intervention_effect(network, x, y, interventions=interventions)

    def follow_cursor(self, session) -> None:
        event = session.stepper.event
        if event.phase == "loss":
            session.selection = Selection("loss")
        else:
            session.selection = Selection("hidden", event.layer, event.direction, event.position)
            session.focus = (event.layer, event.direction)

    def selection_fits(self, session, selection) -> bool:
        spec = session.spec
        return (
            0 <= selection.layer < spec.num_layers
            and 0 <= selection.direction < spec.num_directions
            and 0 <= selection.position < session.trace.steps
        )

    def ready(self, session, spec=None) -> bool:
        key = self.kernel_key(spec or session.spec)
        return session.kernels is None or session.kernels.is_ready(key)

    def prepare(self, session, spec=None) -> None:
        session.kernels.request(self.kernel_key(spec or session.spec))
