"""The live plots hold the trace's numbers for what is known at the cursor and NaN for the
future, as the person steps through the forward pass, the loss and BPTT."""

import numpy as np
import pytest

from ui.dock_tabs import on_screen

from .conftest import small_project


def hidden_image(window):
    return window.plots["hidden"].heatmap.values


def test_hidden_state_shows_the_past_and_blanks_the_future(window):
    session = window.session
    session.goto(session.stepper.find("forward:2"))
    image = hidden_image(window)
    hidden = session.trace.layers[0][0].hidden[0]  # (T, H)
    assert image.shape == (session.spec.hidden_size, session.trace.steps)
    assert np.allclose(image[:, :3], hidden[:3].T)
    assert np.isnan(image[:, 3:]).all()
    session.step(1)
    assert np.allclose(hidden_image(window)[:, 3], hidden[3])
    session.step(-2)
    assert np.isnan(hidden_image(window)[:, 2:]).all()


def test_lstm_gates_and_cell_state_follow_the_cursor(window):
    session = window.session
    session.goto(session.stepper.find("forward:1"))
    panel = window.plots["gates"]
    window.docks["gates"].raise_()  # the person opens its tab (a hidden tab catches up when shown)
    assert set(panel.heatmaps) == {"i", "f", "o", "candidate", "cell"}
    d = session.trace.layers[0][0]
    for name, trace_values in {**d.gates, "cell": d.cell_state}.items():
        image = panel.heatmaps[name].values
        assert np.allclose(image[:, :2], trace_values[0, :2].T), name
        assert np.isnan(image[:, 2:]).all(), name
        line = panel.heatmaps[name].cursor  # at the step just computed, over every row
        assert line.isVisible() and line.line().x1() == line.line().x2() == 1
        assert (line.line().y1(), line.line().y2()) == (-0.5, image.shape[0] - 0.5)


def test_gru_shows_reset_update_and_candidate(make_window):
    window = make_window(small_project(cell="gru"))
    assert not hasattr(window.plots["gates"], "heatmaps")  # in a lowered tab: nothing built
    window.docks["gates"].raise_()  # the person opens its tab
    assert set(window.plots["gates"].heatmaps) == {"r", "z", "candidate"}


def test_the_output_and_loss_appear_only_when_computed(window):
    session = window.session
    panel = window.plots["outputs"]
    session.goto(session.stepper.find("forward:0"))
    assert np.isnan(panel.bars.opts["height"]).all()
    assert np.isnan(panel.loss_bars.opts["height"]).all()
    session.to_loss()
    assert np.allclose(panel.bars.opts["height"], session.trace.probabilities[0])
    assert np.allclose(panel.loss_bars.opts["height"], session.trace.step_losses[0])


def test_seq2seq_outputs_fill_in_step_by_step(make_window):
    window = make_window(small_project("copy", cell="rnn", bidirectional=True))
    session = window.session
    panel = window.plots["outputs"]
    session.goto(session.stepper.find("forward:0:reverse:5"))  # reverse has read 7, 6, 5
    image = panel.heatmap.values  # (classes, T)
    probs = session.trace.probabilities[0]
    assert np.allclose(image[:, 5:], probs[5:].T)
    assert np.isnan(image[:, :5]).all()


def test_gradient_norms_appear_as_bptt_walks_back(window):
    session = window.session
    panel = window.plots["gradients"]
    curve = panel.curves[("h", 0, 0)]
    session.to_loss()
    assert curve.yData is None or len(curve.yData) == 0
    session.step(2)  # BPTT has reached the last two positions
    T = session.trace.steps
    norms = np.linalg.norm(session.trace.layers[0][0].grad_hidden[0], axis=1)
    y = curve.yData
    assert np.isnan(y[: T - 2]).all()
    assert np.allclose(10 ** y[T - 2 :], norms[T - 2 :])


def test_parameter_gradients_grow_step_by_step_during_bptt(window):
    from simulator.accumulated import accumulated_gradients

    session = window.session
    panel = window.plots["parameters"]
    window.docks["parameters"].raise_()
    session.home()
    assert np.isnan(list(panel.norms.values())).all()  # nothing known before the loss
    session.to_loss()
    assert panel.norms["output.weight"] == pytest.approx(
        np.linalg.norm(session.trace.grads["output.weight"])
    )
    assert panel.norms["weight_hh_l0"] == 0.0  # BPTT has not reached a step yet
    seen = []
    while not session.at_end:
        session.step()
        seen.append(panel.norms["weight_ih_l0"])
        expected = accumulated_gradients(session.trace, session.stepper)["weight_ih_l0"]
        assert seen[-1] == pytest.approx(np.linalg.norm(expected))
    assert len(set(seen)) == len(seen) > 2  # a new bar length at every backward step
    for name, grad in session.trace.grads.items():
        assert panel.norms[name] == pytest.approx(np.linalg.norm(grad))


def test_gradient_flow_columns_appear_as_bptt_reaches_them(window):
    from simulator.gradient_flow import gradient_flow

    session = window.session
    panel = window.plots["flow"]
    window.docks["flow"].raise_()
    session.to_loss()
    session.step(3)
    expected = gradient_flow(session.network, session.trace).matrix
    shown = panel.heatmap.values
    T = session.trace.steps
    with np.errstate(divide="ignore"):
        logs = np.log10(np.where(expected > 0, expected, np.nan))
    assert np.allclose(shown[:, T - 3 :], logs[:, T - 3 :], equal_nan=True)
    assert np.isnan(shown[:, : T - 3]).all()
    session.home()
    assert np.isnan(panel.heatmap.values).all()


def test_gradient_flow_of_a_long_sequence_is_computed_in_a_worker(make_window, qtbot):
    window = make_window(small_project("adding", cell="rnn"))
    session = window.session
    panel = window.plots["flow"]
    window.docks["flow"].raise_()
    assert session.trace.steps == 10
    long = small_project("adding", cell="rnn")
    long.task["length"] = 40
    window.session.open_project(long, None, name="long")
    assert panel.computing
    qtbot.waitUntil(lambda: not panel.computing, timeout=10_000)
    session.end()
    assert panel.flow is not None and panel.flow.matrix.shape == (40, 40)
    distances, ratio = panel.decay_curve.getData()
    assert len(distances) > 10 and np.isfinite(ratio).any()
    d, bound = panel.bound_curve.getData()  # log10 (sigma gamma)^d, the 1/gamma line's slope
    rate = panel.flow.top_singular_value * panel.flow.gamma
    assert np.allclose(bound, d * np.log10(rate))


def test_a_plot_in_a_lowered_tab_waits_and_catches_up_when_its_tab_is_raised(window):
    session, panel = window.session, window.plots["parameters"]
    assert panel.isVisible() and not on_screen(panel)  # Qt's lowered tab: "visible" off-screen
    redraws = []
    original = panel.redraw
    panel.redraw = lambda: (redraws.append(session.stepper.index), original())
    session.end()
    assert redraws == []  # unseen: no work on each step
    window.docks["parameters"].raise_()
    assert redraws == [session.stepper.index]
    for name, grad in session.trace.grads.items():
        assert panel.norms[name] == pytest.approx(np.linalg.norm(grad))


def test_the_gradient_cursor_follows_bptt_and_hides_in_the_forward_pass(window):
    session, panel = window.session, window.plots["gradients"]
    session.goto(session.stepper.find("forward:2"))
    assert not panel.cursor.isVisible()
    session.goto(session.stepper.find("backward:3"))
    event = session.stepper.event
    assert panel.cursor.isVisible() and panel.cursor.line().x1() == event.position
