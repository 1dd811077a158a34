"""A large batch runs in two halves (simulator/halves.py): on two threads when a core is free, in
turn otherwise, with the same numbers either way, and the numbers of the whole batch but for
the rounding of the weight gradients' sums."""

import os
import select
import signal
import threading

import numpy as np
import pytest

from simulator import Network, NetworkSpec, cells
from simulator import halves as halves_module
from simulator.halves import Halves, halved
from simulator.interventions import ZeroUnit
from simulator.threads import BLAS_THREADS, engine_threads

from .test_threads import kernels_and_numpy_threads

T = 48  # long enough for the halves of B = 32 at H = 128 to count as large (halved)


def large_batch(cell, bidirectional=False, layers=1, mode="seq2seq", seed=0, B=32):
    spec = NetworkSpec(
        cell=cell,
        input_size=6,
        hidden_size=128,
        output_size=3,
        num_layers=layers,
        bidirectional=bidirectional,
        mode=mode,
    )
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((B, T, 6))
    lengths = rng.integers(T // 2, T + 1, B)
    y = rng.integers(0, 3, (B, T) if mode == "seq2seq" else B)
    return Network(spec, seed=seed), x, y, lengths


@pytest.fixture
def kernel_threads(monkeypatch):
    """Every kernel call (forward and backward): (the thread it ran in, BLAS's threads there,
    whether its run was halved)."""
    seen = []
    original = cells.run_in_halves

    def spy(call, halves):
        def call_and_note(rows):
            name = threading.current_thread().name
            seen.append((name, kernels_and_numpy_threads(), halves is not None))
            call(rows)

        original(call_and_note, halves)

    monkeypatch.setattr(cells, "run_in_halves", spy)
    return seen


def whole_batch(monkeypatch):
    monkeypatch.setattr("simulator.network.halved", lambda *args: None)


def per_step_arrays(trace):
    for layer in trace.layers:
        for direction in layer:
            for name in (
                "pre_hidden", "hidden", "gate_values", "cell_state",
                "grad_hidden", "grad_pre_input", "grad_pre_hidden", "grad_cell",
            ):  # fmt: skip
                value = getattr(direction, name)
                if value is not None:
                    yield name, value


def test_which_batches_are_halved():
    lstm, gru, rnn = 4 * 128 * 128, 3 * 128 * 128, 128 * 128  # U's multiply-adds per example
    assert halved(32, lstm, T) == 16 and halved(33, lstm, T) == 16 and halved(64, gru, T) == 32
    assert halved(31, lstm, 1000) is None  # halves under 16 rows: BPTT's blocked product
    assert halved(32, rnn, 1000) is None  # halves too small to pay for a thread
    assert halved(32, lstm, 8) is None  # too short


@pytest.mark.parametrize(
    "cell, bidirectional, layers, mode, B",
    [("lstm", False, 1, "seq2seq", 32), ("gru", True, 2, "seq2class", 33)],  # 33: 16 + 17
)
def test_halves_on_two_threads_or_in_turn_give_the_same_numbers(
    cell, bidirectional, layers, mode, B, free_cores, kernel_threads
):
    for seed in (0, 1):
        net, x, y, lengths = large_batch(cell, bidirectional, layers, mode, seed, B)
        free_cores(2.0)
        parallel = net.run(x, y, lengths)
        here = threading.current_thread().name
        assert {name for name, _, _ in kernel_threads} == {here, "rnnsim-half_0"}
        # BLAS keeps one thread: two threads' BLAS calls would wait for each other
        assert {counts for _, counts, _ in kernel_threads} == {(BLAS_THREADS, BLAS_THREADS)}
        kernel_threads.clear()
        free_cores(0.5)  # another program holds the other core
        in_turn = net.run(x, y, lengths)
        assert {name for name, _, _ in kernel_threads} == {here}
        assert parallel.loss == in_turn.loss
        np.testing.assert_array_equal(parallel.grad_flat, in_turn.grad_flat)
        pairs = zip(per_step_arrays(parallel), per_step_arrays(in_turn), strict=True)
        for (name, a), (_, b) in pairs:
            np.testing.assert_array_equal(a, b, err_msg=name)
        kernel_threads.clear()


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_halves_give_the_whole_batchs_numbers(cell, free_cores, monkeypatch):
    free_cores(2.0)
    for seed in (0, 1):
        net, x, y, lengths = large_batch(cell, seed=seed)
        halves = net.run(x, y, lengths)
        with monkeypatch.context() as patch:
            whole_batch(patch)
            whole = net.run(x, y, lengths)
        assert halves.loss == pytest.approx(whole.loss, rel=1e-14)
        for (name, a), (_, b) in zip(per_step_arrays(halves), per_step_arrays(whole), strict=True):
            np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-14, err_msg=name)
        # dW = sum over every row and step: two partial sums added, rounded apart
        scale = np.abs(whole.grad_flat).max()
        np.testing.assert_allclose(halves.grad_flat, whole.grad_flat, rtol=0, atol=1e-13 * scale)


def test_the_window_runs_a_large_batch_whole(free_cores, kernel_threads, monkeypatch):
    free_cores(2.0)
    monkeypatch.setattr(engine_threads, "sharing", False)  # as ui.app sets it
    net, x, y, lengths = large_batch("lstm")
    net.run(x, y, lengths)
    here = threading.current_thread().name
    assert kernel_threads == [(here, (BLAS_THREADS, BLAS_THREADS), False)] * 2  # fwd, bwd


def test_a_run_with_interventions_stays_whole(free_cores, kernel_threads):
    free_cores(2.0)
    net, x, y, lengths = large_batch("lstm")
    net.run(x, y, lengths, interventions=[ZeroUnit(units=3, steps=5)])
    assert [halved for _, _, halved in kernel_threads] == [False, False]  # forward, backward


def test_an_error_in_the_second_half_reaches_the_caller():
    def call(rows):
        if rows.start is not None:
            raise ValueError("second half")

    with pytest.raises(ValueError, match="second half"):
        halves_module.run_in_halves(call, Halves(4, parallel=True))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_a_forked_child_runs_its_halves_on_a_worker_of_its_own(free_cores):
    free_cores(2.0)
    net, x, y, lengths = large_batch("gru", seed=2)
    expected = net.run(x, y, lengths).loss  # the parent's worker exists now
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover (the child's outcome is read through the pipe)
        try:
            os.write(writer, repr(net.run(x, y, lengths).loss).encode())
        finally:
            os._exit(0)
    os.close(writer)
    with os.fdopen(reader) as pipe:
        answered, _, _ = select.select([pipe], [], [], 60)
        if not answered:  # the child waits for a half that never runs
            os.kill(child, signal.SIGKILL)
        got = pipe.read()
    os.waitpid(child, 0)
    assert answered and float(got) == expected
