"""StepperBar: move through the events of the trace one at a time, play them, or jump; the
current event is told, and the timeline grouped, as the model's kind does (ui.kinds.registry)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .timeline import Timeline

SPEEDS = (1, 2, 5, 10, 20, 50)  # events per second


class StepperBar(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        style = self.style()
        icon = style.standardIcon
        P = QStyle.StandardPixmap
        self.home_action = self._action(
            self.tr("Start"),
            "Home",
            icon(P.SP_MediaSkipBackward),
            session.home,
            self.tr("Go to the first event (Home)"),
        )
        self.back_action = self._action(
            self.tr("Step back"),
            "Left",
            icon(P.SP_MediaSeekBackward),
            lambda: session.step(-1),
            self.tr("One event back (Left)"),
        )
        self.play_action = self._action(
            self.tr("Play"),
            "Space",
            icon(P.SP_MediaPlay),
            self.toggle_play,
            self.tr("Play or pause (Space)"),
        )
        self.forward_action = self._action(
            self.tr("Step"),
            "Right",
            icon(P.SP_MediaSeekForward),
            lambda: session.step(1),
            self.tr("One event forward (Right)"),
        )
        self.loss_action = self._action(
            self.tr("Loss"),
            "L",
            None,
            session.to_loss,
            self.tr("Jump to the loss, between forward and backward (L)"),
        )
        self.end_action = self._action(
            self.tr("End"),
            "End",
            icon(P.SP_MediaSkipForward),
            session.end,
            self.tr("Go to the last event (End)"),
        )
        self.actions_ = [
            self.home_action,
            self.back_action,
            self.play_action,
            self.forward_action,
            self.loss_action,
            self.end_action,
        ]
        self._play_icon, self._pause_icon = icon(P.SP_MediaPlay), icon(P.SP_MediaPause)

        buttons = QHBoxLayout()
        buttons.setSpacing(2)
        for action in self.actions_:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(
                Qt.ToolButtonStyle.ToolButtonTextOnly
                if action is self.loss_action
                else Qt.ToolButtonStyle.ToolButtonIconOnly
            )
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        self.speed = QComboBox()
        for speed in SPEEDS:
            self.speed.addItem(self.tr("{0} / s").format(speed), speed)
        self.speed.setCurrentIndex(SPEEDS.index(5))
        self.speed.currentIndexChanged.connect(self._speed_changed)
        self.speed.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons.addWidget(self.speed)
        self.description = QLabel()
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        buttons.addSpacing(8)
        buttons.addWidget(self.description, 1)
        self.timeline = Timeline()
        self.timeline.moved.connect(session.goto)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addLayout(buttons)
        layout.addWidget(self.timeline)

        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self._speed_changed()
        session.trace_changed.connect(self._trace_changed)
        session.cursor_moved.connect(self._moved)
        self.retranslate()
        self._trace_changed()

    def retranslate(self) -> None:
        texts = (
            (self.home_action, self.tr("Start"), self.tr("Go to the first event (Home)")),
            (self.back_action, self.tr("Step back"), self.tr("One event back (Left)")),
            (self.play_action, self.tr("Play"), self.tr("Play or pause (Space)")),
            (self.forward_action, self.tr("Step"), self.tr("One event forward (Right)")),
            (
                self.loss_action,
                self.tr("Loss"),
                self.tr("Jump to the loss, between forward and backward (L)"),
            ),
            (self.end_action, self.tr("End"), self.tr("Go to the last event (End)")),
        )
        for action, text, tip in texts:
            action.setText(text)
            action.setToolTip(tip)
        if self.playing:
            self.play_action.setText(self.tr("Pause"))
        for index, speed in enumerate(SPEEDS):
            self.speed.setItemText(index, self.tr("{0} / s").format(speed))
        self.speed.setToolTip(self.tr("Events per second while playing"))
        if self.session.stepper is not None:
            self.description.setText(self.describe())

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _action(self, text, keys, icon, slot, tip) -> QAction:
        action = QAction(text, self)
        if icon is not None:
            action.setIcon(icon)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    # ----- playing -------------------------------------------------------------------------------
    @property
    def playing(self) -> bool:
        return self.timer.isActive()

    def toggle_play(self) -> None:
        if self.playing:
            self.pause()
        elif self.session.stepper is not None:
            if self.session.at_end:
                self.session.home()
            self.timer.start()
            self.play_action.setIcon(self._pause_icon)
            self.play_action.setText(self.tr("Pause"))

    def pause(self) -> None:
        self.timer.stop()
        self.play_action.setIcon(self._play_icon)
        self.play_action.setText(self.tr("Play"))

    def _tick(self) -> None:
        if self.session.at_end:
            self.pause()
        else:
            self.session.step(1)

    def _speed_changed(self) -> None:
        self.timer.setInterval(int(1000 / self.speed.currentData()))

    # ----- following the session -------------------------------------------------------------
    def _trace_changed(self) -> None:
        stepper = self.session.stepper
        enabled = stepper is not None
        for action in self.actions_:
            action.setEnabled(enabled)
        if not enabled:
            self.pause()
            self.timeline.set_events([])
            self.description.setText(self.tr("No trace yet."))
            return
        self.loss_action.setEnabled(stepper.loss_at is not None)
        self.timeline.set_events(self.timeline_events(stepper))
        self._moved(stepper.index)

    def timeline_events(self, stepper) -> list:
        """What the timeline draws, grouped as the model's kind groups its events."""
        return self._window_kind().timeline_events(stepper)

    def _moved(self, index: int) -> None:
        self.timeline.set_index(index)
        self.description.setText(self.describe())

    def describe(self) -> str:
        """The current event in the words of the model's kind, and how far through they are."""
        stepper = self.session.stepper
        count = self.tr("event {0} of {1}").format(stepper.index + 1, len(stepper))
        event = self._window_kind().describe_event(self.session)
        return self.tr("{0}    ({1})").format(event, count)

    def _window_kind(self):
        from .kinds.registry import window_kind

        return window_kind(self.session.spec)
