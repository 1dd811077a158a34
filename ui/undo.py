"""Undoable edits of the network: each swaps the project's network part for another."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand


@dataclass(frozen=True)
class NetworkState:
    """Everything about a project that changing its network replaces (the trained parameters
    and what training built on them), so undo brings trained weights back."""

    spec: object  # NetworkSpec
    init_seed: int
    parameters: dict | None
    optimizer_state: dict
    history: dict | None
    step: int

    @classmethod
    def of(cls, project) -> NetworkState:
        return cls(
            project.spec,
            project.init_seed,
            project.parameters,
            project.optimizer_state,
            project.history,
            project.step,
        )

    def fresh(self, spec=None, init_seed=None) -> NetworkState:
        """A new, untrained network: weights drawn from the init seed."""
        return NetworkState(
            spec if spec is not None else self.spec,
            self.init_seed if init_seed is None else init_seed,
            None,
            {},
            None,
            0,
        )

    def apply(self, project) -> None:
        project.spec = self.spec
        project.init_seed = self.init_seed
        project.parameters = self.parameters
        project.optimizer_state = self.optimizer_state
        project.history = self.history
        project.step = self.step


class NetworkEdit(QUndoCommand):
    def __init__(self, session, text: str, before: NetworkState, after: NetworkState):
        super().__init__(text)
        self._session = session
        self._before = before
        self._after = after

    def redo(self) -> None:
        self._session.restore_network(self._after)

    def undo(self) -> None:
        self._session.restore_network(self._before)


class InterventionEdit(QUndoCommand):
    """Interventions added to (or cleared from) the current run: they change the run shown,
    never the project's weights."""

    def __init__(self, session, text: str, before: tuple, after: tuple):
        super().__init__(text)
        self._session = session
        self._before = before
        self._after = after

    def redo(self) -> None:
        self._session.set_interventions(self._after)

    def undo(self) -> None:
        self._session.set_interventions(self._before)
