"""The attention playground: for every score function the weights are a distribution, the
context is their weighted average of the keys, and all of it follows the query as it is
dragged (by the mouse, too) and the keys as they are added or removed."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from ui.attention_playground.model import PARAMETERS, SCORES, Playground


@pytest.fixture
def playground(qtbot):
    from ui.attention_playground.panel import AttentionPlayground

    panel = AttentionPlayground()
    qtbot.addWidget(panel)
    panel.resize(1000, 420)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_weights_sum_to_one_and_the_context_is_their_average(playground):
    keys = playground.playground.keys
    for score in SCORES:
        result = playground.results[score]
        assert result.weights.sum() == pytest.approx(1.0)
        assert (result.weights >= 0).all()
        np.testing.assert_allclose(result.context, result.weights @ keys)


def test_the_weights_follow_the_query(playground):
    keys = playground.playground.keys
    for n in range(len(keys)):
        playground.move_query(*(2.0 * keys[n]))  # far out along key n
        for score in ("dot", "scaled_dot"):
            weights = playground.results[score].weights
            assert np.argmax(weights) == n, (score, n, weights)
            assert weights.sum() == pytest.approx(1.0)
    bars = playground.weight_bars["dot"].opts["height"]
    np.testing.assert_allclose(bars, playground.results["dot"].weights)


def test_the_numbers_are_attend_s(playground):
    from simulator.encoder_decoder.attention import attend

    playground.move_query(-0.7, 2.1)
    p = playground.playground
    for score in SCORES:
        expected = attend(p.keys, p.query, score, **PARAMETERS[score])
        np.testing.assert_allclose(playground.results[score].scores, expected.scores)
        np.testing.assert_allclose(playground.results[score].weights, expected.weights)


def test_dragging_the_query_with_the_mouse_moves_the_weights(playground, qtbot):
    view = playground.canvas
    box = playground.plane.getViewBox()
    before = playground.results["dot"].weights.copy()
    start = view.mapFromScene(box.mapViewToScene(QPointF(*playground.playground.query)))
    target = view.mapFromScene(box.mapViewToScene(QPointF(-2.0, -0.8)))
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for k in range(1, 11):  # QTest keeps the button held between press and release
        QTest.mouseMove(viewport, start + (target - start) * (k / 10), 5)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    query = playground.playground.query
    assert query[0] < -1.0 and query[1] < 0.0, query
    after = playground.results["dot"].weights
    assert not np.allclose(before, after) and after.sum() == pytest.approx(1.0)


def test_keys_can_be_added_and_removed(playground):
    start = len(playground.playground.keys)
    playground.add_button.click()
    assert len(playground.playground.keys) == start + 1 == len(playground.key_items)
    assert len(playground.results["additive"].weights) == start + 1
    playground.move_key(start, 0.0, -2.5)
    assert np.allclose(playground.playground.keys[start], (0.0, -2.5))
    for _ in range(10):
        playground.remove_button.click()
    assert len(playground.playground.keys) == 2  # never fewer than two


def test_the_model_alone_refuses_too_few_or_too_many_keys():
    p = Playground()
    while p.add_key():
        pass
    assert len(p.keys) == 8
    while p.remove_key():
        pass
    assert len(p.keys) == 2


def test_the_playground_draws_once_its_kernels_are_ready_without_being_touched(
    qtbot, make_window, held_kernels
):
    """In a window whose kernels are still being prepared, the playground says so; when they
    are ready it draws every score function's weights (it used to wait for a drag)."""
    from .test_encoder_decoder_views import reverse_project

    release = held_kernels()  # the kernels are prepared only once the test has looked
    window = make_window(reverse_project(), background_kernels=True)
    views = window.view_sets.sets["encoder-decoder"]
    views.tabs.setCurrentWidget(views.playground)
    qtbot.wait(50)
    playground = views.playground
    assert playground.isVisible() and playground.results == {}
    assert "Preparing" in playground.text.toPlainText()
    release.set()
    qtbot.waitUntil(lambda: bool(playground.results), timeout=120_000)
    for score in SCORES:
        weights = playground.results[score].weights
        assert weights.sum() == pytest.approx(1.0)
        np.testing.assert_allclose(playground.weight_bars[score].opts["height"], weights)
    assert "Preparing" not in playground.text.toPlainText()
