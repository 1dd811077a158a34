"""Every example project shipped in resources/examples opens, steps to the end, draws every
panel and can be saved as a screenshot and as exported plots."""

import pytest

from simulator.resources import DEFAULT_EXAMPLE
from ui.app import settle
from ui.gallery_panel import example_files

EXAMPLES = example_files()  # every kind: recurrent, encoder-decoder and tree models
# One example of each kind in the quick subset; the others (about 1 s each) behind `slow`.
QUICK = (DEFAULT_EXAMPLE.name, "reverse_attention.rnnsim.json", "tree_sentiment_rntn.rnnsim.json")


def test_the_default_example_is_listed_first():
    assert EXAMPLES[0] == DEFAULT_EXAMPLE
    assert all(any(p.name == name for p in EXAMPLES) for name in QUICK)


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(path, id=path.name, marks=() if path.name in QUICK else pytest.mark.slow)
        for path in EXAMPLES
    ],
)
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


def test_every_kind_of_example_is_in_the_gallery_and_none_is_greyed_out(window):
    from PySide6.QtCore import Qt

    names = [p.rsplit("/", 1)[-1] for p in window.gallery.paths()]
    for name in ("reverse_attention", "tree_sentiment_rntn", "adding_lstm"):
        assert name + ".rnnsim.json" in names
    items = [window.gallery.list.item(k) for k in range(window.gallery.list.count())]
    assert all(item.flags() & Qt.ItemFlag.ItemIsEnabled for item in items)
    headings = [item.text() for item in items if not item.flags() & Qt.ItemFlag.ItemIsSelectable]
    assert headings == [
        "Recurrent networks",
        "Encoder–decoders and attention",
        "Recursive networks over parse trees",
    ]
    assert window.gallery.list.currentItem().text().strip().startswith("Start here")
    order = [names.index(n + ".rnnsim.json") for n in ("adding_lstm", "reverse_attention",
                                                        "tree_sentiment_rntn")]  # fmt: skip
    assert order == sorted(order)  # each under its kind's heading


def test_a_new_tree_project_opens_in_the_tree_views(window):
    from simulator.project import new_project

    tree = new_project("tree_sentiment", {"task.train_size": 10, "task.test_size": 5})
    window.file_actions._show(tree, None, "tree")
    assert window.session.project is tree and window.session.kind == "tree"
    assert window.session.trace is not None
    assert window.views.currentWidget() is window.view_sets.sets["tree"]


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
