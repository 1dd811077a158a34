"""How quick the encoder-decoder's and the tree's views are (run from benchmarks/ui.py):
moving one event redraws the diagram, the heat map, the stepper bar and the inspector, for a
30-token source and a 30-step decoder, and for a 30-word sentence's tree (target: median under
16 ms)."""

from __future__ import annotations

import os
import time


def balanced(words: list[str]) -> str:
    """A balanced bracketing of the words (unlabelled)."""
    if len(words) == 1:
        return f"({words[0]})"
    half = len(words) // 2
    return f"({balanced(words[:half])} {balanced(words[half:])})"


def _step_through(app, window, session) -> tuple:
    import numpy as np

    from ui.app import settle

    session.home()
    settle(window)
    times, phases = [], []
    for _ in range(len(session.stepper) - 1):
        start = time.perf_counter()
        session.step(1)
        app.processEvents()  # paints every changed view
        times.append(time.perf_counter() - start)
        phases.append(session.stepper.event.phase)
    return np.array(times) * 1000, np.array(phases)


def _report(label: str, ms, phases) -> None:
    import numpy as np

    forward, backward = np.median(ms[phases == "forward"]), np.median(ms[phases == "backward"])
    print(
        f"  {label:<34} one event: median {np.median(ms):5.2f} ms (forward {forward:5.2f}, "
        f"backward {backward:5.2f}), p90 {np.percentile(ms, 90):5.2f} ms, max {ms.max():6.2f} ms"
    )


def redraw_kinds() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import _application, settle

    app = _application()
    from simulator.project import new_project
    from ui.main_window import MainWindow
    from ui.session import Session
    from ui.trees import example as tree_examples

    session = Session(kernels=None)
    window = MainWindow(session, remember_layout=False)
    window.resize(1600, 1000)
    window.show()
    project = new_project(
        "reverse",
        {"task.min_length": 30, "task.max_length": 30, "task.test_size": 5},
    )
    session.open_project(project, None, name="bench")
    settle(window)
    stepper = session.stepper
    spec = session.spec
    print(
        f"redraw, encoder-decoder: reverse, {spec.encoder_cell}-{spec.decoder_cell} "
        f"{spec.encoder_hidden_size}, {spec.attention} attention, source {stepper.source_length} "
        f"tokens, decoder {stepper.target_length} steps, {len(stepper)} events, window 1600x1000"
    )
    views = window.view_sets.sets["encoder-decoder"]
    for tab in (views.heatmap, views.beams, views.playground):
        views.tabs.setCurrentWidget(tab)
        settle(window)
        _report(f"with the {views.tabs.tabText(views.tabs.indexOf(tab))} tab", *_step_through(
            app, window, session))  # fmt: skip
    project = new_project("tree_sentiment", {"task.test_size": 5, "network.model": "rntn"})
    session.open_project(project, None, name="bench")
    words = [w for w in session.task.vocabulary.tokens[2:32]]
    example = tree_examples.from_text(session.task, balanced(words), session.network)
    session.set_example(example)
    settle(window)
    print(
        f"redraw, tree: rntn, d = {session.spec.dim}, a balanced tree over {len(words)} words "
        f"({example.flat.size} nodes), {len(session.stepper)} events"
    )
    _report("tree view, inspector, comparison", *_step_through(app, window, session))
    window.close()
