"""recurrent_sigma_max: every recurrent matrix starts with the chosen largest singular value, the
spec refuses what is not a positive number, and the field lives in the project file, so drawing
the weights again from the init seed keeps it."""

import numpy as np
import pytest

from simulator import NetworkSpec, SpecError
from simulator.network import Network
from simulator.project import Project, new_project


def _gate_blocks(net: Network, name: str) -> list[np.ndarray]:
    U, H = net.params[name], net.spec.hidden_size
    return [U[k : k + H] for k in range(0, U.shape[0], H)]


@pytest.mark.parametrize("cell", ["rnn", "gru", "lstm"])
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_every_gate_block_of_every_layer_has_the_chosen_sigma_max(cell, dtype):
    spec = NetworkSpec(
        cell=cell,
        input_size=3,
        hidden_size=6,
        num_layers=2,
        bidirectional=True,
        recurrent_sigma_max=1.7,
        dtype=dtype,
    )
    net = Network(spec, seed=4)
    names = [n for n in net.params if n.startswith("weight_hh")]
    assert len(names) == 4
    for name in names:
        for block in _gate_blocks(net, name):
            singular = np.linalg.svd(block.astype(np.float64), compute_uv=False)
            assert singular[0] == pytest.approx(1.7, rel=1e-5)
            assert singular[-1] < 1.7  # scaled, not replaced by 1.7 I


def test_only_the_recurrent_matrices_change_and_the_direction_is_the_usual_draw():
    usual = Network(NetworkSpec(cell="rnn", input_size=2, hidden_size=5), seed=1)
    scaled = Network(
        NetworkSpec(cell="rnn", input_size=2, hidden_size=5, recurrent_sigma_max=3.0), seed=1
    )
    for name, value in usual.params.items():
        if name == "weight_hh_l0":
            ratio = scaled.params[name] / value
            assert np.allclose(ratio, ratio.flat[0])  # one factor for the whole matrix
            assert ratio.flat[0] * np.linalg.norm(value, 2) == pytest.approx(3.0)
        else:
            assert np.array_equal(scaled.params[name], value)


def test_a_tdnn_has_no_recurrent_matrix_to_scale():
    spec = NetworkSpec(cell="tdnn", input_size=2, recurrent_sigma_max=2.0)
    usual = Network(spec.replace(recurrent_sigma_max=None), seed=0)
    assert np.array_equal(Network(spec, seed=0).flat, usual.flat)


@pytest.mark.parametrize("value", [0, -1.0, 1001.0, "big", True, float("inf")])
def test_a_value_that_is_not_a_positive_number_is_refused_by_name(value):
    with pytest.raises(SpecError) as err:
        NetworkSpec(input_size=2, recurrent_sigma_max=value)
    assert err.value.field == "recurrent_sigma_max"
    assert "above 0" in str(err.value)


def test_the_project_file_keeps_it_and_fresh_weights_from_the_seed_keep_it(tmp_path):
    project = new_project(
        "adding", {"network.cell": "rnn", "network.recurrent_sigma_max": 2.5, "task.length": 5}
    )
    path = tmp_path / "p.rnnsim.json"
    project.save(path)
    again = Project.load(path)
    assert again.spec.recurrent_sigma_max == 2.5
    again.parameters = None  # Reset: draw the weights again from the init seed
    net = again.make_network()
    assert np.linalg.norm(net.params["weight_hh_l0"], 2) == pytest.approx(2.5)
