"""Back-propagation through structure against central finite differences and against a plain
NumPy reading of the same equations, for every model."""

import numpy as np
import pytest

from simulator.gradcheck import gradient_check
from simulator.reference import trees as numpy_reference
from simulator.trees import MODELS, TreeBatch

from .examples import flat, network, shaped_trees

SHAPES = list(shaped_trees())


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("model", MODELS)
def test_gradients_match_central_differences(model, shape):
    tree = flat(shaped_trees(categories=True)[shape])
    net = network(model, dim=3, seed=MODELS.index(model))
    check = gradient_check(net, [tree], None)
    assert check.max_rel_error < 1e-6, check.per_parameter
    # the check is not vacuous: the composition's gradient is non-zero where there is one
    grads = net.run([tree]).grads
    assert np.abs(grads["output.weight"]).max() > 0
    if shape != "word":
        assert np.abs(grads["compose.weight"]).max() > 0


@pytest.mark.parametrize("activation", ["relu", "sigmoid", "identity"])
@pytest.mark.parametrize("model", MODELS)
def test_every_activation_back_propagates(model, activation):
    batch = [flat(t) for t in shaped_trees(categories=True).values()]
    net = network(model, dim=3, seed=7, activation=activation)
    check = gradient_check(net, batch, None)
    assert check.max_rel_error < 1e-6, check.per_parameter


def test_su_rvnn_uses_untied_pairs_and_falls_back_to_the_shared_w():
    batch = [flat(t) for t in shaped_trees(categories=True).values()]
    net = network("su-rvnn", dim=3)
    trace = net.run(batch)
    used = set(trace.pair[trace.pair >= 0].tolist())
    assert used and -1 in trace.pair[trace.batch.left >= 0]  # both kinds of phrase occur
    grads = trace.grads["untied.weight"]
    for k in range(grads.shape[0]):
        assert (np.abs(grads[k]).max() > 0) == (k in used)


@pytest.mark.parametrize("model", MODELS)
def test_the_kernels_agree_with_the_numpy_reference_on_a_batch(model):
    trees = [flat(t) for t in shaped_trees(categories=True).values()]
    net = network(model, dim=4, seed=11)
    trace = net.run(trees)
    batch = TreeBatch.join(trees)
    loss, grads, vectors = numpy_reference.run(
        model,
        net.params,
        batch.left,
        batch.right,
        batch.word,
        batch.label,
        trace.pair,
        trees=len(trees),
    )
    assert trace.loss == pytest.approx(loss, rel=1e-12)
    np.testing.assert_allclose(trace.vectors, vectors, rtol=0, atol=1e-13)
    for name, grad in grads.items():
        np.testing.assert_allclose(trace.grads[name], grad, rtol=0, atol=1e-12, err_msg=name)


@pytest.mark.parametrize("model", MODELS)
def test_a_batch_is_the_mean_of_its_trees(model):
    trees = [flat(t) for t in shaped_trees(categories=True).values()]
    net = network(model, dim=4, seed=5)
    together = net.run(trees)
    alone = [net.run([t]) for t in trees]
    assert together.loss == pytest.approx(np.mean([a.loss for a in alone]), rel=1e-12)
    mean_grad = np.mean([a.grad_flat for a in alone], axis=0)
    np.testing.assert_allclose(together.grad_flat, mean_grad, rtol=0, atol=1e-13)
    for b, a in enumerate(alone):
        np.testing.assert_array_equal(together.vectors[together.nodes_of(b)], a.vectors)
