"""Figures out of the window (ui.figures): the right-click menu on each view writes valid PNG
and vector SVG files (text as <text>, a heat map as one <rect> per cell), File > Export
figures writes every view, `--export-plots` does for each kind, and Copy puts an image on the
clipboard."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu

from simulator.project import Project
from simulator.resources import EXAMPLES

from ..run_rnnsim import rnnsim

SVG = "{http://www.w3.org/2000/svg}"


def svg_texts(path) -> list[str]:
    root = ET.parse(path).getroot()
    return ["".join(t.itertext()).strip() for t in root.iter(SVG + "text")]


def svg_cells(path) -> list[str]:
    """The fill of every unit <rect> (a heat map's cell), in document order."""
    root = ET.parse(path).getroot()
    return [
        group.get("fill")
        for group in root.iter(SVG + "g")
        for rect in group.findall(SVG + "rect")
        if rect.get("width") == "1" and rect.get("height") == "1"
    ]


def svg_images(path) -> int:
    return sum(1 for _ in ET.parse(path).getroot().iter(SVG + "image"))


@pytest.fixture
def menus(monkeypatch):
    """Right-click menus opened, instead of shown and waited on."""
    opened = []
    monkeypatch.setattr("ui.figures.menu.show_menu", lambda menu, _position: opened.append(menu))
    return opened


def right_click(widget, menus) -> dict:
    """Right-click the middle of `widget` as the mouse does; the menu's actions by text."""
    middle = widget.rect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, middle, widget.mapToGlobal(middle))
    before = len(menus)
    QApplication.sendEvent(widget, event)
    assert len(menus) == before + 1, f"no menu on {type(widget).__name__}"
    return {action.text(): action for action in menus[-1].actions()}


def save_through_menu(widget, menus, monkeypatch, tmp_path, suffix):
    actions = right_click(widget, menus)
    chosen = tmp_path / f"figure{suffix}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))
    label = next(text for text in actions if suffix[1:].upper() in text)
    actions[label].trigger()
    return chosen


def test_a_heat_maps_svg_holds_one_rect_per_cell_in_row_order(qtbot, tmp_path):
    from ui.figures import save_svg

    view = pg.GraphicsLayoutWidget()
    qtbot.addWidget(view)
    view.resize(400, 300)
    plot = view.addPlot(title="cells")
    plot.setLabel("bottom", "steps")
    values = np.arange(12, dtype=float).reshape(3, 4)  # rows x columns
    values[1, 2] = np.nan  # nothing known: no cell
    image = pg.ImageItem(values, axisOrder="row-major", levels=(0, 11))
    image.setColorMap(pg.ColorMap([0.0, 1.0], [(0, 0, 0), (255, 255, 255)]))  # grey = 255 v / 11
    plot.addItem(image)
    view.show()
    qtbot.waitExposed(view)
    path = save_svg(plot, tmp_path / "cells.svg")
    fills = svg_cells(path)
    shown = [v for v in values.ravel() if np.isfinite(v)]
    assert len(fills) == len(shown) == 11
    greys = [int(fill[1:3], 16) for fill in fills]
    expected = [255 * v / 11 for v in shown]
    assert np.allclose(greys, expected, atol=3), (greys, expected)
    assert "cells" in svg_texts(path) and "steps" in svg_texts(path)
    assert svg_images(path) == 0


def test_every_recurrent_plot_has_a_menu_writing_png_and_vector_svg(
    window, menus, monkeypatch, tmp_path
):
    from ui.app import settle

    window.session.end()
    settle(window)
    for name, panel in window.plots.items():
        window.docks[name].raise_()
        settle(window)
        png = save_through_menu(panel.view.viewport(), menus, monkeypatch, tmp_path, ".png")
        assert QImage(str(png)).width() >= 1200, name
        svg = save_through_menu(panel.view.viewport(), menus, monkeypatch, tmp_path, ".svg")
        assert svg_texts(svg) and svg_images(svg) == 0, name
    hidden = svg_texts(save_through_menu(
        window.plots["hidden"].view.viewport(), menus, monkeypatch, tmp_path, ".svg"
    ))  # fmt: skip
    assert "unit" in hidden and any("hidden state" in t for t in hidden)
    diagram = save_through_menu(
        window.diagram.view.viewport(), menus, monkeypatch, tmp_path, ".svg"
    )
    words = svg_texts(diagram)
    assert {"x", "L"} <= set(words) and "h0" in words


def test_the_attention_heat_map_is_vector_with_a_cell_per_weight(
    make_window, menus, monkeypatch, tmp_path
):
    from ui.app import settle

    window = make_window(Project.load(EXAMPLES / "reverse_attention.rnnsim.json"))
    window.session.end()
    settle(window)
    views = window.view_sets.views(window.view_sets.kind)
    views.tabs.setCurrentWidget(views.heatmap)
    settle(window)
    svg = save_through_menu(views.heatmap.view.viewport(), menus, monkeypatch, tmp_path, ".svg")
    trace = window.session.trace
    weights = np.asarray(trace.attention.weights)[0]  # (target step, source step)
    assert len(svg_cells(svg)) >= weights.size  # the cells, then the colour bar's bands
    source = views.heatmap.heatmap.plot._step_labels["bottom"]  # the tokens under the columns
    assert source
    texts = svg_texts(svg)
    assert all(any(word in t for t in texts) for word in source)
    assert svg_images(svg) == 0
    views.tabs.setCurrentWidget(views.beams)
    settle(window)
    beam = save_through_menu(views.beams, menus, monkeypatch, tmp_path, ".svg")
    assert any("beam" in t for t in svg_texts(beam))
    diagram = save_through_menu(views.diagram, menus, monkeypatch, tmp_path, ".png")
    assert QImage(str(diagram)).width() >= 1200


def test_the_tree_its_chart_and_the_comparison_have_menus(
    make_window, menus, monkeypatch, tmp_path
):
    from ui.app import settle

    window = make_window(Project.load(EXAMPLES / "tree_sentiment_rntn.rnnsim.json"))
    session = window.session
    session.goto(session.stepper.find(f"forward:{session.stepper.flat.size - 1}"))
    settle(window)
    views = window.view_sets.views(window.view_sets.kind)
    tree = save_through_menu(views.tree.view.viewport(), menus, monkeypatch, tmp_path, ".svg")
    flat = session.stepper.flat
    root_phrase = flat.phrase(flat.size - 1).split()  # the sentence, word by word
    texts = " ".join(svg_texts(tree))
    assert root_phrase and all(word in texts for word in root_phrase)
    chart = save_through_menu(views.inspector.figure, menus, monkeypatch, tmp_path, ".svg")
    assert svg_texts(chart) and svg_images(chart) == 0
    table = save_through_menu(views.comparison, menus, monkeypatch, tmp_path, ".svg")
    assert {"rvnn", "rntn"} <= set(svg_texts(table))


def test_copy_puts_the_picture_and_its_svg_on_the_clipboard(window, menus):
    from ui.app import settle

    window.session.end()
    settle(window)
    actions = right_click(window.diagram.view.viewport(), menus)
    actions["Copy figure"].trigger()
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasImage() and QImage(data.imageData()).width() >= 1200
    assert b"<text" in bytes(data.data("image/svg+xml"))


def test_file_export_figures_writes_every_view(window, monkeypatch, tmp_path):
    from ui.app import settle

    window.session.end()
    settle(window)
    folder = tmp_path / "figures"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    shown = {name: dock.isVisible() for name, dock in window.docks.items()}
    window.export_figures_action.trigger()
    names = set(window.figures())
    assert {"hidden_state", "gate_f", "gradient_flow", "parameter_gradients", "unrolled"} <= names
    assert {p.name for p in folder.iterdir()} == {
        f"{n}{s}" for n in names for s in (".png", ".svg")
    }
    for name in names:
        assert svg_texts(folder / f"{name}.svg"), name
        assert QImage(str(folder / f"{name}.png")).width() >= 1200, name
    assert {name: dock.isVisible() for name, dock in window.docks.items()} == shown


def test_file_export_figures_into_an_unwritable_place_says_so_once(window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(blocker))
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(a[2]))
    window.export_figures_action.trigger()
    assert len(said) == 1 and "\n" not in said[0]
    assert blocker.read_text() == "not a folder"


@pytest.mark.slow  # each starts the program afresh (~2.5 s a run)
@pytest.mark.parametrize(
    "example, expected",
    [
        ("digit_parity_gru", {"hidden_state", "gate_z", "unrolled", "parameter_gradients"}),
        ("reverse_attention", {"encoder_decoder", "attention", "beam_search"}),
        ("tree_sentiment_rntn", {"tree", "models_compared"}),
    ],
)
def test_export_plots_writes_every_figure_of_each_kind(tmp_path, example, expected):
    out = tmp_path / "plots"
    result = rnnsim(EXAMPLES / f"{example}.rnnsim.json", "--goto", "loss", "--export-plots", out)
    assert result.returncode == 0, result.stderr
    names = {p.stem for p in out.glob("*.svg")}
    assert expected <= names and names == {p.stem for p in out.glob("*.png")}
    for svg in out.glob("*.svg"):
        assert svg_texts(svg), svg.name


def test_a_right_click_on_a_node_still_offers_the_figure(make_window, menus, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from ui.app import settle

    window = make_window()
    settle(window)
    diagram = window.diagram
    node = next(iter(diagram.nodes.values()))
    at = diagram.view.mapFromScene(node.sceneBoundingRect().center())
    QTest.mouseClick(diagram.view.viewport(), Qt.MouseButton.RightButton, pos=at)
    assert [a.text() for a in menus[-1].actions()][0] == "Copy figure"
    tree_window = make_window(Project.load(EXAMPLES / "tree_sentiment_rntn.rnnsim.json"))
    settle(tree_window)
    tree = tree_window.view_sets.views(tree_window.view_sets.kind).tree
    leaf = next(iter(tree.nodes.values()))
    at = tree.view.mapFromScene(leaf.sceneBoundingRect().center())
    tree.context_menu(leaf.node.key, tree.view.viewport().mapToGlobal(at))
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    menu = tree.findChildren(QMenu, options=direct)[-1]  # the node's menu, popped up
    texts = [a.text() for a in menu.actions()]
    menu.close()
    assert "Copy figure" in texts and texts.index("Copy figure") > 0  # after the node's own


def test_a_hidden_nodes_menu_offers_its_interventions_then_the_figure(make_window, menus):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from ui.app import settle
    from ui.diagram.layout import hidden_key

    window = make_window()  # an LSTM: its hidden nodes offer interventions
    settle(window)
    diagram = window.diagram
    node = diagram.nodes[hidden_key(0, 0, 2)]
    at = diagram.view.mapFromScene(node.sceneBoundingRect().center())
    QTest.mouseClick(diagram.view.viewport(), Qt.MouseButton.RightButton, pos=at)
    texts = [a.text() for a in menus[-1].actions() if not a.isSeparator()]
    assert "f = 1 at t = 2" in texts and "Copy figure" in texts
    assert texts.index("f = 1 at t = 2") < texts.index("Copy figure")


def test_a_table_is_exported_whole_where_the_screen_scrolls_it(
    make_window, menus, monkeypatch, tmp_path
):
    from ui.app import settle

    window = make_window(Project.load(EXAMPLES / "tree_sentiment_rntn.rnnsim.json"), (1280, 720))
    views = window.view_sets.views(window.view_sets.kind)
    settle(window)
    table = views.comparison.table
    bar = table.verticalScrollBar()
    rows = table.rowCount()
    assert bar.maximum() > 0, "the test needs a table taller than its place on screen"
    bar.setValue(bar.maximum() // 2)
    shown_before, size_before = bar.value(), views.comparison.size()
    path = save_through_menu(views.comparison, menus, monkeypatch, tmp_path, ".svg")
    texts = svg_texts(path)
    headers = [table.verticalHeaderItem(r).text() for r in range(rows)]
    assert headers[0] in texts and headers[-1] in texts  # the first row and the last
    *_, height = (float(v) for v in ET.parse(path).getroot().get("viewBox").split())
    assert height > size_before.height()
    assert views.comparison.size() == size_before and bar.value() == shown_before
