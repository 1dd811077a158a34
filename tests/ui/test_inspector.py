"""The inspector: the selected node's equations with the live numbers, in the spec's variant,
and nothing for what has not been computed yet."""

import numpy as np

from ui.selection import Selection

from .conftest import small_project


def test_the_inspector_shows_numbers_only_for_what_is_computed(window):
    session, inspector = window.session, window.inspector
    session.goto(session.stepper.find("forward:1"))
    session.select(Selection("hidden", 0, 0, 3))
    assert "Not computed yet" in inspector.state.text()
    assert np.isnan(inspector.grid.values[:, 1:]).all()
    session.select(Selection("hidden", 0, 0, 0))
    assert "f_t = σ(" in inspector.text.toPlainText()
    h = session.trace.layers[0][0].hidden[0, 0]
    column = inspector.grid.columns.index("h")
    assert np.allclose(inspector.grid.values[:, column], h)
    assert np.isnan(inspector.grid.values[:, inspector.grid.columns.index("∂L/∂h")]).all()


def test_the_loss_and_output_nodes(window):
    session, inspector = window.session, window.inspector
    session.to_loss()
    assert "L = Σ_t L_t" in inspector.text.toPlainText()
    session.select(Selection("output", 0, 0, 0))
    assert "softmax" in inspector.text.toPlainText()
    assert np.allclose(inspector.grid.values[:, 1], session.trace.probabilities[0])


def test_an_input_node_shows_its_embedding(make_window):
    window = make_window(small_project())
    session = window.session
    session.select(Selection("input", 0, 0, 1))
    assert np.allclose(window.inspector.grid.values[:, 0], session.trace.embedded[0, 1])


def test_the_equations_wrap_to_the_width_scroll_and_copy_as_text(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from ui.equation_view import EquationView
    from ui.equations import Equation

    view = EquationView()
    qtbot.addWidget(view)
    view.resize(400, 120)
    view.show()
    long = " + ".join(f"0.{k:04d}" for k in range(20))
    view.set_equations([Equation("z = W x + b", f"= {long}", 0.0, "input gate")] * 3)
    assert view.toPlainText().splitlines()[:2] == ["input gate", "z = W x + b"]
    numbers = [layout for _, layout, style in view.placed if style == "numbers"][0]
    assert numbers.lineCount() > 1  # wrapped to the width
    assert view.verticalScrollBar().maximum() > 0  # taller than the view: it scrolls
    view.resize(2000, 800)
    numbers = [layout for _, layout, style in view.placed if style == "numbers"][0]
    assert numbers.lineCount() == 1 and view.verticalScrollBar().maximum() == 0
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == view.toPlainText()
