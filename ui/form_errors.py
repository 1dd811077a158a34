"""How a form says what is wrong: a red line of text (under a field, or under the whole form)
and a red border round the field at fault."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

ERROR_COLOUR = "#d62728"
ERROR_STYLE = f"border: 2px solid {ERROR_COLOUR}; border-radius: 3px;"  # the field at fault


def error_line(hidden: bool = True) -> QLabel:
    """A word-wrapped red line for a message; hidden until it has one (unless `hidden` is
    False: a dialog keeps its line's place)."""
    line = QLabel()
    line.setWordWrap(True)
    line.setStyleSheet(f"color: {ERROR_COLOUR};")
    if hidden:
        line.hide()
    return line
