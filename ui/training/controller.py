"""TrainingController: starts, pauses, resumes and stops training of the session's network (and,
in compare mode, of a second network on the same task and seed), each in a TrainingWorker.

The workers train copies of the networks, so the step-through views never read weights that are
being written. When a run pauses, stops, finishes or diverges, the main network's weights,
optimiser state, step and history go into the project as one undoable edit, and the views rerun
the current example with them. A Divergence leaves the last good weights (the engine never
writes a non-finite update) and is reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from simulator.kinds import kind_of

from ..undo import NetworkEdit, NetworkState
from .worker import TrainingWorker

MAIN, COMPARE = "main", "compare"


def setting_label(spec, field: str, value) -> str:
    """How a compared setting is named in the legend: the value alone for the setting compare
    mode varies first (lstm, additive, rvnn), else field = value (residual = false)."""
    shown = str(value).lower() if isinstance(value, bool) else str(value)
    return shown if field == kind_of(spec).compared.field else f"{field} = {shown}"


class TrainingProblem(ValueError):
    """Training cannot start; `field` names the setting to change ("" for none)."""

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.field = field


@dataclass
class Run:
    name: str  # MAIN or COMPARE
    label: str  # shown in the legend, e.g. "A: lstm"
    trainer: object
    worker: TrainingWorker | None = None
    target: int = 0
    result: object = None  # the last TrainingResult


class TrainingController(QObject):
    state_changed = Signal(str)  # "idle", "running" or "paused"
    runs_started = Signal()  # new runs: the curves start again (see `runs`)
    snapshot = Signal(str, str, object)  # run name, its label, Snapshot
    diverged = Signal(str, str, object)  # run name, its label, Divergence
    finished = Signal(str)  # why the runs ended: "done", "stopped", "paused" or "diverged"

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.state = "idle"
        self.runs: dict[str, Run] = {}
        self._stop_requested = False
        self._applying = False
        session.network_changed.connect(self._network_changed)
        session.project_changed.connect(self._network_changed)
        session.before_save.append(self.checkpoint)

    # ----- the person's commands -----------------------------------------------------------------
    def start(self, settings, compare: tuple[str, object] | None = None) -> None:
        """Train `settings.steps` more steps (or resume a paused run); with `compare`, a
        (field, value) pair such as ("cell", "rnn") or ("residual", False), train a second
        network from scratch beside a fresh first one, the two differing only in that field
        (simulator.kinds.compare_choices lists the pairs offered). Raises TrainingProblem."""
        if self.state == "running":
            return
        if self.state == "paused":
            self._launch()
            return
        session = self.session
        if session.project is None or session.task is None:
            raise TrainingProblem(self.tr("Open or build a network first."))
        self._check_kernels(session.spec)
        project = session.project
        self.runs = {}
        if compare:  # both from their initial weights, so the curves compare like for like
            field, value = compare
            other_spec = self._compared_spec(field, value)
            main = self._trainer(project.spec, settings, fresh=True)
            other = self._trainer(other_spec, settings, fresh=True)
            own = getattr(project.spec, field)
            self.runs[MAIN] = Run(
                MAIN, f"A: {setting_label(project.spec, field, own)}", main, target=settings.steps
            )
            self.runs[COMPARE] = Run(
                COMPARE, f"B: {setting_label(project.spec, field, value)}", other,
                target=settings.steps,
            )  # fmt: skip
        else:
            main = self._trainer(project.spec, settings, fresh=False)
            label = kind_of(project.spec).label(project.spec)
            self.runs[MAIN] = Run(MAIN, label, main, target=main.step + settings.steps)
        project.training = settings
        self.runs_started.emit()
        self._launch()

    def pause(self) -> None:
        if self.state == "running":
            for run in self.runs.values():
                if run.worker is not None:
                    run.worker.pause()

    def stop(self) -> None:
        """End the runs: a running one stops at its next chunk and its weights are kept."""
        if self.state == "running":
            self._stop_requested = True
            self.pause()
        elif self.state == "paused":
            self._set_state("idle")
            self.finished.emit("stopped")

    def reset(self) -> None:
        """Forget training: stop, and draw the weights again from the init seed (undoable)."""
        self.stop_and_wait(apply=False)
        self.runs = {}
        self._set_state("idle")
        if self.session.project is not None and self.session.project.parameters is not None:
            self.session.reinitialise()
        self.runs_started.emit()

    def stop_and_wait(self, apply: bool = True) -> None:
        """Stop now and wait for the workers (closing the window); with `apply`, the weights go
        into the project first, so they can be saved."""
        if self.state != "running":
            return
        self._stop_requested = True
        self._halt(apply)
        self.runs = {}
        self._set_state("idle")
        self.finished.emit("stopped")

    def checkpoint(self) -> None:
        """While a run trains: put the weights reached into the project now (to save them),
        and train on."""
        if self.state == "running":
            self._halt(apply=True)
            self._launch()

    def _halt(self, apply: bool) -> None:
        """Pause every worker and wait for it; its queued result is then ignored."""
        workers = [run.worker for run in self.runs.values() if run.worker is not None]
        for worker in workers:
            worker.pause()
        for worker in workers:
            worker.wait()
        for run in self.runs.values():
            if run.worker is not None:
                worker, run.worker = run.worker, None
                run.result = worker.result
        if apply and MAIN in self.runs:
            self._apply(self.runs[MAIN])

    # ----- running ---------------------------------------------------------------------------
    def _trainer(self, spec, settings, fresh: bool):
        from simulator.errors import SpecError
        from simulator.kinds import build_model
        from simulator.training import History, Trainer

        project = self.session.project
        network = build_model(spec, seed=project.init_seed)
        history, step, optimizer_state = None, 0, None
        if not fresh and project.parameters is not None:
            network.load_state_dict(project.parameters)
            step, optimizer_state = project.step, project.optimizer_state or None
            if project.history is not None:
                history = History.from_dict(project.history)
        if optimizer_state and settings.optimizer != project.training.optimizer:
            optimizer_state = None  # another optimiser keeps other moments: start them at 0
        try:
            return Trainer(network, self.session.task, settings, history, step, optimizer_state)
        except SpecError as err:
            raise TrainingProblem(str(err), err.field.removeprefix("training.")) from None
        except ValueError as err:
            raise TrainingProblem(str(err)) from None

    def _compared_spec(self, field: str, value):
        """The session's spec with `field` = value (TrainingProblem when that is not allowed)."""
        from simulator.errors import SpecError

        try:
            other = self.session.spec.replace(**{field: value})
        except (SpecError, TypeError) as err:
            raise TrainingProblem(f"B: {err}") from None
        self._check_kernels(other)  # each recurrent cell has kernels of its own
        return other

    def _check_kernels(self, spec) -> None:
        """Raise TrainingProblem (and ask for them) while a model of `spec` cannot run yet."""
        session = self.session
        if not session.runner.ready(session, spec):
            session.runner.prepare(session, spec)
            raise TrainingProblem(
                self.tr("The compiled kernels for {0} are still being prepared; try again in a "
                        "moment.").format(kind_of(spec).kernel_set(spec))
            )  # fmt: skip

    def _launch(self) -> None:
        self._stop_requested = False
        for run in self.runs.values():
            remaining = run.target - run.trainer.step
            if remaining <= 0 or (run.result is not None and run.result.reason == "diverged"):
                continue
            worker = TrainingWorker(run.trainer, remaining, parent=self)
            worker.snapshot.connect(lambda snap, r=run: self.snapshot.emit(r.name, r.label, snap))
            worker.done.connect(lambda result, r=run, w=worker: self._run_done(r, w, result))
            worker.failed.connect(lambda text, r=run, w=worker: self._run_failed(r, w, text))
            run.worker = worker
        if not any(run.worker for run in self.runs.values()):
            self.runs = {}
            self._set_state("idle")
            self.finished.emit("done")
            return
        self._set_state("running")
        for run in self.runs.values():
            if run.worker is not None:
                run.worker.start()

    def _run_done(self, run: Run, worker, result) -> None:
        if run.worker is not worker:  # already handled (stop_and_wait) or a stale run
            return
        run.worker, run.result = None, result
        if result.reason == "diverged":
            self.diverged.emit(run.name, run.label, result.divergence)
            if run.name == MAIN:  # the window's network blew up: stop the comparison too
                self._stop_requested = True
                self.pause()
        self._maybe_all_done()

    def _run_failed(self, run: Run, worker, text: str) -> None:
        if run.worker is not worker:
            return
        run.worker = None
        self.session.problem.emit(self.tr("Training failed: {0}").format(text))
        self._maybe_all_done()

    def _maybe_all_done(self) -> None:
        if any(run.worker is not None for run in self.runs.values()):
            return
        main = self.runs.get(MAIN)
        if main is not None and main.result is not None:
            self._apply(main)
        reasons = [run.result.reason for run in self.runs.values() if run.result is not None]
        unfinished = any(run.trainer.step < run.target for run in self.runs.values())
        if "diverged" in reasons and (main is None or main.result.reason == "diverged"):
            why = "diverged"
        elif self._stop_requested:
            why = "stopped"
        elif unfinished and "stopped" in reasons:
            why = "paused"
        else:
            why = "done"
        if why != "paused":
            self.runs = {}
        self._set_state("paused" if why == "paused" else "idle")
        self.finished.emit(why)

    def _apply(self, run: Run) -> None:
        """The trained weights into the project, as one undoable edit; the views rerun."""
        project, trainer = self.session.project, run.trainer
        if project is None or trainer.step == project.step and project.parameters is not None:
            return
        state = NetworkState(
            project.spec,
            project.init_seed,
            trainer.network.state_dict(),
            {k: v.copy() for k, v in trainer.optimizer.state.items()},
            trainer.history.to_dict(),
            trainer.step,
        )
        text = self.tr("Train to step {0}").format(trainer.step)
        self._applying = True
        try:
            self.session.undo_stack.push(
                NetworkEdit(self.session, text, NetworkState.of(project), state)
            )
        finally:
            self._applying = False
        project.training = trainer.settings

    def _network_changed(self) -> None:
        """The person changed the network (or opened another): a paused run no longer fits; a
        running one is stopped and its weights dropped."""
        if self._applying or self.state == "idle":
            return
        for run in self.runs.values():
            if run.worker is not None:
                run.worker.cancel()
                run.worker = None
        self.runs = {}
        self._set_state("idle")
        self.finished.emit("stopped")

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)
