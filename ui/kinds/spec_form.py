"""SpecForm: a model's spec as a form (the "Network" dock of every kind: the recurrent
network's BuilderPanel, the encoder-decoder's and the tree model's builders), above its init
seed and weights. A value the engine refuses is outlined in red with the engine's message beside
it and nothing changes; every accepted change rebuilds the model from the init seed (on the undo
stack, so Ctrl+Z brings trained weights back). A field the spec does not use now is greyed out,
its value kept for when the person switches back."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..form_errors import ERROR_STYLE, error_line
from ..i18n import current_language
from ..task_words import setting_name
from .spec_field import SpecField


def _tr(text: str) -> str:
    return QCoreApplication.translate("SpecForm", text)


class SpecForm(QScrollArea):
    def __init__(self, session, fields: tuple[SpecField, ...], parent=None):
        super().__init__(parent)
        self.session = session
        self.fields = fields
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        self.task_box = QGroupBox()
        self.task_text = QLabel()
        self.task_text.setWordWrap(True)
        QVBoxLayout(self.task_box).addWidget(self.task_text)
        layout.addWidget(self.task_box)
        self.network_box = QGroupBox()
        self.form = QFormLayout(self.network_box)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow dock
        self.widgets, self.errors, self.labels = {}, {}, {}
        for field in fields:
            self._add(field)
        layout.addWidget(self.network_box)
        for box in self.more_boxes():
            layout.addWidget(box)
        self.weights_box = QGroupBox()
        weights = QFormLayout(self.weights_box)
        self.seed = QLineEdit()
        self.seed.editingFinished.connect(self._seed_edited)
        self.seed_label = QLabel()
        self.errors["init_seed"] = error_line()
        _add_row(weights, self.seed_label, self.seed, self.errors["init_seed"])
        self.weights_state = QLabel()
        self.weights_state.setWordWrap(True)
        weights.addRow(self.weights_state)
        self.reinit = QPushButton()
        self.reinit.clicked.connect(session.reinitialise)
        weights.addRow(self.reinit)
        layout.addWidget(self.weights_box)
        layout.addStretch(1)
        self.setWidget(body)
        self.setEnabled(False)
        self.retranslate()
        session.project_changed.connect(self.refresh)
        session.network_changed.connect(self.refresh)

    def more_boxes(self) -> list[QWidget]:
        """Boxes a kind shows between its network's fields and the weights (none here)."""
        return []

    def _add(self, field: SpecField) -> None:
        if field.kind == "choice":
            widget = QComboBox()
            widget.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            widget.setMinimumContentsLength(6)  # fits a narrow dock; the list shows in full
            for value in field.choices:
                widget.addItem(value, value)
            widget.activated.connect(
                lambda _i, f=field.name, w=widget: self._change(f, w.currentData())
            )
        elif field.kind == "bool":
            widget = QCheckBox()
            widget.clicked.connect(lambda checked, f=field.name: self._change(f, bool(checked)))
        else:
            widget = QLineEdit()
            widget.editingFinished.connect(lambda f=field, w=widget: self._typed(f, w))
        widget.setObjectName(field.name)
        error = error_line()
        label = QLabel()
        label.setWordWrap(True)  # long labels take two lines in a narrow dock
        self.widgets[field.name], self.errors[field.name], self.labels[field.name] = (
            widget,
            error,
            label,
        )
        _add_row(self.form, label, widget, error)

    def retranslate(self) -> None:
        self.task_box.setTitle(self.tr("Task"))
        self.network_box.setTitle(self.tr("Network"))
        self.weights_box.setTitle(self.tr("Weights"))
        self.seed_label.setText(self.tr("init seed"))
        self.seed.setToolTip(self.tr("Initial weights are drawn from this seed"))
        self.reinit.setText(self.tr("Draw new weights"))
        self.reinit.setToolTip(
            self.tr("Forget training: draw the weights again from the init seed")
        )
        for field in self.fields:
            self.labels[field.name].setText(_tr(field.label))
            self.labels[field.name].setToolTip(_tr(field.help))
            self.widgets[field.name].setToolTip(_tr(field.help))
        self.refresh()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----- the person's edits ------------------------------------------------------------------
    def _typed(self, field: SpecField, widget: QLineEdit) -> None:
        name, text = field.name, widget.text().strip()
        if self.session.spec is None or text == _shown(getattr(self.session.spec, name)):
            self.show_error(name, "")
            return
        real = field.kind == "real"
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
        if message:  # the form keeps showing what the network is
            self._show_value(name)

    def _seed_edited(self) -> None:
        text = self.seed.text().strip()
        if self.session.project is None or text == str(self.session.project.init_seed):
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
        error = self.errors[name]
        error.setText(message)
        error.parentWidget().layout().setRowVisible(error, bool(message))
        if message:  # the message is where the person is looking, not below the fold
            self.ensureWidgetVisible(self.errors[name], 10, 10)

    def error(self, name: str) -> str:
        return self.errors[name].text() if not self.errors[name].isHidden() else ""

    # ----- following the session -------------------------------------------------------------
    def _show_value(self, name: str) -> None:
        field = next(f for f in self.fields if f.name == name)
        widget, value = self.widgets[name], getattr(self.session.spec, name)
        widget.blockSignals(True)
        if field.kind == "choice":
            widget.setCurrentIndex(widget.findData(value))
        elif field.kind == "bool":
            widget.setChecked(bool(value))
        else:
            widget.setText(_shown(value))
        widget.blockSignals(False)

    def refresh(self) -> None:
        session = self.session
        spec, task, project = session.spec, session.task, session.project
        if spec is None:
            return
        self.setEnabled(True)
        for field in self.fields:
            self._show_value(field.name)
            applies = field.applies(spec)
            self.widgets[field.name].setEnabled(applies)
            self.labels[field.name].setEnabled(applies)
            tip = _tr(field.help)
            if not applies and field.why_not:
                why = self.tr("Not used now: {0} (kept for when you switch back)")
                tip += "\n" + why.format(_tr(field.why_not))
            self.widgets[field.name].setToolTip(tip)
            self.show_error(field.name, "")
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
        language = current_language()
        about = task.description.get(language) or task.description.get("en", "")
        settings = ", ".join(f"{setting_name(k)} = {v}" for k, v in task.settings.items())
        self.task_text.setText(
            f"<b>{task.name}</b>: {about}<br><span style='color:#777'>{settings}</span>"
        )


def _add_row(form: QFormLayout, label: QLabel, widget, error: QLabel) -> None:
    """A field, and its error message in a row of its own under it: the message wraps across
    the whole width of the form (beside the field, in a narrow dock, it was cut off)."""
    form.addRow(label, widget)
    form.addRow(error)
    form.setRowVisible(error, False)


def _shown(value) -> str:
    """A typed field's value as the form shows it: empty for none."""
    return "" if value is None else str(value)
