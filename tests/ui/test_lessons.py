"""The Lessons dock and menu: every lesson listed in both languages, each kind of step doing what
it says on the shipped examples, the check and the sweep in a worker with progress and a stop,
and leaving a lesson stopping what it runs while the person's own project stays untouched."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from simulator.lessons import Step, lesson_named, lessons
from ui import i18n

from .conftest import small_project, wait_for_workers


@pytest.fixture
def english_after():
    yield
    i18n.set_language("en", remember=False)


def step_index(lesson, do: str, **arguments) -> int:
    """The index of the lesson's first `do` step with these arguments."""
    for index, step in enumerate(lesson.steps):
        if step.do == do and all(step.arguments.get(k) == v for k, v in arguments.items()):
            return index
    raise LookupError(f"{lesson.name} has no {do} step with {arguments}")


def follow(window, name: str):
    window.lessons_menu.choose(name)
    return window.lessons


def wait_job(qtbot, guide, timeout=60_000):
    qtbot.waitUntil(lambda: not guide.running, timeout=timeout)
    wait_for_workers(qtbot)


def lowered(window, name: str) -> bool:
    dock = window.docks[name]
    return not dock.isVisible() or bool(dock.property("lowered"))


def test_the_menu_and_the_dock_list_every_lesson_in_both_languages(qtbot, window, english_after):
    menu, view = window.lessons_menu, window.lesson_view
    names = [lesson.name for lesson in lessons()]
    assert list(menu.lesson_actions) == names  # the notes' order
    for language, code in (("en", "en"), ("zh", "zh_CN")):
        i18n.set_language(code, remember=False)
        for number, lesson in enumerate(lessons(), 1):
            text = menu.lesson_actions[lesson.name].text()
            assert text == f"{number}. {lesson.title[language]}\t{lesson.section[language]}"
            assert view.list.item(number - 1).text() == f"{number}. {lesson.title[language]}"
    assert menu.title() == "课程(&O)" and window.docks["lessons"].windowTitle() == "课程"
    menu.lesson_actions["gru"].trigger()  # the open lesson follows the language too
    assert view.title.text() == lesson_named("gru").title["zh"]
    assert view.rows[0].button.text() == "打开"
    i18n.set_language("en", remember=False)
    assert view.title.text() == lesson_named("gru").title["en"]
    assert view.rows[0].button.text() == "Open" and menu.lesson_actions["gru"].isChecked()


def test_open_puts_the_example_on_screen_and_leaves_the_persons_project_untouched(
    qtbot, window, tmp_path, monkeypatch
):
    own = tmp_path / "mine.rnnsim.json"
    window.session.save(own)
    saved = {path.name: path.read_bytes() for path in tmp_path.iterdir() if path.is_file()}
    window.builder._change("hidden_size", 5)  # unsaved work: the person is asked first
    asked = []
    window.file_actions.ask_discard = lambda: asked.append(True) or "cancel"
    guide = follow(window, "bptt")
    assert not guide.perform(0) and window.session.spec.hidden_size == 5  # cancelled: kept
    window.file_actions.ask_discard = lambda: asked.append(True) or "discard"
    assert guide.perform(0) and len(asked) == 2
    session = window.session
    assert session.spec.cell == "gru" and session.path is None  # copy_gru, as shipped
    assert session.name == "copy_gru (example)" and not session.dirty
    assert session.trace is not None and guide.done == {0} and guide.next == 1
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == saved
    wanted = []
    monkeypatch.setattr(
        "ui.file_actions.QFileDialog.getSaveFileName",
        lambda *args: wanted.append(args) or ("", ""),
    )
    assert not window.file_actions.save()  # Save on the example asks where (cancelled here)
    assert wanted and window.lesson_view.rows[1].marker.text() == "▶"


def test_goto_set_and_raise_do_what_they_say(qtbot, window):
    guide = follow(window, "long_range")
    lesson = guide.lesson
    guide.perform(step_index(lesson, "set", value=0.5))  # opens adding_rnn first, then sets
    session = window.session
    assert session.name == "adding_rnn (example)"
    assert session.spec.recurrent_sigma_max == 0.5
    assert window.builder.widgets["recurrent_sigma_max"].text() == "0.5"  # the form follows
    u = session.network.params["weight_hh_l0"]
    assert np.linalg.svd(u, compute_uv=False)[0] == pytest.approx(0.5, rel=1e-9)
    guide.perform(step_index(lesson, "raise", panel="flow"))
    assert not lowered(window, "flow")
    guide.perform(step_index(lesson, "goto", event="loss"))
    assert session.stepper.event.phase == "loss"
    session.undo_stack.undo()  # the set is one undoable edit
    assert session.spec.recurrent_sigma_max is None
    guide = follow(window, "stacked")
    guide.perform(step_index(guide.lesson, "goto"))
    event = session.stepper.event
    assert (event.layer, event.direction, event.position) == (1, 0, 3)


def test_train_and_reset_use_the_training_tab(qtbot, window):
    guide = follow(window, "exploding")
    lesson = guide.lesson
    guide.perform(step_index(lesson, "open"))
    start = window.session.network.flat.copy()
    guide.perform(step_index(lesson, "set", field="training.clip_norm", value=1.0))
    form = window.training_panel.form
    assert form.text("clipping") == "norm" and float(form.text("clip")) == 1.0
    window.training_panel.form.set_value("eval_every", 0)
    assert guide.actions.train(40)  # the lesson's own train steps take thousands
    assert not lowered(window, "curves")
    qtbot.waitUntil(lambda: window.training.state == "idle", timeout=30_000)
    wait_for_workers(qtbot)
    assert window.session.project.step == 40
    assert window.session.project.training.clip_norm == 1.0
    assert not np.array_equal(window.session.network.flat, start)
    guide.perform(step_index(lesson, "reset"))
    assert window.session.project.step == 0
    assert np.array_equal(window.session.network.flat, start)  # the init seed's weights again
    assert window.session.spec.recurrent_sigma_max == 4.0  # part of the network: Reset keeps it


def test_compare_trains_two_networks_differing_in_one_field_and_leaving_stops_them(qtbot, window):
    guide = follow(window, "vanishing_residual")
    lesson = guide.lesson
    compare = step_index(lesson, "compare")
    assert lesson.steps[compare].arguments == {"field": "residual", "value": False}
    guide.perform(0)  # the plain RNN's example: compare is a step on the residual one
    assert not window.session.spec.residual
    guide.perform(compare)  # so it opens digit_memory_residual_rnn first
    runs = window.training.runs
    assert window.training.state == "running" and set(runs) == {"main", "compare"}
    a, b = runs["main"].trainer.network.spec, runs["compare"].trainer.network.spec
    assert a.residual and not b.residual
    assert dataclasses.replace(a, residual=False) == b  # the same network otherwise
    train = step_index(lesson, "train")
    assert runs["main"].target == lesson.steps[train].arguments["steps"] == 1500
    assert {compare, train} <= guide.done and guide.next == train + 1
    labels = {run.label for run in runs.values()}
    assert labels == {"A: residual = true", "B: residual = false"}
    qtbot.waitUntil(lambda: window.training_panel._last is not None, timeout=20_000)
    guide.leave()  # mid-training
    assert window.training.state == "idle"
    wait_for_workers(qtbot, timeout=2000)
    assert 0 < window.session.project.step < 1500  # the weights reached are kept
    assert window.lesson_view.pages.currentIndex() == 0  # back to the list


def test_the_check_reports_the_figures_and_that_the_claim_holds(qtbot, window):
    guide = follow(window, "stacked")
    guide.seed = 3
    check = step_index(guide.lesson, "check")
    guide.perform(check)
    wait_job(qtbot, guide)
    result = window.lesson_view.result
    assert result.outcome.holds and check in guide.done
    text = result.text()
    assert "max error, layer 2" in text and "The claim holds." in text and "seed 3" in text
    assert "✓ holds on seed 3" in window.lesson_view.claim.text()  # the verdict by the claim


def test_a_check_whose_claim_fails_says_so(qtbot, window, monkeypatch):
    from simulator.lessons.checks import CHECKS, exact

    def stricter(seed):
        outcome = exact.stacked(seed)  # the real figures, held to a bound nothing meets
        outcome.require("error below zero", min(outcome.figures.values()) < 0)
        return outcome

    monkeypatch.setitem(CHECKS, "stacked", stricter)
    guide = follow(window, "stacked")
    guide.perform(step_index(guide.lesson, "check"))
    wait_job(qtbot, guide)
    text = window.lesson_view.result.text()
    assert "The claim does not hold." in text and "✗ error below zero" in text
    assert "✗ does not hold on seed 0" in window.lesson_view.claim.text()


def test_a_long_check_shows_progress_and_stops_within_a_few_steps(qtbot, window):
    guide = follow(window, "lstm_adding")
    view = window.lesson_view
    seen = []
    guide.job_advanced.connect(lambda run, step, target: seen.append((run, step, target)))
    guide.perform(step_index(guide.lesson, "check"))
    assert view.progress.isVisibleTo(view) and guide.running
    qtbot.waitUntil(lambda: len(seen) >= 2, timeout=60_000)
    assert seen[-1][0] == 1 and seen[-1][2] == 3000  # the LSTM's 3000 steps, run 1
    assert view.progress.bar.value() == seen[-1][1]
    view.progress.stop_button.click()
    wait_job(qtbot, guide, timeout=10_000)
    assert not view.progress.isVisibleTo(view)
    assert "stopped" in view.result.text() and guide.done == set()


def test_the_sweep_plots_accuracy_against_length_as_the_engine_measures_it(qtbot, window):
    from simulator.training.sweep import accuracy_against_length

    guide = follow(window, "lstm_memory")
    small = Step("sweep", {"en": "sweep", "zh": "扫描"},
                 {"cells": ["rnn", "gru"], "lengths": [3, 5], "steps": 20})  # fmt: skip
    guide.lesson = dataclasses.replace(guide.lesson, steps=(guide.lesson.steps[0], small))
    guide.perform(1)  # opens digit_memory_lstm, then sweeps on its task and sizes
    wait_job(qtbot, guide)
    plot = window.lesson_view.sweep
    sets = {"network.hidden_size": 32, "network.embedding_dim": 8, "task.train_size": 2000,
            "task.test_size": 300, "training.optimizer": "adam", "training.learning_rate": 0.01,
            "training.batch_size": 32}  # fmt: skip
    expected = accuracy_against_length(("rnn", "gru"), (3, 5), sets, 20, 0, "digit_memory")
    for cell in ("rnn", "gru"):
        x, y = plot.curves[cell].getData()
        assert list(x) == [3, 5] and list(y) == pytest.approx(expected[cell], abs=1e-12)
    assert plot.isVisibleTo(window.lesson_view) and 1 in guide.done


def test_the_regression_curves_draw_the_mean_predictor_where_the_engine_computes_it(
    qtbot, make_window
):
    window = make_window(small_project("adding", cell="rnn"))
    curves = window.training_curves
    session = window.session
    project = session.project
    engine = project.make_trainer(session.network, session.task).evaluate()["baseline_mse"]
    assert curves.baseline_line.isVisible()
    assert curves.baseline_line.value() == pytest.approx(np.log10(engine / 2), abs=1e-12)
    assert "½·MSE" in curves.note.text() and f"{engine:.4g}" in curves.note.text()
    window.training_panel.form.set_value("steps", 20)
    window.training_panel.start_button.click()
    qtbot.waitUntil(lambda: window.training.state == "idle", timeout=20_000)
    wait_for_workers(qtbot)
    curves.flush()
    scores = curves.latest["main"].scores
    assert set(scores) >= {"mse", "baseline_mse"} and scores["baseline_mse"] == engine
    assert "test MSE" in curves.note.text()
    window.file_actions.ask_discard = lambda: "discard"
    session.open_project(small_project("copy"), None, name="copy")
    assert not curves.baseline_line.isVisible() and "½·MSE" not in curves.note.text()


def test_the_compare_list_never_offers_the_networks_own_setting(qtbot, window):
    panel = window.training_panel
    offered = [panel.compare_with.itemData(k) for k in range(panel.compare_with.count())]
    assert ("cell", "lstm") not in offered and offered[0] == ("cell", "rnn")
    window.builder._change("cell", "gru")
    offered = [panel.compare_with.itemData(k) for k in range(panel.compare_with.count())]
    assert ("cell", "gru") not in offered and ("cell", "lstm") in offered


WINDOW_STEPS = ("open", "goto", "set", "reset", "raise")


def _kinds_and_steps(lesson) -> set[tuple[str, str]]:
    """(kind of model shown, step) for each of the lesson's window steps."""
    import json

    from simulator.kinds import kind_of_section
    from simulator.resources import example

    pairs, kind = set(), None
    for step in lesson.steps:
        if step.do == "open":
            network = json.loads(example(step.arguments["project"]).read_text())["network"]
            kind = kind_of_section(network).name
        if step.do in WINDOW_STEPS:
            pairs.add((kind, step.do))
    return pairs


def _lessons_quick_first() -> list:
    """Every lesson; those not needed to do each window step on each kind of model at least
    once are marked slow (the quick subset keeps one lesson per pair, `make test` all)."""
    needed = set().union(*(_kinds_and_steps(lesson) for lesson in lessons()))
    quick = []
    while needed:  # greedy cover: the lesson adding the most pairs not yet done
        best = max(lessons(), key=lambda lesson: len(_kinds_and_steps(lesson) & needed))
        quick.append(best.name)
        needed -= _kinds_and_steps(best)
    return [
        pytest.param(lesson.name, marks=() if lesson.name in quick else pytest.mark.slow)
        for lesson in lessons()
    ]


@pytest.mark.parametrize("name", _lessons_quick_first())
def test_every_lessons_open_goto_set_reset_and_raise_steps_work_on_its_examples(
    qtbot, window, name
):
    """Replayed in the window as a person presses them (the long ones, train, compare, sweep
    and check, are tested above): each is done, and nothing is reported as a problem."""
    problems = []
    window.session.problem.connect(lambda text: text and problems.append(text))
    guide = follow(window, name)
    for index, step in enumerate(guide.lesson.steps):
        if step.do in ("open", "goto", "set", "reset", "raise"):
            assert guide.perform(index), (index, step, problems)
            assert not problems, (index, step)
            if step.do == "raise":
                assert not lowered(window, step.arguments["panel"])
    assert window.session.name.endswith("(example)")


def test_a_train_step_waits_for_kernels_still_being_compiled_then_starts(qtbot):
    """On a first start the kernels compile in the background: the step says so and starts
    the training by itself once they are ready."""
    from PySide6.QtCore import QObject, Signal

    from ui.main_window import MainWindow
    from ui.session import Session

    class Kernels(QObject):  # the KernelWarmup's interface, with readiness in the test's hands
        key_ready = Signal(str)
        compiling = Signal(str, int, int)

        def __init__(self):
            super().__init__()
            self.ready, self.requested = set(), []

        def is_ready(self, key):
            return key in self.ready

        def request(self, *keys, urgent=True):
            self.requested += keys

        def isRunning(self):
            return False

    kernels = Kernels()
    window = MainWindow(Session(kernels=kernels), remember_layout=False)
    window.file_actions.ask_discard = lambda: "discard"
    qtbot.addWidget(window)
    window.show()
    guide = follow(window, "gru")
    train = step_index(guide.lesson, "train")
    assert not guide.perform(train)  # opens digit_memory_rnn, sets nothing: gru not compiled
    assert guide.waiting == train and window.training.state == "idle"
    assert "rnn/float64" in kernels.requested  # asked for, by the Training tab's Start
    assert window.lesson_view.rows[train].marker.text() == "⌛"
    assert window.problem_bar.isHidden()  # no "try again": it will start by itself
    kernels.ready |= {"rnn/float64", "gru/float64"}
    kernels.key_ready.emit("rnn/float64")  # the session runs the example now
    qtbot.waitUntil(lambda: window.training.state == "running", timeout=5000)
    assert guide.waiting is None and train in guide.done
    guide.leave()
    window.close()
    wait_for_workers(qtbot)


def test_closing_the_dock_or_the_window_stops_a_running_check(qtbot, window, no_thread_left):
    guide = follow(window, "lstm_memory")
    check = step_index(guide.lesson, "check")
    guide.perform(check)
    assert guide.running
    window.docks["lessons"].close()  # its X: the lesson is left, its check stops
    assert not guide.running and guide.lesson is None
    wait_for_workers(qtbot, timeout=5000)
    window.lessons_menu.choose("lstm_memory")  # the menu shows the dock again
    assert window.docks["lessons"].isVisible()
    guide.perform(check)
    qtbot.waitUntil(lambda: window.lesson_view.progress.bar.maximum() > 0, timeout=30_000)
    window.close()  # while it trains: the worker is stopped, no thread is left
    wait_for_workers(qtbot, timeout=5000)


def test_a_treebank_run_reports_its_accuracy_on_negated_phrases(qtbot, make_window):
    from simulator.project import new_project

    sets = {"network.model": "rvnn", "network.dim": 4, "task.train_size": 30}
    project = new_project("tree_sentiment", {**sets, "task.test_size": 40})
    window = make_window(project)
    curves = window.training_curves
    assert not curves.baseline_line.isVisible()  # classes: no mean predictor
    window.training_panel.form.set_value("steps", 5)
    window.training_panel.start_button.click()
    qtbot.waitUntil(lambda: window.training.state == "idle", timeout=60_000)
    wait_for_workers(qtbot)
    curves.flush()
    scores = curves.latest["main"].scores
    engine = window.session.project.make_trainer(window.session.network, window.session.task)
    assert scores == pytest.approx(engine.evaluate())  # the weights reached, on the test set
    share, count = scores["negated_accuracy"], int(scores["negated_phrases"])
    assert f"negated phrases {share:.3f} (of {count})" in curves.note.text() and count > 0


def test_a_lessons_train_button_trains_its_steps_with_the_curves_raised(qtbot, window):
    guide = follow(window, "tdnn")
    train = step_index(guide.lesson, "train")
    guide.perform(step_index(guide.lesson, "set"))  # opens copy_tdnn, asks for recall 5 back
    assert window.session.task.settings["delay"] == 5 and window.session.project.step == 0
    assert guide.perform(train) and not lowered(window, "curves")
    qtbot.waitUntil(lambda: window.training.state == "idle", timeout=60_000)
    wait_for_workers(qtbot)
    assert window.session.project.step == guide.lesson.steps[train].arguments["steps"] == 300
    window.training_curves.flush()  # the curves redraw on a timer: draw what is queued now
    assert train in guide.done and window.training_curves.curve_lengths() == {"main": 300}
