"""The recursive networks' views: stepping through a tree bottom-up then top-down, node colours
that hold the trace's predictions, editing the tree by text and by mouse (the model runs again),
invalid text reported in place, the inspector's numbers, and the four models compared."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def tree_project(model="rvnn"):
    from simulator.project import new_project

    return new_project(
        "tree_sentiment",
        {"task.train_size": 20, "task.test_size": 5, "network.model": model, "network.dim": 4},
    )


@pytest.fixture
def tree_window(make_window):
    return make_window(tree_project())


def views(window):
    return window.view_sets.sets["tree"]


def test_stepping_goes_bottom_up_then_top_down_and_colours_follow(tree_window):
    session = tree_window.session
    view = views(tree_window).tree
    stepper, trace = session.stepper, session.trace
    size = stepper.flat.size
    predicted = trace.predictions()[:size]
    session.home()
    assert view.node_look(("node", 0))[1] == "current"
    assert view.node_look(("node", size - 1))[0] is None  # the root: not computed yet
    session.goto(stepper.find(f"forward:{size - 1}"))
    for n in range(size):
        assert view.node_look(("node", n))[0] == view.colours[int(predicted[n])]
    session.goto(stepper.find("backward:0"))
    assert view.node_look(("node", 0))[1] == "current"
    assert all(view.node_look(("node", n))[1] == "backward" for n in range(1, size))
    events = [e.name for e in stepper.events]
    assert events[:size] == [f"forward:{n}" for n in range(size)]
    assert events[size + 1 :] == [f"backward:{n}" for n in reversed(range(size))]


def test_parents_stand_centred_over_their_children_and_words_in_order(tree_window):
    from ui.trees.layout import TreeLayout

    flat = tree_window.session.example.flat
    layout = TreeLayout.of(flat)
    for n in range(flat.size):
        if flat.left[n] >= 0:
            left, right = int(flat.left[n]), int(flat.right[n])
            assert layout.x[n] == pytest.approx((layout.x[left] + layout.x[right]) / 2)
            assert layout.y[n] < min(layout.y[left], layout.y[right])
    leaves = sorted((flat.span[n, 0], layout.x[n]) for n in range(flat.size) if flat.left[n] < 0)
    assert [x for _, x in leaves] == sorted(x for _, x in leaves)


def test_typing_a_tree_reruns_the_model_on_it(tree_window):
    session = tree_window.session
    editor = views(tree_window).editor
    editor.text.setPlainText("(4 (2 the) (4 (3 film) (4 good)))")
    editor.read_text()
    assert session.example.tokens == ("the", "film", "good")
    assert list(session.example.labels) == [2, 3, 4, 4, 4]  # bottom-up
    assert not session.example.filled.any()
    assert session.trace.batch.size == 5 and session.trace.loss is not None
    editor.text.setPlainText("the film is not good")  # a sentence: right-branching
    editor.read_text()
    flat = session.example.flat
    assert flat.size == 9 and session.example.filled.all()
    assert session.trace.has_gradients


def test_invalid_tree_text_is_marked_in_place(tree_window):
    session = tree_window.session
    editor = views(tree_window).editor
    before = session.example
    editor.text.setPlainText("(3 (2 not) (4 good)")
    editor.read_text()
    assert session.example is before
    assert "expected" in editor.error_text and "^" in editor.error_text
    assert editor.marked() == [(18, 19)]  # the end of the text: a ')' is missing
    editor.text.setPlainText("(3 (2 not) good)")
    editor.read_text()
    assert editor.marked() == [(11, 12)] and "bare words" in editor.error_text
    editor.text.setPlainText("(3 (2 not) (4 good))")
    editor.read_text()
    assert editor.error_text == "" and editor.marked() == []


def test_changing_a_label_and_rebracketing_by_mouse_rerun_the_model(tree_window):
    session = tree_window.session
    set_ = views(tree_window)
    set_.editor.text.setPlainText("(3 (2 not) (3 (3 very) (4 good)))")
    set_.editor.read_text()
    flat = session.example.flat
    root = flat.size - 1
    set_.tree.set_label(root, 0)
    assert session.example.labels[-1] == 0 and not session.example.filled[-1]
    assert session.trace.node_labels[-1] == 0
    # bracket "not" with "very": ((not very) good)
    words = {flat.tokens[n]: n for n in range(flat.size) if flat.left[n] < 0}
    set_.tree.bracket(words["not"], words["very"])
    assert session.example.text.startswith("(0 ((2 not) (3 very)) (4 good))")
    assert session.trace.batch.size == 5
    new = session.example.flat
    phrase = [n for n in range(new.size) if new.left[n] >= 0 and new.phrase(n) == "not very"]
    assert phrase and session.example.filled[phrase[0]]  # a new phrase: label filled in
    set_.tree.bracket(words["not"], root)  # not neighbours: refused, nothing changes
    assert set_.tree.problem and session.example.flat.size == 5


def test_shift_click_brackets_the_selected_node_with_a_neighbour(tree_window):
    session = tree_window.session
    set_ = views(tree_window)
    set_.editor.text.setPlainText("a b c")
    set_.editor.read_text()
    flat = session.example.flat  # (a (b c))
    set_.tree.clicked(("node", 0), NO_MODIFIER)
    assert set_.focus.key == ("node", 0)
    set_.tree.clicked(("node", 1), Qt.KeyboardModifier.ShiftModifier)
    assert flat is not session.example.flat
    assert (
        session.example.text == "((a) (b)) (c))".join(["(", ""])
        or "((a) (b))" in session.example.text
    )


def test_the_inspector_shows_the_tensor_term_beside_the_w_term(make_window):
    window = make_window(tree_project("rntn"))
    session = window.session
    inspector = views(window).inspector
    root = session.stepper.flat.size - 1
    session.goto(session.stepper.find(f"forward:{root}"))
    grid = inspector.grid
    tensor = grid.values[:, grid.columns.index("xᵀ V x")]
    np.testing.assert_allclose(tensor, session.trace.tensor_term[root])
    w = grid.values[:, grid.columns.index("W x")]
    bias = session.network.params["compose.bias"]
    np.testing.assert_allclose(tensor + w + bias, session.trace.pre_activation[root])
    assert inspector.figure.isVisible() and inspector._mode == "bars"
    assert "V^[j]" in inspector.text.toPlainText()


def test_mv_rnn_shows_the_node_matrix(make_window):
    window = make_window(tree_project("mv-rnn"))
    session = window.session
    inspector = views(window).inspector
    session.end()
    views(window).tree.clicked(("node", session.stepper.flat.size - 1), NO_MODIFIER)
    assert inspector._mode == "matrix"
    np.testing.assert_allclose(inspector.matrix.image, session.trace.matrices[-1])


def test_switching_models_compares_their_predictions_and_use_brings_weights_back(tree_window):
    session = tree_window.session
    set_ = views(tree_window)
    comparison = set_.comparison
    comparison.compare()
    for model in ("rvnn", "su-rvnn", "mv-rnn", "rntn"):
        network = comparison.network_for(model) if model != "rvnn" else session.network
        trace = network.run(session.example.flat, y=session.example.labels[None])
        np.testing.assert_array_equal(comparison.predictions[model], trace.predictions())
    trained = session.network.state_dict()  # stands for weights reached by training
    box = set_.builder.widgets["model"]
    box.setCurrentIndex(box.findData("rntn"))
    box.activated.emit(box.currentIndex())
    assert session.spec.model == "rntn"
    comparison.use("rvnn")
    assert session.spec.model == "rvnn"
    for name, value in session.network.state_dict().items():
        np.testing.assert_array_equal(value, trained[name])
    assert comparison.table.rowCount() == session.example.flat.size + 1


def test_the_loss_table_shows_each_node_label_whole(tree_window):
    from ui.trees.describe import node_words

    session = tree_window.session
    session.goto(session.stepper.find("loss"))
    grid = views(tree_window).inspector.grid
    flat = session.example.flat
    metrics = grid.fontMetrics()
    for n, row in enumerate(grid.rows):
        words = node_words(flat, n)
        if len(words) <= 18:
            assert row == f"{n} {words}"  # the phrase whole, as in "5 regret the hotel"
        else:
            assert row.endswith("…")
        assert metrics.horizontalAdvance(row) <= grid.label_w - 8, row  # drawn whole


def test_categories_are_drawn_and_su_rvnn_names_each_phrases_matrix(make_window):
    window = make_window(tree_project("su-rvnn"))
    session, view = window.session, views(window).tree
    editor = views(window).editor
    editor.text.setPlainText("(S:3 (NP:2 (DT:2 the) (NN:2 film)) (VP:3 (VBZ:2 is) (JJ:3 good)))")
    editor.read_text()
    flat = session.example.flat
    untied = set(session.spec.untied_pairs)
    assert "DT NN" in untied  # the treebank's training trees have this pair
    for n in range(flat.size):
        item = view.nodes[("node", n)]
        assert item.category.isVisible() and item.category.text() == flat.categories[n]
        if flat.left[n] >= 0:  # a phrase: its matrix under it
            expected = f"W_{{{flat.pairs[n]}}}" if flat.pairs[n] in untied else "W"
            assert item.matrix.text() == expected and item.matrix.isVisible()
    assert view.nodes[("node", flat.size - 1)].category.text() == "S"
    assert "su-rvnn" in view.matrices_note and "W_ab" in view.matrices_note


@pytest.mark.parametrize("text", ["(3 (2 the) (3 (2 film) (3 good)))", "the film is good"])
def test_su_rvnn_says_when_every_phrase_uses_the_shared_w(make_window, text):
    window = make_window(tree_project("su-rvnn"))
    view, editor = views(window).tree, views(window).editor
    editor.text.setPlainText(text)  # no categories: no pair of its own
    editor.read_text()
    flat = window.session.example.flat
    for n in range(flat.size):
        item = view.nodes[("node", n)]
        assert item.category is None or not item.category.isVisible()
        if flat.left[n] >= 0:
            assert item.matrix.text() == "W"
    assert "rvnn" in view.matrices_note and "shared W" in view.matrices_note
    assert "no categories" in view.matrices_note
    assert view.matrices_note in view.caption.text()


def test_rvnn_draws_no_matrix_names(tree_window):
    view = views(tree_window).tree
    flat = tree_window.session.example.flat
    assert view.matrices_note == ""
    for n in range(flat.size):
        item = view.nodes[("node", n)]
        assert item.matrix is None or not item.matrix.isVisible()
