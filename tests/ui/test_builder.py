"""The builder form: a refused value is outlined in red with the engine's message beside it and
changes nothing; an allowed one rebuilds the network; undo and redo walk the changes back."""

from PySide6.QtCore import Qt

from .conftest import small_project


def type_into(qtbot, widget, text):
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_a_refused_hidden_size_is_flagged_in_place(window, qtbot):
    builder = window.builder
    field = builder.widgets["hidden_size"]
    type_into(qtbot, field, "0")
    assert "hidden_size" in builder.error("hidden_size") and "1 to 4096" in builder.error(
        "hidden_size"
    )
    assert "d62728" in field.styleSheet()
    assert window.session.spec.hidden_size == 4  # nothing changed
    type_into(qtbot, field, "abc")
    assert "whole number" in builder.error("hidden_size")


def test_an_error_in_the_narrow_dock_shows_whole(make_window, qtbot):
    window = make_window(size=(1280, 720))  # the Network dock is about 250 px wide
    builder = window.builder
    type_into(qtbot, builder.widgets["hidden_size"], "abc")
    error = builder.errors["hidden_size"]
    qtbot.waitUntil(error.isVisible)
    qtbot.wait(100)  # the form lays itself out again
    assert len(error.text()) * error.fontMetrics().averageCharWidth() > error.width()  # wraps
    assert error.height() >= error.heightForWidth(error.width())  # every line shown
    right = error.mapTo(builder.viewport(), error.rect().topRight()).x()
    assert right <= builder.viewport().width()  # nothing cut on the right
    type_into(qtbot, builder.widgets["hidden_size"], "5")
    assert builder.error("hidden_size") == "" and error.isHidden()


def test_an_allowed_value_rebuilds_the_network_and_the_plots(window, qtbot):
    builder = window.builder
    type_into(qtbot, builder.widgets["hidden_size"], "7")
    assert builder.error("hidden_size") == ""
    assert window.session.spec.hidden_size == 7
    assert window.plots["hidden"].heatmap.values.shape[0] == 7
    assert window.windowTitle().startswith("test*")


def test_choosing_a_cell_switches_the_fields_that_apply(window):
    builder = window.builder
    combo = builder.widgets["cell"]
    combo.setCurrentIndex(combo.findData("rnn"))
    combo.activated.emit(combo.currentIndex())
    assert window.session.spec.cell == "rnn"
    assert builder.widgets["activation"].isEnabled()
    assert builder.widgets["residual"].isEnabled()
    assert not builder.widgets["gru_variant"].isEnabled()
    window.docks["gates"].raise_()  # the person opens its tab
    assert set(window.plots["gates"].heatmaps) == {"pre_activation"}


def test_undo_and_redo_with_the_keyboard(window, qtbot):
    builder = window.builder
    builder.widgets["bidirectional"].click()
    assert window.session.spec.bidirectional
    assert window.session.trace.layers[0][1] is not None
    window.diagram.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.session.spec.bidirectional
    assert not builder.widgets["bidirectional"].isChecked()
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.session.spec.bidirectional


def test_fields_the_task_fixes_are_read_only_with_the_reason(window):
    fixed = window.builder.fixed
    assert "vocabulary" in fixed["vocab_size"].text()
    assert "5 classes" in fixed["output_size"].text()
    assert not fixed["input_size"].isVisible()  # token inputs: no dense input size


def test_a_new_init_seed_draws_new_weights(window, qtbot):
    before = window.session.network.state_dict()["weight_hh_l0"].copy()
    type_into(qtbot, window.builder.seed, "5")
    assert window.session.project.init_seed == 5
    assert not (window.session.network.params["weight_hh_l0"] == before).all()
    type_into(qtbot, window.builder.seed, "-3")
    assert "init_seed" in window.builder.error("init_seed")


def test_the_engine_and_the_form_offer_the_same_choices():
    from simulator import spec
    from ui.spec_fields import CHOICES

    assert set(CHOICES["cell"]) == set(spec.CELLS)
    assert CHOICES["activation"] == spec.ACTIVATIONS
    assert CHOICES["gru_variant"] == spec.GRU_VARIANTS
    assert CHOICES["pooling"] == spec.POOLINGS
    assert CHOICES["dtype"] == spec.DTYPES


def test_dense_input_tasks_hide_the_embedding(make_window):
    window = make_window(small_project("adding"))
    assert not window.builder.widgets["embedding_dim"].isEnabled()
    assert "vector of 2 numbers" in window.builder.fixed["input_size"].text()


def test_sigma_max_of_the_recurrent_matrix_is_set_in_the_form_and_kept_by_reset(window, qtbot):
    """A person types σ_max(U) = 1.8: every gate block of U starts with that largest singular
    value, drawing the weights again keeps it, and clearing the field brings back the usual
    start; a word is refused in place."""
    import numpy as np

    builder = window.builder
    field = builder.widgets["recurrent_sigma_max"]
    assert field.isEnabled() and field.text() == ""

    def sigma_max_of_blocks():
        U = window.session.network.params["weight_hh_l0"]
        H = window.session.spec.hidden_size
        return [np.linalg.norm(U[k : k + H], 2) for k in range(0, U.shape[0], H)]

    usual = sigma_max_of_blocks()
    type_into(qtbot, field, "1.8")
    assert builder.error("recurrent_sigma_max") == ""
    assert window.session.spec.recurrent_sigma_max == 1.8
    assert np.allclose(sigma_max_of_blocks(), 1.8)
    window.session.project.parameters = window.session.network.state_dict()  # as if trained
    builder.reinit.click()
    assert np.allclose(sigma_max_of_blocks(), 1.8)
    type_into(qtbot, field, "much")
    assert "recurrent_sigma_max" in builder.error("recurrent_sigma_max")
    assert window.session.spec.recurrent_sigma_max == 1.8
    type_into(qtbot, field, "0")
    assert "above 0" in builder.error("recurrent_sigma_max")
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)  # the person empties the field
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.session.spec.recurrent_sigma_max is None
    assert np.allclose(sigma_max_of_blocks(), usual)


def test_sigma_max_does_not_apply_to_a_time_delay_network(make_window):
    window = make_window(small_project("copy", cell="tdnn"))
    assert not window.builder.widgets["recurrent_sigma_max"].isEnabled()


def test_every_panel_a_lesson_raises_is_a_dock_of_the_window(window):
    from simulator.lessons import PANELS, lessons

    assert set(PANELS) <= set(window.docks)
    assert {panel for lesson in lessons() for panel in lesson.panels} <= set(window.docks)
