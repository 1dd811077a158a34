"""The interface in Chinese and English: switching from the menu without restarting, every
panel's texts following, the choice remembered, and the shipped translations complete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from ui import i18n


@pytest.fixture
def english_after():
    yield
    i18n.set_language("en", remember=False)


def texts(window) -> dict[str, str]:
    """A sample of visible texts from the window, its menus and several panels."""
    return {
        "menu": window.file_menu.title(),
        "dock": window.docks["builder"].windowTitle(),
        "training dock": window.docks["training"].windowTitle(),
        "start": window.training_panel.start_button.text(),
        "stepper": window.stepper_bar.play_action.text(),
        "builder label": window.builder.labels["hidden_size"].text(),
        "fixed": window.builder.fixed["loss"].text(),
        "input": window.input_panel.read_button.text(),
        "inspector": window.inspector.unit.prefix(),
        "curves": window.training_curves.accuracy_plot.titleLabel.text,
        "settings": window.training_panel.form.labels["learning_rate"].text(),
        "hidden plot": window.plots["hidden"].note.text()
        + window.plots["hidden"].view.ci.getItem(0, 0).titleLabel.text,
        "example heading": window.gallery.list.item(0).text(),
        "example title": window.gallery.list.item(1).text(),
        "example about": window.gallery.about.text(),
    }


def test_switching_to_chinese_and_back_retranslates_every_panel(qtbot, window, english_after):
    english = texts(window)
    menu = window.findChild(i18n.LanguageMenu)
    menu.choices["zh_CN"].trigger()
    assert i18n.current_code() == "zh_CN"
    chinese = texts(window)
    for key in english:
        assert chinese[key] != english[key], key
    assert chinese["menu"] == "文件(&F)"
    assert chinese["start"] == "开始"
    assert chinese["builder label"] == "隐藏层大小"
    assert "交叉熵" in chinese["fixed"]  # a fixed field's reason, written outside Qt classes
    assert "学习率" == chinese["settings"]
    assert "隐状态" in chinese["hidden plot"]
    assert chinese["example title"].strip().startswith("从这里开始")  # the example's own title
    assert QSettings().value("language") == "zh_CN"  # remembered for the next start
    window.builder._change("hidden_size", 5)  # the undo action names the edit in Chinese
    assert window.undo_action.text().startswith("撤销")
    window.undo_action.trigger()
    menu.choices["en"].trigger()
    assert texts(window) == english
    window.redo_action.trigger()
    assert window.undo_action.text().startswith("&Undo")


def test_the_equation_notes_and_task_description_follow_the_language(qtbot, window, english_after):
    window.session.goto(window.session.stepper.find("forward:2"))
    i18n.set_language("zh_CN", remember=False)
    assert "遗忘门" in window.inspector.text.toPlainText()
    assert "情感" in window.builder.task_text.text() or "情" in window.builder.task_text.text()


def test_the_start_language_follows_the_saved_choice(qtbot, english_after):
    QSettings().setValue("language", "zh_CN")
    assert i18n.start_language() in (None, i18n.chinese_font_problem())
    if i18n.chinese_font_problem() is None:
        assert i18n.current_code() == "zh_CN"
    QSettings().setValue("language", "en")
    i18n.start_language()
    assert i18n.current_code() == "en"


def test_without_a_chinese_font_the_start_falls_back_to_english_and_names_a_package(
    qtbot, monkeypatch, english_after
):
    from PySide6.QtGui import QFontDatabase

    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *_args: []))
    QSettings().setValue("language", "zh_CN")
    problem = i18n.start_language()
    assert "fonts-noto-cjk" in problem
    assert i18n.current_code() == "en"


def test_the_chinese_translation_covers_every_string_in_the_source(tmp_path):
    """lupdate collects the strings of ui/ afresh into a copy of the catalogue: a string added
    to the window without its Chinese shows up here, not only in a stale .ts file."""
    import importlib.util
    import shutil

    from simulator.resources import resource

    spec = importlib.util.spec_from_file_location("build", resource("translations", "build.py"))
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    for code in build.LANGUAGES:
        shutil.copy(build.ts_path(code), build.ts_path(code, tmp_path))
    build.collect(tmp_path)
    assert build.untranslated("zh_CN", tmp_path) == []


def test_every_task_setting_has_a_label_in_words():
    from simulator.tasks import DEFAULTS, PAIR_DEFAULTS
    from ui.task_words import SETTING_NAMES

    settings = {key for task in [*DEFAULTS.values(), *PAIR_DEFAULTS.values()] for key in task}
    assert settings <= set(SETTING_NAMES)


def test_the_status_line_follows_the_run_and_the_language(qtbot, window, english_after):
    panel, status = window.training_panel, window.status
    panel.form.set_value("steps", 5)
    panel.start_button.click()
    assert status.text() == "Training…"  # not the end of an earlier run
    qtbot.waitUntil(lambda: window.training.state == "idle", timeout=20_000)
    assert status.text() == "Training finished."
    i18n.set_language("zh_CN", remember=False)
    assert status.text() == "训练完成。"
    panel.start_button.click()
    assert status.text() == "训练中…"
    qtbot.waitUntil(lambda: window.training.state == "idle", timeout=20_000)
    i18n.set_language("en", remember=False)
    assert status.text() == "Training finished."


def test_class_and_task_setting_names_in_chinese(qtbot, window, english_after):
    assert window.input_panel.target.itemText(0) == "very negative"
    shown = window.input_panel.target.currentIndex()
    i18n.set_language("zh_CN", remember=False)
    target = window.input_panel.target
    assert [target.itemText(k) for k in range(target.count())] == [
        "非常负面", "负面", "中性", "正面", "非常正面"
    ]  # fmt: skip
    assert target.currentIndex() == shown
    assert "训练样本数 = 40" in window.builder.task_text.text()  # task.train_size
    examples = window.training_panel.task_form.examples.text()  # "... -> 负面"
    assert examples.count("-&gt;") == 3 and "negative" not in examples and "正面" in examples
    output = window.plots["outputs"]
    window.docks["outputs"].raise_()
    qtbot.waitUntil(lambda: output._shape is not None)
    ticks = output.output_plot.getAxis("bottom")._tickLevels[0]
    assert "中性" in [text for _, text in ticks]
    window.session.to_loss()  # the output node is known from here
    diagram = window.diagram
    predicted = window.session.task.labels[int(window.session.trace.outputs[0].argmax())]
    node = next(item for key, item in diagram.nodes.items() if key[0] == "output")
    assert node.caption.text() == i18n_class(predicted)  # the diagram's node in Chinese
    i18n.set_language("en", remember=False)
    assert node.caption.text() == (predicted if len(predicted) <= 5 else predicted[:4] + "…")


def i18n_class(label: str) -> str:
    from ui.task_words import class_names

    name = class_names([label])[0]
    return name if len(name) <= 5 else name[:4] + "…"
