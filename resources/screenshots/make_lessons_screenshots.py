"""The README's screenshots of the Lessons dock (run by hand; about a minute each):

    .venv/bin/python resources/screenshots/make_lessons_screenshots.py [OUT_DIR] [WxH]

lessons_en.png and lessons_zh.png: the lesson on the residual recurrence, followed step by step
as a person presses the buttons: the residual RNN on digit memory, compared while training with
the same network without the residual (1500 steps each, their curves raised), then the lesson's
check on seed 0 with its figures beside the claim. Rendered offscreen.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from shooting import arguments, open_window, save

LESSON = "vanishing_residual"


def shot(app, out: Path, size, language: str) -> None:
    from simulator.project import Project
    from simulator.resources import example
    from ui.app import settle
    from ui.i18n import set_language

    set_language(language, remember=False)
    window = open_window(Project.load(example("digit_memory_rnn")), "digit_memory_rnn", size)
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
    save(app, window, out)


def main(argv: list[str]) -> None:
    out, size, app = arguments(argv)
    shot(app, out / "lessons_en.png", size, "en")
    shot(app, out / "lessons_zh.png", size, "zh_CN")


if __name__ == "__main__":
    main(sys.argv[1:])
