"""Saving, reopening, recent files, unsaved changes, and files that do not load."""

import json

from simulator.project import Project

from .conftest import small_project


def test_save_and_reopen_restore_the_network_and_the_example(window, tmp_path):
    session = window.session
    session.change_spec(hidden_size=5)
    session.example_from_text("the room was very dirty")
    path = tmp_path / "mine.rnnsim.json"
    assert window.file_actions._write(path)
    assert not session.dirty and window.windowTitle().startswith("mine.rnnsim.json —")
    saved = json.loads(path.read_text())
    assert saved["view"]["input"]["text"] == "the room was very dirty"
    assert window.file_actions.open_path(path)
    assert session.spec.hidden_size == 5
    assert session.example.text == "the room was very dirty"
    assert window.file_actions.recent()[0].endswith("mine.rnnsim.json")


def test_unsaved_changes_are_asked_about_and_cancel_keeps_them(window, tmp_path):
    session = window.session
    session.change_spec(hidden_size=6)
    other = tmp_path / "other.rnnsim.json"
    small_project().save(other)
    window.file_actions.ask_discard = lambda: "cancel"
    assert not window.file_actions.open_path(other)
    assert session.spec.hidden_size == 6 and session.dirty
    window.file_actions.ask_discard = lambda: "discard"
    assert window.file_actions.open_path(other)
    assert session.spec.hidden_size == 4 and not session.dirty


def test_a_broken_file_is_reported_in_the_window_and_nothing_is_lost(window, tmp_path):
    session = window.session
    before = session.project
    bad = tmp_path / "bad.rnnsim.json"
    bad.write_text("{ not json")
    assert not window.file_actions.open_path(bad)
    assert "bad.rnnsim.json" in window.problem_bar.text.text()
    assert window.problem_bar.isVisible()
    assert session.project is before and session.trace is not None


def test_an_example_opens_as_an_unsaved_copy(window):
    from simulator.resources import DEFAULT_EXAMPLE

    assert window.file_actions.open_path(DEFAULT_EXAMPLE, example=True)
    assert window.session.path is None and "(example)" in window.session.name
    assert Project.load(DEFAULT_EXAMPLE).step > 0  # the shipped example is trained


def test_save_on_a_shipped_example_asks_where_instead_of_overwriting_it(
    window, tmp_path, monkeypatch
):
    from simulator.resources import EXAMPLES

    example = EXAMPLES / "adding_rnn.rnnsim.json"
    before = {p.name: p.read_bytes() for p in EXAMPLES.glob("adding_rnn.*")}
    assert window.file_actions.open_path(example)  # File > Open, not the gallery's copy
    asked = []

    def choose(parent, title, start, filters):
        asked.append(start)
        return str(tmp_path / "mine.rnnsim.json"), ""

    monkeypatch.setattr("ui.file_actions.QFileDialog.getSaveFileName", choose)
    window.session.change_spec(hidden_size=5)
    assert window.file_actions.save()
    assert asked and not asked[0].startswith(str(EXAMPLES))  # offered outside the examples
    assert {p.name: p.read_bytes() for p in EXAMPLES.glob("adding_rnn.*")} == before
    assert Project.load(tmp_path / "mine.rnnsim.json").spec.hidden_size == 5
    assert window.session.path == tmp_path / "mine.rnnsim.json"


def test_hostile_files_are_a_message_and_change_nothing(window, tmp_path):
    """A FIFO for weights (it would block the window forever), NaN in a parameter, JSON
    nested 100,000 deep: one message each, and the project on screen stays."""
    import os

    import numpy as np

    session = window.session
    before = (session.project, session.trace, session.path)
    source = tmp_path / "p.rnnsim.json"

    def fifo(path):
        path.unlink()
        os.mkfifo(path)

    def nan_state(path):
        with np.load(path) as archive:
            arrays = dict(archive)
        arrays["output.bias"] = np.full_like(arrays["output.bias"], np.nan)
        np.savez(path, **arrays)

    def nested(path):
        source.write_text("[" * 100_000 + "]" * 100_000)

    for damage, words in [(fifo, "FIFO"), (nan_state, "NaN"), (nested, "nested")]:
        small_project().save(source)
        damage(source.with_name(json.loads(source.read_text())["parameters"]))
        assert not window.file_actions.open_path(source, ask=False)
        assert words in window.problem_bar.text.text()
        assert (session.project, session.trace, session.path) == before
