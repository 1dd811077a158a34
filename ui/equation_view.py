"""EquationView: a node's equations, each as a grey note, the formula in bold and the same formula
with this example's numbers, wrapped to the width and scrolled.

Painted from cached text layouts rather than shown as HTML in a QTextBrowser: the numbers change
on every step, and re-parsing and laying out the whole document took ~4 ms of a 16 ms step at
T = 100. Here only the lines whose text changed are laid out again (the formulas and notes of a
cell stay the same from step to step). The right-click menu and Ctrl+C copy the text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QAbstractScrollArea, QMenu

# Where the equations' notes are translated (ui.equations, and each kind's own).
NOTE_CONTEXTS = ("Equations", "EncoderDecoderEquations", "TreeEquations")
MARGIN = 4  # pixels around the text
GAP = 7  # pixels between two equations


def translate_note(note: str) -> str:
    for context in NOTE_CONTEXTS:
        found = QCoreApplication.translate(context, note)
        if found != note:
            return found
    return note


class EquationView(QAbstractScrollArea):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        # (style, text) per line, the style one of "note", "formula", "numbers"; None: a gap
        self.lines: list[tuple[str, str] | None] = []
        self.placed: list[tuple[float, QTextLayout, str]] = []  # (top, layout, style) per line
        self.cache: dict[tuple[str, str, int], QTextLayout] = {}
        self.fonts: dict[str, QFont] = {}
        self._make_fonts()

    def _make_fonts(self) -> None:
        size = self.font().pointSizeF()
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        if size > 0:
            mono.setPointSizeF(size)
        bold = QFont(mono)
        bold.setBold(True)
        self.fonts = {"note": QFont(self.font()), "formula": bold, "numbers": mono}
        self.cache = {}

    # ----- content -------------------------------------------------------------------------------
    def set_equations(self, equations) -> None:
        """Show these ui.equations.Equation lines (notes translated here)."""
        lines: list[tuple[str, str] | None] = []
        for equation in equations:
            if equation.note:
                lines.append(("note", translate_note(equation.note)))
            lines.append(("formula", equation.formula))
            lines.append(("numbers", "  " + equation.numbers))
            lines.append(None)
        if lines == self.lines:
            return
        self.lines = lines
        self._layout()

    def toPlainText(self) -> str:  # noqa: N802 (Qt's name, as QTextEdit has it)
        return "\n".join(line[1].strip() for line in self.lines if line is not None)

    def _layout(self) -> None:
        """Place every line at the viewport's width, reusing the layouts of unchanged lines."""
        width = max(self.viewport().width() - 2 * MARGIN, 20)
        cache, placed, y = {}, [], float(MARGIN)
        for line in self.lines:
            if line is None:
                y += GAP
                continue
            key = (*line, width)
            layout = self.cache.get(key) or _wrapped(line[1], self.fonts[line[0]], width)
            cache[key] = layout
            placed.append((y, layout, line[0]))
            y += layout.boundingRect().height()
        self.cache, self.placed = cache, placed
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, int(y + MARGIN) - self.viewport().height()))
        bar.setPageStep(self.viewport().height())
        bar.setSingleStep(self.fontMetrics().lineSpacing())
        self.viewport().update()

    # ----- Qt ------------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self.viewport())
        top = self.verticalScrollBar().value()
        exposed = event.rect().translated(0, top)
        palette = self.palette()
        pens = {"note": palette.placeholderText().color(), "formula": palette.text().color()}
        for y, layout, style in self.placed:
            box = layout.boundingRect()
            if y + box.height() < exposed.top() or y > exposed.bottom():
                continue
            painter.setPen(pens.get(style, pens["formula"]))
            layout.draw(painter, QPointF(MARGIN, y - top))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width() or not self.placed:
            self._layout()
        else:
            self.verticalScrollBar().setPageStep(self.viewport().height())

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._make_fonts()
            self._layout()

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        else:
            super().keyPressEvent(event)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.toPlainText())

    def _menu(self, position) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Copy the equations"), self.copy).setEnabled(bool(self.lines))
        menu.exec(self.viewport().mapToGlobal(position))


def _wrapped(text: str, font: QFont, width: int) -> QTextLayout:
    """The text laid out in lines no wider than `width`, broken at spaces where it can."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    layout.beginLayout()
    y = 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout
