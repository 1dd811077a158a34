"""Projects hold any of the three kinds of model: recurrent, encoder-decoder, tree."""

import numpy as np
import pytest

from simulator import cli
from simulator.encoder_decoder.model import EncoderDecoder
from simulator.network import Network
from simulator.project import Project, ProjectError, new_project
from simulator.trees.network import TreeNetwork

KINDS = [
    ("reverse", {"network.attention": "dot"}, EncoderDecoder),
    ("dates", {"network.context": "input", "network.decoder_cell": "gru"}, EncoderDecoder),
    ("tree_sentiment", {"network.model": "rntn"}, TreeNetwork),
    ("tree_sentiment", {"network.cell": "gru"}, Network),
]


@pytest.mark.parametrize("task, sets, kind", KINDS, ids=[f"{t}-{k.__name__}" for t, _, k in KINDS])
def test_train_save_reopen_and_continue(tmp_path, task, sets, kind):
    project = new_project(task, {**sets, "training.eval_every": 5, "training.batch_size": 8})
    network = project.make_network()
    assert isinstance(network, kind)
    trainer = project.make_trainer(network, project.make_task())
    assert trainer.train(6).reason == "done"
    project.capture(trainer)
    path = tmp_path / "p.rnnsim.json"
    project.save(path)
    again = Project.load(path)
    assert again.spec == project.spec
    resumed = again.make_trainer(again.make_network(), again.make_task())
    assert np.array_equal(resumed.network.flat, trainer.network.flat)
    trainer.train(3)
    resumed.train(3)
    assert np.array_equal(resumed.network.flat, trainer.network.flat)
    assert 0.0 <= resumed.evaluate()["accuracy"] <= 1.0


def test_accuracy_of_an_encoder_decoder_counts_target_tokens():
    project = new_project("reverse", {"training.eval_every": 0})
    trainer = project.make_trainer(project.make_network(), project.make_task())
    trainer.train(1)
    accuracy = trainer.history.column("accuracy")[-1]
    x, y, lengths = trainer.batch(0)
    assert accuracy * lengths[:, 1].sum() == pytest.approx(round(accuracy * lengths[:, 1].sum()))


def test_truncated_bptt_is_refused_for_models_without_one_sequence():
    project = new_project("reverse", {"training.tbptt": 4})
    with pytest.raises(ProjectError, match="training.tbptt"):
        project.make_trainer(project.make_network(), project.make_task())


def test_a_tree_model_needs_a_treebank():
    with pytest.raises(ProjectError, match="parse trees"):
        new_project("sentiment", {"network.model": "rvnn"})


@pytest.mark.parametrize("task", ["reverse", "tree_sentiment"])
def test_command_line_gradcheck_for_every_kind(tmp_path, capsys, task):
    path = tmp_path / "p.rnnsim.json"
    assert cli.main(["new", "--task", task, "-o", str(path)]) == 0
    assert cli.main(["gradcheck", str(path)]) == 0
    assert "max relative error" in capsys.readouterr().out


@pytest.mark.parametrize("task, sets, kind", KINDS, ids=[f"{t}-{k.__name__}" for t, _, k in KINDS])
def test_backward_false_gives_the_same_loss_and_leaves_the_gradients_out(task, sets, kind):
    """The finite differences of the gradient check run forward only (backward=False)."""
    project = new_project(task, sets)
    network = project.make_network()
    trainer = project.make_trainer(network, project.make_task())
    x, y, lengths = trainer.batch(0)
    full = network.run(x, y, lengths)
    forward = network.run(x, y, lengths, backward=False)
    assert forward.loss == full.loss
    assert any(np.any(grad != 0) for grad in full.grads.values())
    assert not forward.grads
