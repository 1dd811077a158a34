"""InheritedTr: `self.tr` that also finds the strings a base class wrote.

Qt takes tr()'s context from the object's class, so in a subclass of a panel (a PlotPanel, the
StepperBar) the base class's strings would be looked up under the subclass's name and stay
untranslated. This tr tries the class itself, then each base class written in rnnsim, and
returns the first translation found (the text itself when there is none).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


class InheritedTr:
    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        for cls in type(self).__mro__:
            if not cls.__module__.startswith("ui."):
                continue
            found = QCoreApplication.translate(cls.__name__, text, disambiguation, n)
            if found != text:
                return found
        return text
