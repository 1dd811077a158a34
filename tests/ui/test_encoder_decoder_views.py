"""The encoder-decoder's views: stepping through the encoder and each decoder step, the attention
heat map filled one step at a time with the trace's numbers, the score function switched from
the builder, typed sentence pairs, beam search, and the inspector's numbers."""

import numpy as np
import pytest

from ui.app import settle


def reverse_project(**network):
    from simulator.project import new_project

    sets = {
        "task.train_size": 30,
        "task.test_size": 10,
        "network.encoder_hidden_size": 6,
        "network.decoder_hidden_size": 6,
        "network.attention_size": 5,
        "network.source_embedding_dim": 4,
        "network.target_embedding_dim": 4,
    }
    sets.update({f"network.{k}": v for k, v in network.items()})
    return new_project("reverse", sets)


@pytest.fixture
def encoder_decoder_window(make_window):
    return make_window(reverse_project())


def views(window):
    return window.view_sets.sets["encoder-decoder"]


def test_the_window_shows_the_encoder_decoder_views_and_hides_the_recurrent_plots(
    encoder_decoder_window,
):
    window = encoder_decoder_window
    assert window.session.kind == "encoder-decoder"
    assert window.views.currentWidget() is views(window)
    assert window.view_sets.inspectors.currentWidget() is views(window).inspector
    assert not window.docks["hidden"].isVisible() and not window.docks["flow"].isVisible()
    assert window.input_panel.session.trace is None  # the recurrent views see nothing


def test_stepping_fills_the_heatmap_one_decoder_step_at_a_time(encoder_decoder_window):
    session = encoder_decoder_window.session
    heatmap = views(encoder_decoder_window).heatmap
    trace, stepper = session.trace, session.stepper
    S, T = stepper.source_length, stepper.target_length
    weights = trace.attention.weights[0, :T, :S]
    session.home()
    assert np.isnan(heatmap.values()).all()
    for t in range(T):
        session.goto(stepper.find(f"attention:{t}"))
        shown = heatmap.values()
        np.testing.assert_allclose(shown[: t + 1], weights[: t + 1])
        assert np.isnan(shown[t + 1 :]).all()
        assert heatmap.row_cursor.value() == t
    assert np.allclose(heatmap.values().sum(axis=1), 1.0)


def test_the_events_go_encoder_bridge_decoder_attention_loss_backward(encoder_decoder_window):
    session = encoder_decoder_window.session
    parts = [(e.phase, e.part) for e in session.stepper.events]
    first = {part: parts.index(("forward", part)) for part in ("encoder", "bridge", "decoder")}
    assert first["encoder"] < first["bridge"] < first["decoder"]
    assert parts.index(("loss", "")) > max(i for i, p in enumerate(parts) if p[0] == "forward")
    bar = encoder_decoder_window.stepper_bar
    session.goto(session.stepper.find("attention:1"))
    assert "attention" in bar.description.text() and "t = 1" in bar.description.text()
    session.goto(session.stepper.find("backward:bridge"))
    assert bar.description.text().startswith("Backward")


def test_the_diagram_marks_the_current_event_and_draws_its_attention(encoder_decoder_window):
    session = encoder_decoder_window.session
    diagram = views(encoder_decoder_window).diagram
    session.goto(session.stepper.find("attention:2"))
    assert diagram.node_look(("attention", 2))[1] == "current"
    assert diagram.node_look(("attention", 3))[0] == "future"
    assert diagram.node_look(("encoder", 0, 0, 0))[0] == "forward"
    assert diagram.attention_step == 2
    S = session.stepper.source_length
    widths = [line.pen().widthF() for line in diagram.lines]
    alpha = session.trace.attention.weights[0, 2, :S]
    assert np.argmax(widths) == np.argmax(alpha)
    session.end()  # the backward pass reddens the encoder
    assert diagram.node_look(("encoder", 0, 0, 0))[0].startswith("grad")


def test_clicking_a_node_inspects_it_with_the_trace_numbers(encoder_decoder_window):
    session = encoder_decoder_window.session
    set_ = views(encoder_decoder_window)
    session.goto(session.stepper.find("attention:1"))
    inspector = set_.inspector
    S = session.stepper.source_length
    values = inspector.grid.values
    np.testing.assert_allclose(values[:, 1], session.trace.attention.weights[0, 1, :S])
    assert "α" in inspector.text.toPlainText() and "c_t" in inspector.text.toPlainText()
    set_.diagram.clicked(("decoder", 0, 0), None)
    assert "decoder" in inspector.title.text()
    h = session.trace.decoder[0][0].hidden[0, 0]
    np.testing.assert_allclose(inspector.grid.values[:, list(inspector.grid.columns).index("h")], h)
    set_.diagram.clicked(("output", 0), None)
    assert "p(" in inspector.title.text() or "output" in inspector.title.text()


def test_switching_the_score_function_reruns_with_it(encoder_decoder_window):
    session = encoder_decoder_window.session
    set_ = views(encoder_decoder_window)
    builder = set_.builder
    box = builder.widgets["attention"]
    before = session.trace.attention.weights.copy()
    box.setCurrentIndex(box.findData("dot"))
    box.activated.emit(box.currentIndex())
    assert session.spec.attention == "dot" and not builder.error("attention")
    assert session.trace.attention.score == "dot"
    assert "dot attention" in set_.heatmap.title.text()
    assert not np.allclose(session.trace.attention.weights, before)
    session.end()
    T, S = session.stepper.target_length, session.stepper.source_length
    np.testing.assert_allclose(set_.heatmap.values(), session.trace.attention.weights[0, :T, :S])
    session.undo_stack.undo()
    assert session.spec.attention == "additive"


def test_a_refused_value_is_shown_beside_the_field_and_nothing_changes(make_window):
    window = make_window(reverse_project(encoder_hidden_size=6, decoder_hidden_size=8))
    builder = views(window).builder
    spec = window.session.spec
    box = builder.widgets["attention"]
    box.setCurrentIndex(box.findData("dot"))
    box.activated.emit(box.currentIndex())
    assert "decoder_hidden_size" in builder.error("attention")
    assert window.session.spec == spec
    assert box.currentData() == "additive"


def test_no_attention_says_so_instead_of_a_heatmap(make_window):
    window = make_window(reverse_project(attention="none"))
    heatmap = views(window).heatmap
    assert heatmap.heatmap is None and "no attention" in heatmap.note.text()
    window.session.end()  # stepping still works


def test_a_typed_pair_and_a_typed_source_the_model_completes(encoder_decoder_window):
    session = encoder_decoder_window.session
    panel = views(encoder_decoder_window).input_panel
    panel.source.setCurrentIndex(0)
    panel._source_chosen()
    panel.text.setText("abcz")
    panel.target.setText("cba")
    panel._read_text()
    example = session.example
    assert example.source_tokens == ("a", "b", "c", "z") and example.source_unknown[-1]
    assert example.target_tokens == ("c", "b", "a", "<eos>")
    assert session.trace.steps == 4 and session.stepper.source_length == 4
    panel.target.setText("")
    panel._read_text()
    decoded = session.network.greedy(example.source_ids[None]).best[0].tokens
    assert list(session.example.target_ids) == [int(t) for t in decoded if t != 3] + [3]
    assert session.example.target_origin == "model"
    panel.text.setText("   ")
    panel._read_text()
    assert panel.message.isVisible() and session.example.target_origin == "model"


def test_beam_search_shows_each_step_and_ends_as_the_engine_does(encoder_decoder_window, qtbot):
    session = encoder_decoder_window.session
    beams = views(encoder_decoder_window).beams
    beams.width.setValue(3)
    beams.penalty.setValue(0.5)
    beams.search()
    steps = beams.result.steps[0]
    engine = session.network.beam_search(
        session.example.source_ids[None], beam_width=3, length_penalty=0.5
    ).hypotheses[0]
    assert beams.table.columnCount() == len(steps)
    table = beams.table
    for s, step in enumerate(steps):  # each live beam's summed log p, then the ended ones
        for k, beam in enumerate(step.live):
            assert table.item(k, s).text().endswith(f"{beam.log_probability:.2f}")
        for k, beam in enumerate(step.ended):
            assert table.item(3 + k, s).text().endswith(f"→ {beam.score:.2f}")
    ranking = beams.ranking.text()
    assert "Final ranking" in ranking
    assert all(f"{h.score:.3f}" in ranking for h in engine)


def test_the_dates_example_with_input_feeding_steps_to_the_end(make_window):
    from simulator.project import Project
    from simulator.resources import EXAMPLES

    window = make_window(Project.load(EXAMPLES / "dates_input_feeding.rnnsim.json"))
    session = window.session
    heatmap = views(window).heatmap
    for index in range(len(session.stepper)):
        session.goto(index)
    settle(window)
    T, S = session.stepper.target_length, session.stepper.source_length
    np.testing.assert_allclose(heatmap.values(), session.trace.attention.weights[0, :T, :S])
    assert views(window).diagram.node_look(("bridge",))[0].startswith("grad")


@pytest.mark.parametrize("attention", ["none", "dot"])
def test_the_loss_lines_cross_no_output_token(attention):
    from ui.encoder_decoder.layout import EncoderDecoderLayout

    spec = reverse_project(attention=attention).spec
    layout = EncoderDecoderLayout(spec, source_length=5, target_length=6)
    loss = layout.nodes[("loss",)]
    outputs = [layout.nodes[("output", t)] for t in range(6)]
    assert loss.y + loss.height / 2 < min(o.y - o.height / 2 for o in outputs)  # above them
    for edge in (e for e in layout.edges if e.kind == "loss"):
        start = layout.nodes[edge.source]
        for other in outputs:
            if other is start:
                continue
            for k in range(101):  # points along the line from y_t's centre to the loss
                x = start.x + (loss.x - start.x) * k / 100
                y = start.y + (loss.y - start.y) * k / 100
                inside = abs(x - other.x) < other.width / 2 and abs(y - other.y) < other.height / 2
                assert not inside, (edge.source, other.key)
