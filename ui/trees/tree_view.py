"""TreeView: the parse tree, words in sentence order along the bottom and every phrase centred
over its two children. A node takes its predicted class's colour once the forward pass reaches
it (a legend names the colours); a small dot shows the label it is trained towards (hollow when
the label was filled in from the prediction). The current node is outlined in orange, with the
edges it uses; nodes the backward pass has reached get a dark red outline.

Edit the tree by mouse: right-click a node to change its label or bracket it with the word on
its left or right; Shift+click a neighbour of the selected node to bracket the two together.
Every edit makes a new example and the model runs again."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QActionGroup, QColor, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QMenu

from ..diagram.items import CURSOR
from ..diagram.layout import Node
from ..figures import add_figure_actions
from ..input_example import InputProblem
from ..kinds.graph_view import GraphView
from ..task_words import class_names
from . import editing
from . import example as examples
from .items import TreeNodeItem, class_colours, text_colour
from .layout import DX, DY, NODE, TreeLayout

EDGE = QPen(QColor("#9aa5b4"), 1.4)
EDGE_LIT = QPen(CURSOR, 3.0)


class TreeView(GraphView):
    figure_name = "tree"  # the file name its right-click menu offers

    def __init__(self, session, focus, parent=None):
        super().__init__(session, parent)
        self.focus = focus
        self.edges: dict[tuple[int, int], QGraphicsLineItem] = {}
        self._lit: list[QGraphicsLineItem] = []
        self._built = None
        self.colours: tuple[str, ...] = ()
        self.problem = None  # the last edit's problem, for tests
        self.matrices_note = ""  # su-rvnn: which matrices this tree's phrases use
        self.caption.setWordWrap(True)  # the legend, and that note under it
        session.trace_changed.connect(self._trace_changed)
        session.cursor_moved.connect(self._moved)
        focus.changed.connect(self.redraw)

    # ----- building ------------------------------------------------------------------------------
    def _trace_changed(self) -> None:
        session = self.session
        if session.trace is None:
            return
        example = session.example
        if self._built is not example:
            self._build(example)
            self._built = example
            self.fit()
        self._legend()
        self._matrices()
        self.redraw()

    def _build(self, example) -> None:
        self.scene.clear()
        self._lit, self.edges = [], {}
        flat = example.flat
        layout = TreeLayout.of(flat)
        unknown = iter(example.unknown)
        self.nodes = {}
        for n in range(flat.size):
            node = Node(("node", n), layout.x[n], layout.y[n], NODE, NODE)
            word = flat.tokens[n] if flat.left[n] < 0 else ""
            item = TreeNodeItem(node, word or "")
            if word:
                item.set_word_colour("#d62728" if next(unknown) else "#202020")
            if flat.categories[n]:
                item.set_category(flat.categories[n])
            self.scene.addItem(item)
            self.nodes[("node", n)] = item
        for n in range(flat.size):
            for child in (flat.left[n], flat.right[n]):
                if child < 0:
                    continue
                line = QGraphicsLineItem(
                    QLineF(layout.x[n], layout.y[n], layout.x[child], layout.y[child])
                )
                line.setPen(EDGE)
                line.setZValue(1)
                self.scene.addItem(line)
                self.edges[(n, int(child))] = line
        self.set_scene_rect(
            QRectF(-DX * 0.8, -DY * 0.6, layout.width + DX * 1.6, layout.height + DY * 1.3)
        )

    def _legend(self) -> None:
        session = self.session
        count = session.spec.output_size
        self.colours = class_colours(count)
        names = class_names(session.task.labels or []) or [str(k) for k in range(count)]
        parts = [
            f"<span style='background:{c}; color:{text_colour(c)}'>&nbsp;{k}&nbsp;</span> {name}"
            for k, (c, name) in enumerate(zip(self.colours, names, strict=False))
        ]
        title = self.tr("predicted class")
        self.caption.setText(f"{title}: " + " &nbsp;".join(parts))
        self.caption.setToolTip(
            self.tr(
                "A node's colour is its predicted class; the small dot is the label it is trained "
                "towards (hollow: filled in from the prediction). Right-click a node to change "
                "its label or its bracketing; Shift+click a neighbour of the selected node to "
                "bracket the two."
            )
        )

    def _matrices(self) -> None:
        """su-rvnn: under each phrase the matrix composing it (W_ab of its children's category
        pair, or the shared W), and a line saying when every phrase here uses the shared W (then
        su-rvnn computes exactly what rvnn does)."""
        session = self.session
        flat, trace = session.example.flat, session.trace
        su_rvnn = session.spec.model == "su-rvnn" and trace.pair is not None
        pairs = np.asarray(trace.pair[session.stepper.rows]) if su_rvnn else None
        phrases = [n for n in range(flat.size) if flat.left[n] >= 0]
        for n in phrases:
            item = self.nodes[("node", n)]
            if not su_rvnn:
                item.set_matrix("", False)
            elif pairs[n] >= 0:
                item.set_matrix(f"W_{{{flat.pairs[n]}}}", True)
            else:
                item.set_matrix("W", False)
        self.matrices_note = ""
        if su_rvnn and not any(pairs[n] >= 0 for n in phrases):
            if not any(flat.categories):
                why = self.tr("this tree has no categories")
            elif not session.spec.untied_pairs:
                why = self.tr("the network unties no pair")
            else:
                why = self.tr("none of its children's category pairs is untied")
            self.matrices_note = self.tr(
                "su-rvnn: every phrase of this tree is composed with the shared W ({0}), "
                "so here it computes what rvnn does."
            ).format(why)
        elif su_rvnn:
            untied = sum(pairs[n] >= 0 for n in phrases)
            self.matrices_note = self.tr(
                "su-rvnn: {0} of {1} phrases use their children's category pair's own W_ab "
                "(named under the node); the others the shared W."
            ).format(untied, len(phrases))
        if self.matrices_note:
            self.caption.setText(
                self.caption.text() + f"<br><span style='color:#7a3db8'>{self.matrices_note}</span>"
            )

    # ----- per event -----------------------------------------------------------------------------
    def current_key(self):
        stepper = self.session.stepper
        if stepper is None or stepper.event.phase == "loss":
            return None
        return ("node", stepper.event.node)

    def _moved(self, _index: int) -> None:
        self.redraw()
        self.show_current()

    def redraw(self) -> None:
        session = self.session
        if session.trace is None or self._built is not session.example:
            return
        stepper, trace, example = session.stepper, session.trace, session.example
        rows = range(stepper.rows.start, stepper.rows.stop)
        predicted = trace.predictions()[stepper.rows]
        forward, backward = stepper.known_forward(), stepper.known_backward()
        current, focused = self.current_key(), self.focus.key
        for n, _row in enumerate(rows):
            key = ("node", n)
            item = self.nodes[key]
            fill = self.colours[int(predicted[n])] if forward[n] else None
            if key == current:
                pen = "current"
            elif key == focused:
                pen = "selected"
            elif backward[n]:
                pen = "backward"
            else:
                pen = "plain" if forward[n] else "future"
            label = int(example.labels[n])
            colour = self.colours[label] if label >= 0 else None
            item.set_look(fill, pen, colour, bool(example.filled[n]))
            caption = str(int(predicted[n])) if forward[n] else ""
            if item.caption.text() != caption:
                item.set_caption(caption, text_colour(fill) if fill else "#202020")
            item.setToolTip(self._tooltip(n, trace.probabilities[stepper.rows][n], forward[n]))
        self._light(current, stepper.event.phase)

    def _tooltip(self, n: int, probs, known: bool) -> str:
        example, task = self.session.example, self.session.task
        names = class_names(task.labels or []) or [str(k) for k in range(len(probs))]
        text = f"{n}: '{example.flat.phrase(n)}'"
        if known:
            best = int(np.argmax(probs))
            text += "\n" + self.tr("predicted {0} (p = {1:.2f})").format(names[best], probs[best])
        label = int(example.labels[n])
        if label >= 0:
            how = self.tr("filled in") if example.filled[n] else self.tr("given")
            text += "\n" + self.tr("label {0} ({1})").format(names[label], how)
        return text

    def _light(self, current, phase: str) -> None:
        lit = []
        if current is not None:
            n = current[1]
            flat = self.session.example.flat
            lit = [self.edges[(n, int(c))] for c in (flat.left[n], flat.right[n]) if c >= 0]
        if lit == self._lit:
            return
        for line in self._lit:
            line.setPen(EDGE)
            line.setZValue(1)
        for line in lit:
            line.setPen(EDGE_LIT)
            line.setZValue(1.5)
        self._lit = lit

    # ----- the person's actions ------------------------------------------------------------------
    def clicked(self, key, modifiers) -> None:
        focused = self.focus.key
        if modifiers & Qt.KeyboardModifier.ShiftModifier and focused and focused != key:
            self.bracket(focused[1], key[1])
            return
        self.focus.set(key)

    def context_menu(self, key, position) -> None:
        n = key[1]
        example, task = self.session.example, self.session.task
        menu = QMenu(self)
        labels = menu.addMenu(self.tr("Label"))
        group = QActionGroup(labels)
        names = task.labels or [str(k) for k in range(self.session.spec.output_size)]
        given = int(example.labels[n]) if not example.filled[n] else -1
        for k, name in [(-1, self.tr("none (filled in from the prediction)"))] + list(
            enumerate(names)
        ):
            action = labels.addAction(name)
            action.setCheckable(True)
            action.setChecked(k == given)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, k=k: self.set_label(n, k))
        graph, node = example.graph, example.flat.nodes[n]
        for side, text in ((-1, self.tr("Bracket with the word on the left")),
                           (1, self.tr("Bracket with the word on the right"))):  # fmt: skip
            other = editing.neighbour(graph, node, side)
            action = menu.addAction(text)
            action.setEnabled(other is not None)
            if other is not None:
                m = example.flat.index(other)
                action.triggered.connect(lambda _c=False, m=m: self.bracket(n, m))
        focused = self.focus.key
        if focused is not None and focused != key:
            action = menu.addAction(self.tr("Bracket with the selected node (Shift+click)"))
            action.triggered.connect(lambda: self.bracket(focused[1], n))
        menu.addSeparator()
        add_figure_actions(menu, self.scene, self.figure_name, self)
        menu.popup(position)

    def set_label(self, n: int, label: int) -> None:
        example = self.session.example
        graph = editing.set_label(
            example.graph, example.flat.nodes[n], None if label < 0 else label
        )
        self._edit(graph)

    def bracket(self, first: int, second: int) -> None:
        """Make the constituents of nodes `first` and `second` (neighbours) one phrase."""
        example = self.session.example
        nodes = example.flat.nodes
        try:
            graph = editing.bracket(example.graph, nodes[first], nodes[second])
        except InputProblem as err:
            self.problem = str(err)
            self.session.status.emit(str(err))
            return
        self._edit(graph)

    def _edit(self, graph) -> None:
        session = self.session
        example = examples.from_graph(session.task, graph, session.ready_network())
        self.problem = None
        session.set_example(example)

    def minimum_scale(self) -> float:
        return 0.5
