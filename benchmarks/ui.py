"""How quick the window is (run by hand; prints numbers, asserts nothing).

    .venv/bin/python benchmarks/ui.py            # all seven
    .venv/bin/python benchmarks/ui.py redraw     # one of: redraw, kinds, training, busy, startup,
                                                 # examples, cold

redraw   moving one event redraws every panel: median / p90 / max over the events of a trace
         with T = 100, H = 64, two LSTM layers (target: median under 16 ms)
kinds    the same for an encoder-decoder (30-token source, 30-step decoder) and a tree over a
         30-word sentence (benchmarks/window_kinds.py; target: median under 16 ms)
training the longest the event loop stalls while a network trains in the worker thread
         (target: under 50 ms) and how often the curves redraw (target: at least 10 times a
         second; at most ~30)
busy     compare mode (two networks training) while a third process keeps one core busy:
         steps/s against the same run with BLAS pinned to one thread (the yardstick; target:
         ratio >= 0.9), and the longest event-loop stall (target: under 50 ms)
startup  time from starting Python to the window on screen, with Numba's kernel cache warm
         (target: under 1.5 s), and to the first trace drawn
examples every example opened as `rnnsim EXAMPLE` opens it, warm: window shown (target: under
         1.5 s) and the example interactive, its trace drawn (target: under 2 s)
cold     the same as startup with an empty kernel cache (target: window under 3 s), and the
         longest the event loop stalls while the kernels compile in the background (target:
         under 50 ms); building the first project's views and plots (the GUI thread's own
         work, once, warm or cold) is timed apart
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
from ui.app import _application, _load, open_window
app = _application()
from PySide6.QtCore import QTimer
file = {file!r}
project = _load(file)[0] if file else None  # as `rnnsim FILE` does before the window shows
window = open_window(Namespace(file=file, goto=None, screenshot=None, export_plots=None), project)
session, kernels = window.session, window.session.kernels
state = {{"last": None, "gaps": [], "trace": None, "busy": [], "opening": []}}
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
# ... and when the first project's views are built (every panel's widgets, once): timed apart
opening = type(session).open_project
def open_project(self, *args, **kwargs):
    start = time.perf_counter()
    try:
        return opening(self, *args, **kwargs)
    finally:
        state["opening"].append((start, time.perf_counter()))
type(session).open_project = open_project
def tick():
    now = time.perf_counter()
    if state["last"] is not None:
        state["gaps"].append((state["last"], now))
    state["last"] = now
    if session.trace is not None and state["trace"] is None:
        state["trace"] = now
        print("trace", flush=True)
        if {until_trace}:
            window.close()
            app.quit()
    if session.trace is not None and not kernels.isRunning():
        busy = state["busy"] + state["opening"]
        def overlaps(gap):
            return any(a < gap[1] and b > gap[0] for a, b in busy)
        compiling = sorted(b - a for a, b in state["gaps"] if not overlaps((a, b))) or [0.0]
        building = max([b - a for a, b in state["busy"]] or [0.0])
        opened = max([b - a for a, b in state["opening"]] or [0.0])
        p99 = compiling[int(0.99 * (len(compiling) - 1))]
        print(json.dumps({{"max_gap_ms": 1000 * compiling[-1], "p99_gap_ms": 1000 * p99,
                          "ticks": len(compiling), "build_ms": 1000 * building,
                          "open_ms": 1000 * opened}}), flush=True)
        window.close()
        app.quit()
timer = QTimer()
timer.timeout.connect(tick)
timer.start(5)
app.exec()
"""


def startup_marks(cache_dir: str | None, file: str | None = None, until_trace=False):
    """Start the window in a fresh process: (seconds to "shown" and "trace", what the child
    measured)."""
    environment = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as config:
        environment["XDG_CONFIG_HOME"] = config  # leave the person's window layout alone
        if cache_dir is not None:
            environment["NUMBA_CACHE_DIR"] = cache_dir
        start = time.perf_counter()
        code = CHILD.format(root=str(ROOT), file=file, until_trace=until_trace)
        child = subprocess.Popen(
            [sys.executable, "-c", code],
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
    return marks, result


def startup(cache_dir: str | None, label: str) -> None:
    marks, result = startup_marks(cache_dir)
    print(
        f"startup ({label}): window shown {marks.get('shown', float('nan')):.2f} s, first "
        f"trace drawn {marks.get('trace', float('nan')):.2f} s, every cell's kernels ready "
        f"{marks['all kernels']:.1f} s\n  event loop while the kernels load or compile: "
        f"longest stall {result.get('max_gap_ms', float('nan')):.0f} ms, 99th percentile "
        f"{result.get('p99_gap_ms', float('nan')):.0f} ms over {result.get('ticks', 0)} ticks "
        f"of a 5 ms timer\n  building the first project's views (GUI thread, once): "
        f"{result.get('open_ms', float('nan')):.0f} ms; every plot for its first network: "
        f"{result.get('build_ms', float('nan')):.0f} ms"
    )


def examples() -> None:
    """Every example opened as `rnnsim EXAMPLE` opens it: the window shown, and the example
    interactive (its trace drawn). Targets, warm: window under 1.5 s, example under 2 s."""
    folder = ROOT / "resources" / "examples"
    print(f"examples, kernel cache warm; {load()}")
    worst = {"shown": 0.0, "trace": 0.0}
    for path in sorted(folder.glob("*.rnnsim.json")):
        marks, _ = startup_marks(None, str(path), until_trace=True)
        for mark in worst:
            worst[mark] = max(worst[mark], marks.get(mark, float("inf")))
        name = path.name[: -len(".rnnsim.json")]
        shown, trace = marks.get("shown", float("nan")), marks.get("trace", float("nan"))
        print(f"  {name:<28} shown {shown:.2f} s, interactive {trace:.2f} s")
    print(
        f"  slowest: shown {worst['shown']:.2f} s (target < 1.5: "
        f"{'PASS' if worst['shown'] < 1.5 else 'MISS'}), interactive {worst['trace']:.2f} s "
        f"(target < 2: {'PASS' if worst['trace'] < 2 else 'MISS'})"
    )


# ----- training ------------------------------------------------------------------------------
TRAINING_CASES = (
    ("adding, rnn, T = 50, H = 32, batch 32", "adding", {"task.length": 50}, "rnn", 32),
    ("sentiment, lstm, H = 64, batch 32", "sentiment", {}, "lstm", 64),
)


def train_in_window(app, task, sets, cell, hidden, compare, seconds) -> dict:
    """Train in a window for `seconds` and measure what a person feels: the gaps between ticks
    of a 5 ms timer in the GUI thread (the event loop's stalls), how often the curves redraw,
    and the steps per second of every run together."""
    import numpy as np
    from PySide6.QtCore import QTimer

    from simulator.project import new_project
    from ui.app import settle
    from ui.main_window import MainWindow
    from ui.session import Session
    from ui.worker import Worker

    project = new_project(task, {**sets, "network.cell": cell, "network.hidden_size": hidden})
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

    def tick():
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
    steps = sum(run.trainer.step for run in window.training.runs.values())
    window.training.stop_and_wait()
    timer.stop()
    for worker in Worker.running():
        worker.wait()
    gaps_ms = np.array(gaps[10:]) * 1000  # after the first redraws settle
    result = {
        "seconds": elapsed,
        "max_gap_ms": float(gaps_ms.max()),
        "p99_gap_ms": float(np.percentile(gaps_ms, 99)),
        "median_gap_ms": float(np.median(gaps_ms)),
        "redraws_per_s": (curves.redraws - redraws_before) / elapsed,
        "median_draw_ms": float(np.median(np.array(curves.redraw_times) * 1000)),
        "steps_per_s": steps / elapsed,
    }
    window.close()
    app.processEvents()
    return result


def training(seconds: float = 4.0) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import _application

    app = _application()
    for label, task, sets, cell, hidden in TRAINING_CASES:
        for compare in (False, True):
            r = train_in_window(app, task, sets, cell, hidden, compare, seconds)
            what = "two networks (compare mode)" if compare else "one network"
            print(
                f"training: {label}, {what}, {r['seconds']:.1f} s\n"
                f"  longest event-loop stall {r['max_gap_ms']:.0f} ms (p99 "
                f"{r['p99_gap_ms']:.0f} ms, median {r['median_gap_ms']:.0f} ms, 5 ms timer); "
                f"curves redrawn {r['redraws_per_s']:.1f} times/s (median draw "
                f"{r['median_draw_ms']:.1f} ms); {r['steps_per_s']:.0f} steps/s"
            )


# ----- busy: compare mode while another program keeps a core busy ----------------------------
BUSY_CASE = TRAINING_CASES[1]
PINNED = {name: "1" for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}


def busy(rounds: int = 3, seconds: float = 6.0) -> None:
    """Compare mode (two networks training at once) while a third process spins on one core:
    steps/s of the product as a person runs it, against the same run with BLAS pinned to one
    thread by environment variables (the yardstick only: the product sets none). Rounds
    alternate which goes first, each run in a fresh process. Targets: ratio >= 0.9, longest
    stall < 50 ms."""
    import statistics

    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    results: dict[str, list[dict]] = {"as a person runs it": [], "BLAS pinned (yardstick)": []}
    try:
        for round_ in range(rounds):
            order = list(zip(results, ({}, PINNED), strict=True))
            for label, extra in order if round_ % 2 == 0 else order[::-1]:  # A B, B A, ...
                environment = {**os.environ, **extra}
                environment.setdefault("QT_QPA_PLATFORM", "offscreen")
                child = subprocess.run(
                    [sys.executable, __file__, "_busy_run", str(seconds)],
                    env=environment,
                    capture_output=True,
                    text=True,
                    check=True,
                )
                results[label].append(json.loads(child.stdout.strip().splitlines()[-1]))
    finally:
        spinner.kill()
        spinner.wait()
    print(
        f"busy: {BUSY_CASE[0]}, two networks (compare mode), {seconds:.0f} s x {rounds} rounds, "
        f"a third process spinning on one core; {load()}"
    )
    medians = {}
    for label, runs in results.items():
        medians[label] = statistics.median(r["steps_per_s"] for r in runs)
        stalls = ", ".join(f"{r['max_gap_ms']:.0f}" for r in runs)
        rates = ", ".join(f"{r['steps_per_s']:.0f}" for r in runs)
        print(
            f"  {label:<26} steps/s {rates} (median {medians[label]:.0f}); "
            f"longest stall {stalls} ms"
        )
    product, pinned = medians.values()
    ratio = product / pinned
    print(f"  ratio {ratio:.2f} (target >= 0.9: {'PASS' if ratio >= 0.9 else 'MISS'})")


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def busy_run(seconds: float) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import _application

    app = _application()
    _, task, sets, cell, hidden = BUSY_CASE
    print(json.dumps(train_in_window(app, task, sets, cell, hidden, True, seconds)))


def main(argv: list[str]) -> None:
    which = argv[:1] or ["redraw", "kinds", "training", "busy", "startup", "examples", "cold"]
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
    if "busy" in which:
        busy(*(int(a) for a in argv[1:2]))  # ui.py busy [ROUNDS]
    if "_busy_run" in which:
        busy_run(float(argv[1]))
    if "startup" in which:
        startup(None, "kernel cache warm")
    if "examples" in which:
        examples()
    if "cold" in which:
        with tempfile.TemporaryDirectory() as empty:
            startup(empty, "kernel cache empty")


if __name__ == "__main__":
    main(sys.argv[1:])
