"""Interventions (simulator/interventions.py): the forward pass uses the values set by hand,
BPTT keeps the gradients exact under them (central differences), the kernels agree with the
NumPy reference given the same interventions, and a hand computation holds."""

import numpy as np
import pytest

from simulator import Network, NetworkSpec
from simulator.errors import InputError
from simulator.gradcheck import gradient_check
from simulator.intervention_effect import intervention_effect
from simulator.interventions import ClampGate, SetState, ZeroUnit
from simulator.kernels import lstm
from simulator.reference import recurrent

from .examples import random_batch

CELLS = [
    {"cell": "rnn"},
    {"cell": "rnn", "residual": True},
    {"cell": "gru", "gru_variant": "pytorch"},
    {"cell": "gru", "gru_variant": "textbook"},
    {"cell": "lstm"},
]
CELL_IDS = ["rnn", "rnn-residual", "gru", "gru-textbook", "lstm"]


def _interventions(cell: str) -> dict[str, list]:
    """Each kind of intervention, at one step and at every step, in both directions and layers."""
    out = {
        "zero-unit": [ZeroUnit(units=1, steps=2), ZeroUnit(units=(0, 2), layer=1, direction=1)],
        "set-hidden": [
            SetState(steps=(1, 3), values=(0.3, -0.2), units=(0, 2), layer=1),
            SetState(steps=0, values=0.5, direction=1),
        ],
    }
    if cell == "lstm":
        out["clamp-forget"] = [ClampGate(gate="f", value=1.0), ClampGate(gate="f", value=0.3)]
        out["clamp-others"] = [
            ClampGate(gate="i", value=0.2, steps=(1, 2), units=2, direction=1),
            ClampGate(gate="candidate", value=-0.4, steps=1, layer=1),
            ClampGate(gate="o", value=0.9, units=(0, 1), layer=1, direction=1),
        ]
        out["set-cell"] = [
            SetState(state="cell", steps=2, values=(1.5, -0.7), units=(0, 2)),
            SetState(state="cell", values=0.25, units=1, layer=1, direction=1),
        ]
    if cell == "gru":
        out["clamp-gates"] = [
            ClampGate(gate="r", value=0.2, steps=(1, 2)),
            ClampGate(gate="z", value=0.8, units=(1, 2), layer=1, direction=1),
            ClampGate(gate="candidate", value=0.4, steps=3, units=0, direction=1),
        ]
    return out


def _cases():
    for fields, name in zip(CELLS, CELL_IDS, strict=True):
        for kind, interventions in _interventions(fields["cell"]).items():
            yield pytest.param(fields, interventions, id=f"{name}-{kind}")


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize(("fields", "interventions"), list(_cases()))
def test_gradients_stay_exact_under_each_intervention(fields, interventions, seed):
    spec = NetworkSpec(
        input_size=2, hidden_size=3, output_size=3, num_layers=2, bidirectional=True, **fields
    )
    network = Network(spec, seed=seed)
    x, y, lengths = random_batch(spec, lengths=[5, 3], seed=seed + 10)
    plain = network.run(x, y, lengths)
    trace = network.run(x, y, lengths, interventions=interventions)
    assert trace.loss != pytest.approx(plain.loss, abs=1e-9)  # the intervention changed the run
    check = gradient_check(network, x, y, lengths, interventions=interventions)
    assert check.max_rel_error < 1e-6, check.per_parameter


@pytest.mark.parametrize("mode", [{"mode": "seq2class"}, {"mode": "seq2class", "pooling": "mean"}])
def test_gradients_stay_exact_when_the_output_reads_the_state_set_by_hand(mode):
    """seq2class reads the final state: overwrite it, and clamp a gate at the last step."""
    spec = NetworkSpec(cell="lstm", vocab_size=5, embedding_dim=2, hidden_size=3, **mode)
    network = Network(spec, seed=4)
    x, y, lengths = random_batch(spec, lengths=[4, 4], seed=2)
    interventions = [
        SetState(steps=3, values=(0.1, 0.2, -0.3)),
        ClampGate(gate="o", value=0.5, steps=3, units=1),
    ]
    trace = network.run(x, y, lengths, interventions=interventions)
    np.testing.assert_array_equal(trace.layers[0][0].final_hidden[0], [0.1, 0.2, -0.3])
    check = gradient_check(network, x, y, lengths, interventions=interventions)
    assert check.max_rel_error < 1e-6, check.per_parameter


# ----- against the NumPy reference, given the same interventions by hand ---------------------
T, H = 6, 4


def _mask(steps, units, value):
    mask = np.zeros((T, H), bool)
    mask[np.ix_(steps, units)] = True
    return mask, np.where(mask, value, 0.0)


REFERENCE_CASES = {
    "lstm-forget": (
        "lstm",
        "pytorch",
        [ClampGate(gate="f", value=1.0, units=(0, 2))],
        {"f": _mask(range(T), [0, 2], 1.0)},
    ),
    "lstm-cell-and-hidden": (
        "lstm",
        "pytorch",
        [
            SetState(state="cell", steps=3, values=(0.5, -0.5), units=(1, 3)),
            ZeroUnit(units=0, steps=(1, 4)),
        ],
        {"c": _mask([3], [1, 3], np.array([0.0, 0.5, 0.0, -0.5])), "h": _mask([1, 4], [0], 0.0)},
    ),
    "lstm-input-candidate-output": (
        "lstm",
        "pytorch",
        [
            ClampGate(gate="i", value=0.1, steps=2),
            ClampGate(gate="candidate", value=0.7, steps=(0, 5), units=1),
            ClampGate(gate="o", value=0.6, units=3),
        ],
        {
            "i": _mask([2], range(H), 0.1),
            "g": _mask([0, 5], [1], 0.7),
            "o": _mask(range(T), [3], 0.6),
        },
    ),
    "gru-reset-and-hidden": (
        "gru",
        "pytorch",
        [ClampGate(gate="r", value=0.2, steps=(1, 2)), ZeroUnit(units=3, steps=4)],
        {"r": _mask([1, 2], range(H), 0.2), "h": _mask([4], [3], 0.0)},
    ),
    "gru-update-candidate": (
        "gru",
        "pytorch",
        [ClampGate(gate="z", value=0.9, units=(0, 1)), ClampGate(gate="candidate", value=-0.3)],
        {"z": _mask(range(T), [0, 1], 0.9), "n": _mask(range(T), range(H), -0.3)},
    ),
    "gru-textbook": (
        "gru",
        "textbook",
        [ClampGate(gate="r", value=0.4, units=2), ClampGate(gate="candidate", value=0.1, steps=3)],
        {"r": _mask(range(T), [2], 0.4), "n": _mask([3], range(H), 0.1)},
    ),
    "rnn-hidden": (
        "rnn",
        "pytorch",
        [SetState(steps=2, values=(0.9, -0.9), units=(0, 1))],
        {"h": _mask([2], [0, 1], np.array([0.9, -0.9, 0.0, 0.0]))},
    ),
}
REFERENCE_STATES = {"lstm": ("i", "f", "g", "o", "c", "h"), "gru": ("r", "z", "n", "h")}


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("case", list(REFERENCE_CASES))
def test_the_kernels_and_the_reference_agree_under_interventions(case, seed):
    cell, variant, interventions, fixed = REFERENCE_CASES[case]
    spec = NetworkSpec(
        cell=cell, gru_variant=variant, input_size=3, hidden_size=H, output_size=4, mode="seq2seq"
    )
    network = Network(spec, seed=seed)
    rng = np.random.default_rng(seed)
    x, y = rng.standard_normal((2, T, 3)), rng.integers(0, 4, (2, T))
    trace = network.run(x, y, interventions=interventions)
    loss, grads, states = recurrent.run_with_states(
        cell, network.state_dict(), x, y, variant, fixed
    )
    assert abs(loss - trace.loss) < 1e-10
    for name, grad in grads.items():
        np.testing.assert_allclose(trace.grads[name], grad, rtol=0, atol=1e-10, err_msg=name)
    direction = trace.layers[0][0]
    engine = {"h": direction.hidden, "c": direction.cell_state}
    for k, gate in enumerate(REFERENCE_STATES.get(cell, ())[: 4 if cell == "lstm" else 3]):
        engine[gate] = direction.gate_values[:, :, k * H : (k + 1) * H]
    for name in REFERENCE_STATES.get(cell, ("h",)):
        mine = engine[name]
        theirs = np.stack([s[name] for s in states[1:]], axis=1)
        np.testing.assert_allclose(mine, theirs, rtol=0, atol=1e-12, err_msg=name)
    for name, (mask, values) in fixed.items():  # and the values set are there
        np.testing.assert_array_equal(engine[name][:, mask], np.tile(values[mask], (2, 1)))


# ----- by hand ----------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_forget_gate_of_one_and_an_input_gate_of_zero_keep_the_cell_as_it_started(seed):
    """c_t = f c_{t-1} + i g = c_{t-1}: the cell holds c_0 at every step, h_t = o_t tanh(c_0),
    and the gradient of the loss reaches neither gate's weights."""
    spec = NetworkSpec(cell="lstm", input_size=3, hidden_size=4, output_size=2, mode="seq2seq")
    network = Network(spec, seed=seed)
    rng = np.random.default_rng(seed)
    x, y = rng.standard_normal((2, 7, 3)), rng.integers(0, 2, (2, 7))
    c0 = rng.uniform(-1, 1, (1, 2, 4))
    interventions = [ClampGate(gate="f", value=1.0), ClampGate(gate="i", value=0.0)]
    trace = network.run(x, y, initial=(np.zeros((1, 2, 4)), c0), interventions=interventions)
    d = trace.layers[0][0]
    np.testing.assert_array_equal(d.cell_state, np.broadcast_to(c0[0][:, None, :], (2, 7, 4)))
    np.testing.assert_allclose(d.hidden, d.gates["o"] * np.tanh(c0[0][:, None, :]), atol=1e-15)
    for name in ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0"):
        assert np.all(trace.grads[name][: 2 * 4] == 0.0), name  # rows i and f
        assert np.abs(trace.grads[name][2 * 4 :]).max() > 1e-6, name  # g and o still learn
    # and the gradient reaching c_0 is the sum over t of what each h_t sends through tanh(c_0)
    through = (d.grad_hidden * d.gates["o"] * (1 - np.tanh(c0[0][:, None, :]) ** 2)).sum(axis=1)
    np.testing.assert_allclose(d.grad_initial_cell, through, atol=1e-14)


@pytest.mark.parametrize("seed", [0, 1])
def test_a_zeroed_unit_is_zero_and_the_next_step_reads_the_zero(seed):
    spec = NetworkSpec(cell="rnn", input_size=2, hidden_size=3, output_size=2)
    network = Network(spec, seed=seed)
    x = np.random.default_rng(seed).standard_normal((1, 5, 2))
    trace = network.run(x, interventions=[ZeroUnit(units=1, steps=2)])
    d = trace.layers[0][0]
    assert d.hidden[0, 2, 1] == 0.0
    W, U = network.params["weight_ih_l0"], network.params["weight_hh_l0"]
    b, c = network.params["bias_ih_l0"], network.params["bias_hh_l0"]
    h_next = np.tanh(W @ x[0, 3] + b + U @ d.hidden[0, 2] + c)  # h_3 = tanh(W x_3 + U h_2 + ..)
    np.testing.assert_allclose(d.hidden[0, 3], h_next, atol=1e-15)
    plain = network.run(x).layers[0][0]
    np.testing.assert_array_equal(d.hidden[0, :2], plain.hidden[0, :2])  # the past is untouched
    assert np.abs(d.hidden[0, 3] - plain.hidden[0, 3]).max() > 1e-6


def test_a_short_example_skips_the_steps_it_does_not_have():
    spec = NetworkSpec(cell="gru", input_size=2, hidden_size=3, output_size=2)
    network = Network(spec, seed=0)
    x, y, lengths = random_batch(spec, lengths=[5, 2], seed=1)
    trace = network.run(x, y, lengths, interventions=[SetState(steps=4, values=0.5)])
    assert np.all(trace.layers[0][0].hidden[0, 4] == 0.5)
    assert np.all(trace.layers[0][0].hidden[1, 2:] == 0.0)  # padding stays zero


def test_the_trace_records_the_interventions_and_a_run_without_has_none():
    spec = NetworkSpec(cell="lstm", input_size=2, hidden_size=3, output_size=2)
    network = Network(spec)
    x = np.ones((1, 3, 2))
    chosen = [ClampGate(gate="f", value=1.0, steps=1), ZeroUnit(units=0)]
    trace = network.run(x, interventions=chosen)
    assert trace.interventions == tuple(chosen)
    assert chosen[0].acts_at(0, 0, 1) and not chosen[0].acts_at(0, 0, 2)
    assert "f = 1" in chosen[0].describe() and "t = 1" in chosen[0].describe()
    assert network.run(x).interventions == ()


def test_interventions_compile_nothing_new():
    """With and without interventions the kernels take the same argument types: one compile."""
    spec = NetworkSpec(cell="lstm", input_size=2, hidden_size=3, output_size=2)
    network = Network(spec)
    x, y = np.ones((1, 4, 2)), np.zeros((1, 4), np.int64)
    network.run(x, y)
    counts = len(lstm.lstm_forward.signatures), len(lstm.lstm_backward.signatures)
    network.run(x, y, interventions=[SetState(state="cell", values=0.3, steps=1)])
    assert (len(lstm.lstm_forward.signatures), len(lstm.lstm_backward.signatures)) == counts


# ----- refused, naming the field --------------------------------------------------------------
LSTM = NetworkSpec(cell="lstm", input_size=2, hidden_size=3, output_size=2)
REFUSED = [
    (LSTM, ClampGate(gate="r", value=0.5), "ClampGate.gate = 'r'.*i, f, candidate, o"),
    (LSTM, ClampGate(gate="f", value=1.5), "ClampGate.value = 1.5.*0 to 1"),
    (LSTM, ClampGate(gate="candidate", value=-2), "ClampGate.value = -2.*-1 to 1"),
    (LSTM, ZeroUnit(units=3), "ZeroUnit.units holds 3.*0 to 2"),
    (LSTM, ZeroUnit(units=0, steps=4), "ZeroUnit.steps holds 4.*0 to 3"),
    (LSTM, ZeroUnit(units=0, layer=1), "ZeroUnit.layer = 1.*0 to 0"),
    (LSTM, ZeroUnit(units=0, direction=1), "ZeroUnit.direction = 1.*0 \\(one direction\\)"),
    (LSTM, SetState(values=(1.0, 2.0)), "SetState.values holds 2 numbers.*3 units"),
    (LSTM.replace(cell="gru"), SetState(state="cell", values=1.0), "only an LSTM has a cell"),
    (LSTM.replace(cell="rnn"), ClampGate(gate="f", value=1.0), "a rnn cell has no gates"),
    (LSTM.replace(cell="tdnn"), ZeroUnit(units=0), "interventions act on recurrent cells"),
]


@pytest.mark.parametrize(("spec", "intervention", "message"), REFUSED)
def test_an_intervention_that_does_not_fit_the_network_is_refused_naming_the_field(
    spec, intervention, message
):
    with pytest.raises(InputError, match=message):
        Network(spec).run(np.ones((1, 4, 2)), interventions=[intervention])


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: ZeroUnit(units=-1), "ZeroUnit.units = -1"),
        (lambda: ZeroUnit(units=[]), "ZeroUnit.units is empty"),
        (lambda: ZeroUnit(units=0, steps="3"), "ZeroUnit.steps = '3'"),
        (lambda: ClampGate(gate="f", value=float("nan")), "ClampGate.value = nan"),
        (lambda: SetState(values="x"), "SetState.values"),
        (lambda: SetState(values=1.0, state="memory"), "SetState.state = 'memory'"),
        (lambda: ZeroUnit(units=True), "ZeroUnit.units = True"),
    ],
)
def test_a_malformed_intervention_is_refused_on_creation(make, message):
    with pytest.raises(InputError, match=message):
        make()


def test_something_else_in_the_list_is_refused():
    with pytest.raises(InputError, match="interventions holds dict"):
        Network(LSTM).run(np.ones((1, 4, 2)), interventions=[{"gate": "f"}])


# ----- before and after ---------------------------------------------------------------------------
@pytest.mark.parametrize("seed", [0, 1])
def test_the_effect_reports_the_loss_change_and_which_states_moved(seed):
    spec = NetworkSpec(cell="lstm", input_size=2, hidden_size=3, output_size=2, num_layers=2)
    network = Network(spec, seed=seed)
    x, y, lengths = random_batch(spec, lengths=[6], seed=seed)
    effect = intervention_effect(network, x, y, lengths, [ZeroUnit(units=1, steps=3)])
    assert effect.loss_change == pytest.approx(effect.after.loss - effect.before.loss)
    assert effect.loss_change != 0.0
    moved = effect.states_moved()
    change = np.abs(effect.after.layers[1][0].hidden - effect.before.layers[1][0].hidden).max()
    assert moved["layer1.forward.hidden"] == change > 0.0
    assert "layer1.forward.hidden" in moved and "layer0.forward.cell_state" in moved
    per_step = effect.per_step("layer0.forward.hidden")[0]
    assert np.all(per_step[:3] == 0.0)  # nothing before the step set by hand moved
    assert per_step[3] == pytest.approx(abs(effect.before.layers[0][0].hidden[0, 3, 1]))
    assert np.all(per_step[4:] > 0.0)  # everything after it did
    assert list(moved.values()) == sorted(moved.values(), reverse=True)
