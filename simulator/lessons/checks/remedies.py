"""Checks of the notes' remedies for long-range dependency: each trains the problem and its
remedy side by side on the same seeded data and compares what they learn."""

from __future__ import annotations

from ...training.sweep import accuracy_against_length
from ..outcome import Outcome
from ..runs import evaluated, trained

# Exploding gradients: a ReLU RNN whose U starts with sigma_max 4 on the adding problem.
EXPLODING = {
    "network.cell": "rnn",
    "network.activation": "relu",
    "network.hidden_size": 16,
    "network.recurrent_sigma_max": 4.0,
    "task.length": 20,
    "training.optimizer": "sgd",
    "training.learning_rate": 0.05,
}
EXPLODING_STEPS = 4000


def exploding(seed: int) -> Outcome:
    """Without clipping the first updates overshoot and the loss explodes (or overflows);
    with gradient clipping (clip_norm 1) the same run learns, well below the test set's mean
    predictor."""
    wild, wild_result = trained("adding", EXPLODING, EXPLODING_STEPS, seed)
    tame, tame_result = trained(
        "adding", {**EXPLODING, "training.clip_norm": 1.0}, EXPLODING_STEPS, seed
    )
    wild_mse = evaluated(wild)["mse"] if wild_result.reason == "done" else float("inf")
    scores = evaluated(tame)
    outcome = Outcome(
        {
            "MSE without clipping": wild_mse,
            "MSE with clip_norm 1": scores["mse"],
            "baseline MSE (mean predictor)": scores["baseline_mse"],
        }
    )
    outcome.require(
        "without clipping it diverges (MSE > 100 x baseline or overflow)",
        wild_mse > 100 * scores["baseline_mse"],
    )
    outcome.require(
        "with clipping it learns (MSE < 0.75 x baseline)",
        scores["mse"] < 0.75 * scores["baseline_mse"],
    )
    return outcome


# Vanishing gradients: digit memory, the two digits read 20 steps before the label.
MEMORY = {"network.cell": "rnn", "network.hidden_size": 32, "task.length": 20}
MEMORY_STEPS = 1500


def residual(seed: int) -> Outcome:
    """The residual recurrence h_t = h_{t-1} + tanh(U h_{t-1} + W x_t + b) carries the first
    two digits (and their gradient) across the distractors; the simple RNN does not."""
    plain = trained("digit_memory", MEMORY, MEMORY_STEPS, seed)[0]
    remedied = trained("digit_memory", {**MEMORY, "network.residual": True}, MEMORY_STEPS, seed)[0]
    outcome = Outcome(
        {
            "accuracy, simple RNN": evaluated(plain)["accuracy"],
            "accuracy, residual RNN": evaluated(remedied)["accuracy"],
            "chance (most frequent sum)": 0.1,
        }
    )
    plain_acc, residual_acc = list(outcome.figures.values())[:2]
    outcome.require("the residual RNN learns (>= 0.7)", residual_acc >= 0.7)
    outcome.require("the simple RNN stays near chance (<= 0.3)", plain_acc <= 0.3)
    return outcome


ADDING = {
    "network.hidden_size": 16,
    "task.length": 100,
    "task.train_size": 5000,
    "task.test_size": 500,
}
ADDING_STEPS = 2000


def lstm_adding(seed: int) -> Outcome:
    """The adding problem at T = 100: the LSTM's cell state carries the first marked value
    across the gap and its MSE falls far below the mean predictor; the simple RNN stays there."""
    lstm = evaluated(trained("adding", {**ADDING, "network.cell": "lstm"}, ADDING_STEPS, seed)[0])
    rnn = evaluated(trained("adding", {**ADDING, "network.cell": "rnn"}, ADDING_STEPS, seed)[0])
    baseline = lstm["baseline_mse"]
    outcome = Outcome(
        {
            "MSE, LSTM": lstm["mse"],
            "MSE, simple RNN": rnn["mse"],
            "baseline MSE (mean predictor)": baseline,
        }
    )
    outcome.require("the LSTM is below 0.1 x baseline", lstm["mse"] < 0.1 * baseline)
    outcome.require("the simple RNN stays above 0.7 x baseline", rnn["mse"] > 0.7 * baseline)
    return outcome


MEMORY_LENGTHS = (3, 6, 10)
SWEPT = {"network.hidden_size": 32}
SWEEP_STEPS = 1200


def lstm_memory(seed: int) -> Outcome:
    """Digit memory against length: the simple RNN's accuracy falls as the distractors grow
    longer; the LSTM's holds up."""
    curves = accuracy_against_length(
        ("rnn", "gru", "lstm"), MEMORY_LENGTHS, SWEPT, SWEEP_STEPS, seed
    )
    outcome = Outcome({f"accuracy, {cell}": values for cell, values in curves.items()})
    outcome.figures["lengths"] = list(MEMORY_LENGTHS)
    rnn, lstm = curves["rnn"], curves["lstm"]
    outcome.require("the LSTM holds up at the longest length (>= 0.8)", lstm[-1] >= 0.8)
    outcome.require(
        "the simple RNN falls by at least 0.3 from the shortest", rnn[-1] <= rnn[0] - 0.3
    )
    outcome.require(
        "at the longest length the LSTM leads by at least 0.3", lstm[-1] >= rnn[-1] + 0.3
    )
    return outcome


NEGATION = {"network.dim": 4, "task.train_size": 300, "task.test_size": 200}
NEGATION_STEPS = 600


def negation(seed: int) -> Outcome:
    """At dimension 4 the plain rvnn cannot squeeze 'not' into W [c1; c2]; the rntn's tensor
    term [c1; c2]^T V [c1; c2] lets 'not' change how its phrase is composed."""
    scores = {
        model: evaluated(
            trained("tree_sentiment", {**NEGATION, "network.model": model}, NEGATION_STEPS, seed)[0]
        )
        for model in ("rvnn", "rntn")
    }
    outcome = Outcome(
        {
            "negated phrases right, rvnn": scores["rvnn"]["negated_accuracy"],
            "negated phrases right, rntn": scores["rntn"]["negated_accuracy"],
            "all nodes, rvnn": scores["rvnn"]["accuracy"],
            "all nodes, rntn": scores["rntn"]["accuracy"],
            "negated phrases counted": scores["rntn"]["negated_phrases"],
        }
    )
    outcome.require(
        "the rntn gets at least 0.1 more negated phrases right",
        scores["rntn"]["negated_accuracy"] >= scores["rvnn"]["negated_accuracy"] + 0.1,
    )
    return outcome
