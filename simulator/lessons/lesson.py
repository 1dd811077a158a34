"""A lesson: a section of the notes made into a guided demonstration, read from a data file.

    resources/lessons/index.json     the lessons' names in the notes' order
    resources/lessons/NAME.json      one lesson: its texts (zh and en), the example projects it
                                     opens, the panels it raises, its steps and its claim

A step is data a window performs when the person presses its button:

    {"do": "open", "project": "adding_rnn"}           open a shipped example (a copy: the
                                                      person's own projects are never touched)
    {"do": "goto", "event": "backward:3"}             move the stepper (an index, loss,
                                                      forward:t, backward:t, attention:t, ...)
    {"do": "set", "field": "network.cell", "value": "gru"}   change one field of the project
    {"do": "train", "steps": 200}                     train that many steps
    {"do": "reset"}                                   draw the weights again from the init seed
    {"do": "compare", "field": "residual", "value": false}   train beside the same network
                                                      with this one field changed (compare
                                                      mode; kinds.compare_choices offers them)
    {"do": "raise", "panel": "flow"}                  bring a dock to the front
    {"do": "sweep", "cells": [...], "lengths": [...], "steps": 1500}
                                                      accuracy against length for each cell
                                                      (training.sweep, on the open project's
                                                      task and sizes)
    {"do": "check"}                                   run the lesson's check and show the figures

and carries its words in both languages: {"do": ..., "text": {"zh": ..., "en": ...}}. Loading
checks every file, so a mistake in one is one error naming the file and the field.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..resources import LESSONS, example

LESSONS_DIR = LESSONS
LANGUAGES = ("zh", "en")

# The window's docks a lesson may raise (ui/main_window.py, ui/training, ui/explanation_panel).
PANELS = (
    "builder",
    "gallery",
    "inspector",
    "hidden",
    "gates",
    "outputs",
    "gradients",
    "flow",
    "parameters",
    "training",
    "curves",
    "explanation",
)

# What each kind of step needs besides its text: argument -> the type it holds.
STEP_ARGUMENTS: dict[str, dict[str, type | tuple[type, ...]]] = {
    "open": {"project": str},
    "goto": {"event": (str, int)},
    "set": {"field": str, "value": (str, int, float, bool, type(None))},
    "train": {"steps": int},
    "reset": {},
    "compare": {"field": str, "value": (str, int, float, bool)},
    "raise": {"panel": str},
    "sweep": {"cells": list, "lengths": list, "steps": int},
    "check": {},
}
SET_SECTIONS = ("network", "training", "task")
# An event as the stepper finds it: an index, loss, forward:t, backward:t, or with the layer and
# direction (forward:1:reverse:3); a tree's nodes the same way (forward:NODE); an
# encoder-decoder's by part (encoder:0:forward:3, bridge, decoder:0:4, attention:4), backward:
# before any of them.
EVENT = re.compile(
    r"loss|(forward|backward):(\d+:(forward|reverse):)?\d+"
    r"|(backward:)?(bridge|attention:\d+|decoder:\d+:\d+|encoder:\d+:(forward|reverse):\d+)"
)


class LessonError(ValueError):
    """A lesson file that cannot be used; the message names the file and the field."""


@dataclass(frozen=True)
class Step:
    do: str
    text: dict[str, str]
    arguments: dict

    def words(self, language: str) -> str:
        return self.text[language]


@dataclass(frozen=True)
class Lesson:
    name: str
    section: dict[str, str]  # the notes' section it follows, zh and en
    title: dict[str, str]
    text: dict[str, str]  # the notes' text for the section, in the lesson's words
    equation: str
    projects: tuple[str, ...]  # example projects (resources/examples/NAME.rnnsim.json)
    panels: tuple[str, ...]  # docks the lesson raises
    steps: tuple[Step, ...]
    claim: dict[str, str]
    check: str  # name of its check (simulator.lessons.checks.CHECKS)

    def project_path(self, name: str) -> Path:
        return example(name)


def read_lesson(path: Path, checks) -> Lesson:
    """One lesson file, checked: every text in both languages, known projects, panels, steps
    and check."""
    where = path.name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise LessonError(f"{where}: cannot be read ({err})") from None
    except json.JSONDecodeError as err:
        raise LessonError(f"{where}: not valid JSON ({err.msg} at line {err.lineno})") from None
    if not isinstance(data, dict):
        raise LessonError(f"{where}: expected an object of fields")
    known = {
        "name",
        "section",
        "title",
        "text",
        "equation",
        "projects",
        "panels",
        "steps",
        "claim",
        "check",
    }
    for key in data:
        if key not in known:
            raise LessonError(f"{where}: unknown field {key!r}; known: {', '.join(sorted(known))}")
    for key in known:
        if key not in data:
            raise LessonError(f"{where}: {key} is missing")
    if data["name"] != path.stem:
        raise LessonError(f"{where}: name {data['name']!r} must be the file's name {path.stem!r}")
    projects = _names(where, "projects", data["projects"])
    for project in projects:
        if not example(project).is_file():
            raise LessonError(f"{where}: projects: no example named {project!r}")
    panels = _names(where, "panels", data["panels"])
    for panel in panels:
        if panel not in PANELS:
            raise LessonError(f"{where}: panels: {panel!r} is not one of {', '.join(PANELS)}")
    if data["check"] not in checks:
        raise LessonError(f"{where}: check {data['check']!r} is not a known check")
    if not isinstance(data["equation"], str) or not data["equation"]:
        raise LessonError(f"{where}: equation must be the section's equation as text")
    if not isinstance(data["steps"], list) or not data["steps"]:
        raise LessonError(f"{where}: steps must be a list of at least one step")
    steps = tuple(
        _step(f"{where}: steps[{k}]", raw, projects, panels) for k, raw in enumerate(data["steps"])
    )
    return Lesson(
        name=data["name"],
        section=_texts(where, "section", data["section"]),
        title=_texts(where, "title", data["title"]),
        text=_texts(where, "text", data["text"]),
        equation=data["equation"],
        projects=projects,
        panels=panels,
        steps=steps,
        claim=_texts(where, "claim", data["claim"]),
        check=data["check"],
    )


def _texts(where: str, field: str, value) -> dict[str, str]:
    if not isinstance(value, dict) or set(value) != set(LANGUAGES):
        raise LessonError(f"{where}: {field} must hold a text for each of {', '.join(LANGUAGES)}")
    for language, text in value.items():
        if not isinstance(text, str) or not text.strip():
            raise LessonError(f"{where}: {field}.{language} is empty")
    return dict(value)


def _names(where: str, field: str, value) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise LessonError(f"{where}: {field} must be a list of names")
    return tuple(value)


def _step(where: str, raw, projects: tuple[str, ...], panels: tuple[str, ...]) -> Step:
    if not isinstance(raw, dict) or raw.get("do") not in STEP_ARGUMENTS:
        raise LessonError(f"{where}: do must be one of {', '.join(STEP_ARGUMENTS)}")
    do = raw["do"]
    wanted = STEP_ARGUMENTS[do]
    arguments = {k: v for k, v in raw.items() if k not in ("do", "text")}
    if set(arguments) != set(wanted):
        raise LessonError(f"{where}: a {do} step takes {', '.join(wanted) or 'no arguments'}")
    for name, kind in wanted.items():
        value = arguments[name]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise LessonError(f"{where}: {name} = {value!r} has the wrong type")
    if do == "open" and arguments["project"] not in projects:
        raise LessonError(f"{where}: opens {arguments['project']!r}, not among its projects")
    if do == "raise" and arguments["panel"] not in panels:
        raise LessonError(f"{where}: raises {arguments['panel']!r}, not among its panels")
    if do == "set" and arguments["field"].split(".")[0] not in SET_SECTIONS:
        raise LessonError(f"{where}: field must be SECTION.FIELD in {', '.join(SET_SECTIONS)}")
    if (
        do == "goto"
        and isinstance(arguments["event"], str)
        and not EVENT.fullmatch(arguments["event"])
    ):
        raise LessonError(f"{where}: event {arguments['event']!r} is not loss, forward:t, ...")
    if do == "train" and arguments["steps"] < 1:
        raise LessonError(f"{where}: steps must be 1 or more")
    return Step(do, _texts(where, "text", raw.get("text")), arguments)
