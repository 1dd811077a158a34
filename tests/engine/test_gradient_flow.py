import numpy as np
import pytest

from simulator import Network, NetworkSpec
from simulator.gradient_flow import gradient_flow, gradient_flows

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
