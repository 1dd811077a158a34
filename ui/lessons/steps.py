"""What a lesson's step button does in the window, one method per kind of step.

Each goes through what a person would use: the file actions (a shipped example opens as an
unsaved copy; unsaved work of the person's is asked about first), the session (go to an event,
change a network field: undoable, the Network form follows), the Training tab (its task and
settings forms, its compare choice, Start, Reset) and the window's docks. A step that cannot be
done says why in the window's message bar and returns False. The check and the sweep run in a
worker: the LessonGuide starts those (ui/lessons/guide.py).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


class StepActions:
    def __init__(self, window):
        self.window = window
        self.session = window.session

    @property
    def panel(self):
        return self.window.training_panel

    def open(self, lesson, project: str) -> bool:
        self.stop_training()
        if not self.window.file_actions.open_path(lesson.project_path(project), example=True):
            return False
        self.panel.compare.setChecked(False)  # a lesson's comparison is one of its steps
        return True

    def goto(self, event) -> bool:
        message = self.session.goto_event(str(event))
        if message:
            self.session.problem.emit(message)
        return not message

    def set(self, field: str, value) -> bool:
        """network.X: an undoable edit of the network; training.X: the Training tab's form (the
        next Start uses it); task.X: the Training tab's task form, built with Use this task."""
        section, name = field.split(".", 1)
        if section == "network":
            self.stop_training()
            message = self.session.change_spec(**{name: value})
            if message:
                self.session.problem.emit(message)
            return not message
        if section == "training":
            return self._set_training(name, value)
        return self._set_task(name, value)

    def _set_training(self, name: str, value) -> bool:
        form = self.panel.form
        if name in ("clip_norm", "clip_value"):
            form.set_value(
                "clipping", ("norm" if name == "clip_norm" else "value") if value else "off"
            )
            if value:
                form.set_value("clip", value)
        elif name in form.widgets:
            form.set_value(name, value)
        else:
            self.session.problem.emit(
                QCoreApplication.translate(
                    "LessonSteps", "The Training tab has no setting {0}."
                ).format(name)
            )
            return False
        return True

    def _set_task(self, name: str, value) -> bool:
        fields = self.panel.task_form.fields
        if name not in fields.widgets:
            self.session.problem.emit(
                QCoreApplication.translate("LessonSteps", "This task has no setting {0}.").format(
                    name
                )
            )
            return False
        fields.set_value(name, value)
        before = self.session.project
        self.panel.apply_task()
        return self.session.project is not before

    def reset(self) -> bool:
        self.window.training.reset()
        return True

    def train(self, steps: int | None = None) -> bool:
        """Train `steps` steps (or the Training tab's count) with the Training tab: both
        networks when it compares, their curves raised."""
        self.stop_training()
        if steps is not None:
            self.panel.form.set_value("steps", steps)
        self.raise_panel("curves")
        self.panel.start()
        return self.window.training.state == "running"

    def compare(self, field: str, value, steps: int | None) -> bool:
        """Train this network and the same one with `field` = value side by side, both from
        their initial weights."""
        self.panel.choose_comparison(field, value)
        return self.train(steps)

    def kernels_ready(self, compare: tuple[str, object] | None = None) -> bool:
        """True when training (and the compared network's, when it has another cell) can
        start without waiting for compiled kernels."""
        from ..kernels import kernel_key

        session = self.session
        if session.kernels is None or session.spec is None:
            return True
        if session.runner is not None:  # an encoder-decoder or a tree model
            return session.runner.ready(session)
        cells = {session.spec.cell}
        if compare is not None and compare[0] == "cell":
            cells.add(compare[1])
        return all(session.kernels.is_ready(kernel_key(c, session.spec.dtype)) for c in cells)

    def raise_panel(self, name: str) -> bool:
        dock = self.window.docks.get(name)
        if dock is None:
            return False
        dock.show()
        dock.raise_()
        return True

    def stop_training(self) -> None:
        """A step starts from a still window: a run trains no more (its weights are kept)."""
        controller = self.window.training
        if controller.state == "running":
            controller.stop_and_wait()
        if controller.state == "paused":
            controller.stop()
