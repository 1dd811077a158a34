"""How quick the window is (run by hand; prints numbers, asserts nothing).

    .venv/bin/python benchmarks/ui.py            # all five
    .venv/bin/python benchmarks/ui.py redraw     # one of: redraw, kinds, training, startup, cold

redraw   moving one event redraws every panel: median / p90 / max over the events of a trace
         with T = 100, H = 64, two LSTM layers (target: median under 16 ms)
kinds    the same for an encoder-decoder (30-token source, 30-step decoder) and a tree over a
         30-word sentence (benchmarks/window_kinds.py; target: median under 16 ms)
training the longest the event loop stalls while a network trains in the worker thread
         (target: under 50 ms) and how often the curves redraw (target: at least 10 times a
         second; at most ~30)
startup  time from starting Python to the window on screen, with Numba's kernel cache warm
         (target: under 2 s), and to the first trace drawn
cold     the same with an empty kernel cache (target: window under 3 s), and the longest the
         event loop stalls while the kernels compile in the background (target: under 50 ms)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


# ----- redraw -------------------------------------------------------------------------------
def redraw() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import numpy as np

    from ui.app import _application, settle

    app = _application()
    from simulator.project import new_project
    from ui.main_window import MainWindow
    from ui.session import Session

    project = new_project(
        "char_lm",
        {
            "task.length": 100,
            "network.cell": "lstm",
            "network.hidden_size": 64,
            "network.num_layers": 2,
            "network.embedding_dim": 16,
        },
    )
    session = Session(kernels=None)
    window = MainWindow(session, remember_layout=False)
    window.resize(1600, 1000)
    window.show()
    session.open_project(project, None, name="bench")
    settle(window)
    trace = session.trace
    print(
        f"redraw: char_lm, lstm, T = {trace.steps}, H = {session.spec.hidden_size}, "
        f"{session.spec.num_layers} layers, {len(session.stepper)} events, window 1600x1000"
    )
    for label, panel_tab in (("plots as laid out", None), ("gradient flow tab shown", "flow")):
        if panel_tab:
            window.docks[panel_tab].raise_()
            settle(window)
        times, update_times, phases = [], [], []
        session.home()
        settle(window)
        for _ in range(len(session.stepper) - 1):
            start = time.perf_counter()
            session.step(1)
            updated = time.perf_counter()
            app.processEvents()  # paints every changed panel
            end = time.perf_counter()
            times.append(end - start)
            update_times.append(updated - start)
            phases.append(session.stepper.event.phase)
            if phases[-1] == "loss":  # G[t, k] starts computing here, in a worker: let it finish
                settle(window)
        ms, up, phases = np.array(times) * 1000, np.array(update_times) * 1000, np.array(phases)
        forward, backward = np.median(ms[phases == "forward"]), np.median(ms[phases == "backward"])
        print(
            f"  {label:<24} one event: median {np.median(ms):5.2f} ms (forward {forward:5.2f}, "
            f"backward {backward:5.2f}), p90 {np.percentile(ms, 90):5.2f} ms, max "
            f"{ms.max():6.2f} ms; updating the items alone: median {np.median(up):5.2f} ms"
        )
    window.close()


# ----- startup ------------------------------------------------------------------------------
CHILD = r"""
import sys, time, json
sys.path.insert(0, {root!r})
from argparse import Namespace
import ui.launcher  # what the `rnnsim` script imports first (and with it the engine)
from ui.app import _application, open_window
app = _application()
from PySide6.QtCore import QTimer
window = open_window(Namespace(file=None, goto=None, screenshot=None, export_plots=None))
session, kernels = window.session, window.session.kernels
state = {{"last": None, "gaps": [], "trace": None, "busy": []}}
app.processEvents()  # the first paint: now the window is on screen
print("shown", flush=True)
state["last"] = time.perf_counter()
# the GUI thread's own work when a network first appears (building every plot): timed apart
original = type(session).rerun
def rerun(self):
    start = time.perf_counter()
    original(self)
    if self.trace is not None:
        state["busy"].append((start, time.perf_counter()))
type(session).rerun = rerun
def tick():
    now = time.perf_counter()
    if state["last"] is not None:
        state["gaps"].append((state["last"], now))
    state["last"] = now
    if session.trace is not None and state["trace"] is None:
        state["trace"] = now
        print("trace", flush=True)
    if session.trace is not None and not kernels.isRunning():
        busy = state["busy"]
        def overlaps(gap):
            return any(a < gap[1] and b > gap[0] for a, b in busy)
        compiling = sorted(b - a for a, b in state["gaps"] if not overlaps((a, b))) or [0.0]
        building = max([b - a for a, b in busy] or [0.0])
        p99 = compiling[int(0.99 * (len(compiling) - 1))]
        print(json.dumps({{"max_gap_ms": 1000 * compiling[-1], "p99_gap_ms": 1000 * p99,
                          "ticks": len(compiling), "build_ms": 1000 * building}}), flush=True)
        window.close()
        app.quit()
timer = QTimer()
timer.timeout.connect(tick)
timer.start(5)
app.exec()
"""


def startup(cache_dir: str | None, label: str) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as config:
        environment["XDG_CONFIG_HOME"] = config  # leave the person's window layout alone
        if cache_dir is not None:
            environment["NUMBA_CACHE_DIR"] = cache_dir
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD.format(root=str(ROOT))],
            env=environment,
            stdout=subprocess.PIPE,
            text=True,
        )
        marks = {}
        result = {}
        for line in child.stdout:
            line = line.strip()
            if line in ("shown", "trace"):
                marks[line] = time.perf_counter() - start
            elif line.startswith("{"):
                result = json.loads(line)
        child.wait()
        marks["all kernels"] = time.perf_counter() - start
    print(
        f"startup ({label}): window shown {marks.get('shown', float('nan')):.2f} s, first "
        f"trace drawn {marks.get('trace', float('nan')):.2f} s, every cell's kernels ready "
        f"{marks['all kernels']:.1f} s\n  event loop while the kernels load or compile: "
        f"longest stall {result.get('max_gap_ms', float('nan')):.0f} ms, 99th percentile "
        f"{result.get('p99_gap_ms', float('nan')):.0f} ms over {result.get('ticks', 0)} ticks "
        f"of a 5 ms timer\n  building every plot for the first network (GUI thread, once): "
        f"{result.get('build_ms', float('nan')):.0f} ms"
    )


# ----- training ------------------------------------------------------------------------------
def training(seconds: float = 4.0) -> None:
    """Train in the window for a few seconds and measure what a person feels: the longest gap
    between ticks of a 5 ms timer in the GUI thread (the event loop's longest stall), and how
    often the curves are redrawn."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import numpy as np

    from ui.app import _application, settle

    app = _application()
    from PySide6.QtCore import QTimer

    from simulator.project import new_project
    from ui.main_window import MainWindow
    from ui.session import Session
    from ui.worker import Worker

    cases = (
        ("adding, rnn, T = 50, H = 32, batch 32", "adding", {"task.length": 50}, "rnn", 32),
        ("sentiment, lstm, H = 64, batch 32", "sentiment", {}, "lstm", 64),
    )
    for label, task, sets, cell, hidden in cases:
        for compare in (False, True):
            project = new_project(
                task, {**sets, "network.cell": cell, "network.hidden_size": hidden}
            )
            session = Session(kernels=None)
            window = MainWindow(session, remember_layout=False)
            window.file_actions.ask_discard = lambda: "discard"
            window.resize(1600, 1000)
            window.show()
            session.open_project(project, None, name="bench")
            settle(window)
            panel, curves = window.training_panel, window.training_curves
            panel.form.set_value("steps", 1_000_000)
            panel.form.set_value("eval_every", 0)
            panel.compare.setChecked(compare)
            gaps, last = [], [None]

            def tick(gaps=gaps, last=last):
                now = time.perf_counter()
                if last[0] is not None:
                    gaps.append(now - last[0])
                last[0] = now

            timer = QTimer()
            timer.timeout.connect(tick)
            timer.start(5)
            panel.start()
            started = time.perf_counter()
            redraws_before = curves.redraws
            while time.perf_counter() - started < seconds:
                app.processEvents()
                time.sleep(0.001)
            elapsed = time.perf_counter() - started
            redraws = curves.redraws - redraws_before
            step = window.training.runs["main"].trainer.step
            window.training.stop_and_wait()
            timer.stop()
            for worker in Worker.running():
                worker.wait()
            gaps_ms = np.array(gaps[10:]) * 1000  # after the first redraws settle
            draw_ms = np.array(curves.redraw_times) * 1000
            what = "two networks (compare mode)" if compare else "one network"
            print(
                f"training: {label}, {what}, {elapsed:.1f} s\n"
                f"  longest event-loop stall {gaps_ms.max():.0f} ms (p99 "
                f"{np.percentile(gaps_ms, 99):.0f} ms, median {np.median(gaps_ms):.0f} ms, "
                f"5 ms timer); curves redrawn {redraws / elapsed:.1f} times/s "
                f"(median draw {np.median(draw_ms):.1f} ms); {step / elapsed:.0f} steps/s"
            )
            window.close()
            app.processEvents()


def main(argv: list[str]) -> None:
    which = argv[:1] or ["redraw", "kinds", "training", "startup", "cold"]
    if "redraw" in which:
        subprocess.run([sys.executable, __file__, "_redraw"], check=True)
    if "_redraw" in which:
        redraw()
    if "kinds" in which:
        subprocess.run([sys.executable, __file__, "_kinds"], check=True)
    if "_kinds" in which:
        from window_kinds import redraw_kinds

        redraw_kinds()
    if "training" in which:
        subprocess.run([sys.executable, __file__, "_training"], check=True)
    if "_training" in which:
        training()
    if "startup" in which:
        startup(None, "kernel cache warm")
    if "cold" in which:
        with tempfile.TemporaryDirectory() as empty:
            startup(empty, "kernel cache empty")


if __name__ == "__main__":
    main(sys.argv[1:])
