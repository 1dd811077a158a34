"""The model explanations: one per model in both languages, chosen from the spec."""

from __future__ import annotations

import pytest

from ui.explanation_panel import MODELS, explanation, explanation_keys


@pytest.mark.parametrize("key", list(MODELS))
def test_every_model_is_explained_in_both_languages(key):
    english, chinese = explanation(key, "en"), explanation(key, "zh")
    assert english != chinese
    assert "<h3>" in english and "<h3>" in chinese
    assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese)


def test_the_keys_follow_the_spec():
    from simulator.spec import NetworkSpec

    spec = NetworkSpec(cell="gru", input_size=2, gru_variant="textbook", num_layers=2)
    assert explanation_keys(spec) == ["gru_textbook", "stacked"]
    spec = NetworkSpec(cell="rnn", input_size=2, residual=True, bidirectional=True)
    assert explanation_keys(spec) == ["residual_rnn", "bidirectional"]


def test_the_panel_explains_the_network_on_screen_in_the_language_shown(qtbot, window):
    from ui import i18n

    panel = window.explanation
    assert "LSTM" in panel.text.toPlainText() and "forget gate" in panel.text.toPlainText()
    window.builder._change("cell", "gru")
    assert "update gate" in panel.text.toPlainText()
    try:
        i18n.set_language("zh_CN", remember=False)
        assert "更新门" in panel.text.toPlainText()
        assert window.docks["explanation"].windowTitle() == "关于这个模型"
    finally:
        i18n.set_language("en", remember=False)
