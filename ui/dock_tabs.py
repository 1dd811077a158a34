"""Whether a panel is where the person can see it.

Qt keeps the dock of a tab that is not raised "visible" (isVisible() stays True), only moved
off-screen, so a panel there went on redrawing unseen on every step (the gradient flow, the
parameter gradients, the inspector behind "About this model"). `follow_tabs` marks a dock as
lowered or raised as its tab changes and, when it is raised, calls `catch_up()` on the widgets in
it that have one; a panel asks `on_screen(self)` before redrawing.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QWidget


def on_screen(widget: QWidget) -> bool:
    """Shown, and not in a dock whose tab is lowered."""
    if not widget.isVisible():
        return False
    parent = widget
    while parent is not None:
        if isinstance(parent, QDockWidget):
            return not parent.property("lowered")
        parent = parent.parentWidget()
    return True


def follow_tabs(dock: QDockWidget) -> None:
    def changed(seen: bool) -> None:
        dock.setProperty("lowered", not seen)
        if seen and dock.widget() is not None:
            for widget in (dock.widget(), *dock.widget().findChildren(QWidget)):
                catch_up = getattr(widget, "catch_up", None)
                if callable(catch_up):
                    catch_up()

    dock.visibilityChanged.connect(changed)
