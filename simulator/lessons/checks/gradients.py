"""Checks of how far a gradient travels back: the notes' delta_{t,k} ~ delta_{t,t} gamma^(t-k)."""

from __future__ import annotations

import numpy as np

from ...gradient_flow import gradient_flow
from ...network import Network
from ...tasks import make_task
from ..outcome import Outcome
from ..runs import fresh

DISTANCE = 20  # steps back at which the decay is read


def long_range(seed: int) -> Outcome:
    """With sigma_max(U) below 1/gamma (gamma = 1 bounds tanh') the gradient of the last step
    must vanish at least as fast as sigma_max^(t-k) (Pascanu et al.); above it, it need not."""
    outcome = Outcome()
    decays = {}
    for sigma in (0.5, 2.0):
        trainer = fresh(
            "adding",
            {
                "network.cell": "rnn",
                "network.hidden_size": 16,
                "task.length": 40,
                "task.train_size": 1,
                "task.test_size": 1,
                "network.recurrent_sigma_max": sigma,
            },
            seed,
        )
        x, y, lengths = trainer.task.train.batch([0])
        flow = gradient_flow(trainer.network, trainer.network.run(x, y, lengths))
        decays[sigma] = float(flow.decay()[1][DISTANCE])
        outcome.figures[f"G[T, T-{DISTANCE}] / G[T, T] at sigma_max {sigma}"] = decays[sigma]
    bound = 0.5**DISTANCE
    outcome.figures[f"bound (0.5 gamma)^{DISTANCE}"] = bound
    outcome.require("below 1/gamma the decay respects the bound", decays[0.5] <= bound)
    outcome.require(
        "above 1/gamma the gradient reaches back at least 1000x more",
        decays[2.0] >= 1000 * decays[0.5],
    )
    return outcome


def pooling(seed: int) -> Outcome:
    """Sequence to class: with the last state the loss reaches h_1 only through T - 1 steps of
    the recurrence; with the mean over time every h_t gets a direct share 1/T of it."""
    task = make_task("digit_memory", {"seed": seed, "train_size": 32, "test_size": 1, "length": 30})
    x, y, lengths = task.train.batch(np.arange(32))
    outcome = Outcome()
    reach = {}
    base = fresh("digit_memory", {"network.cell": "rnn", "task.length": 30}, seed).network
    for pooling in ("last", "mean"):
        net = Network(base.spec.replace(pooling=pooling), seed=seed)
        net.load_state_dict(base.state_dict())  # the same weights, read two ways
        grad = net.run(x, y, lengths).layers[0][0].grad_hidden  # (B, T, H) dL/dh_t
        norms = np.linalg.norm(grad, axis=2).mean(axis=0)
        reach[pooling] = float(norms[0] / norms[-1])
        outcome.figures[f"|dL/dh_1| / |dL/dh_T|, {pooling} pooling"] = reach[pooling]
    outcome.require(
        "mean pooling brings h_1 at least 100x more gradient", reach["mean"] >= 100 * reach["last"]
    )
    return outcome
