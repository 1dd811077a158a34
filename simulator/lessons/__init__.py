"""Lessons: the notes' sections as guided demonstrations, each with a claim checked headless.

    from simulator.lessons import lessons, run_check
    for lesson in lessons():
        outcome = run_check(lesson, seed=1)   # figures measured, and whether the claim holds

Texts live in resources/lessons/ (lesson.py reads and checks them); the checks are Python
(checks/). Nothing here imports Qt: the window performs the steps, this package describes them.
"""

from __future__ import annotations

import json
from functools import cache

from .lesson import LESSONS_DIR, PANELS, Lesson, LessonError, Step, read_lesson
from .outcome import Outcome


@cache
def lessons() -> tuple[Lesson, ...]:
    """Every lesson, in the notes' order (resources/lessons/index.json)."""
    from .checks import WHERE  # the checks' names: their functions load Numba

    order = json.loads((LESSONS_DIR / "index.json").read_text(encoding="utf-8"))
    return tuple(read_lesson(LESSONS_DIR / f"{name}.json", WHERE) for name in order)


def lesson_named(name: str) -> Lesson:
    for lesson in lessons():
        if lesson.name == name:
            return lesson
    known = ", ".join(lesson.name for lesson in lessons())
    raise LessonError(f"no lesson named {name!r}; the lessons are {known}")


def run_check(lesson: Lesson, seed: int = 0) -> Outcome:
    """Run the lesson's demonstration headless (training included) on `seed`."""
    from .checks import CHECKS

    return CHECKS[lesson.check](seed)


__all__ = [
    "PANELS",
    "Lesson",
    "LessonError",
    "Outcome",
    "Step",
    "lesson_named",
    "lessons",
    "run_check",
]
