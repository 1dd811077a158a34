"""The engine reuses the memory of traces nobody holds any more, and never a trace someone keeps."""

import numpy as np

from simulator import Network, NetworkSpec, buffers


def batch_network(cell: str, seed: int) -> tuple[Network, np.ndarray, np.ndarray]:
    """Big enough that the per-step arrays come from simulator.buffers (>= 1 MB each)."""
    spec = NetworkSpec(cell=cell, input_size=8, hidden_size=64, output_size=3, mode="seq2seq")
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((16, 150, 8))
    y = rng.integers(0, 3, (16, 150))
    return Network(spec, seed=seed), x, y


def test_a_kept_trace_is_never_written_over_by_later_runs():
    for cell, seed in (("lstm", 0), ("gru", 1), ("rnn", 2)):
        network, x, y = batch_network(cell, seed)
        kept = network.run(x, y)
        direction = kept.layers[0][0]
        assert direction.hidden.nbytes >= buffers.SMALLEST
        before = {
            "hidden": direction.hidden.copy(),
            "pre_input": direction.pre_input.copy(),
            "grad_pre_input": direction.grad_pre_input.copy(),
        }
        slice_only = direction.grad_hidden[3:5]  # a view alone keeps its buffer too
        copy_of_slice = slice_only.copy()
        del direction
        for other in range(3):  # other inputs, so reused memory would show different numbers
            network.run(x[::-1] * (other + 2), y)
        direction = kept.layers[0][0]
        for name, values in before.items():
            np.testing.assert_array_equal(getattr(direction, name), values)
        np.testing.assert_array_equal(slice_only, copy_of_slice)


def test_a_dropped_trace_gives_its_memory_to_the_next_run_with_the_same_results():
    network, x, y = batch_network("lstm", 3)
    first = network.run(x, y)
    address = first.layers[0][0].gate_values.__array_interface__["data"][0]
    loss, grads = first.loss, first.grad_flat.copy()
    del first
    second = network.run(x, y)
    addresses = {
        a.__array_interface__["data"][0]
        for a in (second.layers[0][0].gate_values, second.layers[0][0].pre_input)
    }
    assert address in addresses
    assert second.loss == loss
    np.testing.assert_array_equal(second.grad_flat, grads)


def test_unused_memory_kept_stays_under_the_limit(monkeypatch):
    monkeypatch.setattr(buffers, "_buffers", [])
    monkeypatch.setattr(buffers, "RETAINED", 8 << 20)
    for size in range(1, 12):  # eleven sizes of 1-11 MB, each dropped at once
        buffers.empty((size << 20,), np.uint8)
        used, unused = buffers.held_bytes()
        assert used == 0 and unused <= 8 << 20
    held = [buffers.empty((2 << 20,), np.uint8) for _ in range(6)]  # 12 MB in use: all kept
    assert buffers.held_bytes()[0] == 12 << 20
    assert len({a.__array_interface__["data"][0] for a in held}) == 6


def test_unused_memory_is_dropped_behind_memory_still_in_use(monkeypatch):
    """Buffers in use older than the ones dropped stay where they are, their values intact."""
    monkeypatch.setattr(buffers, "_buffers", [])
    monkeypatch.setattr(buffers, "RETAINED", 8 << 20)
    for size in (2, 3):
        kept = buffers.empty((size << 20,), np.uint8)
        kept[:] = 7
        for other in range(1, 12):  # unused buffers of 1-11 MB behind it, dropped as they go
            buffers.empty((other << 20,), np.uint8)
            used, unused = buffers.held_bytes()
            assert used == size << 20 and unused <= 8 << 20
        assert (kept == 7).all()
        del kept
