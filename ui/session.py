"""Session: the one object that owns what the window shows, and tells the panels when it changes.

It holds the current Project (and its Task and Network), the InputExample fed to the network,
the Trace of that run, a Stepper over the trace's events, the selected node, and the
interventions a person applied to this run (with their effect: the run without them beside
it). Panels read these attributes and redraw when a signal says they changed; they never
talk to each other. Every change a person makes to the network goes through the undo stack.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from .input_example import InputExample, InputProblem
from .kernels import compile_status
from .selection import Selection
from .status_line import Message
from .translation_marks import QT_TRANSLATE_NOOP
from .undo import InterventionEdit, NetworkEdit, NetworkState


class Session(QObject):
    project_changed = Signal()  # a new project: task, vocabulary, fixed fields
    network_changed = Signal()  # the spec or the parameters changed
    example_changed = Signal()  # a new input example or target
    trace_changed = Signal()  # a new trace and stepper (trace may be None while waiting)
    cursor_moved = Signal(int)  # the stepper moved (the selection may have followed it)
    selection_changed = Signal()  # the person selected a node
    problem = Signal(str)  # something the person should change ("" clears it)
    status = Signal(object)  # text, or a ui.status_line.Message said again in a new language
    file_changed = Signal()  # the file, its name or its unsaved state changed

    def __init__(self, kernels=None, parent=None):
        super().__init__(parent)
        self.kernels = kernels  # KernelWarmup, or None to run (and compile) right away
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.undo_stack.indexChanged.connect(self._clean_changed)  # see `dirty`
        self.project = None
        self.task = None
        self.network = None
        self.example: InputExample | None = None
        self.trace = None
        self.stepper = None
        self.interventions: tuple = ()  # simulator.interventions, applied to the run shown
        self.effect = None  # InterventionEffect: the run without and with them (None: none)
        self.selection = Selection()
        self.focus = (0, 0)  # the layer and direction the plots show
        self.path: Path | None = None
        self.name = ""
        self.waiting_for: str | None = None  # kernels being compiled before the next run
        self.runner = None  # how the project's kind of model runs (ui.kinds.runner)
        self._wanted_event: str | None = None
        self.before_save: list = []  # called before saving (training puts its weights in)
        if kernels is not None:
            kernels.key_ready.connect(self._key_ready)
            kernels.compiling.connect(self._compiling)

    def _clean_changed(self, *_args) -> None:
        self.file_changed.emit()

    # ----- the project -----------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        """Unsaved changes: an edit of the network done or undone since the file was saved
        (interventions change the run shown, not the file)."""
        stack = self.undo_stack
        clean, index = stack.cleanIndex(), stack.index()
        if clean < 0:
            return True
        low, high = sorted((clean, index))  # the commands done or undone since the save
        return any(not isinstance(stack.command(i), InterventionEdit) for i in range(low, high))

    @property
    def spec(self):
        return None if self.project is None else self.project.spec

    @property
    def kind(self) -> str:
        """The name of the project's kind of model ("" with no project): recurrent,
        encoder-decoder or tree (simulator.kinds)."""
        from simulator.kinds import kind_of

        return "" if self.spec is None else kind_of(self.spec).name

    def open_project(self, project, path=None, name: str = "", event: str = "loss") -> None:
        """Show a project of any kind (recurrent, encoder-decoder, tree). Raises ProjectError
        (nothing changes) if its task or parameters do not load."""
        from .kinds.registry import window_kind

        runner = window_kind(project.spec).runner()
        task = project.make_task()
        network = project.make_network()
        example = runner.first_example(task, project.view.get("input"), network)
        self.project, self.task, self.network, self.example = project, task, network, example
        self.runner = runner
        self.path = Path(path) if path is not None else None
        self.name = name or (self.path.name if self.path else "untitled")
        self.undo_stack.clear()
        self.selection, self.focus = Selection(), (0, 0)
        self.trace = self.stepper = None
        self.interventions, self.effect = (), None
        self._wanted_event = event
        self.problem.emit("")
        self.project_changed.emit()
        self.network_changed.emit()
        self.example_changed.emit()
        self.file_changed.emit()
        self.rerun()

    def save(self, path) -> None:
        """Write the project (and which example it shows). Raises ProjectError."""
        path = Path(path)
        for prepare in self.before_save:
            prepare()
        if self.example is not None:
            self.project.view = {**self.project.view, "input": self.example.to_view()}
        self.project.save(path)
        self.path, self.name = path, path.name
        self.undo_stack.setClean()
        self.file_changed.emit()

    # ----- changing the network (undoable) ---------------------------------------------------
    def change_spec(self, **changes) -> str | None:
        """Rebuild the network with some spec fields changed. Returns the error message (naming
        the field) when a value is not allowed; then nothing changes."""
        from simulator.errors import SpecError

        try:
            spec = self.project.spec.replace(**changes)
        except SpecError as err:
            return str(err)
        except TypeError as err:
            return str(err)
        if spec == self.project.spec:
            return None
        what = ", ".join(f"{k} = {v}" for k, v in changes.items())
        self._edit(self.tr("Set {0}").format(what), NetworkState.of(self.project), spec)
        return None

    def change_init_seed(self, seed: int) -> None:
        before = NetworkState.of(self.project)
        after = before.fresh(init_seed=seed)
        text = self.tr("Initial weights from seed {0}").format(seed)
        self.undo_stack.push(NetworkEdit(self, text, before, after))

    def reinitialise(self) -> None:
        """Forget the trained weights: draw them again from the init seed."""
        before = NetworkState.of(self.project)
        text = self.tr("Reinitialise weights")
        self.undo_stack.push(NetworkEdit(self, text, before, before.fresh()))

    def _edit(self, text: str, before: NetworkState, spec) -> None:
        self.undo_stack.push(NetworkEdit(self, text, before, before.fresh(spec=spec)))

    def restore_network(self, state: NetworkState) -> None:
        """Used by the undo stack: put this network state into the project and run it."""
        from simulator.project import ProjectError

        state.apply(self.project)
        try:
            self.network = self.project.make_network()
        except ProjectError as err:
            self.problem.emit(str(err))
            return
        self.network_changed.emit()
        self.rerun()

    # ----- interventions (undoable; the run changes, the weights do not) ------------------------
    @property
    def offers_interventions(self) -> bool:
        return self.project is not None and self.runner.offers_interventions(self.spec)

    def intervention_problem(self, intervention) -> str | None:
        """Why `intervention` does not fit this network and input (None: it fits)."""
        from simulator.errors import InputError

        try:
            intervention.check(self.spec, len(self.example.tokens))
        except InputError as err:
            return str(err)
        return None

    def add_intervention(self, intervention, text: str) -> str | None:
        """Apply `intervention` to the run (undoable, `text` names it in the Edit menu).
        Returns the message when it does not fit; then nothing changes."""
        problem = self.intervention_problem(intervention)
        if problem is None:
            after = (*self.interventions, intervention)
            self.undo_stack.push(InterventionEdit(self, text, self.interventions, after))
        return problem

    def clear_interventions(self) -> None:
        if self.interventions:
            text = self.tr("Clear interventions")
            self.undo_stack.push(InterventionEdit(self, text, self.interventions, ()))

    def set_interventions(self, interventions: tuple) -> None:
        """Used by the undo stack: run again with these interventions (the node the person
        selected stays selected)."""
        selection = self.selection
        self.interventions = tuple(interventions)
        self.rerun()
        self.select(selection)

    def _run(self, runner):
        """The trace of the example, with the interventions that still fit (a changed network
        or input may leave some out), and their effect."""
        kept = ()
        if self.interventions and self.offers_interventions:
            kept = tuple(i for i in self.interventions if self.intervention_problem(i) is None)
            if len(kept) < len(self.interventions):
                left_out = QT_TRANSLATE_NOOP(
                    "Session", "Interventions that no longer fit were left out."
                )
                self.status.emit(Message("Session", left_out))
        if not kept:
            self.effect = None
            return runner.run(self.network, self.example)
        self.effect = runner.run_effect(self.network, self.example, kept)
        return self.effect.after

    # ----- the input -------------------------------------------------------------------------
    def set_example(self, example: InputExample) -> None:
        self.example = example
        self.example_changed.emit()
        self.rerun()

    def set_target(self, target) -> None:
        self.set_example(self.example.with_target(target))

    def example_from_text(self, text: str) -> str | None:
        """Read a typed sentence (or tree). Returns a message when it cannot be used."""
        try:
            example = self.runner.example_from_text(self.task, text, self.ready_network())
        except ValueError as err:  # InputProblem, or a bracketed tree that does not parse
            return str(err)
        self.set_example(example)
        return None

    def example_from_task(self, split: str, index: int) -> str | None:
        try:
            example = self.runner.example_from_task(self.task, split, index, self.ready_network())
        except InputProblem as err:
            return str(err)
        self.set_example(example)
        return None

    def _compiling(self, key: str, done: int, total: int) -> None:
        if key == self.waiting_for:
            self.status.emit(compile_status(key, done, total))

    def ready_network(self):
        """The network, if it can run now without compiling in the GUI thread (else None)."""
        return self.network if self.runner.ready(self) else None

    # ----- running -----------------------------------------------------------------------------
    def rerun(self) -> None:
        """Run the network on the example (forward, loss, BPTT) and keep the cursor on the same
        event where it still exists."""
        if self.project is None or self.example is None:
            return
        runner = self.runner
        if not runner.ready(self):
            self._wait_for_kernels()
            return
        if self.waiting_for is not None:
            self.waiting_for = None
            self.status.emit(Message("Session", QT_TRANSLATE_NOOP("Session", "Kernels ready.")))
        from simulator.errors import InputError

        previous = self.stepper.event if self.stepper is not None else None
        try:
            with np.errstate(all="ignore"):  # an exploding network shows inf; it is no error
                trace = self._run(runner)
        except (InputError, ValueError) as err:
            self.trace = self.stepper = self.effect = None
            self.problem.emit(self.tr("This input does not fit the network: {0}").format(err))
            self.trace_changed.emit()
            return
        stepper = runner.stepper(trace)
        stepper.goto(self._event_index(stepper, previous))
        self._wanted_event = None
        self.trace, self.stepper = trace, stepper
        if not self._selection_fits(self.selection):
            self.selection, self.focus = Selection(), (0, 0)
        runner.follow_cursor(self)
        self.problem.emit("")
        self.trace_changed.emit()

    def _wait_for_kernels(self) -> None:
        """No trace until the kind's kernels are loaded: the runner asks for them, and the
        session runs again (on the same event) when they are ready."""
        self.waiting_for = self.runner.kernel_key(self.spec)
        if self.stepper is not None:
            self._wanted_event = self._wanted_event or self.stepper.event.name
        self.trace = self.stepper = None
        text = QT_TRANSLATE_NOOP(
            "Session", "Preparing the compiled kernels for {0} (only the first start is slow)…"
        )
        self.status.emit(Message("Session", text, (self.waiting_for.partition("/")[0],)))
        self.trace_changed.emit()
        self.runner.prepare(self)

    def _event_index(self, stepper, previous) -> int:
        if self._wanted_event:
            try:
                return stepper.find(self._wanted_event)
            except ValueError:
                pass
        if previous is None:
            return 0
        for index, event in enumerate(stepper.events):
            if event == previous:
                return index
        same_phase = [i for i, e in enumerate(stepper.events) if e.phase == previous.phase]
        return same_phase[0] if same_phase else 0

    def _key_ready(self, key: str) -> None:
        if key == self.waiting_for:
            self.rerun()

    # ----- the cursor ------------------------------------------------------------------------
    def goto(self, index: int) -> None:
        if self.stepper is None:
            return
        before = self.stepper.index
        self.stepper.goto(index)
        if self.stepper.index != before:
            self.runner.follow_cursor(self)
            self.cursor_moved.emit(self.stepper.index)

    def goto_event(self, name: str) -> str | None:
        """Move the cursor to an event named as the stepper names it (loss, forward:t,
        backward:t, forward:LAYER:DIRECTION:t, or an index); while the run waits for its
        kernels, it goes there once the run is ready. Returns what exists when `name` does not."""
        if self.stepper is None:
            self._wanted_event = name
            return None
        try:
            index = self.stepper.find(name)
        except ValueError as err:
            return str(err)
        self.goto(index)
        return None

    def step(self, count: int = 1) -> None:
        if self.stepper is not None:
            self.goto(self.stepper.index + count)

    def home(self) -> None:
        self.goto(0)

    def end(self) -> None:
        if self.stepper is not None:
            self.goto(len(self.stepper) - 1)

    def to_loss(self) -> None:
        if self.stepper is not None and self.stepper.loss_at is not None:
            self.goto(self.stepper.loss_at)

    @property
    def at_end(self) -> bool:
        return self.stepper is None or self.stepper.index >= len(self.stepper) - 1

    # ----- selection -------------------------------------------------------------------------
    def select(self, selection: Selection) -> None:
        if not self._selection_fits(selection) or selection == self.selection:
            return
        self.selection = selection
        if selection.kind == "hidden":
            self.focus = (selection.layer, selection.direction)
        self.selection_changed.emit()

    def _selection_fits(self, s: Selection) -> bool:
        return self.trace is not None and self.runner.selection_fits(self, s)
