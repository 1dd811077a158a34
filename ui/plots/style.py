"""Colours, colour scales and pyqtgraph settings shared by every plot."""

from __future__ import annotations

import types

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QGraphicsItem

pg.setConfigOptions(imageAxisOrder="row-major", background="w", foreground="k", antialias=True)

DIVERGING = pg.colormap.get("CET-D1")  # blue - white - red, for values around 0
GATE = pg.colormap.get("viridis")  # 0 .. 1
GRADIENT = pg.colormap.get("inferno")  # log10 of gradient norms
FUTURE = "#e4e4e4"  # what is not computed yet: the plot's own background shows through
CURSOR = "#ff8c00"  # the current event, in every plot and in the diagram
CURVES = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf"]

# Fixed scales: the value range of each activation.
ACTIVATION_LEVELS = {"tanh": (-1.0, 1.0), "sigmoid": (0.0, 1.0)}
GATE_LEVELS = (0.0, 1.0)
TANH_LEVELS = (-1.0, 1.0)


def symmetric_levels(values: np.ndarray) -> tuple[float, float]:
    """(-m, m) with m the largest finite |value| (fixed for a whole trace, so colours never
    jump while stepping)."""
    finite = np.abs(values[np.isfinite(values)])
    m = float(finite.max()) if finite.size else 1.0
    m = m if m > 1e-12 else 1.0
    return -m, m


def hidden_levels(spec, values: np.ndarray) -> tuple[float, float]:
    """The scale of h_t: the activation's range when it bounds h (tanh, sigmoid, gated
    cells), else the trace's own range (relu, identity, residual)."""
    if spec.cell in ("lstm", "gru"):
        return TANH_LEVELS
    if spec.cell == "rnn" and spec.residual:
        return symmetric_levels(values)
    return ACTIVATION_LEVELS.get(spec.activation) or symmetric_levels(values)


def log_levels(values: np.ndarray, decades: float = 12.0) -> tuple[float, float]:
    """(low, high) of log10 of positive finite values, at most `decades` apart."""
    positive = values[np.isfinite(values) & (values > 0)]
    if not positive.size:
        return -1.0, 0.0
    high = float(np.log10(positive.max()))
    low = max(float(np.log10(positive.min())), high - decades)
    return (low, high) if high > low else (high - 1.0, high)


def safe_log10(values: np.ndarray) -> np.ndarray:
    """log10 with NaN (blank) where the value is 0, negative or not finite."""
    out = np.full(values.shape, np.nan)
    ok = np.isfinite(values) & (values > 0)
    out[ok] = np.log10(values[ok])
    return out


def step_ticks(labels, most: int = 24, chars: int = 8) -> list[list[tuple[float, str]]]:
    """Axis ticks for steps: every token when they fit, else every k-th one; each label at most
    `chars` characters."""
    every = max(1, int(np.ceil(len(labels) / most)))
    major = [(float(t), _short(label, chars)) for t, label in enumerate(labels) if t % every == 0]
    return [major, []]


def label_steps(plot: pg.PlotItem, labels, axis: str = "bottom") -> None:
    """Label an axis with the steps' tokens, as many as fit the plot's size (refitted when the
    plot is resized)."""
    steps = plot.__dict__.setdefault("_step_labels", {})
    steps[axis] = [str(label) for label in labels]
    if not plot.__dict__.get("_step_hooked"):
        plot.getViewBox().sigResized.connect(lambda _vb, p=plot: _fit_ticks(p))
        plot._step_hooked = True
    _fit_ticks(plot)


def fit_ticks(plot: pg.PlotItem) -> None:
    """As many step labels as fit the plot's size and its tick font."""
    if "_step_labels" in plot.__dict__:
        _fit_ticks(plot)


def _fit_ticks(plot: pg.PlotItem) -> None:
    view = plot.getViewBox()
    for axis, labels in plot._step_labels.items():
        if not labels:
            plot.getAxis(axis).setTicks([[], []])
            continue
        metrics = QFontMetrics(plot.getAxis(axis).style["tickFont"] or QApplication.font())
        chars = 8
        if axis == "bottom":
            # labels shortened (to 4 characters at least) to the width of a step: a label wider
            # than its step is not drawn at all at the axis' ends (the class names, in large type)
            slot = view.width() / len(labels)
            chars = int(np.clip(slot // max(metrics.averageCharWidth(), 1), 4, 8))
            shown = [_short(x, chars) for x in labels]
            width = float(np.mean([metrics.horizontalAdvance(x) for x in shown]))
            room, per = view.width(), width + 10
        else:
            room, per = view.height(), float(metrics.height())
        most = max(2, int(room / per)) if room > 0 else 24
        plot.getAxis(axis).setTicks(step_ticks(labels, most, chars))


TICK_ROOM = 1.6  # a vertical axis' numbered ticks at least this many text lines apart


def keep_ticks_apart(axis: pg.AxisItem) -> None:
    """Space a vertical axis' numbered ticks by its tick font: pyqtgraph chooses at least two
    intervals whatever the size, so a short plot in large type (presentation mode, a small
    screen) wrote its numbers over each other."""
    if axis.orientation in ("left", "right"):
        axis.tickSpacing = types.MethodType(_legible_spacing, axis)


def _legible_spacing(axis: pg.AxisItem, low: float, high: float, size: float):
    """pyqtgraph's tick levels, the major interval widened (1, 2, 5 x 10^k) until its ticks lie
    TICK_ROOM text lines apart; pyqtgraph's major interval stays as the next level."""
    levels = pg.AxisItem.tickSpacing(axis, low, high, size)
    span = abs(high - low)
    if not levels or size <= 0 or span == 0:
        return levels
    room = TICK_ROOM * QFontMetrics(axis.style["tickFont"] or QApplication.font()).height()
    major = levels[0][0]
    wide = major
    while wide / span * size < room:
        wide = _next_round(wide)
    return levels if wide == major else [(wide, 0), (major, 0)]


def _next_round(step: float) -> float:
    """The next of 1, 2, 5, 10, 20, ... (times a power of ten) above `step`."""
    power = 10.0 ** np.floor(np.log10(step))
    leading = step / power
    return power * (2.0 if leading < 1.5 else 5.0 if leading < 3.5 else 10.0)


def _short(label: str, width: int = 8) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def plain(plot: pg.PlotItem) -> None:
    """A plot for looking at, not for fiddling with: no context menu, no autoscale button."""
    plot.setMenuEnabled(False)
    plot.hideButtons()
    for axis in ("left", "bottom"):
        plot.getAxis(axis).enableAutoSIPrefix(False)
    plot.getViewBox().setMouseEnabled(x=True, y=False)


def cache_still_parts(view: pg.GraphicsView) -> None:
    """Keep axes and titles as pixmaps: they change only with a range or a label, yet every
    cursor move beside them repainted them (a Python paint and a QPicture replay each)."""
    for item in view.scene().items():
        if isinstance(item, (pg.AxisItem, pg.LabelItem)):
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def set_curve(curve, x, y) -> None:
    """setData, with nothing at all when nothing is known yet (an all-NaN curve with symbols
    makes pyqtgraph warn)."""
    y = np.asarray(y, dtype=np.float64)
    if not np.isfinite(y).any():
        x, y = np.zeros(0), np.zeros(0)
    shown = curve.yData
    if shown is not None and shown.shape == y.shape and np.array_equal(shown, y, equal_nan=True):
        return  # unchanged: no repaint
    curve.setData(x, y)


def set_bars(bars, **heights) -> None:
    """BarGraphItem.setOpts, skipped when the bars already show these numbers."""
    for key, value in heights.items():
        shown = bars.opts.get(key)
        value = np.asarray(value, dtype=np.float64)
        if (
            shown is None
            or np.shape(shown) != value.shape
            or not np.array_equal(shown, value, equal_nan=True)
        ):
            bars.setOpts(**heights)
            return


SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def log_axis(plot: pg.PlotItem, low: float, high: float, axis: str = "left") -> None:
    """An axis for log10 values drawn on a linear scale: a tick and a label 10ᵏ at every
    power of ten, plain ticks at 2..9 times it when few decades are shown."""
    first, last = int(np.floor(low)), int(np.ceil(high))
    every = max(1, int(np.ceil((last - first) / 8)))
    major = [
        (float(k), "10" + str(k).translate(SUPERSCRIPT))
        for k in range(first, last + 1)
        if k % every == 0
    ]
    minor = []
    if last - first <= 4:
        minor = [(k + np.log10(m), "") for k in range(first, last) for m in range(2, 10)]
    ticks = [major, minor]
    item = plot.getAxis(axis)
    if getattr(item, "log_ticks", None) != ticks:  # setTicks redraws the axis: only on change
        item.setTicks(ticks)
        item.log_ticks = ticks
