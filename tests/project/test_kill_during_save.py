"""A process killed (SIGKILL) at random moments while it saves a project over and over leaves
the old or the new project, whole; the next open or save leaves no other file behind.
benchmarks/kill_during_save.py does the same 50 times on a trained example."""

import random

import pytest

from simulator.project import Project, new_project

from .kill_saving import kill_while_saving

KILLS = 4


@pytest.mark.slow  # ~3 s of saving processes started and killed
def test_a_kill_at_any_moment_leaves_one_whole_version(tmp_path):
    path = tmp_path / "p.rnnsim.json"
    project = new_project("adding", {"network.hidden_size": 32, "training.optimizer": "adam"})
    trainer = project.make_trainer(project.make_network(), project.make_task())
    trainer.train(1)
    project.capture(trainer)
    project.save(path)
    rng = random.Random(17)
    versions = set()
    for _ in range(KILLS):
        result = kill_while_saving(path, rng, latest=0.4)
        assert result.whole, result.problem
        assert result.left_after_open == [] and result.left_after_save == []
        versions.add(result.version)
    assert max(versions) > 0  # the child did save before it was killed
    assert Project.load(path).make_network().num_parameters > 0
