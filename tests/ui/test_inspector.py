"""The inspector: the selected node's equations with the live numbers, in the spec's variant,
and nothing for what has not been computed yet."""

import numpy as np

from ui.session import Selection

from .conftest import small_project


def test_the_inspector_shows_numbers_only_for_what_is_computed(window):
    session, inspector = window.session, window.inspector
    session.goto(session.stepper.find("forward:1"))
    session.select(Selection("hidden", 0, 0, 3))
    assert "Not computed yet" in inspector.state.text()
    assert np.isnan(inspector.model.values[:, 1:]).all()
    session.select(Selection("hidden", 0, 0, 0))
    assert "f_t = σ(" in inspector.text.toPlainText()
    h = session.trace.layers[0][0].hidden[0, 0]
    column = inspector.model.columns.index("h")
    assert np.allclose(inspector.model.values[:, column], h)
    assert np.isnan(inspector.model.values[:, inspector.model.columns.index("∂L/∂h")]).all()


def test_the_loss_and_output_nodes(window):
    session, inspector = window.session, window.inspector
    session.to_loss()
    assert "L = Σ_t L_t" in inspector.text.toPlainText()
    session.select(Selection("output", 0, 0, 0))
    assert "softmax" in inspector.text.toPlainText()
    assert np.allclose(inspector.model.values[:, 1], session.trace.probabilities[0])


def test_an_input_node_shows_its_embedding(make_window):
    window = make_window(small_project())
    session = window.session
    session.select(Selection("input", 0, 0, 1))
    assert np.allclose(window.inspector.model.values[:, 0], session.trace.embedded[0, 1])
