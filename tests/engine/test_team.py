"""One example's LSTM or GRU units in two halves, on two threads in step (kernels/team.py,
lstm_team.py, gru_team.py, halves.py): the same numbers to the last bit whether one thread or
two run the halves, the one-thread kernels' to rounding, only where it pays, and never a thread
left waiting."""

import threading
from dataclasses import replace

import numpy as np
import pytest
from numba import njit

from simulator import Network, NetworkSpec, cells
from simulator import halves as halves_module
from simulator import network as network_module
from simulator.halves import Halves, units_halved
from simulator.interventions import ZeroUnit
from simulator.kernels.team import new_team, publish, wait_for
from simulator.threads import engine_threads

from .test_halves import per_step_arrays


def long_example(
    H=128, dtype="float64", bidirectional=False, layers=1, mode="seq2seq", seed=0, cell="lstm"
):
    spec = NetworkSpec(
        cell=cell,
        input_size=6,
        hidden_size=H,
        output_size=3,
        num_layers=layers,
        bidirectional=bidirectional,
        mode=mode,
        dtype=dtype,
    )
    rng = np.random.default_rng(seed)
    T = 40
    x = rng.standard_normal((1, T, 6))
    lengths = np.array([T - 9 * seed])  # seed 1: a shorter sequence, padded
    y = rng.integers(0, 3, (1, T) if mode == "seq2seq" else 1)
    return Network(spec, seed=seed), x, y, lengths


@pytest.fixture
def call_threads(monkeypatch):
    """The threads each kernel run (forward or backward of a layer's direction) ran in, and
    whether a team's kernels ran it (("team", threads) or ("whole", threads))."""
    seen = []
    whole, team = cells.run_in_halves, cells.run_team

    def note(kernels, call):
        names = set()
        seen.append((kernels, names))

        def noted(*args):
            names.add(threading.current_thread().name)
            call(*args)

        return noted

    def run_in_halves(call, halves):
        whole(note("whole", call), halves)

    def run_team(call, parallel):
        team(note("team", call), parallel)

    monkeypatch.setattr(cells, "run_in_halves", run_in_halves)
    monkeypatch.setattr(cells, "run_team", run_team)
    return seen


def assert_close(a, b, dtype):
    """Two runs whose sums were rounded in different orders (U^T dz_t as two halves' shares)."""
    tolerance = 1e-12 if dtype == "float64" else 2e-5
    np.testing.assert_allclose(a.loss, b.loss, rtol=tolerance)
    scale = np.abs(b.grad_flat).max()
    np.testing.assert_allclose(a.grad_flat, b.grad_flat, rtol=0, atol=tolerance * scale)
    for (name, x), (_, y) in zip(per_step_arrays(a), per_step_arrays(b), strict=True):
        np.testing.assert_allclose(x, y, rtol=0, atol=tolerance * np.abs(y).max(), err_msg=name)


def assert_same_bits(a, b):
    assert a.loss == b.loss
    np.testing.assert_array_equal(a.grad_flat, b.grad_flat)
    for (name, x), (_, y) in zip(per_step_arrays(a), per_step_arrays(b), strict=True):
        np.testing.assert_array_equal(x, y, err_msg=name)
    for x, y in zip(a.final_state(), b.final_state(), strict=True):
        np.testing.assert_array_equal(x, y)


def test_which_examples_run_their_units_in_halves():
    assert units_halved("lstm", 1, 128, 8, 100)  # U: 512 KB
    assert units_halved("lstm", 1, 256, 4, 100)
    assert units_halved("lstm", 1, 96, 8, 100)  # U 288 KB
    assert units_halved("lstm", 1, 128, 4, 64)  # float32: U 256 KB, 64 steps
    assert units_halved("gru", 1, 128, 8, 100)  # U 384 KB
    assert not units_halved("gru", 1, 96, 8, 100)  # U 216 KB
    assert not units_halved("lstm", 1, 128, 4, 32)  # measured slower: too little to read
    assert not units_halved("lstm", 1, 64, 8, 1000)  # U 128 KB: slower at any length
    assert not units_halved("lstm", 1, 256, 8, 16)  # too short to pay for the thread's start
    assert not units_halved("lstm", 2, 128, 8, 100)  # a batch: halves of rows instead
    assert not units_halved("rnn", 1, 256, 8, 100)  # no kernels for a team
    assert not units_halved("lstm", 1, 136, 8, 100)  # halves of 68 numbers: rows split a line
    assert not units_halved("lstm", 1, 129, 8, 100)  # rows of 1032 bytes: lines shared


@pytest.mark.parametrize(
    "cell, H, dtype, bidirectional, layers, mode",
    [
        ("lstm", 128, "float64", False, 1, "seq2seq"),
        ("lstm", 32, "float64", True, 2, "seq2class"),  # both directions, a stack
        ("lstm", 48, "float32", False, 1, "seq2seq"),
        ("gru", 128, "float64", False, 1, "seq2seq"),
        ("gru", 32, "float64", True, 2, "seq2class"),
        ("gru", 48, "float32", False, 1, "seq2seq"),
    ],
)
def test_two_threads_give_one_threads_numbers(
    cell, H, dtype, bidirectional, layers, mode, call_threads, monkeypatch
):
    """The halves on two threads and on one: the same bits; the one-thread kernels: the same
    numbers but for rounding (their U^T dz_t sums every gate row in one piece)."""
    here = threading.current_thread().name
    for seed in (0, 1):
        net, x, y, lengths = long_example(H, dtype, bidirectional, layers, mode, seed, cell)
        runs = {}
        for name, halves, ran in (
            ("whole", None, ("whole", {here})),
            ("one thread", Halves(None, parallel=False), ("team", {here})),
            ("two threads", Halves(None, parallel=True), ("team", {here, "rnnsim-half_0"})),
        ):
            monkeypatch.setattr(network_module.Network, "_halves", lambda *args, h=halves: h)
            runs[name] = net.run(x, y, lengths)
            assert call_threads and all(seen == ran for seen in call_threads), name
            call_threads.clear()
        assert_same_bits(runs["two threads"], runs["one thread"])
        assert_close(runs["two threads"], runs["whole"], dtype)


def test_a_second_thread_only_with_a_free_core_and_the_same_numbers_either_way(
    free_cores, call_threads
):
    net, x, y, lengths = long_example()
    here = threading.current_thread().name
    free_cores(2.0)
    two = net.run(x, y, lengths)
    assert call_threads == [("team", {here, "rnnsim-half_0"})] * 2  # forward, backward
    call_threads.clear()
    free_cores(0.5)  # another program holds the other core: the halves in turn, in this thread
    one = net.run(x, y, lengths)
    assert call_threads == [("team", {here})] * 2
    assert_same_bits(two, one)


def test_the_window_runs_the_halves_in_turn_and_interventions_keep_the_units_whole(
    free_cores, call_threads, monkeypatch
):
    net, x, y, lengths = long_example()
    here = threading.current_thread().name
    free_cores(2.0)
    net.run(x, y, lengths, interventions=[ZeroUnit(units=3, steps=5)])
    assert call_threads == [("whole", {here})] * 2
    call_threads.clear()
    monkeypatch.setattr(engine_threads, "sharing", False)  # as ui.app sets it
    net.run(x, y, lengths)
    assert call_threads == [("team", {here})] * 2


def test_the_textbook_gru_keeps_its_units_whole(free_cores, call_threads):
    """Its candidate multiplies U_n by r_t h_{t-1}, the whole of it: no team's kernels."""
    net, x, y, lengths = long_example(cell="gru")
    textbook = Network(replace(net.spec, gru_variant="textbook"), seed=0)
    free_cores(2.0)
    textbook.run(x, y, lengths)
    assert call_threads == [("whole", {threading.current_thread().name})] * 2


@njit(nogil=True)
def _relay(team, part, data, out):
    """Part 0 writes data[i] then publishes i + 1; part 1 waits for it, then copies data[i]."""
    for i in range(data.shape[0]):
        if part == 0:
            data[i] = i * i
            publish(team, 0, i + 1)
        else:
            wait_for(team, 0, i + 1)
            out[i] = data[i]


def test_a_published_write_is_seen_by_the_other_part():
    n = 20_000
    data, out = np.zeros(n), np.full(n, -1.0)
    team = new_team(2)
    reader = threading.Thread(target=_relay, args=(team, 1, data, out))
    reader.start()
    _relay(team, 0, data, out)
    reader.join(30)
    assert not reader.is_alive()
    np.testing.assert_array_equal(out, np.arange(n, dtype=float) ** 2)


@njit(nogil=True)
def _wait_for_the_other(team, part):
    wait_for(team, 1 - part, 1)


@pytest.mark.parametrize("failing", [0, 1])
def test_a_failing_part_leaves_nobody_waiting(failing):
    """The part that fails marks itself abandoned: the other, waiting for its progress, goes on,
    and the error reaches the caller."""

    def call(team, part):
        if part == failing:
            raise ValueError(f"part {part}")
        _wait_for_the_other(team, part)

    errors = []

    def run():
        try:
            halves_module.run_team(call, parallel=True)
        except ValueError as error:
            errors.append(str(error))

    runner = threading.Thread(target=run, daemon=True)
    runner.start()
    runner.join(30)
    assert not runner.is_alive()
    assert errors == [f"part {failing}"]
