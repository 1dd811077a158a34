"""The gradients as BPTT builds them (simulator/accumulated.py): at every backward event the sum
of the per-step terms reached so far, and at the last event the full gradient."""

import numpy as np
import pytest

from simulator import Network, NetworkSpec
from simulator.accumulated import accumulated_gradients
from simulator.interventions import ClampGate, ZeroUnit
from simulator.spec import layer_names
from simulator.stepper import Stepper

from .examples import random_batch

CELLS = [
    {"cell": "rnn"},
    {"cell": "rnn", "residual": True},
    {"cell": "gru"},
    {"cell": "gru", "gru_variant": "textbook"},
    {"cell": "lstm"},
    {"cell": "tdnn", "delay": 2},
]


def _term(spec, direction, t, b=0) -> dict[str, np.ndarray]:
    """What position t of example b adds to one layer and direction's parameter gradients,
    written out with outer products."""
    d = direction
    H = spec.hidden_size
    dz = d.grad_pre_input[b, t]
    if spec.cell == "tdnn":
        x = d.inputs[b]
        length = x.shape[0]
        blocks = []
        for k in range(spec.delay + 1):
            source = t + k if d.direction == 1 else t - k
            inside = 0 <= source < length
            blocks.append(np.outer(dz, x[source]) if inside else np.zeros((H, x.shape[1])))
        return {"weight_ih": np.hstack(blocks), "bias_ih": dz}
    previous = t + 1 if d.direction == 1 else t - 1
    last = d.hidden.shape[1] - 1
    h_prev = d.initial_hidden[b] if previous < 0 or previous > last else d.hidden[b, previous]
    out = {"weight_ih": np.outer(dz, d.inputs[b, t]), "bias_ih": dz}
    if spec.cell == "gru":
        dz_h = d.grad_pre_hidden[b, t]
        out["weight_hh"] = np.outer(dz_h, h_prev)
        if spec.gru_variant == "textbook":
            out["weight_hh"][2 * H :] = np.outer(dz_h[2 * H :], d.gate_values[b, t, :H] * h_prev)
        out["bias_hh"] = dz_h
    else:
        out["weight_hh"] = np.outer(dz, h_prev)
        out["bias_hh"] = dz
    return out


def _check_every_event(network, x, y, lengths, interventions=()):
    trace = network.run(x, y, lengths, interventions=interventions)
    stepper = Stepper(trace)
    spec = network.spec
    direct = {name: np.zeros_like(g) for name, g in trace.grads.items()}
    embedding_reached = np.zeros((spec.num_directions, trace.steps), bool)
    for index, event in enumerate(stepper.events):
        stepper.goto(index)
        if event.phase == "loss":
            direct["output.weight"] += trace.grads["output.weight"]
            direct["output.bias"] += trace.grads["output.bias"]
        if event.phase == "backward":
            names = layer_names(event.layer, event.direction)
            direction = trace.layers[event.layer][event.direction]
            for b in range(trace.batch_size):
                for role, term in _term(spec, direction, event.position, b).items():
                    direct[names[role]] += term
            if event.layer == 0 and spec.tokens:
                embedding_reached[event.direction, event.position] = True
                t = event.position
                if embedding_reached[:, t].all():  # every direction has reached token t
                    for b in range(trace.batch_size):
                        direct["embedding.weight"][trace.inputs[b, t]] += trace.grad_inputs[b, t]
        got = accumulated_gradients(trace, stepper)
        for name in direct:
            np.testing.assert_allclose(
                got[name], direct[name], rtol=1e-12, atol=1e-14, err_msg=f"{name} at {event.name}"
            )
    for name, grad in trace.grads.items():  # the last event: the whole gradient
        np.testing.assert_allclose(got[name], grad, rtol=1e-12, atol=1e-14, err_msg=name)


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("fields", CELLS, ids=lambda f: "-".join(map(str, f.values())))
def test_at_every_backward_event_the_gradient_is_the_sum_of_the_steps_reached(fields, seed):
    spec = NetworkSpec(
        vocab_size=6,
        embedding_dim=2,
        hidden_size=3,
        output_size=3,
        num_layers=2,
        bidirectional=True,
        **fields,
    )
    network = Network(spec, seed=seed)
    x, y, lengths = random_batch(spec, lengths=[5], seed=seed)
    _check_every_event(network, x, y, lengths)


@pytest.mark.parametrize("mode", [{"mode": "seq2class"}, {"mode": "seq2class", "pooling": "mean"}])
def test_a_batch_of_equal_lengths_and_a_sequence_classifier_add_up_too(mode):
    spec = NetworkSpec(cell="lstm", input_size=2, hidden_size=3, output_size=2, **mode)
    network = Network(spec, seed=2)
    x, y, lengths = random_batch(spec, lengths=[4, 4, 4], seed=3)
    _check_every_event(network, x, y, lengths)


@pytest.mark.parametrize("cell", ["gru", "lstm"])
def test_the_sum_holds_under_interventions(cell):
    spec = NetworkSpec(cell=cell, input_size=2, hidden_size=3, output_size=2, num_layers=2)
    network = Network(spec, seed=5)
    x, y, lengths = random_batch(spec, lengths=[6], seed=1)
    _check_every_event(
        network,
        x,
        y,
        lengths,
        [ClampGate(gate="z" if cell == "gru" else "f", value=0.9), ZeroUnit(units=1, steps=2)],
    )


def test_before_the_loss_nothing_is_known_and_the_bars_grow_during_bptt():
    spec = NetworkSpec(cell="lstm", input_size=2, hidden_size=3, output_size=2)
    network = Network(spec, seed=0)
    x, y, lengths = random_batch(spec, lengths=[6], seed=0)
    trace = network.run(x, y, lengths)
    stepper = Stepper(trace)
    assert all(np.all(g == 0) for g in accumulated_gradients(trace, stepper).values())
    stepper.to_loss()
    norms = []
    while True:
        norms.append(np.linalg.norm(accumulated_gradients(trace, stepper)["weight_ih_l0"]))
        if stepper.index == len(stepper) - 1:
            break
        stepper.step()
    assert norms[0] == 0.0 and norms[-1] == pytest.approx(
        np.linalg.norm(trace.grads["weight_ih_l0"])
    )
    assert len(set(np.round(norms, 12))) == len(norms)  # a new value at every backward event
