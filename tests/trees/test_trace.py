"""What a TreeTrace holds per node, and the stepper that walks it bottom-up then top-down."""

import numpy as np
import pytest

from simulator import InputError
from simulator.trees import MODELS, TreeNetwork, TreeSpec, parse_tree
from simulator.trees.stepper import TreeStepper

from .examples import CLASSES, VOCABULARY, flat, network, shaped_trees


def _trees():
    return [flat(t) for t in shaped_trees(categories=True).values()]


@pytest.mark.parametrize("model", MODELS)
def test_the_trace_holds_every_node_forward_and_backward(model):
    trees = _trees()
    trace = network(model, dim=4).run(trees)
    N, d = sum(t.size for t in trees), 4
    assert trace.vectors.shape == trace.pre_activation.shape == (N, d)
    assert trace.inputs.shape == (N, 2 * d)
    assert trace.probabilities.shape == (N, CLASSES)
    np.testing.assert_allclose(trace.probabilities.sum(axis=1), 1.0)
    assert trace.node_losses.shape == (N,) and np.all(trace.node_losses > 0)
    assert trace.loss == pytest.approx(trace.node_losses.sum() / len(trees))
    assert (trace.matrices is not None) == (model == "mv-rnn")
    assert (trace.tensor_term is not None) == (model == "rntn")
    leaves = trace.batch.left < 0
    assert np.all(trace.pre_activation[leaves] == 0) and np.all(trace.deltas[leaves] == 0)
    assert np.all(trace.deltas[~leaves] != 0) and trace.grad_vectors.shape == (N, d)
    if model == "rntn":  # the tensor term is part of the pre-activation: z = t + W x + b
        net = network(model, dim=4)
        W, b = net.params["compose.weight"], net.params["compose.bias"]
        rest = trace.inputs[~leaves] @ W.T + b
        np.testing.assert_allclose(trace.pre_activation[~leaves] - rest, trace.tensor_term[~leaves])


@pytest.mark.parametrize("model", MODELS)
def test_each_nodes_share_of_the_gradients_adds_up_to_the_gradients(model):
    trace = network(model, dim=3).run(_trees())
    total = {name: np.zeros_like(g) for name, g in trace.grads.items()}
    for n in range(trace.size):
        for name, share in trace.node_gradients(n).items():
            total[name] += share
    for name, grad in trace.grads.items():
        np.testing.assert_allclose(total[name], grad, atol=1e-13, err_msg=name)


def test_rows_of_a_tree_and_of_a_graph_node():
    trees = _trees()
    trace = network("rvnn").run(trees)
    b = 1
    rows = trace.nodes_of(b)
    assert rows.stop - rows.start == trees[b].size
    graph = trees[b].graph
    root_row = trace.index(b, graph.graph["root"])
    assert root_row == rows.stop - 1


def test_the_trainer_view_packs_each_trees_labelled_nodes():
    tree = parse_tree("(1 (a) (2 (0 b) (c)))")  # three of five nodes labelled
    trace = network("rvnn").run([flat(tree), flat(parse_tree("(2 e)"))])
    assert trace.lengths.tolist() == [3, 1]
    assert trace.targets.tolist() == [[0, 2, 1], [2, 0, 0]]
    labelled = np.flatnonzero(trace.node_labels[:5] >= 0)
    np.testing.assert_array_equal(trace.outputs[0], trace.probabilities[labelled])
    assert trace.loss == pytest.approx(trace.node_losses.sum() / 2)


def test_unlabelled_trees_run_forward_only():
    trace = network("rntn").run(flat(parse_tree("((a) ((b) (c)))")))
    assert trace.loss is None and not trace.has_gradients
    assert np.all(np.isfinite(trace.probabilities))
    stepper = TreeStepper(trace)
    assert [e.phase for e in stepper.events] == ["forward"] * 5
    with pytest.raises(ValueError, match="no loss"):
        stepper.find("loss")


def test_the_stepper_goes_up_the_tree_then_down():
    trees = _trees()
    trace = network("mv-rnn").run(trees)
    stepper = TreeStepper(trace, tree=0)
    size = trees[0].size
    names = [e.name for e in stepper.events]
    assert names[:size] == [f"forward:{n}" for n in range(size)]
    assert names[size] == "loss"
    assert names[size + 1 :] == [f"backward:{n}" for n in reversed(range(size))]
    # forward: a node is known only after both its children; backward: only after its parent
    left, right, parent = trees[0].left, trees[0].right, trees[0].parent
    for index in range(len(stepper)):
        stepper.goto(index)
        known, known_back = stepper.known_forward(), stepper.known_backward()
        for n in np.flatnonzero(known & (left >= 0)):
            assert known[left[n]] and known[right[n]]
        for n in np.flatnonzero(known_back & (parent >= 0)):
            assert known_back[parent[n]]
        assert stepper.loss_known == (index >= size)
    assert stepper.find("backward:0") == len(stepper) - 1
    assert stepper.find(f"forward:{size - 1}") == size - 1
    stepper.to_loss()
    assert stepper.describe().startswith("loss = ")
    stepper.goto(0)
    assert stepper.describe().startswith("forward:0: word")
    with pytest.raises(ValueError, match="no event"):
        stepper.find(f"forward:{size}")


def test_wrong_inputs_are_named():
    net = network("rvnn")
    with pytest.raises(InputError, match="word id 99 of tree 0, node 1"):
        net.run(parse_tree("(1 (2 a) (0 b))"), vocabulary={"a": 2, "b": 99})
    with pytest.raises(
        InputError, match=f"label 7 of tree 0, node 0 is not a class: 0 to {CLASSES - 1}"
    ):
        net.run(parse_tree("(1 (7 a) (0 b))"), vocabulary=VOCABULARY)
    with pytest.raises(InputError, match="no word id"):
        net.run(parse_tree("(1 a)"))
    tree = flat(parse_tree("(1 (2 a) (0 b))"))
    with pytest.raises(InputError, match="y has shape"):
        net.run([tree], y=np.zeros((1, 2), np.int64))
    with pytest.raises(InputError, match="node counts"):
        net.run([tree], lengths=[2])
    with pytest.raises(InputError, match="at least one tree"):
        net.run([])


def test_state_dict_round_trip_and_float32():
    trees = _trees()
    net = network("rntn", dim=4, seed=3)
    other = network("rntn", dim=4, seed=9)
    other.load_state_dict(net.state_dict())
    assert other.run(trees).loss == net.run(trees).loss
    with pytest.raises(InputError, match="missing"):
        other.load_state_dict({"embedding.weight": net.params["embedding.weight"]})
    spec32 = net.spec.replace(dtype="float32")
    net32 = TreeNetwork(spec32)
    net32.load_state_dict(net.state_dict())
    trace32, trace64 = net32.run(trees), net.run(trees)
    assert trace32.vectors.dtype == np.float32 and trace32.grad_flat.dtype == np.float32
    assert trace32.loss == pytest.approx(trace64.loss, rel=1e-5)
    np.testing.assert_allclose(trace32.grad_flat, trace64.grad_flat, atol=2e-5)


def test_a_tree_given_as_text_and_as_a_graph_runs_the_same():
    spec = TreeSpec(model="rvnn", vocab_size=7, dim=3, output_size=CLASSES)
    net = TreeNetwork(spec)
    text = "(1 (2 a) (0 (1 b) (2 c)))"
    from_text = net.run(text, vocabulary=VOCABULARY)
    from_graph = net.run(parse_tree(text), vocabulary=VOCABULARY)
    assert from_text.loss == from_graph.loss
