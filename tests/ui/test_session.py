"""The session: running the example, moving the cursor, following it with the selection, and
undoable network edits that keep the cursor on the same event."""

import numpy as np
import pytest

from ui.quick_look import PANELS, open_panel
from ui.selection import Selection

from .conftest import small_project, wait_for_workers


def test_opening_a_project_runs_it_and_stops_at_the_loss(window):
    session = window.session
    assert session.trace is not None and session.trace.has_gradients
    assert session.stepper.event.phase == "loss"
    assert session.selection.kind == "loss"
    assert session.trace.steps == session.example.length


def test_the_selection_follows_the_event_being_computed(window):
    session = window.session
    session.goto(session.stepper.find("forward:2"))
    assert session.selection == Selection("hidden", 0, 0, 2)
    session.step(1)
    assert session.selection.position == 3
    session.home()
    assert session.stepper.index == 0 and session.selection.position == 0
    session.goto(10_000)
    assert session.at_end


def test_a_refused_value_names_the_field_and_changes_nothing(window):
    session = window.session
    before = session.spec
    message = session.change_spec(hidden_size=0)
    assert "hidden_size" in message and "1 to 4096" in message
    assert session.spec is before and not session.dirty


def test_changing_the_network_keeps_the_event_and_undo_brings_trained_weights_back(window):
    session = window.session
    trained = session.network.state_dict()["weight_hh_l0"] * 0 + 0.123
    session.network.params["weight_hh_l0"][...] = trained  # as if trained
    session.project.parameters = session.network.state_dict()
    session.rerun()
    session.goto(session.stepper.find("backward:1"))
    session.change_spec(hidden_size=6)
    assert session.network.spec.hidden_size == 6
    assert session.trace.layers[0][0].hidden.shape[2] == 6
    assert session.stepper.event.name == "backward:0:forward:1"
    assert session.dirty
    session.undo_stack.undo()
    assert session.spec.hidden_size == 4
    assert np.allclose(session.network.params["weight_hh_l0"], 0.123)
    assert not session.dirty
    session.undo_stack.redo()
    assert session.spec.hidden_size == 6


def test_a_typed_sentence_marks_unknown_words_and_gets_the_rules_target(window):
    session = window.session
    assert session.example_from_text("the film was not very good zzzz") is None
    example = session.example
    assert example.tokens[-1] == "zzzz" and example.unknown[-1]
    assert not any(example.unknown[:-1])
    assert session.task.labels[int(example.target)] == "negative"
    assert session.trace.steps == 7


def test_text_for_a_task_that_reads_numbers_is_refused_with_a_reason(make_window):
    window = make_window(small_project("adding"))
    message = window.session.example_from_text("hello")
    assert "reads numbers" in message
    assert window.session.trace is not None


def test_an_example_from_the_task(window):
    session = window.session
    assert session.example_from_task("train", 3) is None
    assert session.example.source == "train" and session.example.index == 3
    data = session.task.train
    assert np.array_equal(session.example.inputs, data.inputs[3, : data.lengths[3]])
    assert "examples 0 to" in session.example_from_task("test", 999)


@pytest.mark.parametrize("name", sorted(PANELS))
def test_every_panel_opens_on_its_own(qtbot, name):
    session, panel = open_panel(name, small_project())
    qtbot.addWidget(panel)
    session.end()
    session.home()
    assert not panel.grab().isNull()
    panel.close()
    wait_for_workers(qtbot)
