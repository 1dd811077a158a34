"""TaskForm: choose a task and its settings (simulator.tasks.defaults_of and rules_of), and see a
few of its examples. `task()` builds it; a setting the task refuses is flagged in place with the
TaskError's message. The network keeps what the person built; the task fixes only the fields
its data implies (input or vocabulary size, output size, mode, loss)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..i18n import current_language
from ..task_words import describe, setting_name
from .form import FieldForm

EXAMPLES_SHOWN = 3


class TaskForm(QWidget):
    task_picked = Signal()  # the person chose another task in the list

    def __init__(self, parent=None):
        super().__init__(parent)
        self.name = QComboBox()
        self.name.setObjectName("task_name")
        self.name.activated.connect(self._picked)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.fields = FieldForm()
        self.examples_title = QLabel()
        self.examples_title.setWordWrap(True)
        self.examples = QLabel()
        self.examples.setWordWrap(True)
        self.examples.setStyleSheet("color: #444; font-family: monospace;")
        for label in (self.description, self.examples, self.examples_title):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.name.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.name.setMinimumContentsLength(8)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.name)
        self.column.addWidget(self.description)
        self.column.addWidget(self.fields)
        self.column.addWidget(self.examples_title)
        self.column.addWidget(self.examples)
        self.shown_task = None  # the Task whose description and examples are shown
        self.retranslate()

    def retranslate(self) -> None:
        self.name.setToolTip(self.tr("The data set the network trains on"))
        self.examples_title.setText(self.tr("A few training examples (input -> target):"))
        self._label_fields()
        self._describe()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----- showing a task ------------------------------------------------------------------------
    def show_task(self, task, names: tuple[str, ...]) -> None:
        """Show the session's task: its name, settings, description and examples; `names`
        are the tasks its model can train on (its kind's task_names())."""
        if names != tuple(self.name.itemData(k) for k in range(self.name.count())):
            self.name.clear()
            for name in names:
                self.name.addItem(name, name)
        self.name.setCurrentIndex(max(self.name.findData(task.name), 0))
        self._fill(task.name, task.settings)
        self.shown_task = task
        self._describe()

    def _picked(self) -> None:
        from simulator.tasks import defaults_of

        name = self.name.currentData()
        self._fill(name, defaults_of(name))
        self.shown_task = None
        self._describe()
        self.task_picked.emit()

    def _fill(self, name: str, settings: dict) -> None:
        from simulator.tasks import rules_of
        from simulator.tasks.settings import Choice

        fields = FieldForm()
        rules = rules_of(name)
        for key, value in settings.items():
            rule = rules.get(key)
            tip = f"task.{key}: {rule}"  # the engine's words for what is allowed (English)
            if isinstance(rule, Choice):
                fields.choice(key, "", rule.options, tip)
                fields.set_value(key, value)
            else:
                fields.line(key, "", "" if value is None else str(value), tip)
        self.column.replaceWidget(self.fields, fields)
        self.fields.hide()  # until Qt deletes it, it would be drawn under the new fields
        self.fields.deleteLater()
        self.fields = fields
        self._label_fields()

    def _label_fields(self) -> None:
        for key, label in self.fields.labels.items():
            label.setText(setting_name(key))

    def _describe(self) -> None:
        task = self.shown_task
        if task is None:
            self.description.setText(self.tr("Press “Use this task” to build it."))
            self.examples.setText("")
            return
        language = current_language()
        self.description.setText(task.description.get(language) or task.description.get("en"))
        count = min(EXAMPLES_SHOWN, len(task.train))
        lines = [_shorten(describe(task, "train", i)) for i in range(count)]
        self.examples.setText("<br>".join(_escape(line) for line in lines))

    # ----- building --------------------------------------------------------------------------
    def settings(self) -> dict | None:
        """The settings typed in, as values (numbers parsed), or None with bad ones flagged."""
        from simulator.tasks import rules_of
        from simulator.tasks.settings import Integer, Number

        rules = rules_of(self.name.currentData())
        self.fields.clear_flags()
        values = {}
        for key in self.fields.widgets:
            text = self.fields.text(key)
            rule = rules.get(key)
            try:
                if isinstance(rule, Integer):
                    values[key] = int(text)
                elif isinstance(rule, Number):
                    values[key] = float(text)
                else:
                    values[key] = text
            except ValueError:
                self.fields.flag(
                    key, self.tr("{0} = {1!r} is not allowed: {2}").format(key, text, rule)
                )
                return None
        return values

    def task(self):
        """The Task the form describes, or None with the bad setting flagged (TaskError)."""
        from simulator.tasks import TaskError, make_task
        from simulator.tasks.base import SettingError

        values = self.settings()
        if values is None:
            return None
        try:
            return make_task(self.name.currentData(), values)
        except SettingError as err:
            key = err.setting if err.setting in self.fields.widgets else None
            self._flag(key, str(err))
        except TaskError as err:
            self._flag(None, str(err))
        return None

    def _flag(self, key, message: str) -> None:
        if key is None and self.fields.widgets:
            key = next(iter(self.fields.widgets))
        if key is not None:
            self.fields.flag(key, message)
        else:
            self.description.setText(message)


def _shorten(text: str, most: int = 60) -> str:
    """The input cut to fit, the target kept (cut only when long itself)."""
    given, arrow, target = text.partition("  ->  ")
    target = _cut(target, 30)
    return _cut(given, max(most - len(target), 12)) + arrow + target


def _cut(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
