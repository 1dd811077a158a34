"""Stopping and resuming, through a saved project, continues exactly."""

import numpy as np
import pytest

from simulator.project import Project, new_project


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_resume_from_a_saved_project_equals_an_uninterrupted_run(tmp_path, optimizer):
    sets = {
        "network.cell": "lstm",
        "training.optimizer": optimizer,
        "training.eval_every": 10,
        "training.clip_norm": 0.5,
        "training.weight_decay": 1e-4,
        "training.batch_size": 8,
    }
    whole = new_project("sentiment", sets)
    trainer = whole.make_trainer(whole.make_network(), whole.make_task())
    trainer.train(30)

    first = new_project("sentiment", sets)
    part = first.make_trainer(first.make_network(), first.make_task())
    part.train(12)
    first.capture(part)
    first.save(tmp_path / "p.rnnsim.json")
    again = Project.load(tmp_path / "p.rnnsim.json")
    resumed = again.make_trainer(again.make_network(), again.make_task())
    resumed.train(18)

    assert resumed.step == trainer.step == 30
    assert np.array_equal(resumed.network.flat, trainer.network.flat)
    for name, state in trainer.optimizer.state.items():
        assert np.array_equal(resumed.optimizer.state[name], state)
    assert np.array_equal(resumed.history.table(), trainer.history.table())
    assert resumed.history.evaluations == trainer.history.evaluations


def test_stop_takes_effect_at_the_next_chunk_and_resuming_continues(tmp_path):
    project = new_project("copy", {"network.cell": "gru", "training.eval_every": 0})
    trainer = project.make_trainer(project.make_network(), project.make_task())
    seen = []

    def stop_after_two_chunks(progress):
        seen.append(progress.step)
        if len(seen) == 2:
            trainer.stop()

    result = trainer.train(100, callback=stop_after_two_chunks, chunk=5)
    assert result.reason == "stopped" and trainer.step == 10 and seen == [5, 10]
    assert trainer.train(4).reason == "done" and trainer.step == 14


def test_progress_reports_rate_and_latest_loss():
    project = new_project("digit_sum", {"network.cell": "rnn", "training.eval_every": 0})
    trainer = project.make_trainer(project.make_network(), project.make_task())
    reports = []
    trainer.train(20, callback=reports.append, chunk=10)
    assert [r.step for r in reports] == [10, 20] and reports[-1].target == 20
    assert reports[-1].steps_per_second > 0
    assert reports[-1].loss == trainer.history.column("loss")[-1]
