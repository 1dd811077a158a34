"""The command line: new, train, evaluate, gradcheck, sample; mistakes are one line and exit 2."""

import json
import signal

import numpy as np
import pytest

from simulator import cli
from simulator.project import Project
from simulator.resources import example

from .terminal import TerminalRun


def _run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project_file(tmp_path, capsys):
    path = tmp_path / "ds.rnnsim.json"
    code, out, _ = _run(
        capsys,
        "new",
        "--task",
        "digit_sum",
        "--set",
        "network.cell=gru",
        "--set",
        "network.hidden_size=6",
        "--set",
        "task.max_length=12",
        "--set",
        "training.steps=20",
        "-o",
        str(path),
    )
    assert code == 0 and "gru on digit_sum" in out
    return path


def test_new_sets_any_dotted_field(project_file):
    project = Project.load(project_file)
    assert project.spec.cell == "gru" and project.spec.hidden_size == 6
    assert project.task["max_length"] == 12 and project.training.steps == 20


def test_train_then_evaluate_as_json(project_file, capsys, tmp_path):
    out_file = tmp_path / "trained.rnnsim.json"
    code, out, err = _run(capsys, "train", str(project_file), "--steps", "15", "-o", str(out_file))
    assert code == 0 and "trained to step 15" in out and err == ""  # no bar off a terminal
    assert Project.load(project_file).step == 0  # -o leaves the original alone
    code, out, _ = _run(capsys, "evaluate", str(out_file), "--json")
    result = json.loads(out)
    assert code == 0 and set(result) >= {"loss", "accuracy"} and result["step"] == 15


def test_gradcheck_json_reports_every_parameter(project_file, capsys):
    code, out, _ = _run(capsys, "gradcheck", str(project_file), "--json")
    result = json.loads(out)
    assert code == 0 and result["max_rel_error"] < 1e-6
    assert set(result["per_parameter"]) == set(Project.load(project_file).make_network().params)


def test_sample_writes_after_the_prompt(tmp_path, capsys):
    path = tmp_path / "lm.rnnsim.json"
    assert (
        _run(capsys, "new", "--task", "char_lm", "--set", "network.cell=rnn", "-o", str(path))[0]
        == 0
    )
    code, out, _ = _run(
        capsys, "sample", str(path), "--prompt", "the ", "--length", "25", "--temperature", "0.7"
    )
    assert code == 0 and out.startswith("the ") and len(out.rstrip("\n")) == 29


def test_sample_on_an_encoder_decoder_writes_its_output_for_the_prompt(capsys):
    path = example("dates_input_feeding")
    code, out, _ = _run(capsys, "sample", str(path), "--prompt", "2026-11-26")
    project = Project.load(path)
    task, model = project.make_task(), project.make_network()
    expected = task.show_target(
        model.beam_search(task.encode("2026-11-26")[None], beam_width=cli.BEAM_WIDTH).tokens[0]
    )
    assert code == 0 and out == expected + "\n"


def test_sample_on_a_classifier_says_what_it_is_for(capsys):
    path = example("sentiment_en_lstm")
    code, out, err = _run(capsys, "sample", str(path), "--prompt", "good")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "language model" in err and "encoder-decoder" in err


@pytest.mark.parametrize(
    "argv, message",
    [
        (["train", "missing.rnnsim.json"], "no such file"),
        (["new", "--task", "nope", "-o", "x.json"], "task"),
        (
            ["new", "--task", "adding", "--set", "network.hidden_size=-1", "-o", "x.json"],
            "network.hidden_size = -1",
        ),
        (["new", "--task", "adding", "--set", "oops", "-o", "x.json"], "FIELD=VALUE"),
        (["new", "--task", "adding", "--set", "nosection=1", "-o", "x.json"], "SECTION.FIELD"),
        (["train"], "arguments are required"),
        (["sample", "x.json"], "--prompt"),
    ],
)
def test_mistakes_are_one_line_and_exit_2(tmp_path, capsys, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, *argv)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_broken_json_project_is_one_line(tmp_path, capsys):
    path = tmp_path / "bad.rnnsim.json"
    path.write_text("{not json")
    code, _, err = _run(capsys, "evaluate", str(path))
    assert code == 2 and "not valid JSON" in err and len(err.strip().splitlines()) == 1


def test_ctrl_c_stops_training_cleanly_and_saves(project_file):
    run = TerminalRun("train", project_file, "--steps", "200000")
    assert b"loss=" in run.read_until(b"loss=")  # the bar shows a loss: training has started
    run.process.send_signal(signal.SIGINT)
    code, out, shown = run.finish(timeout=60)
    assert code == 0, shown
    assert "stopped to step" in out and b"Traceback" not in shown
    project = Project.load(project_file)
    assert 0 < project.step < 200000
    assert np.isfinite(project.make_network().flat).all()
