"""Every lesson's claim holds, on several seeds: the quick checks on five (seed 0 in the quick
subset, `pytest -m "not slow"`), the slow ones (tens of seconds of training each) on three, behind
the `slow` marker that `make test` still runs."""

import pytest

from simulator.lessons import lessons, run_check
from simulator.lessons.checks import SLOW

QUICK = [lesson for lesson in lessons() if lesson.check not in SLOW]
LONG = [lesson for lesson in lessons() if lesson.check in SLOW]


def _holds(lesson, seed):
    outcome = run_check(lesson, seed)
    failed = [text for text, held in outcome.conditions if not held]
    assert outcome.holds, f"{lesson.name} seed {seed}: {failed}; figures {outcome.figures}"


@pytest.mark.parametrize(
    "seed", [0, *(pytest.param(seed, marks=pytest.mark.slow) for seed in (1, 2, 3, 4))]
)
@pytest.mark.parametrize("lesson", QUICK, ids=[lesson.name for lesson in QUICK])
def test_quick_claim_holds(lesson, seed):
    _holds(lesson, seed)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("lesson", LONG, ids=[lesson.name for lesson in LONG])
def test_slow_claim_holds(lesson, seed):
    _holds(lesson, seed)
