"""Every example project opens, explains itself in both languages and passes gradcheck."""

import pytest

from simulator import cli
from simulator.project import Project
from simulator.resources import PROJECT_SUFFIX, resource

EXAMPLES = sorted(resource("examples").glob("*" + PROJECT_SUFFIX))


def test_there_is_an_example_for_every_task():
    from simulator.tasks import PAIR_TASKS, TASKS

    tasks = {Project.load(path).task["name"] for path in EXAMPLES}
    assert tasks == set(TASKS) | set(PAIR_TASKS)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name.split(".")[0] for p in EXAMPLES])
def test_example_opens_and_passes_gradcheck(path, capsys):
    project = Project.load(path)
    assert set(project.view["title"]) == {"en", "zh"} and set(project.view["about"]) == {"en", "zh"}
    network = project.make_network()
    project.make_trainer(network, project.make_task())
    assert cli.main(["gradcheck", str(path)]) == 0, capsys.readouterr().out
