"""Every lesson's claim holds, on several seeds: the quick checks on five (in the quick subset,
`pytest -m "not slow"`, seeds 0 and 1 of those that compute exactly, seed 0 of those that
train), the slow ones (tens of seconds of training each) on three, behind
the `slow` marker that `make test` still runs."""

import pytest

from simulator.lessons import lessons, run_check
from simulator.lessons.checks import SLOW, WHERE

QUICK = [lesson for lesson in lessons() if lesson.check not in SLOW]
LONG = [lesson for lesson in lessons() if lesson.check in SLOW]
COMPUTED = {"exact", "gradients"}  # the modules of checks that compute, not train


def _quick_cases():
    """(lesson, seed) pairs; those past the quick subset's seeds are marked slow."""
    for lesson in QUICK:
        quick_seeds = 2 if WHERE[lesson.check] in COMPUTED else 1
        for seed in range(5):
            marks = () if seed < quick_seeds else pytest.mark.slow
            yield pytest.param(lesson, seed, marks=marks, id=f"{lesson.name}-{seed}")


def _holds(lesson, seed):
    outcome = run_check(lesson, seed)
    failed = [text for text, held in outcome.conditions if not held]
    assert outcome.holds, f"{lesson.name} seed {seed}: {failed}; figures {outcome.figures}"


@pytest.mark.parametrize(("lesson", "seed"), list(_quick_cases()))
def test_quick_claim_holds(lesson, seed):
    _holds(lesson, seed)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("lesson", LONG, ids=[lesson.name for lesson in LONG])
def test_slow_claim_holds(lesson, seed):
    _holds(lesson, seed)
