"""Runner: how the session runs a model of a kind other than the recurrent one.

A kind's Runner makes the first example of a project, runs the model on an example (forward,
loss and back-propagation) and puts a stepper over the trace; `rerun` is the session's own
rerun for that kind: it waits for the kind's compiled kernels when they are not loaded yet,
keeps the cursor on the same event where it still exists, and reports an input the model cannot
read as a message, never a traceback.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication


class Runner:
    kind = ""

    # ----- overridden by each kind ---------------------------------------------------------
    def first_example(self, task, view, network):
        """The example a project opens on: the one its `view` names, else the first test one."""
        raise NotImplementedError

    def example_from_task(self, task, split: str, index: int):
        raise NotImplementedError

    def run(self, network, example):
        """The trace of one example (with the loss and every gradient when it has targets)."""
        raise NotImplementedError

    def stepper(self, trace):
        raise NotImplementedError

    # ----- shared --------------------------------------------------------------------------
    def kernel_key(self, spec) -> str:
        from ..kernels import kernel_key

        return kernel_key(self.kind, spec.dtype)

    def ready(self, session) -> bool:
        """True when the model can run now without compiling in the GUI thread."""
        from .kernels import is_ready

        return session.kernels is None or is_ready(self.kernel_key(session.spec))

    def rerun(self, session) -> None:
        if not self.ready(session):
            self._wait(session)
            return
        if session.waiting_for is not None:
            session.waiting_for = None
            session.status.emit(QCoreApplication.translate("Runner", "Kernels ready."))
        from simulator.errors import InputError

        previous = session.stepper.event if session.stepper is not None else None
        try:
            with np.errstate(all="ignore"):  # an exploding network shows inf; it is no error
                trace = self.run(session.network, session.example)
        except (InputError, ValueError) as err:
            session.trace = session.stepper = None
            text = QCoreApplication.translate(
                "Runner", "This input does not fit the network: {0}"
            ).format(err)
            session.problem.emit(text)
            session.trace_changed.emit()
            return
        stepper = self.stepper(trace)
        stepper.goto(session._event_index(stepper, previous))
        session._wanted_event = None
        session.trace, session.stepper = trace, stepper
        session.problem.emit("")
        session.trace_changed.emit()

    def _wait(self, session) -> None:
        from .kernels import manager

        key = self.kernel_key(session.spec)
        session.waiting_for = key
        if session.stepper is not None:
            session._wanted_event = session._wanted_event or session.stepper.event.name
        session.trace = session.stepper = None
        text = QCoreApplication.translate(
            "Runner",
            "Preparing the compiled kernels for the {0} (only the first start is slow)…",
        )
        session.status.emit(text.format(self.kind))
        session.trace_changed.emit()
        manager().request(key, session)
