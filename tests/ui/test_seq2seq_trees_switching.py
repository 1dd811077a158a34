"""One window, every kind of model: switching between a recurrent network, an encoder-decoder
and a tree model swaps the central views, the builder and the inspector, closes the recurrent
plot docks and opens them again as they were; the stepper bar and File > Save work for each,
and --goto finds each kind's events."""

import numpy as np
import pytest

from simulator.project import Project
from simulator.resources import EXAMPLES

from ..run_rnnsim import rnnsim
from .conftest import small_project, wait_for_workers


def test_switching_kinds_swaps_the_views_and_restores_the_recurrent_docks(make_window):
    window = make_window(small_project())
    docks = window.docks
    window.docks["gates"].hide()  # the person closed one
    shown = {name: docks[name].toggleViewAction().isChecked() for name in ("hidden", "gates")}
    assert shown == {"hidden": True, "gates": False}
    for name, kind in (("reverse_attention", "encoder-decoder"), ("tree_sentiment_rvnn", "tree")):
        assert window.file_actions.open_path(EXAMPLES / f"{name}.rnnsim.json", example=True)
        assert window.session.kind == kind
        assert window.views.currentWidget() is window.view_sets.sets[kind]
        assert window.view_sets.builders.currentWidget() is window.view_sets.sets[kind].builder
        assert not docks["hidden"].toggleViewAction().isChecked()
        window.session.end()
        assert "event" in window.stepper_bar.description.text()
    window.file_actions.open_path(EXAMPLES / "adding_lstm.rnnsim.json", example=True)
    assert window.views.currentWidget() is window.view_sets.sets["recurrent"]
    assert docks["hidden"].toggleViewAction().isChecked()
    assert not docks["gates"].toggleViewAction().isChecked()
    assert window.input_panel.session.trace is window.session.trace


def test_a_kinds_views_are_built_when_a_model_of_it_is_first_shown(make_window):
    window = make_window(Project.load(EXAMPLES / "reverse_attention.rnnsim.json"))
    assert set(window.view_sets.sets) == {"encoder-decoder"}
    assert window.docks["hidden"].widget() is None  # a recurrent dock, empty until needed
    window.file_actions.open_path(EXAMPLES / "adding_lstm.rnnsim.json", example=True)
    assert set(window.view_sets.sets) == {"encoder-decoder", "recurrent"}
    plots = window.view_sets.sets["recurrent"].plots
    assert window.docks["hidden"].widget() is plots["hidden"]
    assert window.diagram.nodes and window.builder.widgets["cell"].currentData() == "lstm"
    window.session.home()
    assert window.stepper_bar.description.text().startswith("Forward · layer 0 · t = 0")


def test_saving_and_reopening_keeps_the_typed_pair_and_tree(make_window, tmp_path):
    window = make_window(Project.load(EXAMPLES / "reverse_attention.rnnsim.json"))
    panel = window.view_sets.sets["encoder-decoder"].input_panel
    panel.text.setText("abc")
    panel.target.setText("cba")
    panel._read_text()
    path = tmp_path / "pair.rnnsim.json"
    window.session.save(path)
    reopened = Project.load(path)
    assert reopened.view["input"] == {"text": "abc", "target": "cba"}
    window.file_actions.open_path(path, ask=False)
    assert window.session.example.target_tokens == ("c", "b", "a", "<eos>")
    window.file_actions.open_path(EXAMPLES / "tree_sentiment_rntn.rnnsim.json", example=True)
    editor = window.view_sets.sets["tree"].editor
    editor.text.setPlainText("(1 (2 not) (3 good))")
    editor.read_text()
    window.session.save(tmp_path / "tree.rnnsim.json")
    window.file_actions.open_path(tmp_path / "tree.rnnsim.json", ask=False)
    assert window.session.example.text == "(1 (2 not) (3 good))"


@pytest.mark.slow  # four program starts
def test_goto_and_screenshot_take_each_kinds_event_names(tmp_path):
    for name, event in (
        ("dates_input_feeding", "attention:3"),
        ("reverse_attention", "backward:encoder:0:forward:2"),
        ("tree_sentiment_rntn", "backward:4"),
    ):
        out = tmp_path / f"{name}.png"
        result = rnnsim(
            str(EXAMPLES / f"{name}.rnnsim.json"), "--goto", event, "--screenshot", str(out)
        )
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 10_000
    bad = rnnsim(str(EXAMPLES / "reverse_attention.rnnsim.json"), "--goto", "attention:99",
                 "--screenshot", str(tmp_path / "no.png"))  # fmt: skip
    assert bad.returncode == 2 and "attention:0" in bad.stderr
    assert bad.stderr.strip().count("\n") == 0


@pytest.mark.parametrize("name", ["reverse_attention", "tree_sentiment_rvnn"])
def test_the_training_panel_trains_an_encoder_decoder_and_a_tree_model(qtbot, make_window, name):
    window = make_window(Project.load(EXAMPLES / f"{name}.rnnsim.json"))
    session = window.session
    before, step = session.network.flat.copy(), session.project.step
    window.training_panel.form.set_value("steps", 20)
    window.training_panel.start_button.click()
    assert window.training.state == "running"
    assert not window.view_sets.builders.isEnabled()
    qtbot.waitUntil(lambda: window.training.state == "idle", timeout=30_000)
    wait_for_workers(qtbot)
    assert session.project.step == step + 20
    assert not np.array_equal(session.network.flat, before)
    assert session.trace is not None and window.view_sets.builders.isEnabled()
    assert window.docks["curves"].toggleViewAction().isChecked()  # opened for the run


@pytest.mark.parametrize(
    "task, model, kind",
    [("reverse", "", "encoder-decoder"), ("tree_sentiment", "rntn", "tree")],
)
def test_a_new_project_of_every_kind_from_the_dialog(make_window, task, model, kind):
    from ui.new_project_dialog import NewProjectDialog

    window = make_window(small_project())
    dialog = NewProjectDialog(window)
    dialog.task.setCurrentIndex(dialog.task.findData(task))
    if model:
        dialog.tree_model.setCurrentIndex(dialog.tree_model.findData(model))
    dialog.hidden.setValue(6)
    dialog._accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.message.text()
    window.file_actions._show(dialog.project, None, "new")
    assert window.session.kind == kind and window.session.trace is not None
    if model:
        assert window.session.spec.model == model and window.session.spec.dim == 6
    else:
        assert window.session.spec.encoder_hidden_size == 6


@pytest.mark.parametrize(
    "name, files",
    [
        ("reverse_attention", ("encoder_decoder", "attention", "beam_search", "training_curves")),
        ("tree_sentiment_rntn", ("tree", "node_figure", "models_compared", "training_curves")),
    ],
)
def test_export_plots_writes_each_kinds_pictures(make_window, tmp_path, name, files):
    from ui.app import settle

    window = make_window(Project.load(EXAMPLES / f"{name}.rnnsim.json"))
    session = window.session
    if name.startswith("tree"):  # the rntn's figure shows at a phrase
        session.goto(session.stepper.find(f"forward:{session.stepper.flat.size - 1}"))
    settle(window)
    written = window.export_plots(tmp_path / "plots")
    assert {p.name for p in written} == {f"{n}{s}" for n in files for s in (".png", ".svg")}
    assert all(p.stat().st_size > 1000 for p in written)


@pytest.mark.parametrize(
    "example, tasks, other, setting, value",
    [
        ("reverse_attention", {"reverse", "dates", "numbers", "parallel_file"}, "numbers",
         "seed", 3),
        ("tree_sentiment_rntn", {"tree_sentiment", "tree_file"}, "tree_sentiment", "seed", 5),
    ],
)  # fmt: skip
def test_the_task_form_offers_the_tasks_of_each_kind_and_applies_them(
    qtbot, make_window, example, tasks, other, setting, value
):
    window = make_window(Project.load(EXAMPLES / f"{example}.rnnsim.json"))
    panel, form = window.training_panel, window.training_panel.task_form
    assert panel.task_box.isEnabled()
    assert {form.name.itemData(k) for k in range(form.name.count())} == tasks
    spec = window.session.spec
    form.name.setCurrentIndex(form.name.findData(other))
    form.name.activated.emit(form.name.currentIndex())  # as a person's choice in the list
    form.fields.set_value(setting, value)
    panel.use_task.click()
    wait_for_workers(qtbot)
    task = window.session.task
    assert task.name == other and task.settings[setting] == value
    assert type(window.session.spec) is type(spec)  # the same kind of model, sized for the data
    assert window.session.trace is not None


@pytest.mark.parametrize(
    "example, own, against", [("reverse_attention", "additive", "none"),
                              ("tree_sentiment_rntn", "rntn", "rvnn")]
)  # fmt: skip
def test_compare_mode_sets_attention_or_tree_model_against_the_notes_contrast(
    qtbot, make_window, example, own, against
):
    window = make_window(Project.load(EXAMPLES / f"{example}.rnnsim.json"))
    panel = window.training_panel
    assert panel.compare_box.isVisibleTo(window) and panel.compare_with.currentData() == (
        "attention" if example == "reverse_attention" else "model",
        against,
    )
    panel.form.set_value("steps", 5)
    panel.compare.setChecked(True)
    panel.start_button.click()
    qtbot.waitUntil(lambda: window.training.state == "idle", timeout=30_000)
    wait_for_workers(qtbot)
    window.training_curves.flush()
    assert window.training_curves.curve_lengths() == {"main": 5, "compare": 5}
    names = sorted(i.name() for i in window.training_curves.loss_plot.listDataItems() if i.name())
    assert names == [f"A: {own}", f"B: {against}"]
