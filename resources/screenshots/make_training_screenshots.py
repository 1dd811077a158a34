"""The README's screenshots of training and of the window in Chinese (run by hand):

    .venv/bin/python resources/screenshots/make_training_screenshots.py [OUT_DIR] [WxH]

training_en.png / training_zh.png: a simple RNN and an LSTM trained side by side on the adding
problem (compare mode), the curves on the same axes; window_zh.png: the step-through window in
Chinese with the explanation of the model beside the inspector. Rendered offscreen."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from shooting import arguments, open_window, save


def main(argv: list[str]) -> None:
    out, size, app = arguments(argv)
    from ui import i18n

    for code, suffix in (("en", "en"), ("zh_CN", "zh")):
        i18n.set_language(code, remember=False)
        training_shot(app, out / f"training_{suffix}.png", size)
    window_shot(app, out / "window_zh.png", size)
    i18n.set_language("en", remember=False)


def training_shot(app, path: Path, size) -> None:
    from simulator.project import new_project
    from ui.app import settle
    from ui.worker import Worker

    sets = {"task.length": 20, "network.cell": "rnn", "network.hidden_size": 16}
    window = open_window(new_project("adding", sets), "adding", size)
    window.docks["training"].raise_()
    panel = window.training_panel
    panel.form.set_value("steps", 1500)
    panel.form.set_value("eval_every", 150)
    panel.form.set_value("clipping", "norm")
    panel.form.set_value("clip", 1.0)
    panel.choose_comparison("cell", "lstm")
    panel.start()
    while window.training.state != "idle":
        app.processEvents()
        time.sleep(0.01)
    for worker in Worker.running():
        worker.wait()
    settle(window)
    window.training_curves.flush()
    window.docks["curves"].raise_()
    save(app, window, path)


def window_shot(app, path: Path, size) -> None:
    from simulator.project import Project
    from simulator.resources import DEFAULT_EXAMPLE
    from ui import i18n

    i18n.set_language("zh_CN", remember=False)
    window = open_window(Project.load(DEFAULT_EXAMPLE), "default_sentiment_lstm", size)
    window.session.goto(window.session.stepper.find("backward:3"))
    window.docks["explanation"].raise_()
    save(app, window, path)


if __name__ == "__main__":
    main(sys.argv[1:])
