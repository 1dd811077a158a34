"""The README's screenshots of the Lessons dock (run by hand; about a minute each):

    .venv/bin/python resources/screenshots/make_lessons_screenshots.py [OUT_DIR] [WxH]

lessons_en.png and lessons_zh.png: the lesson on the residual recurrence, followed step by step
as a person presses the buttons: the residual RNN on digit memory, compared while training with
the same network without the residual (1500 steps each, their curves raised), then the lesson's
check on seed 0 with its figures beside the claim. Rendered offscreen.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

LESSON = "vanishing_residual"


def shot(app, out: Path, size, language: str) -> None:
    from simulator.project import Project
    from simulator.resources import example
    from ui.app import settle
    from ui.i18n import set_language
    from ui.main_window import MainWindow
    from ui.session import Session

    set_language(language, remember=False)
    session = Session(kernels=None)
    window = MainWindow(session, remember_layout=False)
    window.file_actions.ask_discard = lambda: "discard"
    window.resize(*size)
    window.show()
    session.open_project(Project.load(example("digit_memory_rnn")), None, name="digit_memory_rnn")
    settle(window)
    window.lessons_menu.choose(LESSON)
    guide = window.lessons
    for index in range(len(guide.lesson.steps)):
        if index not in guide.done:
            guide.perform(index)
        while guide.running or window.training.state == "running":
            app.processEvents()
            time.sleep(0.02)
    window.docks["curves"].raise_()
    window.training_curves.flush()
    settle(window)
    window.lesson_view.show_result("check")
    for _ in range(20):
        app.processEvents()
    window.grab().save(str(out))
    print(out)
    window.close()


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else Path(__file__).resolve().parent
    size = tuple(map(int, argv[1].split("x"))) if len(argv) > 1 else (1600, 1000)
    from ui.app import _application

    app = _application()
    shot(app, out / "lessons_en.png", size, "en")
    shot(app, out / "lessons_zh.png", size, "zh_CN")


if __name__ == "__main__":
    main(sys.argv[1:])
