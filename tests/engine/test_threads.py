"""The engine holds BLAS to one thread while it runs and leaves the process's limits as it found
them: after a run of each kind, a Trainer, a run that raised, and two runs in two threads."""

import threading

import numpy as np
import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from simulator import InputError, Network, NetworkSpec, cells
from simulator.encoder_decoder import EncoderDecoder, EncoderDecoderSpec, attend, decoding
from simulator.encoder_decoder import model as encoder_decoder_model
from simulator.gradient_flow import gradient_flow
from simulator.project import new_project
from simulator.threads import (
    BLAS_THREADS,
    SHARE_LEAST_RUN,
    SHARE_LEAST_STEP,
    SHARED_THREADS,
    called_by_kernels,
    engine_threads,
)
from simulator.trees import TreeNetwork, TreeSpec

PERSON = 2  # BLAS threads the test's "person" allows before each run


def blas_threads() -> dict[str, int]:
    return {
        lib["filepath"]: lib["num_threads"]
        for lib in threadpool_info()
        if lib["user_api"] == "blas"
    }


@pytest.fixture
def person_limits():
    """The process as a person may hold it: every BLAS allowed PERSON threads (not the engine's
    number, so a run that forgot to limit or to restore shows)."""
    engine_threads.libraries()  # load both OpenBLAS builds, as the first run does
    with threadpool_limits(limits=PERSON, user_api="blas"):
        before = blas_threads()
        if set(before.values()) != {PERSON}:
            pytest.skip(f"this machine's BLAS cannot use {PERSON} threads: {before}")
        yield before
    assert not engine_threads.active


class Spy:
    """Wraps an engine function and records the BLAS thread counts in force when it is called."""

    def __init__(self, function):
        self.function = function
        self.seen: list[dict[str, int]] = []

    def __call__(self, *args, **kwargs):
        self.seen.append(blas_threads())
        return self.function(*args, **kwargs)

    def all_limited(self) -> bool:
        return bool(self.seen) and all(
            set(s.values()) == {BLAS_THREADS} and len(s) >= 2 for s in self.seen
        )


def recurrent_network(seed=0):
    spec = NetworkSpec(cell="lstm", input_size=3, hidden_size=4, output_size=2, mode="seq2seq")
    return Network(spec, seed=seed)


def recurrent_example(seed=0):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((2, 5, 3)), rng.integers(0, 2, (2, 5))


def test_both_blas_libraries_the_engine_calls_are_found():
    """NumPy's OpenBLAS (matmul) and SciPy's (np.dot inside the kernels) are distinct builds."""
    names = [lib.name for lib in engine_threads.libraries()]
    assert any("numpy" in name for name in names) and any("scipy" in name for name in names)


def test_numpys_own_blas_is_told_apart_through_a_symlinked_environment(tmp_path):
    """numpy.__file__ through a symlinked folder, the libraries by their real paths."""
    site = tmp_path / "real" / "site-packages"
    (site / "numpy").mkdir(parents=True)
    (site / "numpy" / "__init__.py").touch()
    numpys = site / "numpy.libs" / "libscipy_openblas64_-x.so"
    scipys = site / "scipy.libs" / "libscipy_openblas-y.so"
    for library in (numpys, scipys):
        library.parent.mkdir(exist_ok=True)
        library.touch()
    (tmp_path / "linked").symlink_to(tmp_path / "real")
    numpy_file = str(tmp_path / "linked" / "site-packages" / "numpy" / "__init__.py")
    assert not called_by_kernels(str(numpys), numpy_file, 2)
    assert called_by_kernels(str(scipys), numpy_file, 2)
    assert called_by_kernels(str(numpys), numpy_file, 1)  # one BLAS for both: the kernels' too


@pytest.mark.parametrize("seed", [0, 1])
def test_a_recurrent_run_limits_blas_inside_and_restores_after(person_limits, monkeypatch, seed):
    spy = Spy(cells.run_forward)
    monkeypatch.setattr(cells, "run_forward", spy)
    trace = recurrent_network(seed).run(*recurrent_example(seed))
    assert trace.grads and spy.all_limited()
    assert blas_threads() == person_limits


def test_gradient_flow_restores(person_limits):
    net = recurrent_network()
    flow = gradient_flow(net, net.run(*recurrent_example()))
    assert np.isfinite(flow.matrix[-1, 0])
    assert blas_threads() == person_limits


@pytest.mark.parametrize("seed", [0, 1])
def test_encoder_decoder_runs_and_decoding_limit_and_restore(person_limits, monkeypatch, seed):
    spies = {
        name: Spy(getattr(module, name))
        for module, name in (
            (encoder_decoder_model, "run_stack"),
            (decoding, "greedy_decode"),
            (decoding, "beam_decode"),
        )
    }
    monkeypatch.setattr(encoder_decoder_model, "run_stack", spies["run_stack"])
    monkeypatch.setattr(decoding, "greedy_decode", spies["greedy_decode"])
    monkeypatch.setattr(decoding, "beam_decode", spies["beam_decode"])
    spec = EncoderDecoderSpec(source_vocab_size=7, target_vocab_size=8, attention="additive")
    model = EncoderDecoder(spec, seed=seed)
    source, target = np.array([[4, 5, 6]]), np.array([[4, 5, 3]])
    assert model.run(source, target).loss > 0
    assert blas_threads() == person_limits
    model.greedy(source, max_length=3)
    assert blas_threads() == person_limits
    model.beam_search(source, beam_width=2, max_length=3)
    assert blas_threads() == person_limits
    assert all(spy.all_limited() for spy in spies.values())
    attend(np.eye(3), np.ones(3), "dot")
    assert blas_threads() == person_limits


@pytest.mark.parametrize("model", ["rvnn", "rntn"])
def test_a_tree_run_limits_and_restores(person_limits, model):
    net = TreeNetwork(TreeSpec(model=model, vocab_size=4, dim=2, output_size=2))
    net._forward = spy = Spy(net._forward)
    trace = net.run("(1 (0 a) (1 b))", vocabulary={"a": 2, "b": 3})
    assert trace.loss is not None and spy.all_limited()
    assert blas_threads() == person_limits


def test_a_trainer_limits_for_its_whole_loop_and_restores(person_limits):
    project = new_project("sentiment", {"training.batch_size": 4})
    trainer = project.make_trainer(project.make_network(), project.make_task())
    seen = []
    trainer.train(4, callback=lambda progress: seen.append(blas_threads()), chunk=2)
    assert len(seen) == 2 and all(set(s.values()) == {BLAS_THREADS} for s in seen)
    assert blas_threads() == person_limits
    assert np.isfinite(trainer.evaluate()["loss"])
    assert blas_threads() == person_limits


def test_a_run_that_raises_restores(person_limits):
    with pytest.raises(InputError):
        recurrent_network().run(np.zeros((2, 5, 7)))  # the network reads 3 features, not 7
    assert blas_threads() == person_limits
    assert not engine_threads.active


def test_two_threads_running_at_once_keep_the_limit_until_both_are_done(person_limits, monkeypatch):
    """One thread finishing must not lift the limit while the other still runs."""
    spy = Spy(cells.run_forward)
    monkeypatch.setattr(cells, "run_forward", spy)
    start = threading.Barrier(2)
    problems = []

    def runs(seed):
        try:
            net, example = recurrent_network(seed), recurrent_example(seed)
            start.wait()
            for _ in range(50):
                net.run(*example)
        except Exception as err:  # reported below: an assert in a thread would be lost
            problems.append(err)

    threads = [threading.Thread(target=runs, args=(seed,)) for seed in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not problems
    assert len(spy.seen) == 100 and spy.all_limited()
    assert blas_threads() == person_limits


def test_nested_runs_restore_only_when_the_outermost_ends(person_limits):
    with engine_threads:
        recurrent_network().run(*recurrent_example())
        assert set(blas_threads().values()) == {BLAS_THREADS}
    assert blas_threads() == person_limits


def test_a_person_who_asked_for_fewer_threads_keeps_them():
    with threadpool_limits(limits=1, user_api="blas"):
        before = blas_threads()
        recurrent_network().run(*recurrent_example())
        assert blas_threads() == before


# ----- a second thread for a large run while a core is free ------------------------------------
def kernels_and_numpy_threads() -> tuple[int, int]:
    """(threads of the BLAS the kernels call, threads of NumPy's own copy)."""
    counts = {lib.kernels: lib.get() for lib in engine_threads.libraries()}
    return counts[True], counts[False]


def large_network(cell="rnn"):
    """B = 32 at H = 128: 32 x 128 x 128 multiply-adds a step, SHARE_LEAST_STEP for an rnn."""
    spec = NetworkSpec(cell=cell, input_size=8, hidden_size=128, output_size=2, mode="seq2seq")
    rng = np.random.default_rng(0)
    return Network(spec), rng.standard_normal((32, 64, 8)), rng.integers(0, 2, (32, 64))


def seen_inside(monkeypatch) -> list:
    seen = []
    run_forward = cells.run_forward

    def spy(*args, **kwargs):
        seen.append(kernels_and_numpy_threads())
        return run_forward(*args, **kwargs)

    monkeypatch.setattr(cells, "run_forward", spy)
    return seen


def test_a_large_run_takes_a_free_core_for_the_kernels_blas_only(
    person_limits, free_cores, monkeypatch
):
    free_cores(2.0)
    seen = seen_inside(monkeypatch)
    net, x, y = large_network()
    shared = net.run(x, y)
    assert seen == [(SHARED_THREADS, BLAS_THREADS)]  # NumPy's own pool stays at one
    assert blas_threads() == person_limits
    free_cores(None)
    alone = net.run(x, y)
    assert seen[-1] == (BLAS_THREADS, BLAS_THREADS)
    for name in alone.grads:  # BLAS splits the rows and columns, never a sum: the same numbers
        np.testing.assert_array_equal(shared.grads[name], alone.grads[name])


@pytest.mark.parametrize("free", [None, 0.0, 1.0, 1.7])
def test_no_second_thread_unless_others_leave_a_core_free(person_limits, free_cores, free):
    """The run's own core is one of the free ones: a second needs FREE_ENOUGH more."""
    free_cores(free)
    with engine_threads:
        assert not engine_threads.share(SHARE_LEAST_STEP, SHARE_LEAST_RUN)
        assert kernels_and_numpy_threads() == (BLAS_THREADS, BLAS_THREADS)
    assert blas_threads() == person_limits


def test_small_runs_and_short_runs_keep_one_thread(person_limits, free_cores):
    free_cores(2.0)
    with engine_threads:
        assert not engine_threads.share(SHARE_LEAST_STEP - 1, 10**6)
        assert not engine_threads.share(SHARE_LEAST_STEP, SHARE_LEAST_RUN // SHARE_LEAST_STEP - 1)
        assert engine_threads.share(SHARE_LEAST_STEP, SHARE_LEAST_RUN // SHARE_LEAST_STEP)
    assert blas_threads() == person_limits


def test_a_second_thread_running_the_engine_takes_the_shared_core_back(person_limits, free_cores):
    free_cores(2.0)
    entered, leave = threading.Event(), threading.Event()

    def other_run():
        with engine_threads:
            entered.set()
            leave.wait(10)

    with engine_threads:
        assert engine_threads.share(SHARE_LEAST_STEP, 10**3)
        other = threading.Thread(target=other_run)
        other.start()
        assert entered.wait(10)
        assert kernels_and_numpy_threads() == (BLAS_THREADS, BLAS_THREADS)
        assert not engine_threads.share(SHARE_LEAST_STEP, 10**3)  # not while both run
        leave.set()
        other.join()
        assert engine_threads.share(SHARE_LEAST_STEP, 10**3)  # alone again
    assert blas_threads() == person_limits


def test_no_second_thread_where_the_person_allowed_one_or_in_the_window(free_cores):
    free_cores(2.0)
    with threadpool_limits(limits=1, user_api="blas"):
        with engine_threads:
            engine_threads.share(SHARE_LEAST_STEP, 10**3)
            assert kernels_and_numpy_threads() == (1, 1)
    engine_threads.sharing = False  # what ui.app sets
    with engine_threads:
        assert not engine_threads.share(SHARE_LEAST_STEP, 10**3)
