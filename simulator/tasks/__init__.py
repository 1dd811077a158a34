"""Tasks: data sets to train on, each with its vocabulary and the spec fields it implies.

    task = make_task("adding", {"length": 100, "seed": 3})
    spec = NetworkSpec(cell="lstm", hidden_size=32, **task.spec_fields)

Built-in tasks are generated from `seed` (the same settings always give the same data); the
file tasks read a person's own files (see files.py). `DEFAULTS[name]` lists a task's settings
with their default values, `RULES[name]` what each may hold.
"""

from __future__ import annotations

from collections.abc import Callable

from . import (
    adding,
    char_lm,
    copy,
    digit_memory,
    digit_sum,
    files,
    segmentation,
    sentiment,
    tree_files,
    tree_sentiment,
)
from .base import Dataset, SettingError, Task, TaskError, Vocabulary
from .encoder_decoder import PAIR_DEFAULTS, PAIR_RULES, PAIR_TASKS
from .settings import Rule, checked_settings

# name: (builder, default settings, what each setting may hold)
_CATALOGUE: dict[str, tuple[Callable[[dict], Task], dict, dict[str, Rule]]] = {
    "adding": (adding.build, adding.DEFAULTS, adding.RULES),
    "copy": (copy.build, copy.DEFAULTS, copy.RULES),
    "digit_sum": (digit_sum.build, digit_sum.DEFAULTS, digit_sum.RULES),
    "digit_memory": (digit_memory.build, digit_memory.DEFAULTS, digit_memory.RULES),
    "sentiment": (sentiment.build, sentiment.DEFAULTS, sentiment.RULES),
    "segmentation": (segmentation.build, segmentation.DEFAULTS, segmentation.RULES),
    "char_lm": (char_lm.build, char_lm.DEFAULTS, char_lm.RULES),
    "tagged_file": (files.build_tagged, files.FILE_DEFAULTS, files.TAGGED_RULES),
    "labelled_file": (files.build_labelled, files.FILE_DEFAULTS, files.LABELLED_RULES),
    # Treebanks (simulator.trees): task.for_trees() gives the view a TreeNetwork trains on.
    "tree_sentiment": (tree_sentiment.build, tree_sentiment.DEFAULTS, tree_sentiment.RULES),
    "tree_file": (tree_files.build, tree_files.DEFAULTS, tree_files.RULES),
}
TASKS = {name: build for name, (build, _, _) in _CATALOGUE.items()}
DEFAULTS = {name: defaults for name, (_, defaults, _) in _CATALOGUE.items()}
RULES = {name: rules for name, (_, _, rules) in _CATALOGUE.items()}
TREEBANKS = ("tree_sentiment", "tree_file")  # tasks whose data carries parse trees


def defaults_of(name: str) -> dict:
    """Any task's default settings, an encoder-decoder task's included."""
    return DEFAULTS[name] if name in DEFAULTS else PAIR_DEFAULTS[name]


def rules_of(name: str) -> dict[str, Rule]:
    """What each of any task's settings may hold."""
    return RULES[name] if name in RULES else PAIR_RULES[name]


def make_task(name: str, settings: dict | None = None) -> Task:
    """Build a task from `settings` merged over its defaults; a TaskError names any task,
    setting or value that is not allowed."""
    if isinstance(name, str) and name in PAIR_TASKS:  # encoder-decoder tasks
        checked = checked_settings(name, PAIR_DEFAULTS[name], PAIR_RULES[name], settings)
        return PAIR_TASKS[name](checked)
    if not isinstance(name, str) or name not in TASKS:
        raise SettingError("", "task", name, "one of " + ", ".join([*TASKS, *PAIR_TASKS]))
    return TASKS[name](checked_settings(name, DEFAULTS[name], RULES[name], settings))


__all__ = [
    "DEFAULTS",
    "PAIR_DEFAULTS",
    "PAIR_RULES",
    "PAIR_TASKS",
    "RULES",
    "TASKS",
    "TREEBANKS",
    "Dataset",
    "SettingError",
    "Task",
    "TaskError",
    "Vocabulary",
    "defaults_of",
    "make_task",
    "rules_of",
]
