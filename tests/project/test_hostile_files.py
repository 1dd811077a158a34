"""Damaged and hostile project files (tests/project/mutations.py) against `rnnsim evaluate`:
each is refused with exit 2 and one line, or loads and saves again; none takes more than a few
seconds or tens of MB. benchmarks/hostile_files.py runs thousands of them on every example."""

import contextlib
import functools
import io
import random
import shutil
import signal
import tempfile
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator import cli
from simulator.project import Project, new_project

from . import mutations

SECONDS = 5  # each mutant's budget; a hang (a FIFO opened for reading) fails here
MEGABYTES = 64  # the most Python and NumPy may allocate for one mutant
# A smaller zip bomb than the benchmark's 2 GiB: still 10^4 times this project's weights.
MUTATIONS = [
    functools.partial(mutations.member_bomb, size=2**26) if m is mutations.member_bomb else m
    for m in mutations.JSON_MUTATIONS + mutations.WEIGHT_MUTATIONS
]


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A small trained project (its weights hold Adam's moments too)."""
    folder = tmp_path_factory.mktemp("template")
    project = new_project(
        "sentiment",
        {"network.hidden_size": 4, "network.embedding_dim": 3, "task.train_size": 40,
         "task.test_size": 10},
    )  # fmt: skip
    trainer = project.make_trainer(project.make_network(), project.make_task())
    trainer.train(3)
    project.capture(trainer)
    project.save(folder / "p.rnnsim.json")
    return folder


class _TimeUp(Exception):
    pass


def _alarm(signum, frame):
    raise _TimeUp


def _evaluate(path: Path) -> tuple[int, str, float]:
    """(exit code, stderr, peak MB allocated) of `rnnsim evaluate path`, in this process."""
    out, err = io.StringIO(), io.StringIO()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(SECONDS)
    tracemalloc.start()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["evaluate", str(path)])
    finally:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return code, err.getvalue(), peak


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(mutation=st.sampled_from(MUTATIONS), rng=st.randoms(use_true_random=False))
def test_a_damaged_file_is_refused_in_one_line_or_loads_whole(template, mutation, rng):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for item in template.iterdir():
            shutil.copy(item, folder)
        path = folder / "p.rnnsim.json"
        what, expected = (
            mutation(folder, path, rng)
            if mutation in mutations.JSON_MUTATIONS
            else (mutation(folder, mutations.weights_path(path), rng))
        )
        code, err, peak = _evaluate(path)
        assert peak < MEGABYTES, f"{what}: {peak:.0f} MB"
        if code == 2:
            assert err.count("\n") == 1 and err.startswith("rnnsim: error: "), (what, err)
        else:
            assert code == 0 and expected != "refuse", (what, err)
            Project.load(path).save(folder / "again.rnnsim.json")  # what loads also saves


def test_every_kind_of_mutation_is_refused_or_loads(template):
    """One of each mutation, so none is left out by chance."""
    for k, mutation in enumerate(MUTATIONS):
        test_a_damaged_file_is_refused_in_one_line_or_loads_whole.hypothesis.inner_test(
            template, mutation, random.Random(k)
        )
