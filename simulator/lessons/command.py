"""`rnnsim lessons` and `rnnsim lesson NAME [--check] [--seed S] [--json] [--language zh|en]`.

    rnnsim lessons                       one lesson a line: name, then its title in English and
                                         Chinese
    rnnsim lesson NAME                   the lesson: its text, equation, steps and claim
    rnnsim lesson NAME --check           run its demonstration headless (training included),
                                         print the measured figures beside the claim; exit 0
                                         when the claim holds, 1 when it does not

A name that is not a lesson, or a bad lesson file, is one line on stderr and exit 2.
"""

from __future__ import annotations

import json
import math
import sys
import time

COMMANDS = ("lessons", "lesson")


def add_parsers(sub) -> None:
    sub.add_parser("lessons", help="list the lessons (the notes' sections as demonstrations)")
    lesson = sub.add_parser("lesson", help="show a lesson, or --check its claim headless")
    lesson.add_argument("name", help="a lesson's name (see `rnnsim lessons`)")
    lesson.add_argument(
        "--check", action="store_true", help="run the demonstration and check its claim"
    )
    lesson.add_argument("--seed", type=int, default=0, help="seed of data, weights and batches")
    lesson.add_argument("--json", action="store_true", help="print one JSON object")
    lesson.add_argument("--language", choices=("en", "zh"), default="en")


def list_lessons(args) -> int:
    from . import LessonError, lessons

    try:
        found = lessons()
    except LessonError as err:
        return _error(err)
    width = max(len(lesson.name) for lesson in found)
    for lesson in found:
        print(f"{lesson.name:<{width}}  {lesson.title['en']} / {lesson.title['zh']}")
    return 0


def show_lesson(args) -> int:
    from . import LessonError, lesson_named, run_check

    if args.seed < 0:
        return _error("--seed must be 0 or more")
    try:
        lesson = lesson_named(args.name)
    except LessonError as err:
        return _error(err)
    language = args.language
    if not args.check:
        _print_lesson(lesson, language)
        return 0
    started = time.perf_counter()
    outcome = run_check(lesson, args.seed)
    seconds = time.perf_counter() - started
    if args.json:
        print(
            json.dumps(
                {
                    "lesson": lesson.name,
                    "seed": args.seed,
                    "claim": lesson.claim,
                    "figures": {k: _plain(v) for k, v in outcome.figures.items()},
                    "conditions": [
                        {"text": text, "held": held} for text, held in outcome.conditions
                    ],
                    "holds": outcome.holds,
                    "seconds": round(seconds, 2),
                },
                ensure_ascii=False,
            )
        )
    else:
        print(f"{lesson.name}: {lesson.title[language]} (seed {args.seed})")
        print(f"claim: {lesson.claim[language]}")
        width = max(len(name) for name in outcome.figures)
        for name, value in outcome.figures.items():
            print(f"  {name:<{width}}  {_shown(value)}")
        for text, held in outcome.conditions:
            print(f"  [{'holds' if held else 'FAILS'}] {text}")
        verdict = "holds" if outcome.holds else "does NOT hold"
        print(f"the claim {verdict} ({seconds:.1f} s)")
    return 0 if outcome.holds else 1


def _print_lesson(lesson, language: str) -> None:
    print(f"{lesson.name}: {lesson.title[language]}  [{lesson.section[language]}]")
    print(f"\n{lesson.text[language]}\n\n    {lesson.equation}\n")
    print(f"projects: {', '.join(lesson.projects)}; panels: {', '.join(lesson.panels)}")
    for number, step in enumerate(lesson.steps, 1):
        arguments = " ".join(f"{k}={v}" for k, v in step.arguments.items())
        print(
            f"  {number}. [{step.do}{' ' + arguments if arguments else ''}] {step.words(language)}"
        )
    print(f"\nclaim: {lesson.claim[language]}")
    print(f"check it: rnnsim lesson {lesson.name} --check [--seed S]")


def _shown(value) -> str:
    if isinstance(value, list):
        return "  ".join(_shown(v) for v in value)
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def _plain(value):
    """A figure as JSON can hold it: a non-finite number as its name ("inf", "nan")."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def _error(message) -> int:
    print(f"rnnsim: error: {message}", file=sys.stderr)
    return 2


HANDLERS = {"lessons": list_lessons, "lesson": show_lesson}
