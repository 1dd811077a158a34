"""SpecField: one field of a spec as a form shows it (ui.kinds.spec_form.SpecForm): how it is
edited, when it applies, and its words. Qt-free, so a kind's fields can be listed and checked
without a window."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class SpecField:
    name: str
    kind: str  # "choice", "bool", "int" or "real" (a number, or empty for none)
    label: str  # marked with QT_TRANSLATE_NOOP("SpecForm", ...), as are help and why_not
    help: str
    choices: tuple[str, ...] = ()
    applies: Callable[[object], bool] = lambda spec: True
    why_not: str = ""  # when it does not apply: why (e.g. "used by rnn and tdnn")
