"""On a first start the encoder-decoder's decoding kernels (greedy, beam search) are prepared
after the teacher-forcing ones: the diagram is drawn without waiting for them, the beam view and
a typed source whose target the model writes say they wait, and both act by themselves once the
kernels are ready."""

import pytest

from .test_encoder_decoder_views import reverse_project


def test_the_beam_view_and_a_typed_source_wait_for_the_decoding_kernels(
    qtbot, make_window, held_kernels
):
    from simulator.warmup import DECODING

    held_decoding = held_kernels(DECODING)
    window = make_window(reverse_project(), background_kernels=True)
    session = window.session
    qtbot.waitUntil(lambda: session.trace is not None, timeout=120_000)  # not held: drawn
    views = window.view_sets.sets["encoder-decoder"]
    views.tabs.setCurrentWidget(views.beams)
    qtbot.wait(50)
    beams = views.beams
    assert beams.result is None and beams.table.columnCount() == 0
    assert "Preparing" in beams.ranking.text()
    panel = views.input_panel
    panel.source.setCurrentIndex(0)
    panel._source_chosen()
    panel.text.setText("abc")
    panel._read_text()
    assert panel.message.isVisible() and "greedy decoding" in panel.message.text()
    assert session.example.target_origin == "task"  # nothing changed yet

    held_decoding.set()
    qtbot.waitUntil(lambda: session.example.target_origin == "model", timeout=120_000)
    qtbot.waitUntil(lambda: beams.result is not None, timeout=10_000)
    decoded = session.network.greedy(session.example.source_ids[None]).best[0].tokens
    assert list(session.example.target_ids) == [int(t) for t in decoded if t != 3] + [3]
    assert not panel.message.isVisible()
    engine = session.network.beam_search(session.example.source_ids[None], beam_width=3)
    assert [h.log_probability for h in beams.result.hypotheses[0]] == pytest.approx(
        [h.log_probability for h in engine.hypotheses[0]]
    )
    assert "Preparing" not in beams.ranking.text()
