"""TrainingPanel: the task and its settings, the training settings, compare mode, and Start,
Pause, Stop and Reset, with a progress bar (steps per second) and the report of a divergence.
It drives a TrainingController and shows its state; the curves are a separate dock
(TrainingCurves) fed by the same controller."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from simulator.kinds import compare_choices, kind_of

from ..status_line import Message
from ..translation_marks import QT_TRANSLATE_NOOP
from .controller import MAIN, TrainingProblem, setting_label
from .settings_form import TrainingSettingsForm
from .task_form import TaskForm


class TrainingPanel(QScrollArea):
    def __init__(self, session, controller, curves=None, parent=None):
        super().__init__(parent)
        self.session, self.controller, self.curves = session, controller, curves
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)

        self.task_box = QGroupBox()
        task_column = QVBoxLayout(self.task_box)
        self.task_form = TaskForm()
        self.use_task = QPushButton()
        self.use_task.setObjectName("use_task")
        self.use_task.clicked.connect(self.apply_task)
        task_column.addWidget(self.task_form)
        task_column.addWidget(self.use_task)
        layout.addWidget(self.task_box)

        self.settings_box = QGroupBox()
        self.form = TrainingSettingsForm()
        QVBoxLayout(self.settings_box).addWidget(self.form)
        layout.addWidget(self.settings_box)

        self.compare_box = QGroupBox()
        compare_row = QVBoxLayout(self.compare_box)
        self.compare = QCheckBox()
        self.compare.setObjectName("compare")
        self.compare_with = QComboBox()  # (field, value) pairs (see refresh)
        self.compare.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        compare_row.addWidget(self.compare)
        compare_row.addWidget(self.compare_with)
        layout.addWidget(self.compare_box)

        buttons = QGridLayout()
        self.start_button = QPushButton()
        self.pause_button = QPushButton()
        self.stop_button = QPushButton()
        self.reset_button = QPushButton()
        for index, (name, button, slot) in enumerate(
            (
                ("start", self.start_button, self.start),
                ("pause", self.pause_button, controller.pause),
                ("stop", self.stop_button, controller.stop),
                ("reset", self.reset_button, controller.reset),
            )
        ):
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button, index // 2, index % 2)
        layout.addLayout(buttons)
        layout.addWidget(self.form.message)  # below the buttons: a message moves none of them
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        layout.addWidget(self.progress)
        self.rate = QLabel()
        layout.addWidget(self.rate)
        self.report = QLabel()
        self.report.setWordWrap(True)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report.setStyleSheet(
            "background: #fdecea; border: 1px solid #d62728; padding: 4px; color: #611a15;"
        )
        self.report.hide()
        layout.addWidget(self.report)
        layout.addStretch(1)
        self.setWidget(body)

        self._divergence = None
        self._last = None  # (step, target, rate) of the main run's newest snapshot
        controller.state_changed.connect(self._state_changed)
        controller.snapshot.connect(self._snapshot)
        controller.diverged.connect(self._diverged)
        controller.runs_started.connect(self._runs_started)
        controller.finished.connect(self._finished)
        session.project_changed.connect(self.refresh)
        session.network_changed.connect(self._network_changed)
        self.retranslate()
        self._state_changed(controller.state)
        self.setEnabled(False)

    # ----- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.task_box.setTitle(self.tr("Task"))
        self.use_task.setText(self.tr("Use this task"))
        self.use_task.setToolTip(
            self.tr("Build the task with these settings; the network keeps its cell and sizes")
        )
        self.settings_box.setTitle(self.tr("Training"))
        self.compare_box.setTitle(self.tr("Compare"))
        self._label_compare()
        self.compare.setToolTip(
            self.tr("Train this network (A) and the same one differing only in the setting "
                    "chosen here (B) on the same task and seed, both from their initial "
                    "weights; their curves share the axes")
        )  # fmt: skip
        self.start_button.setToolTip(self.tr("Train the given number of steps (or resume)"))
        self.pause_button.setText(self.tr("Pause"))
        self.pause_button.setToolTip(self.tr("Stop after the current step; Start resumes"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("End this run, keeping the weights it reached"))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(
            self.tr("Forget training: draw the weights again from the init seed (undoable)")
        )
        self._state_changed(self.controller.state)
        self._show_progress()
        if self._divergence is not None:
            self._diverged(*self._divergence)

    def _label_compare(self) -> None:
        self.compare.setText(self.tr("also train a second network with"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----- following the session ---------------------------------------------------------------
    def refresh(self) -> None:
        session = self.session
        if session.project is None:
            return
        self.setEnabled(True)
        self.task_form.show_task(session.task, kind_of(session.spec).task_names())
        self.form.show_settings(session.project.training)
        self._show_compared_setting()
        self._state_changed(self.controller.state)
        self._divergence = None
        self.report.hide()
        self._last = None
        self._show_progress()
        if self.curves is not None:
            from simulator.training.scores import baseline_mse

            self.curves.clear()
            self.curves.set_baseline(baseline_mse(session.task))
            self.show_saved_history()

    def _show_compared_setting(self) -> None:
        """The (field, value) pairs compare mode offers this network, never its own setting;
        the notes' contrast first and picked, or the pair chosen before while it still differs
        from the network. Another kind of model compares afresh."""
        spec = self.session.spec
        pairs = compare_choices(spec)
        chosen = self.compare_with.currentData()
        if chosen is not None and chosen[0] != pairs[0][0] and not hasattr(spec, chosen[0]):
            self.compare.setChecked(False)
            chosen = None
        self.compare_with.clear()
        for field, value in pairs:
            self.compare_with.addItem(setting_label(spec, field, value), (field, value))
        if chosen is not None and getattr(spec, chosen[0]) != chosen[1]:
            self.choose_comparison(*chosen, check=False)
        else:
            self.compare_with.setCurrentIndex(0)

    def choose_comparison(self, field: str, value, check: bool = True) -> None:
        """Compare against `field` = value (offered or not: a lesson may ask for any field),
        and with `check` turn compare mode on; Start then trains both."""
        pair = (field, value)
        offered = [self.compare_with.itemData(k) for k in range(self.compare_with.count())]
        if pair not in offered:  # (not findData: it compares Python objects by identity)
            self.compare_with.addItem(setting_label(self.session.spec, field, value), pair)
            offered.append(pair)
        index = offered.index(pair)
        self.compare_with.setCurrentIndex(index)
        if check:
            self.compare.setChecked(True)

    def _network_changed(self) -> None:
        if self.session.spec is not None:
            self._show_compared_setting()  # the network's own setting is never offered
        if self.controller.state == "idle" and not self.controller.runs:
            self._show_progress()

    def show_saved_history(self) -> None:
        """The project's own history (a saved or earlier run) on the curves."""
        from simulator.training import History

        from .worker import Snapshot

        project = self.session.project
        if self.curves is None or project is None or not project.history:
            return
        history = History.from_dict(project.history)
        snapshot = Snapshot(
            project.step, project.step, 0.0, history.table(), history.columns,
            list(history.evaluations),
        )  # fmt: skip
        self.curves.show_history(MAIN, kind_of(project.spec).label(project.spec), snapshot)

    # ----- commands ------------------------------------------------------------------------------
    def start(self) -> None:
        session = self.session
        if session.project is None:
            return
        settings = self.form.settings(session.project.training)
        if settings is None:
            return
        compare = self.compare_with.currentData() if self.compare.isChecked() else None
        self._divergence = None
        self.report.hide()
        try:
            self.controller.start(settings, compare)
        except TrainingProblem as err:
            if err.field and err.field in self.form.widgets:
                self.form.flag(err.field, str(err))
            else:
                session.problem.emit(str(err))
            return
        if self.curves is not None:
            self.curves.set_clip(settings.clip_norm)

    def apply_task(self) -> None:
        """A new project on the chosen task, keeping the network's cell, sizes and settings."""
        from simulator.project import Project

        session = self.session
        if session.project is None:
            return
        task = self.task_form.task()
        if task is None:
            return
        try:
            spec = kind_of(session.spec).spec_for_task(session.spec, task)
        except ValueError as err:  # a SpecError, or a task whose data the model cannot read
            self.task_form.description.setText(str(err))
            return
        old = session.project
        project = Project(
            spec=spec,
            task={"name": task.name, **task.settings},
            training=old.training,
            init_seed=old.init_seed,
            folder=old.folder,
        )
        self.controller.stop_and_wait(apply=False)
        try:
            session.open_project(project, session.path, session.name)
        except ValueError as err:
            session.problem.emit(str(err))
            return
        session.undo_stack.resetClean()  # a new task is a change to save

    # ----- following the controller ------------------------------------------------------------
    def _state_changed(self, state: str) -> None:
        running, paused = state == "running", state == "paused"
        self.start_button.setText(self.tr("Resume") if paused else self.tr("Start"))
        self.start_button.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running or paused)
        self.task_box.setEnabled(state == "idle")
        self.settings_box.setEnabled(state == "idle")
        self.compare_box.setEnabled(state == "idle")
        if paused:
            self.settings_box.setToolTip(self.tr("Stop the run to change its settings"))
        else:
            self.settings_box.setToolTip("")

    def _runs_started(self) -> None:
        self._last = None
        training = QT_TRANSLATE_NOOP("TrainingPanel", "Training…")  # not the last run's end
        self.session.status.emit(Message("TrainingPanel", training))
        if self.curves is not None:
            self.curves.clear()
        self._show_progress()

    def _snapshot(self, name: str, label: str, snapshot) -> None:
        if self.curves is not None:
            self.curves.show_history(name, label, snapshot)
        if name == MAIN:
            self._last = (snapshot.step, snapshot.target, snapshot.steps_per_second)
            self._show_progress()

    def _show_progress(self) -> None:
        if self._last is None:
            project = self.session.project
            step = project.step if project is not None else 0
            self.progress.setRange(0, max(step, 1))
            self.progress.setValue(step)
            self.progress.setFormat(self.tr("step %v"))
            self.rate.setText("")
            return
        step, target, rate = self._last
        self.progress.setRange(0, max(target, 1))
        self.progress.setValue(step)
        self.progress.setFormat(self.tr("step %v of %m"))
        self.rate.setText(self.tr("{0:.0f} steps per second").format(rate))

    def _diverged(self, name: str, label: str, divergence) -> None:
        self._divergence = (name, label, divergence)
        norms = sorted(divergence.last_norms.items(), key=lambda item: -item[1])[:4]
        shown = ", ".join(f"{param} {value:.3g}" for param, value in norms)
        text = self.tr(
            "<b>Training of {0} diverged at step {1}</b>: {2}; {3}.<br>"
            "Gradient norms of the last good step: {4}.<br>"
            "Try a smaller learning rate or gradient clipping. Undo (Ctrl+Z) brings back "
            "earlier weights."
        ).format(label, divergence.step, divergence.cause, divergence.kept, shown or "—")
        self.report.setText(text)
        self.report.show()
        self.ensureWidgetVisible(self.report)

    def _finished(self, why: str) -> None:
        messages = {
            "done": QT_TRANSLATE_NOOP("TrainingPanel", "Training finished."),
            "stopped": QT_TRANSLATE_NOOP("TrainingPanel", "Training stopped."),
            "paused": QT_TRANSLATE_NOOP(
                "TrainingPanel", "Training paused; the views show the weights reached."
            ),
            "diverged": QT_TRANSLATE_NOOP(
                "TrainingPanel", "Training diverged; the last good weights are kept."
            ),
        }
        self.session.status.emit(Message("TrainingPanel", messages[why]) if why in messages else "")
        if why == "diverged" and self._divergence is not None:
            name, label, divergence = self._divergence
            self.session.problem.emit(
                self.tr("Training of {0} diverged at step {1} ({2}); the last good weights are "
                        "kept.").format(label, divergence.step, divergence.parameter)
            )  # fmt: skip
