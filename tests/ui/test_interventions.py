"""Interventions in the window: offered on a hidden node of the unrolled network (diagram and
inspector), applied to the run shown (the trace changes as computed by hand), the loss change
shown as intervention_effect computes it, and undone exactly."""

import numpy as np
import pytest

from simulator.intervention_effect import intervention_effect
from simulator.interventions import ClampGate, SetState, ZeroUnit
from simulator.trace_export.arrays import trace_arrays
from ui.diagram.layout import hidden_key
from ui.intervention_dialog import InterventionDialog
from ui.selection import Selection

from .conftest import small_project


def lstm_project(seed: int, cell: str = "lstm"):
    project = small_project(cell=cell)
    project.init_seed = seed
    return project


def trigger(menu, text: str) -> None:
    actions = {action.text(): action for action in menu.actions()}
    assert text in actions, list(actions)
    actions[text].trigger()


def arrays(trace) -> dict:
    return {k: v for k, v in trace_arrays(trace).items() if k != "interventions"}


def test_a_hidden_node_offers_the_interventions_in_the_diagram_and_the_inspector(window):
    diagram, inspector, session = window.diagram, window.inspector, window.session
    menu = diagram.node_menu(hidden_key(0, 0, 2))
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert texts == [
        "f = 1 at t = 2",
        "Clamp a gate…",
        "Zero units…",
        "Set h_t…",
        "Set c_t…",
        "Clear interventions",
    ]
    assert not menu.actions()[-1].isEnabled()  # nothing to clear yet
    assert diagram.node_menu(("input", 0, 0, 2)) is None
    session.select(Selection("hidden", 0, 0, 3))
    inspector.unit.setValue(1)
    assert inspector.intervene.isVisible()
    inspector.intervene_menu.aboutToShow.emit()
    texts = [a.text() for a in inspector.intervene_menu.actions()]
    assert texts[:2] == ["f = 1 at t = 3", "h[1] = 0 at t = 3"]
    session.select(Selection("loss"))
    assert not inspector.intervene.isVisible()


@pytest.mark.parametrize("seed, t", [(0, 2), (5, 3)])
def test_f_equal_1_at_a_step_changes_the_trace_as_computed_by_hand(make_window, seed, t):
    window = make_window(lstm_project(seed))
    session, diagram = window.session, window.diagram
    session.goto(session.stepper.find("loss"))
    event = session.stepper.event
    before = session.trace.layers[0][0]
    old_c, old_h = before.cell_state[0].copy(), before.hidden[0].copy()
    session.select(Selection("hidden", 0, 0, t))
    trigger(diagram.node_menu(hidden_key(0, 0, t)), f"f = 1 at t = {t}")
    assert session.stepper.event == event  # the stepper stays on the same event
    assert session.selection == Selection("hidden", 0, 0, t)  # and the node stays selected
    d = session.trace.layers[0][0]
    i, f, g, o = (d.gates[name][0, t] for name in ("i", "f", "candidate", "o"))
    assert np.array_equal(f, np.ones_like(f))
    # c_t = f c_{t-1} + i g with f = 1: the cell keeps everything it held
    assert np.allclose(d.cell_state[0, t], old_c[t - 1] + i * g, rtol=0, atol=1e-12)
    assert np.allclose(d.hidden[0, t], o * np.tanh(d.cell_state[0, t]), rtol=0, atol=1e-12)
    assert not np.allclose(d.cell_state[0, t], old_c[t])  # it did change the state
    assert np.array_equal(d.hidden[0, :t], old_h[:t])  # nothing before t moved
    assert diagram.marks.tags == {hidden_key(0, 0, t): "f=1"}
    moved = sorted(key[3] for key in diagram.marks.moved)
    assert moved[0] == t and set(moved) <= set(range(t, len(old_h)))
    assert [type(x) for x in session.trace.interventions] == [ClampGate]


@pytest.mark.parametrize("seed", [1, 7])
def test_the_loss_change_shown_is_intervention_effects(make_window, seed):
    window = make_window(lstm_project(seed))
    session = window.session
    trigger(window.diagram.node_menu(hidden_key(0, 0, 1)), "f = 1 at t = 1")
    example = session.example
    effect = intervention_effect(
        session.network,
        example.inputs[None],
        example.target[None],
        interventions=[ClampGate(gate="f", value=1.0, steps=1)],
    )
    assert session.effect.loss_change == effect.loss_change
    line = f"loss {effect.before.loss:.3f} → {effect.after.loss:.3f} with f = 1 at t = 1"
    assert window.diagram.caption.text() == line
    session.select(Selection("hidden", 0, 0, 1))
    assert window.inspector.effect_text.text() == line
    columns = window.inspector.grid.columns
    values = window.inspector.grid.values
    assert np.allclose(
        values[:, columns.index("h before")], effect.before.layers[0][0].hidden[0, 1]
    )
    assert np.allclose(values[:, columns.index("h")], effect.after.layers[0][0].hidden[0, 1])


def test_undo_and_clear_restore_the_original_trace_exactly(make_window):
    window = make_window(lstm_project(3))
    session = window.session
    original = arrays(session.trace)
    dialog = InterventionDialog(session, 0, 0, 2, "cell", window)
    dialog.values.setText("0.5, -1")
    dialog.units.setText("0, 3")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    d = session.trace.layers[0][0]
    assert d.cell_state[0, 2, [0, 3]].tolist() == [0.5, -1.0]
    assert session.add_intervention(ZeroUnit(units=1, steps=4), "zero") is None
    assert session.trace.layers[0][0].hidden[0, 4, 1] == 0.0
    assert window.clear_interventions_action.isEnabled()
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert session.interventions == () and session.effect is None
    after = arrays(session.trace)
    assert after.keys() == original.keys()
    assert all(np.array_equal(after[k], original[k]) for k in original)
    assert window.diagram.caption.text() == "" and not window.diagram.marks.tags
    window.redo_action.trigger()
    assert len(session.trace.interventions) == 1
    window.clear_interventions_action.trigger()
    assert session.interventions == ()
    assert all(np.array_equal(arrays(session.trace)[k], original[k]) for k in original)
    window.undo_action.trigger()  # the cleared ones come back
    assert isinstance(session.trace.interventions[0], SetState)


def test_bad_values_are_a_message_in_the_dialog(make_window):
    window = make_window(lstm_project(0))
    session = window.session
    dialog = InterventionDialog(session, 0, 0, 2, "clamp", window)
    for field, text, words in (
        (dialog.value, "abc", "not a number"),
        (dialog.value, "2", "from 0 to 1"),
        (dialog.units, "9", "units 0 to 3"),
        (dialog.units, "x", "not a unit number"),
    ):
        dialog.value.setText("1")
        dialog.units.setText("all")
        field.setText(text)
        dialog.accept()
        assert words in dialog.message.text()
        assert session.interventions == ()


def test_a_gru_state_set_by_hand(make_window):
    window = make_window(lstm_project(2, cell="gru"))
    session = window.session
    menu = window.diagram.node_menu(hidden_key(0, 0, 3))
    assert "Set c_t…" not in [a.text() for a in menu.actions()]
    dialog = InterventionDialog(session, 0, 0, 3, "hidden", window)
    dialog.values.setText("0.25")
    dialog.every_step.setChecked(True)
    dialog.accept()
    hidden = session.trace.layers[0][0].hidden[0]
    assert np.array_equal(hidden, np.full_like(hidden, 0.25))
    assert len(window.diagram.marks.tags) == len(hidden)  # tagged at every step


def test_interventions_that_no_longer_fit_the_input_are_left_out(make_window, qtbot):
    window = make_window(lstm_project(4))
    session = window.session
    steps = session.trace.steps
    assert session.add_intervention(ZeroUnit(steps=steps - 1), "zero") is None
    with qtbot.waitSignal(session.status) as status:
        assert session.example_from_text("good") is None
    assert "no longer fit" in status.args[0]
    assert session.trace.interventions == () and session.effect is None
    assert window.diagram.caption.text() == ""


def test_interventions_are_offered_on_the_recurrent_cells_only():
    from simulator.project import Project
    from ui.kinds.registry import window_kind
    from ui.session import Session

    for cell, offered in (("rnn", True), ("gru", True), ("lstm", True), ("tdnn", False)):
        spec = small_project(cell=cell).spec
        assert window_kind(spec).runner().offers_interventions(spec) is offered
    for name in ("tree_sentiment_rvnn", "dates_input_feeding"):  # a tree, an encoder-decoder
        spec = Project.load(f"resources/examples/{name}.rnnsim.json").spec
        assert not window_kind(spec).runner().offers_interventions(spec)
    assert not Session().offers_interventions  # no project


def test_the_loss_line_follows_the_language(make_window):
    from ui.i18n import set_language

    window = make_window(lstm_project(0))
    session = window.session
    trigger(window.diagram.node_menu(hidden_key(0, 0, 2)), "f = 1 at t = 2")
    session.select(Selection("hidden", 0, 0, 2))
    set_language("zh_CN", remember=False)
    try:
        assert window.diagram.caption.text().startswith("损失 ")
        assert window.inspector.effect_text.text() == window.diagram.caption.text()
        assert window.inspector.intervene.text() == "干预 ▾"
    finally:
        set_language("en", remember=False)
    assert window.diagram.caption.text().startswith("loss ")


def test_interventions_leave_the_file_unchanged_and_edits_still_count(make_window):
    window = make_window(lstm_project(0))
    session = window.session
    assert not session.dirty
    session.add_intervention(ZeroUnit(steps=1), "zero")
    assert not session.dirty and "*" not in window.windowTitle()
    session.change_init_seed(11)  # an edit of the network: the file changed
    assert session.dirty and "*" in window.windowTitle()
    session.add_intervention(ZeroUnit(steps=2), "zero")
    window.undo_action.trigger()
    assert session.dirty
    window.undo_action.trigger()  # the network edit undone: back to the file as saved
    assert not session.dirty and "*" not in window.windowTitle()
    assert len(session.trace.interventions) == 1


def test_the_gradient_plot_draws_the_run_without_them_faint(make_window):
    window = make_window(lstm_project(6))
    session = window.session
    panel = window.recurrent_views.plots["gradients"]
    window.docks["gradients"].raise_()
    session.end()  # BPTT done: every gradient known
    trigger(window.diagram.node_menu(hidden_key(0, 0, 3)), "f = 1 at t = 3")
    assert session.stepper.index == len(session.stepper) - 1
    before, after = session.effect.before.layers[0][0], session.trace.layers[0][0]
    for kind, run in (("before", before), ("after", after)):
        curves = panel.before_curves if kind == "before" else panel.curves
        shown = 10 ** curves[("c", 0, 0)].yData
        assert np.allclose(shown, np.linalg.norm(run.grad_cell[0], axis=1))
    legend = [label.text for _, label in panel.plot.legend.items]
    assert "without interventions" in legend
    window.undo_action.trigger()
    faint = panel.before_curves[("c", 0, 0)].yData
    assert faint is None or faint.size == 0  # nothing drawn faint any more
    assert "without interventions" not in [label.text for _, label in panel.plot.legend.items]


def test_a_gate_clamped_in_the_upper_layer_read_in_reverse(make_window):
    window = make_window(small_project(cell="gru", num_layers=2, bidirectional=True))
    session = window.session
    t = 2
    dialog = InterventionDialog(session, 1, 1, t, "clamp", window)
    dialog.gate.setCurrentIndex(dialog.gate.findData("z"))
    dialog.value.setText("0")
    dialog.accept()
    assert dialog.message.text() == ""
    upper = session.trace.layers[1][1]
    assert np.array_equal(upper.gates["z"][0, t], np.zeros(4))
    # h_t = (1 - z) n + z h_{t+1} read in reverse: with z = 0, h_t = n_t
    assert np.allclose(upper.hidden[0, t], upper.gates["candidate"][0, t], rtol=0, atol=1e-12)
    marks = window.diagram.marks
    assert marks.tags == {hidden_key(1, 1, t): "z=0"}
    # read in reverse, the steps after t in the sentence come before it: only t..0 moved, and
    # nothing in the layer below
    assert {key for key in marks.moved} <= {hidden_key(1, 1, s) for s in range(t + 1)}
    assert hidden_key(1, 1, t) in marks.moved
