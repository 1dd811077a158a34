"""Project files reopen exactly as saved; broken ones give a ProjectError saying what to fix."""

import json
import re

import numpy as np
import pytest

from simulator.project import Project, ProjectError, new_project


@pytest.fixture
def saved(tmp_path):
    project = new_project(
        "segmentation",
        {"network.cell": "lstm", "network.bidirectional": True, "training.eval_every": 5},
    )
    trainer = project.make_trainer(project.make_network(), project.make_task())
    trainer.train(7)
    project.capture(trainer)
    project.view = {"example": 3, "text": "我们喜欢学习"}
    path = tmp_path / "seg.rnnsim.json"
    project.save(path)
    return project, trainer, path


def test_reopening_restores_everything(saved):
    project, trainer, path = saved
    again = Project.load(path)
    assert again.spec == project.spec and again.task == project.task
    assert again.training == project.training and again.step == 7 and again.view == project.view
    network = again.make_network()
    assert np.array_equal(network.flat, trainer.network.flat)
    assert again.history == json.loads(json.dumps(project.history))
    resumed = again.make_trainer(network, again.make_task())
    assert np.array_equal(resumed.history.table(), trainer.history.table(), equal_nan=True)


def test_files_are_plain_json_and_a_plain_npz(saved):
    _, _, path = saved
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["format"] == "rnnsim-project" and re.fullmatch(
        r"seg\.[0-9a-f]{12}\.npz", data["parameters"]
    )
    assert "我们喜欢学习" in text  # written as UTF-8, readable by a person
    with np.load(path.with_name(data["parameters"]), allow_pickle=False) as arrays:
        assert "weight_hh_l0_reverse" in arrays.files and "optimizer.exp_avg" in arrays.files


def _weights(path):
    return path.with_name(json.loads(path.read_text())["parameters"])


def test_saving_leaves_no_temporary_files(saved):
    project, _, path = saved
    first = _weights(path)
    project.save(path)  # again: the old weights go once the new JSON names the new ones
    assert _weights(path) != first
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == sorted([_weights(path).name, "seg.rnnsim.json"])


def _broken(path, edit):
    data = json.loads(path.read_text())
    edit(data)
    path.write_text(json.dumps(data))


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda d: d.update(format="other"), "not an rnnsim project"),
        (lambda d: d.update(version=99), "version 99"),
        (lambda d: d["network"].update(cell="transformer"), "network.cell = 'transformer'"),
        (lambda d: d["network"].update(hiden_size=3), "hiden_size"),
        (lambda d: d["training"].update(learning_rate=-1), "training.learning_rate"),
        (lambda d: d["task"].update(length=5), "length"),
        (
            lambda d: d.update(parameters=None, network={**d["network"], "output_size": 9}),
            "network.output_size = 9 does not fit",
        ),
        (
            lambda d: d["network"].update(output_size=9),
            r"output.weight has shape \(4, 32\); this network needs \(9, 32\)",
        ),
        (lambda d: d.update(parameters="../elsewhere.npz"), "beside the project"),
        (lambda d: d.update(step=-1), "step"),
    ],
)
def test_broken_fields_are_named(saved, edit, message):
    _, _, path = saved
    _broken(path, edit)
    with pytest.raises(ProjectError, match=message):
        project = Project.load(path)
        project.make_task()
        project.make_network()


def test_broken_json_says_where(saved):
    _, _, path = saved
    path.write_text('{"format": "rnnsim-project",\n "version": 1,,}')
    with pytest.raises(ProjectError, match="not valid JSON.*line 2"):
        Project.load(path)


def test_missing_files(tmp_path, saved):
    with pytest.raises(ProjectError, match="no such file"):
        Project.load(tmp_path / "nothing.rnnsim.json")
    _, _, path = saved
    weights = _weights(path)
    weights.unlink()
    with pytest.raises(ProjectError, match=f"{weights.name}: no such file"):
        Project.load(path)


def test_an_npz_that_needs_pickle_is_refused(saved):
    _, _, path = saved
    np.savez(_weights(path), **{"output.bias": np.array([{"code": "x"}], dtype=object)})
    with pytest.raises(ProjectError, match="output.bias holds object values"):
        Project.load(path)


def test_parameters_that_do_not_fit_the_network(saved):
    _, _, path = saved
    np.savez(_weights(path), **{"output.bias": np.zeros(4)})
    with pytest.raises(ProjectError, match="parameters: missing"):
        Project.load(path).make_network()


def test_unwritable_folder_is_a_project_error(tmp_path):
    project = new_project("adding")
    with pytest.raises(ProjectError, match="cannot write"):
        project.save(tmp_path / "no" / "such" / "folder" / "p.rnnsim.json")


def test_a_relative_data_path_is_read_beside_the_project_file(tmp_path, monkeypatch):
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / "reviews.tsv").write_text(
        "".join(f"{'good' if k % 2 else 'bad'}\tline {k} is {'fine' if k % 2 else 'poor'}\n"
                for k in range(20)),
        encoding="utf-8",
    )  # fmt: skip
    monkeypatch.chdir(folder)  # where the person made the project
    new_project("labelled_file", {"task.path": "reviews.tsv"}).save(folder / "r.rnnsim.json")
    monkeypatch.chdir(tmp_path)  # opened from elsewhere: the data moves with the project
    task = Project.load(folder / "r.rnnsim.json").make_task()
    assert len(task.train) + len(task.test) == 20
    moved = Project.load(folder / "r.rnnsim.json")
    moved.folder = tmp_path  # a folder without the file: the path is read as given, and fails
    with pytest.raises(ProjectError, match="reviews.tsv"):
        moved.make_task()
