"""Every example project shipped in resources/examples opens, steps to the end, draws every
panel and can be saved as a screenshot and as exported plots."""

import pytest

from ui.app import settle
from ui.gallery_panel import example_files, steppable
from ui.paths import DEFAULT_EXAMPLE

EXAMPLES = [path for path in example_files() if steppable(path)]


def test_the_default_example_is_listed_first():
    assert EXAMPLES[0] == DEFAULT_EXAMPLE


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_example_opens_steps_and_screenshots(make_window, path, tmp_path):
    window = make_window(None)
    assert window.file_actions.open_path(path, example=True, ask=False)
    session = window.session
    assert session.trace is not None, window.problem_bar.text.text()
    for index in range(0, len(session.stepper), max(1, len(session.stepper) // 7)):
        session.goto(index)
    session.end()
    settle(window)
    image = window.grab()
    assert not image.isNull() and image.width() > 1000
    assert image.save(str(tmp_path / "shot.png"))


def test_a_model_the_window_cannot_step_through_is_refused_with_a_message(window):
    from simulator.project import new_project

    before = window.session.project
    tree = new_project("tree_sentiment", {"task.train_size": 10, "task.test_size": 5})
    window.file_actions._show(tree, None, "tree")
    assert "recurrent networks" in window.problem_bar.text.text()
    assert window.session.project is before


def test_a_recurrent_network_on_a_treebank_reads_its_sentences(make_window):
    from simulator.project import new_project

    project = new_project(
        "tree_sentiment",
        {
            "network.cell": "gru",
            "network.hidden_size": 4,
            "task.train_size": 10,
            "task.test_size": 5,
        },
    )
    window = make_window(project)
    assert window.session.trace is not None
    window.session.end()


def test_plots_export_as_png_and_svg(window, tmp_path):
    window.session.end()
    settle(window)
    written = window.export_plots(tmp_path / "plots")
    names = {p.name for p in written}
    for plot in (
        "hidden_state",
        "gate_f",
        "outputs",
        "step_loss",
        "grad_hidden",
        "gradient_flow",
        "gradient_decay",
        "parameter_gradients",
    ):
        assert f"{plot}.png" in names and f"{plot}.svg" in names
    assert all(p.stat().st_size > 500 for p in written)
