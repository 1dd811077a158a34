"""The README's screenshots of training and of the window in Chinese (run by hand):

    .venv/bin/python resources/screenshots/make_training_screenshots.py [OUT_DIR] [WxH]

training_en.png / training_zh.png: a simple RNN and an LSTM trained side by side on the adding
problem (compare mode), the curves on the same axes; window_zh.png: the step-through window in
Chinese with the explanation of the model beside the inspector. Rendered offscreen."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else Path(__file__).resolve().parent
    size = tuple(map(int, argv[1].split("x"))) if len(argv) > 1 else (1600, 1000)
    from ui.app import _application

    app = _application()
    from ui import i18n

    for code, suffix in (("en", "en"), ("zh_CN", "zh")):
        i18n.set_language(code, remember=False)
        training_shot(app, out / f"training_{suffix}.png", size)
    window_shot(app, out / "window_zh.png", size)
    i18n.set_language("en", remember=False)


def training_shot(app, path: Path, size) -> None:
    from simulator.project import new_project
    from ui.app import settle
    from ui.main_window import MainWindow
    from ui.session import Session
    from ui.worker import Worker

    sets = {"task.length": 20, "network.cell": "rnn", "network.hidden_size": 16}
    project = new_project("adding", sets)
    session = Session(kernels=None)
    window = MainWindow(session, remember_layout=False)
    window.file_actions.ask_discard = lambda: "discard"
    window.resize(*size)
    window.show()
    session.open_project(project, None, name="adding")
    settle(window)
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
    settle(window)
    window.grab().save(str(path))
    window.close()
    Worker.stop_all()


def window_shot(app, path: Path, size) -> None:
    from simulator.project import Project
    from simulator.resources import DEFAULT_EXAMPLE
    from ui.app import settle
    from ui.main_window import MainWindow
    from ui.session import Session
    from ui.worker import Worker

    i18n_code = "zh_CN"
    from ui import i18n

    i18n.set_language(i18n_code, remember=False)
    session = Session(kernels=None)
    window = MainWindow(session, remember_layout=False)
    window.resize(*size)
    window.show()
    session.open_project(Project.load(DEFAULT_EXAMPLE), None, name="default_sentiment_lstm")
    session.goto(session.stepper.find("backward:3"))
    window.docks["explanation"].raise_()
    settle(window)
    window.grab().save(str(path))
    window.close()
    Worker.stop_all()


if __name__ == "__main__":
    main(sys.argv[1:])
