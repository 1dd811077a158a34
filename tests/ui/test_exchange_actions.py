"""File > Export trace…, Export weights…, Import weights…: the menu holds them, they write valid
files, importing is undoable, and a file that does not fit is a message that changes nothing."""

import numpy as np
import pytest

from simulator.weights_exchange import export_weights

from .conftest import small_project


def _answer(window, path):
    actions = window.exchange_actions
    actions.ask_save_path = lambda *args: str(path)
    actions.ask_open_path = lambda *args: str(path)
    return actions


def test_the_file_menu_offers_the_three(window):
    texts = [a.text() for a in window.file_menu.actions()]
    for text in ("Export &trace…", "&Import weights…", "E&xport weights…"):
        assert text in texts


def test_export_trace_writes_every_array_of_the_run_on_screen(window, tmp_path):
    actions = _answer(window, tmp_path / "run")  # no suffix: .npz is added
    actions.export_trace_action.trigger()
    data = np.load(tmp_path / "run.npz", allow_pickle=False)
    trace = window.session.trace
    np.testing.assert_array_equal(data["layer0.forward.hidden"], trace.layers[0][0].hidden)
    np.testing.assert_array_equal(data["grads.weight_hh_l0"], trace.grads["weight_hh_l0"])
    shown = window.session.example.tokens
    assert len(data["tokens"][0]) == len(shown)
    assert "run.npz" in window.status.text()


def test_export_trace_as_h5_for_lstmvis(window, tmp_path):
    h5py = pytest.importorskip("h5py")
    _answer(window, tmp_path / "states.h5").export_trace_action.trigger()
    with h5py.File(tmp_path / "states.h5", "r") as f:
        assert f["states1"].shape == (window.session.trace.steps, 4)
    assert (tmp_path / "states.dict").exists() and (tmp_path / "lstm.yml").exists()


def test_weights_go_out_and_come_back_in_and_undo_restores_them(window, tmp_path):
    session = window.session
    actions = _answer(window, tmp_path / "w.safetensors")
    actions.export_weights_action.trigger()
    exported = session.network.state_dict()
    session.change_init_seed(123)  # other weights
    assert not np.array_equal(session.network.params["weight_hh_l0"], exported["weight_hh_l0"])
    actions.import_weights_action.trigger()
    for name, value in exported.items():
        np.testing.assert_array_equal(session.network.params[name], value)
    assert session.trace is not None  # the run on screen follows the new weights
    np.testing.assert_array_equal(
        session.trace.layers[0][0].hidden,
        session.network.run(session.example.inputs[None]).layers[0][0].hidden,
    )
    session.undo_stack.undo()
    assert not np.array_equal(session.network.params["weight_hh_l0"], exported["weight_hh_l0"])


def test_weights_of_another_network_are_a_message_and_change_nothing(make_window, tmp_path):
    window = make_window(small_project(cell="lstm"))
    gru = small_project(cell="gru").make_network()
    export_weights(gru, tmp_path / "gru.safetensors")
    problems = []
    window.session.problem.connect(problems.append)
    before = window.session.network.state_dict()
    _answer(window, tmp_path / "gru.safetensors").import_weights_action.trigger()
    assert problems and "Could not import the weights" in problems[-1]
    assert "gru.safetensors" in problems[-1] and "\n" not in problems[-1]
    for name, value in before.items():
        np.testing.assert_array_equal(window.session.network.params[name], value)
    assert window.session.undo_stack.count() == 0
