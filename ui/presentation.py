"""Presentation: one scale for every text, line and marker in the window, for a projector.

View > Presentation (F11) shows the window full screen at a larger scale; Ctrl+= / Ctrl+- /
Ctrl+0 make everything larger, smaller or its usual size at any time. The scale is remembered
between starts (QSettings "view/scale").

Widgets follow the application's font, so scaling it scales every label, form, table and
equation. pyqtgraph's items do not: tick labels, axis titles, pens and symbols keep the sizes
they were made with. A plot view registers once with `follow(view)`; its items are then fitted
to the scale (the size made with x scale) whenever the scale changes, and items made later
(a panel rebuilds its plots for a new network) are fitted before they are first painted.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from .plots import style

SETTINGS_KEY = "view/scale"
SCALES = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5)  # the steps of Ctrl+= and Ctrl+-
PRESENTATION_SCALE = 1.5  # F11 goes to at least this scale
TICK_TEXT_HEIGHT = 18  # pyqtgraph's room for a bottom axis' tick text, in pixels

_scale = 1.0
_base_font: QFont | None = None  # the application's font at scale 1
_views: list = []  # the pg.GraphicsViews following the scale
_windows: list = []  # the windows whose widgets follow it


def scale() -> float:
    return _scale


def set_scale(value: float) -> None:
    """Scale every text, line and marker by `value` (one of SCALES, the nearest taken)."""
    global _scale, _base_font
    value = min(SCALES, key=lambda s: abs(s - value))
    app = QApplication.instance()
    if _base_font is None:
        _base_font = QFont(app.font())
    _scale = value
    font = QFont(_base_font)
    font.setPointSizeF(_base_font.pointSizeF() * value)
    app.setFont(font)
    for window in list(_windows):
        for widget in window.findChildren(QWidget):  # one with a style sheet keeps its old
            if widget.styleSheet():  # font until the sheet is applied again
                widget.setStyleSheet(widget.styleSheet())
    for view in list(_views):
        fit_view(view)


def follow(view: pg.GraphicsView) -> None:
    """Keep this plot view's items at the scale, now and whenever items are added to it."""
    _views.append(view)
    view.destroyed.connect(lambda *_: _views.remove(view) if view in _views else None)
    view.scene().sigPrepareForPaint.connect(lambda: _fit_new_items(view))
    if _scale != 1.0:
        fit_view(view)


def _fit_new_items(view) -> None:
    """Before a paint: items made since the last fit (a rebuilt plot) get the scale."""
    if _scale == 1.0 and not getattr(view, "_presented", False):
        return  # nothing was ever scaled here: items are made at scale 1
    fit_view(view, only_new=True)


def fit_view(view, only_new: bool = False) -> None:
    """Every item of the view at the current scale: tick and title fonts, pen widths, symbol
    sizes (each the size it was made with, times the scale)."""
    view._presented = True
    font = QApplication.font()
    for item in view.scene().items():
        if only_new and getattr(item, "_presentation_scale", None) == _scale:
            continue
        _fit_item(item, font)
        item._presentation_scale = _scale


def _fit_item(item, font: QFont) -> None:
    if isinstance(item, pg.AxisItem):
        item.setTickFont(font)
        item.setTickDensity(1.0 / _scale)  # larger numbers: fewer of them, as many as fit
        style.keep_ticks_apart(item)
        if item.label is not None:
            item.label.setFont(font)
            item.labelStyle.pop("font-size", None)
            item._updateLabel()
        if item.orientation in ("bottom", "top"):
            # room for whole letters: pyqtgraph measures tick text at 0.8 of its height, and
            # at a large scale the descenders (g, y) were cut off
            item.textHeight = max(TICK_TEXT_HEIGHT, QFontMetrics(font).height())
            item._updateHeight()
    elif isinstance(item, pg.PlotItem):
        style.fit_ticks(item)  # fewer step labels fit at a larger font
    elif isinstance(item, pg.LabelItem):
        base = item.__dict__.setdefault("_presentation_base", _point_size(item.opts.get("size")))
        if base is not None:
            item.setText(item.text, size=f"{base * _scale:.1f}pt")
        else:
            item.item.setFont(font)
            item.setText(item.text)
    elif isinstance(item, pg.TextItem):
        item.setFont(font)
    elif isinstance(item, pg.PlotDataItem):
        _fit_curve(item)
    elif isinstance(item, pg.ScatterPlotItem):
        if not isinstance(item.parentItem(), pg.PlotDataItem):  # those follow their curve
            base = item.__dict__.setdefault("_presentation_base", item.opts["size"])
            item.setSize(base * _scale)
    elif isinstance(item, pg.InfiniteLine):
        base = item.__dict__.setdefault("_presentation_base", item.pen.widthF())
        item.setPen(_wider(item.pen, base))


def _fit_curve(curve: pg.PlotDataItem) -> None:
    opts = curve.opts
    pen = pg.mkPen(opts["pen"]) if opts["pen"] is not None else None
    base = curve.__dict__.setdefault(
        "_presentation_base",
        (pen.widthF() if pen is not None else None, opts.get("symbolSize")),
    )
    width, symbol_size = base
    if pen is not None and pen.style() != Qt.PenStyle.NoPen:
        curve.setPen(_wider(pen, width))
    if opts.get("symbol") is not None and symbol_size:
        curve.setSymbolSize(symbol_size * _scale)


def _wider(pen, base_width: float):
    """The pen at the scale (a 0-wide cosmetic hairline counts as 1 pixel)."""
    pen = pg.mkPen(pen)
    pen.setWidthF(base_width if _scale == 1.0 else max(base_width, 1.0) * _scale)
    return pen


def _point_size(size) -> float | None:
    if isinstance(size, str) and size.endswith("pt"):
        return float(size[:-2])
    return None


class Presentation(QObject):
    """View > Presentation (F11) and the scale's shortcuts, for one window."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        _windows.append(window)
        window.destroyed.connect(lambda *_: _windows.remove(window) if window in _windows else None)
        self.toggle_action = QAction(window, checkable=True)
        self.toggle_action.setShortcut(QKeySequence("F11"))
        self.toggle_action.toggled.connect(self.present)
        self.larger_action = QAction(window)
        self.larger_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.larger_action.triggered.connect(lambda: self.step(+1))
        self.smaller_action = QAction(window)
        self.smaller_action.setShortcut(QKeySequence("Ctrl+-"))
        self.smaller_action.triggered.connect(lambda: self.step(-1))
        self.usual_action = QAction(window)
        self.usual_action.setShortcut(QKeySequence("Ctrl+0"))
        self.usual_action.triggered.connect(lambda: self.choose(1.0))
        self._before = 1.0  # the scale before presenting, given back after
        self.retranslate()
        # a window that remembers nothing (--screenshot, --export-plots) draws at the usual size
        remembered = QSettings().value(SETTINGS_KEY) if window.remember_layout else None
        try:
            start = float(remembered) if remembered is not None else 1.0
        except (TypeError, ValueError):
            start = 1.0
        if start != _scale:
            set_scale(start)

    def actions(self) -> list[QAction]:
        return [self.toggle_action, self.larger_action, self.smaller_action, self.usual_action]

    def retranslate(self) -> None:
        self.toggle_action.setText(self.tr("&Presentation"))
        self.larger_action.setText(self.tr("&Larger text and lines"))
        self.smaller_action.setText(self.tr("&Smaller text and lines"))
        self.usual_action.setText(self.tr("&Usual size"))

    def choose(self, value: float) -> None:
        set_scale(value)
        QSettings().setValue(SETTINGS_KEY, _scale)

    def step(self, direction: int) -> None:
        index = SCALES.index(_scale) + direction
        self.choose(SCALES[min(max(index, 0), len(SCALES) - 1)])

    def present(self, on: bool) -> None:
        """Full screen at a projector's scale, or back to the window and the scale before."""
        window = self.window
        if on:
            self._before = _scale
            window.showFullScreen()
            set_scale(max(_scale, PRESENTATION_SCALE))  # not remembered: F11 gives it back
        else:
            window.showNormal()
            set_scale(self._before)
        window.fit_docks()
