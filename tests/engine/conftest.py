"""Fixtures shared by the engine's thread tests (test_threads.py, test_halves.py)."""

import pytest

from simulator.threads import engine_threads


class Cores:
    """Stands in for simulator.cores.FreeCores: says how many cores are free."""

    def __init__(self, free):
        self.free = free

    def count(self):
        return self.free


@pytest.fixture
def free_cores(monkeypatch):
    """Set how many cores engine_threads believes free (None: not known)."""

    def believe(free):
        monkeypatch.setattr(engine_threads, "free_cores", Cores(free))

    monkeypatch.setattr(engine_threads, "sharing", True)
    return believe
