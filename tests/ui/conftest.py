"""Fixtures for the window's tests: an isolated settings file, a small project, a window driven
as a person would, and a check that no test leaves a QThread running."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QThread


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    """Recent files and window layouts go to a temporary folder, never the user's own."""
    qapp.setOrganizationName("rnnsim-tests")
    qapp.setApplicationName("rnnsim-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield


@pytest.fixture(autouse=True)
def no_thread_left(monkeypatch):
    """Fail any test that leaves a QThread running (workers must be finished or stopped)."""
    started = []
    original = QThread.start

    def start(self, *args, **kwargs):
        started.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(QThread, "start", start)
    yield started
    running = []
    for thread in started:
        try:
            if thread.isRunning():
                running.append(type(thread).__name__)
        except RuntimeError:  # the C++ object is gone: it is not running
            pass
    assert not running, f"the test left QThreads running: {running}"


def small_project(task: str = "sentiment", **network):
    """A new project with a tiny network and data set, so each test runs in milliseconds."""
    from simulator.project import new_project

    sets = {"network.hidden_size": 4, "task.train_size": 40, "task.test_size": 10}
    if task in ("sentiment", "copy", "segmentation", "digit_sum", "char_lm"):
        sets["network.embedding_dim"] = 3
    if task == "copy":
        sets["task.length"] = 8
    if task == "adding":
        sets["task.length"] = 10
    sets.update({f"network.{k}": v for k, v in network.items()})
    return new_project(task, sets)


@pytest.fixture
def make_window(qtbot):
    """make_window(project=None) -> a shown MainWindow on `project` (default: a small LSTM on
    sentiment); it is closed, with its workers stopped, when the test ends. With
    `background_kernels`, its session prepares kernels as the app does (KernelWarmup), else it
    compiles what it runs when it runs it."""
    from ui.kernels import KernelWarmup
    from ui.main_window import MainWindow
    from ui.session import Session

    windows, warmups = [], []

    def make(project=None, size=(1280, 800), background_kernels=False):
        kernels = KernelWarmup() if background_kernels else None
        if kernels is not None:
            warmups.append(kernels)
        session = Session(kernels=kernels)
        window = MainWindow(session, remember_layout=False)
        window.file_actions.ask_discard = lambda: "discard"
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        session.open_project(project if project is not None else small_project(), None, name="test")
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
    for kernels in warmups:
        kernels.stop()
    if windows:
        wait_for_workers(qtbot)


@pytest.fixture
def held_kernels(monkeypatch):
    """held_kernels(*names) -> an Event: the kernel sets named (every set when none is) are
    prepared, as in a fresh process, only once the test sets the event (others at once)."""
    import threading

    from simulator import warmup
    from ui.kinds import kernels as model_kernels

    monkeypatch.setattr(model_kernels, "_ready", set())  # as in a fresh process
    release, warm = threading.Event(), warmup.warm

    def held_warm(name, *args, **kwargs):
        if not held or name in held:
            release.wait(60)
        warm(name, *args, **kwargs)

    held: set[str] = set()

    def hold(*names):
        held.update(names)
        monkeypatch.setattr(warmup, "warm", held_warm)
        return release

    yield hold
    release.set()


def wait_for_workers(qtbot, timeout: int = 10_000) -> None:
    from ui.worker import Worker

    qtbot.waitUntil(lambda: not Worker.running(), timeout=timeout)
    qtbot.wait(1)  # deliver their queued signals


@pytest.fixture
def window(make_window):
    return make_window()
