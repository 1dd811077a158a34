"""Kernels are warmed in a background thread; after warming, running a network compiles
nothing more in the GUI thread."""

from ui.kernels import KernelWarmup, kernel_key

from .conftest import small_project


def test_warmup_reports_ready_and_covers_what_a_network_calls(qtbot):
    from simulator.kernels import gru, loss, lstm

    warmup = KernelWarmup()
    with qtbot.waitSignal(warmup.key_ready, timeout=120_000) as ready:
        warmup.request(kernel_key("gru"))
    assert ready.args == ["gru/float64"]
    assert warmup.is_ready("gru/float64")
    qtbot.waitUntil(lambda: not warmup.isRunning(), timeout=10_000)
    kernels = (gru.gru_forward, gru.gru_backward, lstm.lstm_forward, loss.softmax)
    counts = {f: len(f.signatures) for f in kernels}
    project = small_project(cell="gru", bidirectional=True, num_layers=2)
    network, task = project.make_network(), project.make_task()
    network.run(*task.test.batch([0, 1])[:2], task.test.batch([0, 1])[2])
    network.run(task.test.batch([0])[0])  # no targets: probabilities only, as typed input runs
    assert {f: len(f.signatures) for f in counts} == counts  # nothing new was compiled


def test_a_session_waits_for_its_kernels_then_runs(qtbot):
    from ui.session import Session

    warmup = KernelWarmup()
    session = Session(warmup)
    with qtbot.waitSignal(
        session.trace_changed, timeout=120_000, check_params_cb=lambda: session.trace is not None
    ):
        session.open_project(small_project(cell="tdnn"), None)
    assert session.trace is not None and session.waiting_for is None
    warmup.stop()


def test_the_status_line_counts_the_steps_of_a_compile_in_another_process(qtbot, monkeypatch):
    """A set not in the cache is compiled by `python -m simulator.warmup KEY`, which reports
    each step of its warm-up; the waiting session's status line shows them."""
    from simulator import warmup as engine_warmup
    from ui import kernels
    from ui.session import Session

    monkeypatch.setattr(kernels, "_ready", set())  # as in a fresh window
    monkeypatch.setattr(engine_warmup, "is_cached", lambda *key: False)
    warmup = KernelWarmup()
    session = Session(warmup)
    statuses = []
    session.status.connect(statuses.append)
    with qtbot.waitSignal(
        session.trace_changed, timeout=120_000, check_params_cb=lambda: session.trace is not None
    ):
        session.open_project(small_project(cell="rnn"), None)
    steps = len(engine_warmup.warm_steps("rnn", "float64"))
    shown = [s for s in statuses if s.startswith("Compiling the kernels for rnn")]
    assert any(f"step 0 of {steps}" in s for s in shown)
    assert any(f"step {steps} of {steps}" in s for s in shown)
    warmup.stop()


def test_building_and_showing_the_window_leaves_numba_to_the_background():
    """Numba and the kernel modules take ~0.4 s to import: the window shows without them (a
    light import of the encoder-decoder's or the trees' package, e.g. a constant, loads none).
    The window's process hands the GIL round every 0.5 ms, so the GUI thread never waits 5 ms
    for a worker to let it go, and no run takes a second BLAS thread (the GUI thread needs
    that core)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from ui.app import _application\n"
        "app = _application()\n"
        "from ui.kernels import KernelWarmup\n"
        "from ui.main_window import MainWindow\n"
        "from ui.session import Session\n"
        "window = MainWindow(Session(KernelWarmup()), remember_layout=False)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "print(sys.getswitchinterval())\n"
        "from simulator.threads import engine_threads\n"
        "print(engine_threads.sharing)\n"
        "print(sorted(m for m in ('numba', 'simulator.network', 'simulator.project') "
        "if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    *_, interval, sharing, modules = done.stdout.strip().splitlines()
    assert modules == "[]"
    assert float(interval) == 0.0005
    assert sharing == "False"


def test_the_engine_is_imported_without_garbage_collection_and_what_it_made_is_frozen(
    tmp_path, monkeypatch
):
    """A full collection holds the GIL (36-60 ms with the window's objects): none runs while the
    engine's modules load, and afterwards collections stay on and skip what was loaded."""
    import gc
    import sys

    from ui.kernels import import_engine

    (tmp_path / "many_cycles.py").write_text(  # would set off collections of every generation
        "cycles = []\nfor _ in range(300_000):\n    a = []\n    a.append(a)\n    cycles.append(a)\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    collections = []
    callback = lambda phase, info: collections.append(info["generation"])  # noqa: E731
    gc.callbacks.append(callback)
    frozen = gc.get_freeze_count()
    try:
        import_engine("many_cycles")
    finally:
        gc.callbacks.remove(callback)
        sys.modules.pop("many_cycles", None)
    assert collections == []
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen + 300_000
    gc.unfreeze()
