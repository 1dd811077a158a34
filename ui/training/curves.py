"""TrainingCurves: loss, accuracy and gradient norm against the step, live while training.

Snapshots arrive from the workers (at most ~30 a second each); the newest of each run is kept
and drawn by a timer at most `FPS` times a second, into plot items created once per run
(setData only). Clipping events are marked on the gradient-norm curve; test evaluations are
drawn dashed beside the training curves. Two runs (compare mode) share the axes. For a regression
task a grey dashed line marks the test set's mean predictor on the loss's own scale (the loss is
1/2 MSE, so the line is at 1/2 baseline MSE), and the legend says so. When a run has trained
all its steps, the legend adds what it reached on the test set (MSE beside the baseline, or
accuracy, and for a treebank the accuracy on negated phrases).
"""

from __future__ import annotations

import html
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .. import presentation
from ..figures import attach_figure_menu
from ..plots.style import cache_still_parts, log_axis, safe_log10

FPS = 30
RUN_COLOURS = {"main": "#1f77b4", "compare": "#d62728"}
CLIP_COLOUR = "#ff8c00"
BASELINE_COLOUR = "#555555"


class TrainingCurves(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.note = QLabel()
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #444;")
        self.view = pg.GraphicsLayoutWidget()
        presentation.follow(self.view)
        self.view.ci.setContentsMargins(2, 2, 2, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        self.loss_plot = pg.PlotItem(enableMenu=False)
        self.accuracy_plot = pg.PlotItem(enableMenu=False)
        self.grad_plot = pg.PlotItem(enableMenu=False)
        self._arrangement = None
        self._arrange()
        cache_still_parts(self.view)  # the axes (and their grid) repaint as pixmaps
        self.accuracy_plot.setYRange(0, 1, padding=0.02)
        for plot in self.plots():  # ranges are set by _fit_ranges, only when the data leaves them
            plot.disableAutoRange()
            plot.setMouseEnabled(x=False, y=False)
        self._ranges: dict[str, tuple[float, float]] = {}
        for plot in self.plots():
            plot.showGrid(x=True, y=True, alpha=0.2)
            plot.titleLabel.opts["size"] = "9pt"
        self.accuracy_plot.getViewBox().setLimits(yMin=-0.05, yMax=1.05)
        self.items: dict[str, dict] = {}
        self.labels: dict[str, str] = {}
        self._pending: dict[str, object] = {}
        self.latest: dict[str, object] = {}
        self.redraws = 0  # how many times the curves were drawn (for tests and benchmarks)
        self.redraw_times: list[float] = []
        self._timer = QTimer(self)  # ticks while snapshots arrive; stops when none is queued
        self._timer.setInterval(1000 // FPS)
        self._timer.timeout.connect(self._redraw)
        self.clip_line = pg.InfiniteLine(angle=0, pen=pg.mkPen(CLIP_COLOUR, style=Qt.DashLine))
        self.clip_line.hide()
        self.grad_plot.addItem(self.clip_line, ignoreBounds=True)
        self.baseline = None  # the test set's mean-predictor MSE (regression), or None
        self.baseline_line = pg.InfiniteLine(
            angle=0, pen=pg.mkPen(BASELINE_COLOUR, width=1.5, style=Qt.DashLine)
        )
        self.baseline_line.hide()
        self.loss_plot.addItem(self.baseline_line, ignoreBounds=True)
        self.retranslate()
        self.tell_empty()
        attach_figure_menu(self, self.view.ci, "training_curves")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Three plots in a row when the dock is wide, else the loss above the other two."""
        wide = self.width() >= 2.4 * max(self.height(), 1)
        if wide == self._arrangement:
            return
        ci = self.view.ci
        for plot in self.plots():
            if plot.scene() is not None:
                ci.removeItem(plot)
        if wide:
            ci.addItem(self.loss_plot, 0, 0)
            ci.addItem(self.accuracy_plot, 0, 1)
            ci.addItem(self.grad_plot, 0, 2)
        else:
            ci.addItem(self.loss_plot, 0, 0, 1, 2)
            ci.addItem(self.accuracy_plot, 1, 0)
            ci.addItem(self.grad_plot, 1, 1)
        self._arrangement = wide

    def plots(self):
        return (self.loss_plot, self.accuracy_plot, self.grad_plot)

    def retranslate(self) -> None:
        self.loss_plot.setTitle(self.tr("loss (training, and test dashed)"))
        self.accuracy_plot.setTitle(self.tr("accuracy"))
        self.grad_plot.setTitle(self.tr("gradient norm ‖g‖ (◆ clipped)"))
        for plot in self.plots():
            plot.getAxis("bottom").setToolTip(self.tr("step"))
        if not self.items:
            self.tell_empty()
        else:
            self._write_note()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def tell_empty(self) -> None:
        start = self.tr("Press Start in the Training panel to train the network.")
        self.note.setText("<br>".join([*self._baseline_note(), start]))

    def _baseline_note(self) -> list[str]:
        """The baseline line's entry in the legend (none without a baseline)."""
        if not self.baseline:
            return []
        return [
            self.tr("<span style='color:{0}'>┄ mean predictor: ½·MSE = {1:.4g} (its test MSE "
                    "{2:.4g}); the loss is ½·MSE</span>").format(
                BASELINE_COLOUR, self.baseline / 2, self.baseline
            )
        ]  # fmt: skip

    # ----- data --------------------------------------------------------------------------------
    def clear(self) -> None:
        for items in self.items.values():
            for key, item in items.items():
                self._plot_of(key).removeItem(item)
        self.items, self.labels, self._pending, self.latest = {}, {}, {}, {}
        self._ranges = {}
        self.tell_empty()

    def set_clip(self, clip_norm: float) -> None:
        """Mark the clipping threshold on the gradient-norm plot (0: none)."""
        if clip_norm > 0:
            self.clip_line.setValue(np.log10(clip_norm))
            self.clip_line.show()
        else:
            self.clip_line.hide()

    def set_baseline(self, mse: float | None) -> None:
        """Mark the mean predictor's test MSE on the loss plot, as the loss measures it:
        loss = 1/2 MSE, so the line is at mse / 2 (None: a task with classes, no line)."""
        self.baseline = mse
        if mse is not None and mse > 0:
            self.baseline_line.setValue(np.log10(mse / 2))
            self.baseline_line.show()
        else:
            self.baseline_line.hide()
        self._fit_ranges()
        self._write_note()

    def show_history(self, name: str, label: str, snapshot) -> None:
        """Queue a run's newest snapshot; it is drawn within 1/FPS s."""
        self._pending[name] = snapshot
        self.labels[name] = label
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Draw what is queued now (tests, screenshots)."""
        self._timer.stop()
        self._redraw()

    def _redraw(self) -> None:
        if not self._pending:
            self._timer.stop()
            return
        started = time.perf_counter()
        for name, snapshot in self._pending.items():
            items = self.items.get(name) or self._make_items(name, self.labels[name])
            table = snapshot.table
            if not len(table):
                continue
            steps = snapshot.column("step")
            items["loss"].setData(steps, _log10(snapshot.column("loss")))
            items["accuracy"].setData(steps, snapshot.column("accuracy"))
            norms = _log10(snapshot.column("grad_norm"))
            items["grad"].setData(steps, norms)
            clipped = snapshot.column("clipped") > 0
            items["clipped"].setData(steps[clipped], norms[clipped])
            if snapshot.evaluations:
                evaluations = np.array(snapshot.evaluations, float)
                items["test_loss"].setData(evaluations[:, 0], _log10(evaluations[:, 1]))
                items["test_accuracy"].setData(evaluations[:, 0], evaluations[:, 2])
            self.latest[name] = snapshot
        self._pending = {}
        self._fit_ranges()
        self._write_note()
        self.redraws += 1
        self.redraw_times.append(time.perf_counter() - started)

    def _fit_ranges(self) -> None:
        """Axes that change rarely: x spans the run's target, y the data with a margin, and
        either moves only when the data leaves it (a new range re-lays out the axis ticks, the
        costliest part of a repaint)."""
        snapshots = list(self.latest.values())
        if not snapshots:
            return
        first = min(float(s.table[0, 0]) if len(s.table) else 0.0 for s in snapshots)
        last = max(max(s.target, s.step) for s in snapshots)
        self._set_range("x", (min(first, 0.0), max(last, 1.0)), exact=True)
        for key, column in (("loss", "loss"), ("grad", "grad_norm")):
            values = np.concatenate([_log10(s.column(column)) for s in snapshots])
            if key == "loss":
                for s in snapshots:
                    if s.evaluations:
                        values = np.append(values, _log10(np.array(s.evaluations)[:, 1]))
            if key == "loss" and self.baseline_line.isVisible():
                values = np.append(values, self.baseline_line.value())
            values = values[np.isfinite(values)]
            if values.size:
                self._set_range(key, (float(values.min()) - 0.1, float(values.max()) + 0.1))

    def _set_range(self, key: str, wanted: tuple[float, float], exact: bool = False) -> None:
        low, high = wanted
        current = self._ranges.get(key)
        if current is not None and not exact:
            inside = current[0] <= low and high <= current[1]
            span = current[1] - current[0]
            if inside and (high - low) > 0.5 * span:  # still fits, and not far too wide
                return
            margin = 0.15 * max(high - low, 0.2)
            low, high = low - margin, high + margin
        elif current == wanted:
            return
        self._ranges[key] = (low, high)
        if key == "x":
            for plot in self.plots():
                plot.setXRange(low, high, padding=0.02)
        else:
            plot = self.loss_plot if key == "loss" else self.grad_plot
            log_axis(plot, low, high)  # log10 values on a linear axis: labels 10ᵏ only
            plot.setYRange(low, high, padding=0)

    def _make_items(self, name: str, label: str) -> dict:
        colour = RUN_COLOURS.get(name, "#2ca02c")
        pen = pg.mkPen(colour, width=1.5)
        dashed = pg.mkPen(colour, width=1.5, style=Qt.DashLine)
        items = {
            "loss": self.loss_plot.plot(pen=pen, name=label, connect="finite", antialias=False),
            "test_loss": self.loss_plot.plot(
                pen=dashed, symbol="o", symbolSize=5, symbolBrush=colour, connect="finite"
            ),
            "accuracy": self.accuracy_plot.plot(
                pen=pen, name=label, connect="finite", antialias=False
            ),
            "test_accuracy": self.accuracy_plot.plot(
                pen=dashed, symbol="o", symbolSize=5, symbolBrush=colour, connect="finite"
            ),
            "grad": self.grad_plot.plot(pen=pen, name=label, connect="finite", antialias=False),
            "clipped": self.grad_plot.plot(
                pen=None, symbol="d", symbolSize=7, symbolBrush=CLIP_COLOUR, symbolPen=None
            ),
        }
        self.items[name] = items
        return items

    def _plot_of(self, key: str):
        if "loss" in key:
            return self.loss_plot
        return self.accuracy_plot if "accuracy" in key else self.grad_plot

    def _write_note(self) -> None:
        if not self.latest:
            self.tell_empty()
            return
        parts = self._baseline_note()
        for name, snapshot in sorted(self.latest.items(), key=lambda item: item[0] != "main"):
            loss = snapshot.column("loss")[-1] if len(snapshot.table) else float("nan")
            colour = RUN_COLOURS.get(name, "#2ca02c")  # the note is the curves' legend
            parts.append(
                self.tr("{0} · step {1}/{2} · loss {3:.4g} · {4:.0f} steps/s").format(
                    f"<b style='color:{colour}'>━ {html.escape(self.labels[name])}</b>",
                    snapshot.step,
                    snapshot.target,
                    loss,
                    snapshot.steps_per_second,
                )
            )  # fmt: skip
            if snapshot.scores:
                parts[-1] += " · " + self._scores_text(snapshot.scores)
        self.note.setText("<br>".join(parts))

    def _scores_text(self, scores: dict) -> str:
        """What a run reached on the test set, in the words the engine's evaluate uses."""
        if "mse" in scores:
            return self.tr("test MSE {0:.4g} (mean predictor {1:.4g})").format(
                scores["mse"], scores["baseline_mse"]
            )
        text = self.tr("test accuracy {0:.3f}").format(scores["accuracy"])
        if "negated_accuracy" in scores:
            text += " · " + self.tr("negated phrases {0:.3f} (of {1})").format(
                scores["negated_accuracy"], int(scores["negated_phrases"])
            )
        return text

    def curve_lengths(self) -> dict[str, int]:
        """Points drawn on each run's loss curve (for tests)."""
        out = {}
        for name, items in self.items.items():
            x, _y = items["loss"].getData()
            out[name] = 0 if x is None else len(x)
        return out


def _log10(values: np.ndarray) -> np.ndarray:
    """log10 of the values, NaN (a gap in the curve) where not positive and finite."""
    return safe_log10(np.asarray(values, float))
