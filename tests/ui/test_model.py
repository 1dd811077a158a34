"""The Qt-free parts of the window: equations with numbers, what is known at an event, the
unrolled layout, typed input, and the display check."""

import numpy as np
import pytest

from ui import equations
from ui.diagram.layout import UnrolledLayout
from ui.display import display_problem
from ui.input_example import InputProblem, from_dataset, from_text

VARIANTS = [
    ("lstm", {}),
    ("gru", {}),
    ("gru", {"gru_variant": "textbook"}),
    ("rnn", {}),
    ("rnn", {"residual": True, "activation": "relu"}),
    ("rnn", {"activation": "sigmoid"}),
    ("tdnn", {"delay": 2}),
]


@pytest.mark.parametrize(("cell", "extra"), VARIANTS)
def test_equations_reproduce_the_trace(cell, extra):
    from simulator import Network, NetworkSpec

    spec = NetworkSpec(
        cell=cell,
        vocab_size=9,
        embedding_dim=3,
        hidden_size=4,
        num_layers=2,
        bidirectional=True,
        output_size=3,
        **extra,
    )
    network = Network(spec, seed=3)
    trace = network.run(np.array([[1, 2, 3, 4, 5]]), np.array([[0, 1, 2, 0, 1]]))
    for layer in range(2):
        for d in range(2):
            for t in range(5):
                lines = equations.hidden_equations(network, trace, layer, d, t, 1)
                z_first = float(lines[0].numbers.rsplit("=", 1)[1])
                assert lines[-1].value == trace.layers[layer][d].hidden[0, t, 1]
                assert np.isfinite(z_first)
    d = trace.layers[0][0]
    lines = equations.hidden_equations(network, trace, 0, 0, 2, 1)
    if cell in ("rnn", "tdnn"):  # the shown z_t is the trace's pre-activation
        assert float(lines[0].numbers.rsplit("=", 1)[1]) == pytest.approx(
            d.pre_activation[0, 2, 1], abs=1e-4
        )
    else:  # every gate value shown is the trace's
        H = spec.hidden_size
        for k, line in enumerate(lines[: spec.gate_blocks if cell == "lstm" else 2]):
            assert line.value == pytest.approx(d.gate_values[0, 2, k * H + 1])
    backward = equations.backward_equations(trace, 0, 0, 2, 1)
    assert backward[0].value == d.grad_hidden[0, 2, 1]


def test_the_variant_is_written_as_the_spec_says():
    from simulator import Network, NetworkSpec

    for variant, text in (("pytorch", "r_t ⊙ (U_n"), ("textbook", "U_n (r_t ⊙")):
        spec = NetworkSpec(cell="gru", input_size=2, hidden_size=3, gru_variant=variant)
        net = Network(spec)
        trace = net.run(np.ones((1, 3, 2)), np.array([[0, 1, 0]]))
        formulas = [e.formula for e in equations.hidden_equations(net, trace, 0, 0, 1, 0)]
        assert any(text in f for f in formulas)


def test_layout_of_a_stacked_bidirectional_network():
    from simulator import NetworkSpec

    spec = NetworkSpec(
        cell="gru", input_size=2, num_layers=2, bidirectional=True, mode="seq2class", pooling="last"
    )
    layout = UnrolledLayout(spec, 5)
    hidden = [k for k in layout.nodes if k[0] == "hidden"]
    assert len(hidden) == 2 * 2 * 5
    recurrent = [e for e in layout.edges if e.kind == "recurrent"]
    assert len(recurrent) == 2 * 2 * 4
    up = [e for e in layout.edges if e.kind == "up"]
    assert len(up) == 5 * 2 * 2  # each direction of layer 1 reads both of layer 0
    into_output = {e.source for e in layout.edges if e.kind == "output"}
    assert into_output == {("hidden", 1, 0, 4), ("hidden", 1, 1, 0)}  # PyTorch's h_n


def test_a_tdnn_has_window_edges_and_no_recurrence():
    from simulator import NetworkSpec

    spec = NetworkSpec(cell="tdnn", input_size=2, delay=2)
    layout = UnrolledLayout(spec, 6)
    assert not [e for e in layout.edges if e.kind == "recurrent"]
    reads = {e.source for e in layout.edges if e.target == ("hidden", 0, 0, 4)}
    assert reads == {("input", 0, 0, 4), ("input", 0, 0, 3), ("input", 0, 0, 2)}


def test_display_detection():
    assert display_problem({}, "linux") is not None
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "win32") is None


def test_typed_text_and_examples_from_the_task():
    from simulator.tasks import make_task

    task = make_task("sentiment", {"train_size": 5, "test_size": 5})
    example = from_text(task, "The film was NOT good, blorp")
    assert example.tokens == ("the", "film", "was", "not", "good", "blorp")
    assert example.unknown == (False,) * 5 + (True,)
    assert task.labels[int(example.target)] == "negative"
    assert example.inputs[-1] == 1  # <unk>
    with pytest.raises(InputProblem):
        from_text(task, "  ,, ")
    picked = from_dataset(task, "test", 2)
    assert picked.length == task.test.lengths[2]
    assert task.describe("test", 2).startswith(" ".join(picked.tokens))
    char = make_task("char_lm", {"train_size": 5, "test_size": 5, "length": 8})
    typed = from_text(char, "the sea")
    assert typed.tokens[3] == "␣"  # a space is shown, not lost
    assert list(typed.target[:-1]) == list(typed.inputs[1:])  # next character
