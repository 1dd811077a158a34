"""What evaluate reports beyond loss and accuracy: the real MSE and the test set's mean
predictor for regression, root and negated-phrase accuracy for a treebank."""

import numpy as np
import pytest

from simulator.project import new_project
from simulator.tasks import make_task
from simulator.training import Trainer, TrainingSettings
from simulator.trees import TreeNetwork, TreeSpec
from simulator.trees.negation import negated_phrases


def _adding_trainer(**sets):
    project = new_project("adding", {"task.length": 6, "task.test_size": 50, **sets})
    return project.make_trainer(project.make_network(), project.make_task())


def test_mse_is_the_mean_squared_error_and_twice_the_loss_for_one_output():
    trainer = _adding_trainer()
    data = trainer.task.test
    x, y, lengths = data.batch(np.arange(len(data)))
    outputs = trainer.network.run(x, lengths=lengths).outputs
    result = trainer.evaluate()
    assert result["mse"] == pytest.approx(np.mean((outputs - y) ** 2), rel=1e-12)
    assert result["mse"] == pytest.approx(2 * result["loss"], rel=1e-12)


def test_the_baseline_is_the_test_sets_own_mean_predictor():
    trainer = _adding_trainer()
    targets = trainer.task.test.targets
    baseline = trainer.evaluate()["baseline_mse"]
    assert baseline == pytest.approx(np.var(targets), rel=1e-12)
    # a network that always outputs that mean scores exactly the baseline
    net = trainer.network
    net.params["output.weight"][...] = 0.0
    net.params["output.bias"][...] = targets.mean()
    assert trainer.evaluate()["mse"] == pytest.approx(baseline, rel=1e-12)


def test_classification_tasks_report_no_mse():
    project = new_project("copy", {"task.length": 6, "task.train_size": 20, "task.test_size": 5})
    result = project.make_trainer(project.make_network(), project.make_task()).evaluate()
    assert set(result) == {"loss", "accuracy"}


def test_negated_phrases_are_the_phrases_a_negation_word_opens():
    view = make_task("tree_sentiment", {"train_size": 5, "test_size": 40}).for_trees()
    found = 0
    for tree in view.test.trees:
        for n in negated_phrases(tree):
            found += 1
            assert tree.tokens[tree.left[n]] in ("not", "never", "don't")
            assert tree.phrase(n).startswith(tree.tokens[tree.left[n]])
        words = [t for t in tree.tokens if t is not None]
        negators = sum(w in ("not", "never", "don't") for w in words)
        assert len(negated_phrases(tree)) == negators  # each negator opens one phrase
    assert found > 5


def test_tree_evaluation_counts_roots_and_negated_phrases_by_hand():
    view = make_task("tree_sentiment", {"train_size": 20, "test_size": 30, "seed": 2}).for_trees()
    net = TreeNetwork(TreeSpec(model="rntn", dim=4, **view.spec_fields), seed=0)
    trainer = Trainer(net, view, TrainingSettings(learning_rate=0.02, batch_size=10))
    trainer.train(30)
    result = trainer.evaluate()
    trace = net.run(view.test.trees)
    predicted = trace.predictions()
    roots, negated = [], []
    for b, tree in enumerate(view.test.trees):
        start = trace.batch.starts[b]
        roots.append(predicted[start + tree.root] == tree.label[tree.root])
        negated += [predicted[start + n] == tree.label[n] for n in negated_phrases(tree)]
    assert result["root_accuracy"] == pytest.approx(np.mean(roots))
    assert result["negated_accuracy"] == pytest.approx(np.mean(negated))
    assert result["negated_phrases"] == len(negated) > 0


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_baseline_without_a_network_is_the_one_evaluate_reports(seed):
    """The training curves draw this line before any evaluation has run."""
    from simulator.training.scores import baseline_mse

    trainer = _adding_trainer(**{"task.seed": seed, "task.test_size": 1500})
    assert baseline_mse(trainer.task) == pytest.approx(
        trainer.evaluate()["baseline_mse"], rel=1e-12
    )  # the first 1000 test examples in both
    assert baseline_mse(trainer.task, max_examples=1500) == pytest.approx(
        np.var(trainer.task.test.targets), rel=1e-12
    )
    copy = new_project("copy", {"task.length": 6, "task.train_size": 20, "task.test_size": 5})
    assert baseline_mse(copy.make_task()) is None
