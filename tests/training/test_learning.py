"""Proof it learns: short seeded runs reproduce what the notes explain."""

import numpy as np
import pytest

from simulator.project import new_project


def _trained(task, sets, steps):
    project = new_project(task, {"training.eval_every": 0, **sets})
    network, data = project.make_network(), project.make_task()
    trainer = project.make_trainer(network, data)
    result = trainer.train(steps)
    return trainer, result


@pytest.mark.slow
@pytest.mark.parametrize("cell", ["gru", "lstm"])
def test_gated_cells_learn_digit_parity(cell):
    # Parity of a digit string: the state must flip with every odd digit (an XOR memory).
    trainer, result = _trained(
        "digit_sum",
        {
            "network.cell": cell,
            "network.hidden_size": 16,
            "training.learning_rate": 0.02,
            "task.min_length": 2,
            "task.max_length": 6,
            "task.train_size": 2000,
        },
        steps=800,
    )
    assert result.reason == "done"
    assert trainer.evaluate()["accuracy"] >= 0.95  # chance is 0.5


@pytest.mark.slow
@pytest.mark.parametrize("cell", ["gru", "lstm"])
def test_gated_cells_learn_a_short_adding_problem(cell):
    trainer, _ = _trained(
        "adding",
        {
            "network.cell": cell,
            "network.hidden_size": 16,
            "task.length": 20,
            "task.train_size": 2000,
        },
        steps=800,
    )
    x, y, lengths = trainer.task.test.batch(np.arange(len(trainer.task.test)))
    predictions = trainer.network.run(x, lengths=lengths).outputs
    mse = float(np.mean((predictions - y) ** 2))
    assert mse < 0.01  # predicting the mean (1.0) gives the variance of the sum, 1/6


def _exploding(clip_norm):
    project = new_project(
        "adding",
        {
            "network.cell": "rnn",
            "network.activation": "relu",
            "network.hidden_size": 16,
            "task.length": 30,
            "training.optimizer": "sgd",
            "training.learning_rate": 0.05,
            "training.clip_norm": clip_norm,
            "training.eval_every": 0,
        },
    )
    network, task = project.make_network(), project.make_task()
    network.params["weight_hh_l0"][...] = 1.6 * np.eye(16)  # every step multiplies by 1.6
    trainer = project.make_trainer(network, task)
    return trainer, trainer.train(150)


def test_an_exploding_rnn_diverges_without_clipping_and_keeps_its_last_good_weights():
    trainer, result = _exploding(clip_norm=0.0)
    assert result.reason == "diverged"
    # The first update is ~1e10 times too large: caught before anything becomes inf, and the
    # weights it started from are back (the recurrent matrix is still 1.6 I)
    assert "the update" in result.divergence.message and result.divergence.kept_step == 0
    assert trainer.step == 0 and len(trainer.history) == 0
    assert np.array_equal(trainer.network.params["weight_hh_l0"], 1.6 * np.eye(16))


def test_gradient_clipping_keeps_the_same_rnn_finite():
    trainer, result = _exploding(clip_norm=1.0)
    assert result.reason == "done" and trainer.step == 150
    assert np.all(np.isfinite(trainer.network.flat))
    clipped = trainer.history.column("clipped")
    assert clipped[:5].min() == 1.0  # the huge early gradients were clipped
    assert trainer.history.column("grad_norm")[0] > 1e6
    losses = trainer.history.column("loss")
    assert np.all(np.isfinite(losses)) and losses[-20:].mean() < losses[:5].mean()
