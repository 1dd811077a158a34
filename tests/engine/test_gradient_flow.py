import numpy as np
import pytest

from simulator import Network, NetworkSpec
from simulator.gradient_flow import decay, gradient_flow, gradient_flows

from .examples import random_batch


def _flow(spec, seed=0, length=8, **kwargs):
    network = Network(spec, seed=seed)
    x, y, lengths = random_batch(spec, lengths=[length], seed=seed)
    trace = network.run(x, y, lengths)
    return network, trace, gradient_flow(network, trace, **kwargs)


def test_linear_rnn_flow_is_powers_of_the_recurrent_matrix():
    # h_t = U h_{t-1} + W x_t: dL_t/dh_k = (U^T)^(t-k) dL_t/dh_t exactly.
    spec = NetworkSpec(cell="rnn", activation="identity", input_size=2, hidden_size=4)
    network, trace, flow = _flow(spec)
    U = network.params["weight_hh_l0"]
    for t in range(8):
        grad = trace.grad_top[0, t]
        for k in range(t, -1, -1):
            assert flow.matrix[t, k] == pytest.approx(np.linalg.norm(grad), rel=1e-10)
            grad = U.T @ grad
        assert np.all(flow.matrix[t, t + 1 :] == 0.0)


def test_tanh_rnn_obeys_the_vanishing_bound():
    # ||dL_t/dh_k|| <= (gamma * sigma_max(U))^(t-k) ||dL_t/dh_t||   (Pascanu et al. 2013)
    spec = NetworkSpec(cell="rnn", activation="tanh", input_size=2, hidden_size=6)
    network, trace, flow = _flow(spec, length=12)
    assert flow.gamma == 1.0 and flow.threshold == 1.0
    sigma = flow.top_singular_value
    assert sigma == pytest.approx(np.linalg.svd(network.params["weight_hh_l0"])[1][0])
    for t in range(12):
        for k in range(t + 1):
            assert flow.matrix[t, k] <= sigma ** (t - k) * flow.matrix[t, t] * (1 + 1e-12)


def test_sigmoid_bound_is_a_quarter():
    spec = NetworkSpec(cell="rnn", activation="sigmoid", input_size=2, hidden_size=3)
    assert _flow(spec)[2].threshold == 4.0


def test_the_flow_rows_add_up_to_the_whole_gradient_for_one_step_back():
    # L = sum_t L_t, so at the last position only L_T reaches h_T: row T-1 equals dL/dh_T.
    spec = NetworkSpec(cell="lstm", input_size=2, hidden_size=3, num_layers=2)
    network, trace, flow = _flow(spec, layer=0)
    last = trace.layers[0][0].grad_hidden[0, -1]
    assert flow.matrix[-1, -1] == pytest.approx(np.linalg.norm(last), rel=1e-10)


def test_tdnn_gradients_reach_only_its_window():
    spec = NetworkSpec(cell="tdnn", input_size=2, hidden_size=3, delay=2)
    flow = _flow(spec)[2]
    assert flow.top_singular_value is None
    t, k = np.indices(flow.matrix.shape)
    assert np.all(flow.matrix[t - k > 0] == 0.0)  # h_k does not feed h_t: no recurrence


def test_reverse_direction_flows_from_the_future():
    spec = NetworkSpec(cell="gru", input_size=2, hidden_size=3, bidirectional=True)
    flow = _flow(spec, direction=1)[2]
    t, k = np.indices(flow.matrix.shape)
    assert np.all(flow.matrix[k < t] == 0.0)
    assert np.all(flow.matrix[k > t] > 0.0)
    distances, ratio = flow.decay()
    assert ratio[0] == pytest.approx(1.0)


def test_seq2class_last_only_the_last_row_carries_loss():
    spec = NetworkSpec(cell="rnn", input_size=2, hidden_size=3, mode="seq2class")
    flow = _flow(spec)[2]
    assert np.all(flow.matrix[:-1] == 0.0) and np.all(flow.matrix[-1] > 0.0)


def test_progress_can_stop_early():
    spec = NetworkSpec(cell="rnn", input_size=2, hidden_size=3)
    network = Network(spec)
    x, y, lengths = random_batch(spec, lengths=[6])
    trace = network.run(x, y, lengths)
    seen = []
    flow = gradient_flow(network, trace, progress=lambda done, total: seen.append(done) or done < 2)
    assert seen == [1, 2]
    assert np.isfinite(flow.matrix[:2]).all() and np.isnan(flow.matrix[2:]).all()


def test_needs_gradients():
    network = Network(NetworkSpec(cell="rnn", input_size=2))
    with pytest.raises(ValueError, match="targets"):
        gradient_flow(network, network.run(np.zeros((1, 3, 2))))


def test_every_layer_and_direction_at_once_equals_one_at_a_time():
    spec = NetworkSpec(cell="lstm", input_size=2, hidden_size=3, num_layers=2, bidirectional=True)
    network = Network(spec, seed=2)
    x, y, lengths = random_batch(spec, lengths=[5, 3])
    trace = network.run(x, y, lengths)
    flows = gradient_flows(network, trace, example=1)
    assert set(flows) == {(0, 0), (0, 1), (1, 0), (1, 1)}
    for (layer, direction), flow in flows.items():
        alone = gradient_flow(network, trace, layer, direction, example=1)
        assert np.array_equal(flow.matrix, alone.matrix, equal_nan=True)


def test_decay_is_the_mean_ratio_to_the_diagonal_over_known_entries():
    nan = np.nan
    G = np.array(
        [
            [2.0, 0.0, 0.0, 0.0],
            [1.0, 4.0, 0.0, 0.0],
            [nan, 2.0, 8.0, 0.0],
            [0.5, 1.0, 2.0, 0.0],  # G[3, 3] = 0: the row says nothing about decay
        ]
    )
    distances, ratio = decay(G, direction=0)
    assert list(distances) == [0, 1, 2, 3]
    # d = 0: every usable row gives 1; d = 1: G[1,0]/G[1,1] = 1/4 and G[2,1]/G[2,2] = 2/8;
    # d = 2: only G[2,0], which is blank; d = 3: only row 3, unusable
    np.testing.assert_allclose(ratio, [1.0, 0.25, nan, nan], equal_nan=True)
    # the backward direction reads G[t, t + d]: the same matrix with time reversed
    np.testing.assert_allclose(
        decay(G[::-1, ::-1], direction=1)[1], [1.0, 0.25, nan, nan], equal_nan=True
    )
    # blanking whole columns (what the window does before BPTT reaches them) only drops entries
    G[:, 0] = nan
    np.testing.assert_allclose(decay(G, direction=0)[1], [1.0, 0.25, nan, nan], equal_nan=True)


def test_decay_of_a_real_flow_matches_its_definition():
    spec = NetworkSpec(cell="rnn", input_size=2, hidden_size=3, bidirectional=True)
    for direction in (0, 1):
        _, _, flow = _flow(spec, seed=2, length=9, direction=direction)
        G, T = flow.matrix, flow.matrix.shape[0]
        expected = []
        for d in range(T):
            pairs = [(t, t - d) if direction == 0 else (t, t + d) for t in range(T)]
            ratios = [G[t, k] / G[t, t] for t, k in pairs if 0 <= k < T and G[t, t] > 0]
            expected.append(np.mean(ratios) if ratios else np.nan)
        np.testing.assert_allclose(flow.decay()[1], expected, rtol=1e-12, equal_nan=True)
