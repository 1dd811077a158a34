"""Presentation mode and the window's scale: the View menu's entries and shortcuts, the sizes a
person sees on the axes and in the inspector, and the scale remembered between starts."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QFontInfo, QFontMetrics, QKeySequence
from PySide6.QtWidgets import QApplication

from ui import presentation
from ui.plots import style


@pytest.fixture(autouse=True)
def usual_scale():
    yield
    presentation.set_scale(1.0)  # the application's font is shared by every later test


def axis_pixels(window) -> tuple[int, float]:
    """(pixel size of the hidden-state plot's tick text, height of its bottom axis)."""
    panel = window.plots["hidden"]
    window.docks["hidden"].raise_()
    QApplication.processEvents()
    panel.view.viewport().repaint()  # items made since the last paint are fitted before it
    plot = next(iter(panel.plot_items().values()))
    axis = plot.getAxis("bottom")
    font = axis.style["tickFont"] or panel.view.font()
    return QFontInfo(font).pixelSize(), axis.boundingRect().height()


def inspector_pixels(window) -> int:
    return QFontInfo(window.inspector.grid.font()).pixelSize()


def test_view_menu_has_presentation_and_the_scale_shortcuts(make_window):
    window = make_window()
    texts = {a.text(): a for a in window.view_menu.actions()}
    toggle = texts["&Presentation"]
    assert toggle.isCheckable() and toggle.shortcut() == QKeySequence("F11")
    shortcuts = {s.toString() for a in window.presentation.actions()[1:] for s in a.shortcuts()}
    assert {"Ctrl+=", "Ctrl+-", "Ctrl+0"} <= shortcuts
    assert all(a in window.actions() for a in window.presentation.actions())


def test_larger_scales_axis_ticks_inspector_and_lines(make_window):
    window = make_window()
    tick_before, height_before = axis_pixels(window)
    grid_before = inspector_pixels(window)
    curve = next(
        c for c in window.plots["gradients"].view.scene().items() if hasattr(c, "setSymbolSize")
    )
    for _ in range(3):  # 1.0 -> 1.15 -> 1.3 -> 1.5
        window.presentation.larger_action.trigger()
    assert presentation.scale() == 1.5
    tick_after, height_after = axis_pixels(window)
    assert tick_after >= round(1.4 * tick_before)
    assert height_after > height_before  # the axis grows with its text: nothing clipped
    assert inspector_pixels(window) >= round(1.4 * grid_before)
    pen = curve.opts["pen"]
    assert pen.widthF() == pytest.approx(1.5 * curve._presentation_base[0])
    window.presentation.usual_action.trigger()
    assert axis_pixels(window)[0] == tick_before
    assert inspector_pixels(window) == grid_before
    assert curve.opts["pen"].widthF() == pytest.approx(curve._presentation_base[0])


def test_smaller_stops_at_the_smallest_scale(make_window):
    window = make_window()
    for _ in range(10):
        window.presentation.smaller_action.trigger()
    assert presentation.scale() == presentation.SCALES[0]


def test_scale_remembered_by_a_new_window(make_window, qtbot):
    from ui.main_window import MainWindow
    from ui.session import Session

    first = make_window()
    first.presentation.larger_action.trigger()
    first.presentation.larger_action.trigger()
    assert presentation.scale() == 1.3
    scaled = QFontInfo(QApplication.font()).pixelSize()
    presentation.set_scale(1.0)  # as a new start finds it
    assert QFontInfo(QApplication.font()).pixelSize() < scaled
    second = MainWindow(Session(kernels=None))  # as `rnnsim` opens it
    qtbot.addWidget(second)
    assert presentation.scale() == 1.3
    assert QFontInfo(QApplication.font()).pixelSize() == scaled
    batch = MainWindow(Session(kernels=None), remember_layout=False)  # --screenshot's window
    qtbot.addWidget(batch)
    assert presentation.scale() == 1.0  # files drawn the same whatever the person chose


def test_presentation_is_full_screen_and_gives_back_the_scale(make_window):
    window = make_window()
    window.presentation.larger_action.trigger()
    window.presentation.toggle_action.trigger()
    assert window.isFullScreen()
    assert presentation.scale() == presentation.PRESENTATION_SCALE
    window.presentation.toggle_action.trigger()
    assert not window.isFullScreen()
    assert presentation.scale() == 1.15


def test_the_network_form_fits_its_narrow_dock_when_large(make_window, qtbot):
    window = make_window(size=(1280, 720))
    form = window.builder  # scrolls only down: a form wider than the dock would be cut off
    for _ in range(4):  # 1.75x
        window.presentation.larger_action.trigger()
    qtbot.wait(150)  # the new font reaches the form's size hints
    assert form.widget().minimumSizeHint().width() <= form.viewport().width()


def test_the_diagrams_grow_with_the_scale(make_window, qtbot):
    """The unrolled diagram (and every graph view: the encoder-decoder's, the tree) is fitted and
    then drawn that much larger at a presentation scale, following the current node."""
    window = make_window()
    diagram = window.view_sets.sets["recurrent"].diagram
    qtbot.waitUntil(lambda: diagram.view.transform().m11() > 0)
    fitted = diagram.view.transform().m11()
    for _ in range(3):  # 1.0 -> 1.5
        window.presentation.larger_action.trigger()
    QApplication.processEvents()
    assert diagram.view.transform().m11() == pytest.approx(1.5 * fitted, rel=0.05)
    window.presentation.usual_action.trigger()
    QApplication.processEvents()
    assert diagram.view.transform().m11() == pytest.approx(fitted, rel=0.05)


def test_a_short_plots_numbers_stay_apart_in_large_type(make_window):
    """The per-step loss plot at 1.5x in 1280 x 720: its y ticks (0, 0.005, ..., 0.02) were
    written over each other; now at least TICK_ROOM lines of tick text apart."""
    window = make_window()
    window.resize(1280, 720)
    for _ in range(3):
        window.presentation.larger_action.trigger()
    QApplication.processEvents()
    panel = window.plots["outputs"]
    window.docks["outputs"].raise_()
    panel.view.viewport().repaint()
    axes = [p.getAxis("left") for p in panel.plot_items().values()]
    line = max(QFontMetrics(a.style["tickFont"]).height() for a in axes)
    for low, high, size in ((0.0, 0.02, 60.0), (0.0, 1.0, 70.0), (-3.0, 7.0, 150.0)):
        for axis in axes:
            major = axis.tickSpacing(low, high, size)[0][0]
            assert major / (high - low) * size >= style.TICK_ROOM * line
        crowded = pg.AxisItem.tickSpacing(axes[0], low, high, size)[0][0]
        assert crowded / (high - low) * size < style.TICK_ROOM * line  # pyqtgraph's own
