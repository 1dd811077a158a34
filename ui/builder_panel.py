"""BuilderPanel: the network's settings as a form. A value the engine refuses is outlined in red
with the engine's message beside it; nothing changes until the value is allowed. Every change
rebuilds the network from the init seed and goes on the undo stack."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from .i18n import current_language, translate
from .spec_fields import CHOICES, FIELDS, FIXED, fixed_reason

ERROR_STYLE = "border: 2px solid #d62728; border-radius: 3px;"


class BuilderPanel(QScrollArea):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        self.task_box = QGroupBox(self.tr("Task"))
        self.task_text = QLabel()
        self.task_text.setWordWrap(True)
        QVBoxLayout(self.task_box).addWidget(self.task_text)
        layout.addWidget(self.task_box)
        network_box = self.network_box = QGroupBox(self.tr("Network"))
        self.form = QFormLayout(network_box)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.widgets, self.errors, self.field_labels = {}, {}, {}
        for field in FIELDS:
            self._add_field(field)
        layout.addWidget(network_box)
        fixed_box = self.fixed_box = QGroupBox(self.tr("Fixed by the task"))
        fixed_form = QFormLayout(fixed_box)
        self.fixed = {}
        for name in FIXED:
            label = QLabel()
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fixed[name] = label
            fixed_form.addRow(name, label)
        layout.addWidget(fixed_box)
        weights_box = self.weights_box = QGroupBox(self.tr("Weights"))
        weights_form = QFormLayout(weights_box)
        self.seed = QLineEdit()
        self.seed.setToolTip(self.tr("Initial weights are drawn from this seed"))
        self.seed.editingFinished.connect(self._seed_edited)
        self.errors["init_seed"] = self._error_label()
        self.seed_label = QLabel(self.tr("init seed"))
        weights_form.addRow(self.seed_label, self._with_error(self.seed, "init_seed"))
        self.weights_state = QLabel()
        self.weights_state.setWordWrap(True)
        weights_form.addRow(self.weights_state)
        self.reinit = QPushButton(self.tr("Draw new weights (forget training)"))
        self.reinit.clicked.connect(session.reinitialise)
        weights_form.addRow(self.reinit)
        layout.addWidget(weights_box)
        layout.addStretch(1)
        self.setWidget(body)
        self.setEnabled(False)
        session.project_changed.connect(self.refresh)
        session.network_changed.connect(self.refresh)

    def retranslate(self) -> None:
        self.task_box.setTitle(self.tr("Task"))
        self.network_box.setTitle(self.tr("Network"))
        self.fixed_box.setTitle(self.tr("Fixed by the task"))
        self.weights_box.setTitle(self.tr("Weights"))
        for field in FIELDS:
            self.field_labels[field.name].setText(translate("SpecFields", field.label))
            self.field_labels[field.name].setToolTip(translate("SpecFields", field.help))
            self.widgets[field.name].setToolTip(translate("SpecFields", field.help))
        self.seed.setToolTip(self.tr("Initial weights are drawn from this seed"))
        self.seed_label.setText(self.tr("init seed"))
        self.reinit.setText(self.tr("Draw new weights (forget training)"))
        self.refresh()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----- building the form -----------------------------------------------------------------
    def _add_field(self, field) -> None:
        if field.kind == "choice":
            widget = QComboBox()
            for value in CHOICES[field.name]:
                widget.addItem(value, value)
            widget.activated.connect(
                lambda _i, f=field.name, w=widget: self._change(f, w.currentData())
            )
        elif field.kind == "bool":
            widget = QCheckBox()
            widget.clicked.connect(lambda checked, f=field.name: self._change(f, bool(checked)))
        else:
            widget = QLineEdit()
            real = field.kind == "real"
            widget.editingFinished.connect(
                lambda f=field.name, w=widget, r=real: self._typed(f, w, r)
            )
        widget.setToolTip(translate("SpecFields", field.help))
        widget.setObjectName(field.name)
        self.widgets[field.name] = widget
        self.errors[field.name] = self._error_label()
        label = QLabel(translate("SpecFields", field.label))
        label.setToolTip(translate("SpecFields", field.help))
        self.field_labels[field.name] = label
        self.form.addRow(label, self._with_error(widget, field.name))

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet("color: #d62728;")
        label.hide()
        return label

    def _with_error(self, widget, name) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        row = QHBoxLayout()
        row.addWidget(widget, 1)
        column.addLayout(row)
        column.addWidget(self.errors[name])
        return box

    # ----- the person's edits ------------------------------------------------------------------
    def _typed(self, name: str, widget: QLineEdit, real: bool) -> None:
        text = widget.text().strip()
        if text == _shown(getattr(self.session.spec, name)):
            self.show_error(name, "")
            return
        try:
            value = (float(text) if text else None) if real else int(text)
        except ValueError:
            wanted = self.tr("a number, or empty for none") if real else self.tr("a whole number")
            self.show_error(
                name, self.tr("{0} = {1!r} is not allowed: {2}").format(name, text, wanted)
            )
            return
        self._change(name, value)

    def _change(self, name: str, value) -> None:
        if self.session.project is None:
            return
        message = self.session.change_spec(**{name: value})
        self.show_error(name, message or "")

    def _seed_edited(self) -> None:
        text = self.seed.text().strip()
        if text == str(self.session.project.init_seed):
            self.show_error("init_seed", "")
            return
        if not text.isdigit():
            self.show_error(
                "init_seed",
                self.tr("init_seed = {0!r} is not allowed: a whole number >= 0").format(text),
            )
            return
        self.show_error("init_seed", "")
        self.session.change_init_seed(int(text))

    def show_error(self, name: str, message: str) -> None:
        """Outline the field in red with the message beside it (empty: clear)."""
        widget = self.seed if name == "init_seed" else self.widgets[name]
        widget.setStyleSheet(ERROR_STYLE if message else "")
        label = self.errors[name]
        label.setText(message)
        label.setVisible(bool(message))
        if message:  # the message is where the person is looking, not below the fold
            self.ensureWidgetVisible(label, 10, 10)

    def error(self, name: str) -> str:
        return self.errors[name].text() if self.errors[name].isVisible() else ""

    # ----- following the session -------------------------------------------------------------
    def refresh(self) -> None:
        session = self.session
        spec, task, project = session.spec, session.task, session.project
        if spec is None:
            return
        self.setEnabled(True)
        for field in FIELDS:
            widget = self.widgets[field.name]
            value = getattr(spec, field.name)
            widget.blockSignals(True)
            if field.kind == "choice":
                widget.setCurrentIndex(widget.findData(value))
            elif field.kind == "bool":
                widget.setChecked(bool(value))
            else:
                widget.setText(_shown(value))
            widget.blockSignals(False)
            applies = field.applies(spec)
            widget.setEnabled(applies)
            self.form.labelForField(widget.parentWidget()).setEnabled(applies)
            tip = translate("SpecFields", field.help)
            if not applies:
                tip += "\n" + self.tr("Not used now: {0} (kept for when you switch back)").format(
                    translate("SpecFields", field.why_not)
                )
            widget.setToolTip(tip)
            self.show_error(field.name, "")
        for name, label in self.fixed.items():
            value = getattr(spec, name)
            row_visible = value is not None
            label.setText(
                f"<b>{value}</b> <span style='color:#777'>— "
                f"{fixed_reason(name, spec, task, translate)}</span>"
                if row_visible
                else ""
            )
            label.setVisible(row_visible)
            form = label.parentWidget().layout()
            form.labelForField(label).setVisible(row_visible)
        self.seed.setText(str(project.init_seed))
        self.show_error("init_seed", "")
        if project.parameters is not None and project.step:
            state = self.tr("Trained for {0} steps.").format(project.step)
        elif project.parameters is not None:
            state = self.tr("Loaded from the project file.")
        else:
            state = self.tr("Untrained: drawn from seed {0}.").format(project.init_seed)
        self.weights_state.setText(state)
        self.reinit.setEnabled(project.parameters is not None)
        settings = ", ".join(f"{k} = {v}" for k, v in task.settings.items())
        self.task_text.setText(
            f"<b>{task.name}</b>: {task.description.get(current_language(), '')}"
            f"<br><span style='color:#777'>{settings}</span>"
        )


def _shown(value) -> str:
    """A typed field's value as the form shows it: empty for none."""
    return "" if value is None else str(value)
