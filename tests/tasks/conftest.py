import pytest

from simulator.tasks import make_task

from .common import GENERATED_TASKS, SMALL


@pytest.fixture(params=GENERATED_TASKS)
def small_task(request):
    """Each built-in task with its default settings, only fewer examples."""
    return make_task(request.param, SMALL)
