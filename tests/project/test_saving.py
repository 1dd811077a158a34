"""Saving as one unit: the weights under a new name, the JSON replaced, the old weights removed;
leftovers of a crashed save removed at the next open; old NAME.npz projects still open."""

import json
import shutil

import numpy as np
import pytest

from simulator.project import Project, new_project
from simulator.resources import EXAMPLES


def _weights_name(path):
    return json.loads(path.read_text())["parameters"]


def test_an_old_project_opens_and_its_first_save_moves_its_weights(tmp_path):
    for source in EXAMPLES.glob("adding_rnn.*"):
        shutil.copy(source, tmp_path)
    path = tmp_path / "adding_rnn.rnnsim.json"
    assert _weights_name(path) == "adding_rnn.npz"
    project = Project.load(path)
    project.save(path)
    name = _weights_name(path)
    assert name != "adding_rnn.npz" and name.startswith("adding_rnn.")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, path.name])
    again = Project.load(path)
    for key, array in project.parameters.items():
        assert np.array_equal(again.parameters[key], array)


def test_leftovers_of_a_crashed_save_go_at_the_next_open_and_nothing_else(tmp_path):
    path = tmp_path / "p.rnnsim.json"
    new_project("adding").save(path)
    leftovers = [".p.rnnsim.json.ab3_x9k2.tmp", ".p.npz.q8w7e6r5", "p.0123456789ab.npz"]
    others = ["notes.txt", ".p.rnnsim.json.bak", "q.0123456789ab.npz", "p.backup.npz"]
    for name in leftovers + others:
        (tmp_path / name).write_bytes(b"x")
    Project.load(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [path.name, _weights_name(path), *others]
    )


def test_a_damaged_json_keeps_every_weights_file(tmp_path):
    path = tmp_path / "p.rnnsim.json"
    new_project("adding").save(path)
    stray = tmp_path / "p.0123456789ab.npz"
    stray.write_bytes(b"x")
    path.write_text("{ damaged")
    with pytest.raises(ValueError, match="not valid JSON"):
        Project.load(path)
    assert stray.exists() and len(list(tmp_path.glob("p.*.npz"))) == 2


def test_a_value_json_cannot_hold_changes_nothing_on_disk(tmp_path):
    path = tmp_path / "p.rnnsim.json"
    project = new_project("adding")
    project.save(path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    project.view = {"zoom": float("nan")}
    with pytest.raises(ValueError):
        project.save(path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
