"""A demonstration (a lesson's check, a sweep) watched from another thread: its progress is
reported run by run and step by step, and a stop ends it within a chunk of steps."""

import threading

import pytest

from simulator.training.sweep import accuracy_against_length
from simulator.training.watch import Stopped, Watch, watched_train, watching

SMALL = {"network.hidden_size": 4, "task.train_size": 40, "task.test_size": 10}


def test_progress_counts_the_runs_and_their_steps():
    seen = []
    watch = Watch(on_progress=lambda run, step, target: seen.append((run, step, target)))
    with watching(watch):
        curves = accuracy_against_length(("rnn", "gru"), (4, 6), SMALL, steps=30, seed=0)
    assert watch.runs == 4 and len(curves["rnn"]) == 2
    assert [s for s in seen if s[0] == 1] == [(1, 10, 30), (1, 20, 30), (1, 30, 30)]
    assert {run for run, _, _ in seen} == {1, 2, 3, 4}


def test_a_stop_from_another_thread_ends_the_demonstration_within_a_chunk():
    steps_seen = []
    watch = Watch(on_progress=lambda run, step, target: steps_seen.append(step))
    outcome = {}

    def stop_soon(run, step, target):
        steps_seen.append(step)
        if step >= 50:
            threading.Thread(target=watch.stop).start()

    watch.on_progress = stop_soon

    def demonstrate():
        with watching(watch):
            try:
                accuracy_against_length(("rnn",), (4, 6), SMALL, steps=100_000, seed=0)
            except Stopped:
                outcome["stopped"] = True

    worker = threading.Thread(target=demonstrate)
    worker.start()
    worker.join(60)
    assert not worker.is_alive() and outcome == {"stopped": True}
    assert watch.runs == 1  # the second length never started
    assert max(steps_seen) < 200  # stopped within a few chunks of 10, not 100 000 steps


def test_without_a_watch_training_is_the_trainers_own():
    from simulator.training.seeded import seeded_trainer

    watched, plain = (seeded_trainer("copy", {**SMALL, "task.length": 5}, 3) for _ in range(2))
    with watching(Watch()):
        watched_train(watched, 20)
    watched_train(plain, 20)  # no watch here: trainer.train
    assert (watched.network.flat == plain.network.flat).all()
    with watching(Watch()) as stopped:
        stopped.stop()
        with pytest.raises(Stopped):
            watched_train(plain, 5)
    assert plain.step == 20  # a stopped watch starts no run
