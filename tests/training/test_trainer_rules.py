"""The update rules, clipping, weight decay and truncated BPTT do what they say."""

import numpy as np
import pytest

from simulator import SpecError
from simulator.project import new_project
from simulator.training import TrainingSettings
from simulator.training.optimizers import Optimizer


def _trainer(task="digit_sum", **training):
    sets = {"network.cell": "rnn", "network.hidden_size": 4, "training.eval_every": 0}
    sets.update({f"training.{k}": v for k, v in training.items()})
    project = new_project(task, sets)
    return project.make_trainer(project.make_network(), project.make_task())


def _batch_gradient(trainer):
    x, y, lengths = trainer.batch(trainer.step)
    return trainer.network.run(x, y, lengths)


def test_sgd_step_is_p_minus_lr_g():
    trainer = _trainer(optimizer="sgd", learning_rate=0.1)
    before = trainer.network.flat.copy()
    grad = _batch_gradient(trainer).grad_flat
    trainer.train_step()
    assert np.allclose(trainer.network.flat, before - 0.1 * grad, rtol=0, atol=1e-15)


def test_momentum_and_adam_follow_their_equations():
    grad = np.array([0.5, -2.0, 1e-3])
    momentum = Optimizer(TrainingSettings(optimizer="momentum", learning_rate=0.1), 3, float)
    p = np.zeros(3)
    momentum.update(p, grad, 1)
    momentum.update(p, grad, 2)
    assert np.allclose(p, -0.1 * grad - 0.1 * (0.9 * grad + grad))
    adam = Optimizer(TrainingSettings(optimizer="adam", learning_rate=0.01), 3, float)
    p = np.zeros(3)
    adam.update(p, grad, 1)  # first step: m_hat = g, v_hat = g^2, so the step is lr * sign(g)
    assert np.allclose(p, -0.01 * grad / (np.abs(grad) + 1e-8))


def test_clip_by_norm_scales_the_whole_gradient_to_the_threshold():
    trainer = _trainer(optimizer="sgd", learning_rate=1.0, clip_norm=1e-3)
    before = trainer.network.flat.copy()
    grad = _batch_gradient(trainer).grad_flat
    trainer.train_step()
    step = before - trainer.network.flat
    assert np.linalg.norm(step) == pytest.approx(1e-3)
    assert np.allclose(step / np.linalg.norm(step), grad / np.linalg.norm(grad))
    assert trainer.history.column("clipped")[-1] == 1.0
    assert trainer.history.column("grad_norm")[-1] == pytest.approx(np.linalg.norm(grad))


def test_clip_by_value_clamps_each_entry():
    trainer = _trainer(optimizer="sgd", learning_rate=1.0, clip_value=1e-4)
    before = trainer.network.flat.copy()
    grad = _batch_gradient(trainer).grad_flat
    trainer.train_step()
    assert np.allclose(before - trainer.network.flat, np.clip(grad, -1e-4, 1e-4))


def test_weight_decay_adds_lambda_p():
    trainer = _trainer(optimizer="sgd", learning_rate=0.1, weight_decay=0.01)
    before = trainer.network.flat.copy()
    grad = _batch_gradient(trainer).grad_flat
    trainer.train_step()
    assert np.allclose(trainer.network.flat, before - 0.1 * (grad + 0.01 * before))


@pytest.mark.parametrize("task", ["copy", "digit_sum"])
def test_truncated_bptt_keeps_the_loss_and_cuts_the_gradient(task):
    full = _trainer(task, optimizer="sgd", batch_size=4)
    cut = _trainer(task, optimizer="sgd", batch_size=4, tbptt=3)
    x, y, lengths = full.batch(0)
    whole = full._gradient(x, y, lengths)
    truncated = cut._gradient(x, y, lengths)
    assert truncated.loss == pytest.approx(whole.loss, rel=1e-12)  # the state still flows
    assert truncated.right == whole.right and truncated.counted == whole.counted
    assert not np.allclose(truncated.grad, whole.grad)  # gradients stop at every cut
    window = _trainer(task, optimizer="sgd", batch_size=4, tbptt=1000)
    assert np.array_equal(window._gradient(x, y, lengths).grad, whole.grad)


def test_truncated_bptt_refuses_what_it_cannot_do():
    project = new_project("digit_sum", {"network.bidirectional": True, "training.tbptt": 5})
    with pytest.raises(Exception, match="tbptt"):
        project.make_trainer(project.make_network(), project.make_task())


@pytest.mark.parametrize(
    "field, value",
    [
        ("optimizer", "rmsprop"),
        ("learning_rate", 0),
        ("learning_rate", "fast"),
        ("momentum", 1.0),
        ("clip_norm", -1.0),
        ("batch_size", 0),
        ("tbptt", -2),
        ("seed", 1.5),
    ],
)
def test_bad_training_settings_name_the_field(field, value):
    with pytest.raises(SpecError) as caught:
        TrainingSettings(**{field: value})
    assert caught.value.field == f"training.{field}"


def test_divergence_names_the_parameter_and_keeps_the_weights():
    trainer = _trainer(optimizer="sgd", learning_rate=1e308)
    trainer.train(2)  # the first update already overflows
    result = trainer.train(3)
    assert result.reason == "diverged"
    assert result.divergence.parameter in trainer.network.params
    assert np.all(np.isfinite(trainer.network.flat))
