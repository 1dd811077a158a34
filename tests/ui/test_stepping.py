"""Moving through the events with the keyboard, the buttons, the timeline and playback."""

from PySide6.QtCore import QPoint, Qt


def test_keys_step_and_jump(window, qtbot):
    session = window.session
    window.diagram.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Home)
    assert session.stepper.index == 0
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert session.stepper.index == 2
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert session.stepper.index == 1
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert session.at_end
    qtbot.keyClick(window, Qt.Key.Key_L)
    assert session.stepper.event.phase == "loss"


def test_keys_typed_into_the_sentence_do_not_step(window, qtbot):
    session = window.session
    index = session.stepper.index
    window.input_panel.text.setFocus()
    qtbot.keyClick(window.input_panel.text, Qt.Key.Key_Left)
    qtbot.keyClick(window.input_panel.text, Qt.Key.Key_Space)
    assert session.stepper.index == index


def test_play_walks_to_the_end_and_stops(window, qtbot):
    bar = window.stepper_bar
    bar.speed.setCurrentIndex(bar.speed.count() - 1)  # fastest
    window.session.home()
    window.diagram.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert bar.playing
    qtbot.waitUntil(lambda: not bar.playing, timeout=5000)
    assert window.session.at_end


def test_the_timeline_moves_the_cursor_where_it_is_clicked(window, qtbot):
    timeline = window.stepper_bar.timeline
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(6, 10))
    assert window.session.stepper.index == 0
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(timeline.width() - 6, 10))
    assert window.session.at_end


def test_the_description_says_what_is_computed(window):
    session = window.session
    session.goto(session.stepper.find("forward:1"))
    text = window.stepper_bar.description.text()
    assert "Forward" in text and "t = 1" in text and session.example.tokens[1] in text
    session.to_loss()
    assert "Loss" in window.stepper_bar.description.text()
