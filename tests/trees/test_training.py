"""Short seeded training runs with the ordinary Trainer: every model fits a small treebank, and
the rntn composes negation on held-out phrases at least as well as the rvnn."""

import numpy as np
import pytest

from simulator.tasks import make_task
from simulator.training import Trainer, TrainingSettings
from simulator.trees import MODELS, TreeNetwork, TreeSpec


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("model", MODELS)
def test_every_model_fits_a_small_treebank(model, language):
    """60 trees (about 650 labelled nodes), d = 8, Adam at 0.02, 300 steps of 20 trees: at
    least 98% of the training trees' nodes right and the loss below 0.1 per tree."""
    view = make_task(
        "tree_sentiment", {"train_size": 60, "test_size": 10, "language": language}
    ).for_trees()
    net = TreeNetwork(TreeSpec(model=model, dim=8, **view.spec_fields), seed=0)
    trainer = Trainer(
        net, view, TrainingSettings(learning_rate=0.02, batch_size=20, steps=300, eval_every=0)
    )
    before = trainer.evaluate("train")
    assert trainer.train().reason == "done"
    after = trainer.evaluate("train")
    assert after["accuracy"] >= 0.98, after
    assert after["loss"] < 0.1 < before["loss"], (before, after)


def _negated_phrases(flat) -> list[int]:
    """Nodes whose left child is a negator: (not X), (never X), (不 X), ..."""
    return [n for n in np.flatnonzero(flat.left >= 0) if flat.categories[flat.left[n]] == "NEG"]


@pytest.mark.slow
def test_the_rntn_handles_negation_on_held_out_phrases_at_least_as_well_as_the_rvnn():
    """What is measured: on the test trees of tree_sentiment (English, 200 training and 200 test
    sentences, d = 8, Adam at 0.01, 600 steps of 20 trees), the share of negated phrases (a
    negator and the phrase it modifies) whose words never stood together in a training tree,
    whose label the model gets right; summed over three seeds (data and initial weights)."""
    right = {"rvnn": 0, "rntn": 0}
    counted = 0
    for seed in range(3):
        task = make_task("tree_sentiment", {"train_size": 200, "test_size": 200, "seed": seed})
        view = task.for_trees()
        seen = {f.phrase(n) for f in view.train.trees for n in _negated_phrases(f)}
        held_out = [
            (b, n)
            for b, f in enumerate(view.test.trees)
            for n in _negated_phrases(f)
            if f.phrase(n) not in seen
        ]
        counted += len(held_out)
        for model in right:
            net = TreeNetwork(TreeSpec(model=model, dim=8, **view.spec_fields), seed=seed)
            settings = TrainingSettings(
                learning_rate=0.01, batch_size=20, steps=600, eval_every=0, seed=seed
            )
            Trainer(net, view, settings).train()
            trace = net.run(view.test.trees)
            predicted = trace.predictions()
            right[model] += sum(
                predicted[trace.batch.starts[b] + n] == view.test.trees[b].label[n]
                for b, n in held_out
            )
    assert counted > 250
    share = {model: count / counted for model, count in right.items()}
    assert share["rntn"] >= share["rvnn"], share
    assert share["rntn"] > 0.85, share
