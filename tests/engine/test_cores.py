"""FreeCores: the cores the other programs leave free, from /proc/stat less this process's time."""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from simulator import cores
from simulator.cores import INTERVAL, FreeCores


class Clocks:
    """time.monotonic and time.process_time, moved by hand."""

    def __init__(self):
        self.wall = 100.0
        self.ours = 5.0

    def monotonic(self):
        return self.wall

    def process_time(self):
        return self.ours


def stat_line(user, system, idle, steal=0):
    # cpu user nice system idle iowait irq softirq steal guest guest_nice (in clock ticks)
    return f"cpu  {user} 0 {system} {idle} 7 0 0 {steal} 0 0\ncpu0 1 2 3 4\n"


@pytest.fixture
def machine(tmp_path, monkeypatch):
    clocks = Clocks()
    monkeypatch.setattr(cores, "time", clocks)
    monkeypatch.setattr(cores, "_usable_cores", lambda: 4)
    stat = tmp_path / "stat"
    stat.write_text(stat_line(0, 0, 0))
    free = FreeCores(str(stat))
    free._ticks = 100
    return free, clocks, stat


def test_others_busy_time_is_all_cpus_less_this_process(machine):
    free, clocks, stat = machine
    assert free.count() is None  # the first interval has only begun
    # 1 s later: 250 ticks busy (user + system + steal) over all CPUs, 0.5 s of it ours
    clocks.wall += 1.0
    clocks.ours += 0.5
    stat.write_text(stat_line(150, 50, 9999, steal=50))
    assert free.count() == pytest.approx(4 - (2.5 - 0.5))


def test_read_at_most_once_an_interval(machine):
    free, clocks, stat = machine
    free.count()
    stat.write_text(stat_line(round(100 * INTERVAL), 0, 0))  # one core busy for INTERVAL
    clocks.wall += INTERVAL / 2
    assert free.count() is None  # not read yet: too soon
    clocks.wall += INTERVAL
    assert free.count() == pytest.approx(4 - 1 / 1.5)


def test_a_process_of_ours_is_not_counted_as_another_program(machine):
    free, clocks, stat = machine
    free.count()
    clocks.wall += 1.0
    clocks.ours += 2.0  # two of this process's threads busy the whole second
    stat.write_text(stat_line(200, 0, 0))
    assert free.count() == pytest.approx(4.0)


def test_no_proc_stat_means_nothing_known(tmp_path):
    assert FreeCores(str(tmp_path / "missing")).count() is None


@pytest.mark.skipif(not Path("/proc/stat").exists(), reason="reads Linux's /proc/stat")
def test_a_program_spinning_on_a_core_is_seen():
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        free = FreeCores()
        time.sleep(0.3)  # let it start
        free.count()
        time.sleep(3 * INTERVAL)
        seen = free.count()
    finally:
        spinner.kill()
        spinner.wait()
    assert seen is not None and seen <= cores._usable_cores() - 0.6
