"""A recursive network over a chain is the simple recurrent network (the notes: when the tree
degenerates to a linear chain, the recursive network becomes the recurrent one).

The correspondence (simulator.trees.chain): W = [U W_x] over [left child; right child], so the
left child plays the state h_{t-1} and the right child the input x_t; b = b_ih + b_hh; the leaves
are the RNN's input vectors (the same embedding rows); and the chain starts with a leaf whose
vector is h_0 = 0. Then phrase t of (((s x_1) x_2) ... x_T) holds h_t. Values agree to rounding
(the two networks add the same terms in a different order)."""

import numpy as np
import pytest

from simulator import InputError, Network, NetworkSpec
from simulator.trees.chain import chain_for_sequence, chain_rows, recursive_from_recurrent

IDS = [3, 5, 2, 6, 6, 1, 4, 2]
TARGETS = [0, 2, 1, 1, 0, 2, 2, 1]


def _rnn(activation="tanh", seed=1):
    spec = NetworkSpec(
        cell="rnn",
        vocab_size=7,
        embedding_dim=5,
        hidden_size=5,
        activation=activation,
        mode="seq2seq",
        output_size=3,
    )
    return Network(spec, seed=seed)


@pytest.mark.parametrize("activation", ["tanh", "relu", "sigmoid"])
@pytest.mark.parametrize("branching", ["left", "right"])
def test_a_chain_gives_the_rnn_hidden_states_outputs_loss_and_gradients(branching, activation):
    rnn = _rnn(activation)
    tree_net = recursive_from_recurrent(rnn, branching)
    # left: the RNN reads the sentence forwards; right: backwards
    sequence = IDS if branching == "left" else IDS[::-1]
    rnn_trace = rnn.run(np.array(sequence), np.array(TARGETS))
    tree_trace = tree_net.run(chain_for_sequence(IDS, TARGETS, branching))
    rows = chain_rows(IDS, branching)  # the phrases holding h_1 ... h_T

    steps = rnn_trace.layers[0][0]
    np.testing.assert_allclose(tree_trace.vectors[rows], steps.hidden[0], rtol=0, atol=1e-15)
    np.testing.assert_allclose(
        tree_trace.pre_activation[rows], steps.pre_activation[0], rtol=0, atol=1e-14
    )
    np.testing.assert_allclose(
        tree_trace.probabilities[rows], rnn_trace.probabilities[0], rtol=0, atol=1e-15
    )
    assert tree_trace.loss == pytest.approx(rnn_trace.loss, rel=1e-14)

    # gradients: dL/dW = [dL/dU dL/dW_x] (swapped for the right chain), dL/db = dL/db_ih = dL/db_hh
    tree_grads, rnn_grads = tree_trace.grads, rnn_trace.grads
    blocks = [rnn_grads["weight_hh_l0"], rnn_grads["weight_ih_l0"]]
    expected_w = np.hstack(blocks if branching == "left" else blocks[::-1])
    np.testing.assert_allclose(tree_grads["compose.weight"], expected_w, rtol=0, atol=1e-14)
    for bias in ("bias_ih_l0", "bias_hh_l0"):
        np.testing.assert_allclose(tree_grads["compose.bias"], rnn_grads[bias], rtol=0, atol=1e-14)
    for name in ("output.weight", "output.bias"):
        np.testing.assert_allclose(tree_grads[name], rnn_grads[name], rtol=0, atol=1e-14)
    # the words' rows agree; the start leaf's row gets the RNN's dL/dh_0
    np.testing.assert_allclose(
        tree_grads["embedding.weight"][1:], rnn_grads["embedding.weight"][1:], rtol=0, atol=1e-14
    )
    np.testing.assert_allclose(
        tree_grads["embedding.weight"][0], steps.grad_initial_hidden[0], rtol=0, atol=1e-14
    )
    # and the deltas of the phrases are the RNN's dL/dz_t
    np.testing.assert_allclose(tree_trace.deltas[rows], steps.grad_pre_input[0], atol=1e-14)


def test_only_a_one_layer_simple_rnn_on_tokens_has_an_equivalent_rvnn():
    lstm = Network(NetworkSpec(cell="lstm", vocab_size=7, embedding_dim=5, hidden_size=5))
    with pytest.raises(InputError, match="cell is lstm"):
        recursive_from_recurrent(lstm)
    wide = Network(NetworkSpec(cell="rnn", vocab_size=7, embedding_dim=3, hidden_size=5))
    with pytest.raises(InputError, match="embedding_dim differs"):
        recursive_from_recurrent(wide)
    with pytest.raises(InputError, match="start leaf"):
        chain_for_sequence([2, 0, 3])
