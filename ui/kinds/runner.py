"""Runner: what the session asks a kind of model when it runs one (every kind has one, the
recurrent network's included): how to make an example from the project's view, a typed text or
the task's data, how to run the model on it (forward, loss and back-propagation), the stepper
over the trace, and whether the kind's compiled kernels are loaded (the session waits for them,
never compiling in the GUI thread).

The session does the rest the same way for every kind (ui.session.Session.rerun): it keeps the
cursor on the same event where it still exists, reports an input the model cannot read as a
message, and waits for the kernels.
"""

from __future__ import annotations


class Runner:
    def __init__(self, kind):
        self.kind = kind  # the engine's registry entry (simulator.kind.Kind)

    # ----- examples ----------------------------------------------------------------------------
    def first_example(self, task, view, network):
        """The example a project opens on: the one its `view` names, else the first test one."""
        raise NotImplementedError

    def example_from_text(self, task, text: str, network):
        """An example typed by the person (`network`: to predict a target, or None).
        Raises InputProblem."""
        raise NotImplementedError

    def example_from_task(self, task, split: str, index: int, network):
        """Example `index` of the task's train or test split. Raises InputProblem."""
        raise NotImplementedError

    # ----- running -----------------------------------------------------------------------------
    def run(self, network, example):
        """The trace of one example (with the loss and every gradient when it has targets)."""
        raise NotImplementedError

    def offers_interventions(self, spec) -> bool:
        """Whether the window offers interventions (simulator.interventions) on this model."""
        return False

    def run_effect(self, network, example, interventions):
        """The example run without and with `interventions` (an InterventionEffect)."""
        raise NotImplementedError

    def stepper(self, trace):
        return self.kind.stepper_class()(trace)

    def follow_cursor(self, session) -> None:
        """The cursor moved: what the session's selection should become (the views of most
        kinds follow the stepper through their own Focus, and need nothing here)."""

    def selection_fits(self, session, selection) -> bool:
        """Whether the session's selection (ui.session.Selection) names a node of the trace."""
        return False

    # ----- compiled kernels --------------------------------------------------------------------
    def kernel_key(self, spec) -> str:
        """The kernel set and dtype a model of this spec runs on: "lstm/float64"."""
        from ..kernels import kernel_key

        return kernel_key(self.kind.kernel_set(spec), spec.dtype)

    def ready(self, session, spec=None) -> bool:
        """True when a model of `spec` (default: the session's) can run now without compiling
        in the GUI thread."""
        from .kernels import is_ready

        return session.kernels is None or is_ready(self.kernel_key(spec or session.spec))

    def prepare(self, session, spec=None) -> None:
        """Load (compiling elsewhere if needed) the kernels of `spec` (default: the session's);
        the session runs again when they are ready and it still waits for them."""
        from .kernels import manager

        manager().request(self.kernel_key(spec or session.spec), session)
