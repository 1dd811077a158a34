"""What a lesson's long steps show: the check's measured figures beside its claim (holds or does
not hold), the sweep's accuracy against length (one curve per cell, growing as each run ends),
and the progress of either with its Stop button."""

from __future__ import annotations

import html
import math

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from .. import presentation

CELL_COLOURS = {"rnn": "#1f77b4", "gru": "#2ca02c", "lstm": "#d62728"}
HOLDS, FAILS = "#1b7a1b", "#b3261e"


class JobProgress(QWidget):
    """A check or sweep at work: which run, its step, and Stop."""

    stop_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("lesson_stop")
        self.stop_button.clicked.connect(self.stop_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar, 1)
        row.addWidget(self.stop_button)
        self.kind = ""
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop the check or sweep within a few steps"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def started(self, kind: str) -> None:
        self.kind = kind
        self.bar.setRange(0, 0)  # busy until the first run reports
        self.bar.setFormat(self.tr("checking…") if kind == "check" else self.tr("sweeping…"))
        self.show()

    def advanced(self, run: int, step: int, target: int, runs: int = 0) -> None:
        """Run `run` (of `runs`, when known) is at `step` of `target`."""
        if runs:
            self.bar.setRange(0, runs * target)
            self.bar.setValue((run - 1) * target + step)
        else:
            self.bar.setRange(0, max(target, 1))
            self.bar.setValue(step)
        text = self.tr("run {0}: step {1} of {2}").format(run, step, target)
        self.bar.setFormat(text if not runs else self.tr("run {0} of {1}").format(run, runs))
        self.bar.setToolTip(text)

    def finished(self) -> None:
        self.hide()


class CheckResult(QLabel):
    """The figures a check measured and whether the claim holds."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome, self.seed = None, 0
        self.hide()

    def show_outcome(self, outcome, seed: int) -> None:
        self.outcome, self.seed = outcome, seed
        self._write()
        self.show()

    def show_stopped(self) -> None:
        self.outcome = None
        self.setText(self.tr("The check was stopped."))
        self.show()

    def clear(self) -> None:
        self.outcome = None
        self.setText("")
        self.hide()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.outcome is not None:
            self._write()
        super().changeEvent(event)

    def _write(self) -> None:
        outcome = self.outcome
        rows = "".join(
            f"<tr><td>{html.escape(name)}</td><td align='right'><b>{_shown(value)}</b></td></tr>"
            for name, value in outcome.figures.items()
        )
        conditions = "".join(
            f"<div style='color:{HOLDS if held else FAILS}'>{'✓' if held else '✗'} "
            f"{html.escape(text)}</div>"
            for text, held in outcome.conditions
        )
        if outcome.holds:
            colour, words = HOLDS, self.tr("The claim holds.")
        else:
            colour, words = FAILS, self.tr("The claim does not hold.")
        verdict = f"<b style='color:{colour}'>{words}</b>"
        heading = self.tr("Measured (seed {0}):").format(self.seed)
        self.setText(
            f"<p>{heading}</p><table cellspacing='2' cellpadding='1'>{rows}</table>"
            f"<p>{conditions}</p><p>{verdict}</p>"
        )


class SweepPlot(pg.PlotWidget):
    """Accuracy against length, one curve per cell, drawn as the runs end."""

    def __init__(self, parent=None):
        super().__init__(parent, enableMenu=False)
        presentation.follow(self)
        self.setMinimumHeight(200)
        self.setMouseEnabled(x=False, y=False)
        self.setYRange(0, 1.02, padding=0)
        self.showGrid(x=True, y=True, alpha=0.2)
        self.legend = self.addLegend(offset=(-4, 4))
        self.points: dict[str, tuple[list[int], list[float]]] = {}
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.lengths: list[int] = []
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.setLabel("bottom", self.tr("length"))
        self.setLabel("left", self.tr("test accuracy"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def start(self, cells, lengths) -> None:
        self.clear()
        self.legend.clear()
        self.points, self.curves = {}, {}
        self.lengths = [int(n) for n in lengths]
        self.setXRange(min(self.lengths) - 1, max(self.lengths) + 1, padding=0)
        for cell in cells:
            colour = CELL_COLOURS.get(cell, "#555555")
            self.points[cell] = ([], [])
            self.curves[cell] = self.plot(
                [], [], pen=pg.mkPen(colour, width=2), symbol="o", symbolBrush=colour,
                symbolSize=7, name=cell,
            )  # fmt: skip
        self.show()

    def add_point(self, cell: str, length: int, accuracy: float) -> None:
        if cell not in self.points:
            return
        lengths, accuracies = self.points[cell]
        lengths.append(length)
        accuracies.append(accuracy)
        self.curves[cell].setData(lengths, accuracies)


def _shown(value) -> str:
    if isinstance(value, list):
        return " / ".join(_shown(v) for v in value)
    if isinstance(value, float):
        return "∞" if math.isinf(value) else f"{value:.3g}"
    return html.escape(str(value))
