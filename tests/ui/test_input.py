"""Typing a sentence, taking an example from the task, and setting targets."""

import numpy as np
from PySide6.QtCore import Qt

from .conftest import small_project


def test_typed_tokens_become_chips_with_unknown_ones_marked(window, qtbot):
    panel = window.input_panel
    panel.source.setCurrentIndex(0)
    panel.text.setText("the food was qwerty")
    qtbot.keyClick(panel.text, Qt.Key.Key_Return)
    assert window.session.example.tokens == ("the", "food", "was", "qwerty")
    chips = panel.chips.chips
    assert len(chips) == 4
    assert "vocabulary" in chips[3].toolTip() and "vocabulary" not in chips[0].toolTip()
    assert window.session.trace.steps == 4


def test_empty_text_is_refused_with_a_message(window, qtbot):
    panel = window.input_panel
    panel.text.setText("   ")
    qtbot.keyClick(panel.text, Qt.Key.Key_Return)
    assert "type at least one" in panel.message.text()
    assert window.session.trace is not None


def test_choosing_the_target_class_changes_the_loss(window):
    session = window.session
    before = session.trace.loss
    panel = window.input_panel
    target = (int(session.example.target) + 2) % 5
    panel.target.setCurrentIndex(target)
    panel.target.activated.emit(target)
    assert int(session.example.target) == target
    assert session.trace.loss != before


def test_a_test_example_is_described_and_can_be_picked_by_index(window):
    panel = window.input_panel
    panel.source.setCurrentIndex(2)
    panel.source.activated.emit(2)
    panel.index.setValue(4)
    session = window.session
    assert session.example.source == "test" and session.example.index == 4
    assert "->" in panel.described.text()


def test_per_step_tags_for_a_tagging_task(make_window):
    window = make_window(small_project("copy"))
    panel = window.input_panel
    pickers = panel.chips.pickers
    assert len(pickers) == window.session.example.length
    assert not panel.target.isVisible()
    pickers[2].setCurrentIndex(3)
    pickers[2].activated.emit(3)
    assert window.session.example.target[2] == 3
    assert window.session.trace.targets[0, 2] == 3


def test_typing_is_not_offered_for_a_task_that_reads_numbers(make_window):
    window = make_window(small_project("adding"))
    panel = window.input_panel
    assert not panel.source.model().item(0).isEnabled()
    assert panel.target_value.isVisible()
    assert np.isclose(
        float(panel.target_value.text()), float(window.session.example.target[0]), atol=1e-3
    )
