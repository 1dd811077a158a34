"""Divergence: detected by the loss and by the update's size, rolled back to the last sane
parameters and optimiser state, reported in one line; a project is never replaced by worse."""

import json
import shutil

import numpy as np
import pytest

from simulator import cli
from simulator.project import Project, new_project
from simulator.resources import EXAMPLES
from simulator.training.keeping import RunStart


def _irnn(learning_rate, optimizer="sgd"):
    """A ReLU RNN whose recurrent matrix starts at I (it explodes under SGD)."""
    project = new_project(
        "adding",
        {
            "network.cell": "rnn",
            "network.activation": "relu",
            "network.hidden_size": 16,
            "task.length": 30,
            "training.optimizer": optimizer,
            "training.learning_rate": learning_rate,
            "training.eval_every": 0,
        },
    )
    network = project.make_network()
    network.params["weight_hh_l0"][...] = np.eye(16)
    return project.make_trainer(network, project.make_task())


def test_a_diverging_run_goes_back_to_its_last_sane_step_bit_for_bit():
    trainer = _irnn(0.003, "momentum")
    result = trainer.train(100)
    divergence = result.divergence
    assert result.reason == "diverged" and divergence.step == 2 and divergence.kept_step == 1
    assert "the update" in divergence.message and "step 1 (loss" in divergence.message
    reference = _irnn(0.003, "momentum")  # the same run stopped after its one sane step
    reference.train(1)
    assert trainer.step == reference.step == 1
    assert np.array_equal(trainer.network.flat, reference.network.flat)
    velocity = trainer.optimizer.state["velocity"]
    assert np.abs(velocity).max() > 0 and np.array_equal(
        velocity, reference.optimizer.state["velocity"]
    )
    assert np.array_equal(trainer.history.table(), reference.history.table(), equal_nan=True)


def test_a_loss_far_above_the_first_is_divergence_even_when_finite():
    trainer = _irnn(0.01)
    result = trainer.train(100)
    assert result.reason == "diverged" and "is over 1000 times the run's first" in (
        result.divergence.cause
    )
    assert np.isfinite(trainer.network.flat).all() and trainer.step == 0


def test_weights_worse_than_the_start_are_saved_only_when_forced():
    trainer = _irnn(0.003)
    start = RunStart(trainer)
    result = trainer.train(100)  # keeps step 1, whose test loss is far above step 0's
    refused = start.verdict(result, "p.rnnsim.json")
    assert not refused.save and "worse than step 0" in refused.message
    assert "--force" in refused.message and "\n" not in refused.message
    assert start.verdict(result, "p.rnnsim.json", force=True).save


@pytest.mark.parametrize("example", ["tree_sentiment_rvnn", "adding_lstm"])
def test_learning_rate_1e300_leaves_a_trained_project_as_good_as_it_was(example, tmp_path, capsys):
    source = EXAMPLES / f"{example}.rnnsim.json"
    path = tmp_path / source.name
    data = json.loads(source.read_text())
    shutil.copy(source.with_name(data["parameters"]), tmp_path)
    data["training"]["learning_rate"] = 1e300
    path.write_text(json.dumps(data))
    files = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert cli.main(["evaluate", str(path), "--json"]) == 0
    before = json.loads(capsys.readouterr().out)

    code = cli.main(["train", str(path), "--steps", "30"])
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if not line.startswith("step")]
    assert code == 1 and len(lines) == 1 and "Traceback" not in err
    assert f"diverged at step {before['step'] + 1}" in lines[0] and "was not changed" in lines[0]
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == files
    assert cli.main(["evaluate", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == before
    if "mse" in before:  # regression: far better than predicting the test set's mean
        assert before["mse"] < 0.1 * before["baseline_mse"]
    else:
        assert before["accuracy"] > 0.8


def test_the_output_is_checked_before_training(tmp_path, capsys):
    path = tmp_path / "p.rnnsim.json"
    new_project("adding", {"training.steps": 10**6}).save(path)
    code = cli.main(["train", str(path), "-o", str(tmp_path / "no" / "such" / "y.rnnsim.json")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "no folder" in err
    assert Project.load(path).step == 0
