"""LessonView: the Lessons dock. With no lesson open it lists them in the notes' order (section,
title); a lesson shows the notes' text for its section, its equation, its claim and numbered
steps, each with a button that does it (the next one marked, the done ones ticked), then its
check's figures or its sweep's plot. Texts follow the interface's language."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..i18n import current_language
from ..translation_marks import QT_TRANSLATE_NOOP
from .results import CheckResult, JobProgress, SweepPlot

# The verb on each kind of step's button.
VERBS = {
    "open": QT_TRANSLATE_NOOP("LessonView", "Open"),
    "goto": QT_TRANSLATE_NOOP("LessonView", "Go"),
    "set": QT_TRANSLATE_NOOP("LessonView", "Set"),
    "reset": QT_TRANSLATE_NOOP("LessonView", "Reset"),
    "train": QT_TRANSLATE_NOOP("LessonView", "Train"),
    "compare": QT_TRANSLATE_NOOP("LessonView", "Compare"),
    "raise": QT_TRANSLATE_NOOP("LessonView", "Show"),
    "sweep": QT_TRANSLATE_NOOP("LessonView", "Sweep"),
    "check": QT_TRANSLATE_NOOP("LessonView", "Check"),
}
NEXT_STYLE = "QFrame#step { background: #fff4ce; border: 1px solid #e0b000; border-radius: 3px; }"
NAME = Qt.ItemDataRole.UserRole


class StepRow(QFrame):
    """One numbered step: its marker (number, ▶ next, ✓ done), its words and its button."""

    def __init__(self, number: int, step, parent=None):
        super().__init__(parent)
        self.setObjectName("step")
        self.number, self.step = number, step
        self.marker = QLabel()
        self.marker.setFixedWidth(22)
        self.marker.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.button = QPushButton()
        self.button.setObjectName(f"step_{number}")
        arguments = ", ".join(f"{k} = {v}" for k, v in step.arguments.items())
        self.button.setToolTip(f"{step.do}: {arguments}" if arguments else step.do)
        row = QHBoxLayout(self)
        row.setContentsMargins(3, 3, 3, 3)
        row.addWidget(self.marker, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.words, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)

    def show_state(self, language: str, done: bool, is_next: bool, waiting: bool) -> None:
        self.words.setText(self.step.words(language))
        self.button.setText(QCoreApplication.translate("LessonView", VERBS[self.step.do]))
        marker = "⌛" if waiting else "✓" if done else "▶" if is_next else f"{self.number}."
        self.marker.setText(marker)
        self.setStyleSheet(NEXT_STYLE if is_next else "")
        font = self.words.font()
        font.setBold(is_next)
        self.words.setFont(font)


class LessonView(QWidget):
    def __init__(self, guide, parent=None):
        super().__init__(parent)
        self.guide = guide
        self.pages = QStackedWidget()
        self.pages.addWidget(self._list_page())
        self.pages.addWidget(self._lesson_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.rows: list[StepRow] = []
        guide.changed.connect(self.refresh)
        guide.job_started.connect(self._job_started)
        guide.job_advanced.connect(self._job_advanced)
        guide.sweep_point.connect(self.sweep.add_point)
        guide.job_finished.connect(self._job_finished)
        self._shown_lesson = None
        self.sweep_runs = 0
        self.retranslate()

    # ----- the two pages -----------------------------------------------------------------------
    def _list_page(self) -> QWidget:
        page = QWidget()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(self._open_item)
        self.list.itemDoubleClicked.connect(self._open_item)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(lambda: self._open_item(self.list.currentItem()))
        column = QVBoxLayout(page)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.intro)
        column.addWidget(self.list, 1)
        column.addWidget(self.open_button)
        return page

    def _lesson_page(self) -> QWidget:
        page = QWidget()
        self.back = QPushButton()
        self.back.setObjectName("leave_lesson")
        self.back.clicked.connect(self.guide.leave)
        self.section = QLabel()
        self.section.setStyleSheet("color: #666;")
        self.section.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(self.section, 1)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(4, 4, 4, 4)
        self.title = QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.equation = QLabel()
        self.equation.setWordWrap(True)
        self.equation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.equation.setStyleSheet(
            "background: #f4f6fa; border: 1px solid #c8d0e0; padding: 5px; font-weight: bold;"
        )
        self.claim = QLabel()
        self.claim.setWordWrap(True)
        self.claim.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.claim.setStyleSheet("background: #eaf4ea; border: 1px solid #9cc79c; padding: 5px;")
        self.steps_heading = QLabel()
        self.steps_box = QVBoxLayout()
        self.steps_box.setSpacing(2)
        seed_row = QHBoxLayout()
        self.seed_label = QLabel()
        self.seed = QSpinBox()
        self.seed.setRange(0, 1_000_000)
        self.seed.valueChanged.connect(lambda value: setattr(self.guide, "seed", value))
        seed_row.addWidget(self.seed_label)
        seed_row.addWidget(self.seed)
        seed_row.addStretch(1)
        self.progress = JobProgress()
        self.progress.stop_requested.connect(self.guide.stop_job)
        self.result = CheckResult()
        self.sweep = SweepPlot()
        for widget in (self.title, self.text, self.equation, self.claim, self.steps_heading):
            column.addWidget(widget)
        column.addLayout(self.steps_box)
        column.addLayout(seed_row)
        for widget in (self.progress, self.result, self.sweep):
            column.addWidget(widget)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(body)
        layout = QGridLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top, 0, 0)
        layout.addWidget(self.scroll, 1, 0)
        return page

    # ----- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.intro.setText(
            self.tr("The notes' sections as demonstrations: each opens an example, does its "
                    "steps for you and checks its claim.")
        )  # fmt: skip
        self.open_button.setText(self.tr("Open lesson"))
        self.back.setText(self.tr("← All lessons"))
        self.back.setToolTip(self.tr("Leave this lesson (what it runs stops; nothing is saved)"))
        steps = self.tr("Steps")
        self.steps_heading.setText(f"<b>{steps}</b>")
        self.seed_label.setText(self.tr("seed of the check and the sweep:"))
        self._fill_list()
        self._shown_lesson = None
        self.refresh()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_list(self) -> None:
        from simulator.lessons import lessons

        language = current_language()
        current = self.list.currentRow()
        self.list.clear()
        for number, lesson in enumerate(lessons(), 1):
            item = QListWidgetItem(f"{number}. {lesson.title[language]}")
            item.setToolTip(lesson.section[language])
            item.setData(NAME, lesson.name)
            self.list.addItem(item)
        self.list.setCurrentRow(max(current, 0))

    def _open_item(self, item) -> None:
        if item is not None:
            self.guide.open(item.data(NAME))

    # ----- following the guide -------------------------------------------------------------------
    def refresh(self) -> None:
        lesson = self.guide.lesson
        self.pages.setCurrentIndex(0 if lesson is None else 1)
        if lesson is None:
            self._shown_lesson = None
            return
        language = current_language()
        if lesson is not self._shown_lesson:
            self._show_lesson(lesson, language)
        for index, row in enumerate(self.rows):
            guide = self.guide
            row.show_state(
                language, index in guide.done, index == guide.next, index == guide.waiting
            )

    def _show_lesson(self, lesson, language: str) -> None:
        from simulator.lessons import lessons

        number = [known.name for known in lessons()].index(lesson.name) + 1
        self.section.setText(f"{number}. {html.escape(lesson.section[language])}")
        self.title.setText(lesson.title[language])
        self.text.setText(lesson.text[language])
        self.equation.setText(lesson.equation)
        if self._shown_lesson is None or self._shown_lesson.name != lesson.name:
            self.result.clear()
            self.sweep.hide()
            self.progress.finished()
            self.scroll.verticalScrollBar().setValue(0)
        self._write_claim(lesson, language)
        for row in self.rows:
            self.steps_box.removeWidget(row)
            row.deleteLater()
        self.rows = [StepRow(k + 1, step) for k, step in enumerate(lesson.steps)]
        for index, row in enumerate(self.rows):
            row.button.clicked.connect(lambda _checked=False, k=index: self.guide.perform(k))
            self.steps_box.addWidget(row)
        self._shown_lesson = lesson

    def _write_claim(self, lesson, language: str) -> None:
        """The claim, and under it the verdict of the last check (on which seed)."""
        claim = self.tr("Claim:")
        text = f"<b>{claim}</b> {html.escape(lesson.claim[language])}"
        outcome = self.result.outcome
        if outcome is not None:
            if outcome.holds:
                colour, words = "#1b7a1b", self.tr("✓ holds on seed {0}")
            else:
                colour, words = "#b3261e", self.tr("✗ does not hold on seed {0}")
            text += f"<br><b style='color:{colour}'>{words.format(self.result.seed)}</b>"
        self.claim.setText(text)

    def _job_started(self, kind: str, index: int) -> None:
        self.progress.started(kind)
        if kind == "sweep":
            arguments = self.guide.lesson.steps[index].arguments
            self.sweep.start(arguments["cells"], arguments["lengths"])
            self.sweep_runs = len(arguments["cells"]) * len(arguments["lengths"])
        else:
            self.result.clear()
            self._write_claim(self.guide.lesson, current_language())
        self.show_result(kind)

    def _job_advanced(self, run: int, step: int, target: int) -> None:
        runs = self.sweep_runs if self.progress.kind == "sweep" else 0
        self.progress.advanced(run, step, target, runs)

    def _job_finished(self, kind: str, result) -> None:
        self.progress.finished()
        if kind == "check":
            if result is None:
                self.result.show_stopped()
            else:
                self.result.show_outcome(result, self.guide.seed)
            self._write_claim(self.guide.lesson, current_language())
        self.show_result(kind)

    def show_result(self, kind: str) -> None:
        """Scroll the lesson to the check's figures or the sweep's plot."""
        widget = self.result if kind == "check" else self.sweep
        self.scroll.widget().layout().activate()  # its new size, before scrolling to it
        self.scroll.ensureWidgetVisible(widget, 0, 0)
