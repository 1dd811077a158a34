"""Worker: runs a function in a thread marked as batch work, and hands its result back."""

import os
import threading

import pytest

from ui.worker import Worker


@pytest.mark.skipif(not hasattr(os, "SCHED_BATCH"), reason="no SCHED_BATCH on this system")
def test_a_workers_thread_is_batch_work_and_the_gui_thread_is_not(qtbot):
    def policy_and_thread(report):
        report(1, 1)
        return os.sched_getscheduler(0), threading.get_ident()

    worker = Worker(policy_and_thread)
    with qtbot.waitSignal(worker.done, timeout=5000) as done:
        worker.start()
    policy, thread = done.args[0]
    assert policy == os.SCHED_BATCH
    assert thread != threading.get_ident()
    assert os.sched_getscheduler(0) == os.SCHED_OTHER
    worker.wait()


def test_an_error_reaches_the_gui_as_a_message(qtbot):
    def fails(report):
        raise ValueError("the data file has no rows")

    worker = Worker(fails)
    with qtbot.waitSignal(worker.failed, timeout=5000) as failed:
        worker.start()
    assert failed.args == ["the data file has no rows"]
    worker.wait()
