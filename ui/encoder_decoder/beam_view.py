"""BeamView: beam search on the current source sentence, step by step. A column per step shows
the K hypotheses that live on (their text and summed log-probability) and, in green, those that
ended there with <eos> (with their score, log p / length^penalty); below, the final ranking.
Width and length normalisation are settable; the search runs when asked and whenever the
sentence or the network changes while the view is shown (or, on a first start, once the
decoding kernels are compiled: the view says so meanwhile)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from simulator.encoder_decoder import EOS

from ..figures import attach_figure_menu
from ..kernels import compile_status
from ..kinds.kernels import manager
from .decoding_kernels import decoding_key, decoding_ready

ENDED = QColor("#dff0d8")
BEST = QColor("#b9dfb0")


class BeamView(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.width_label, self.penalty_label = QLabel(), QLabel()
        self.width = QSpinBox()
        self.width.setRange(1, 12)
        self.width.setValue(3)
        self.penalty = QDoubleSpinBox()
        self.penalty.setRange(0.0, 3.0)
        self.penalty.setSingleStep(0.1)
        self.penalty.setValue(1.0)
        self.search_button = QPushButton()
        self.search_button.clicked.connect(self.search)
        for box in (self.width, self.penalty):
            box.valueChanged.connect(self._later)
        controls = QHBoxLayout()
        for widget in (self.width_label, self.width, self.penalty_label, self.penalty):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.search_button)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.ranking = QLabel()
        self.ranking.setTextFormat(Qt.TextFormat.RichText)
        self.ranking.setWordWrap(True)
        self.ranking.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.ranking)
        self.result = None
        self._stale = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)  # the width and penalty boxes: search once they settle
        self._timer.timeout.connect(self.search)
        session.trace_changed.connect(self._changed)
        manager().ready.connect(self._kernels_ready)
        manager().compiling.connect(self._compiling)
        self.retranslate()
        attach_figure_menu(self, self, "beam_search")

    def retranslate(self) -> None:
        self.width_label.setText(self.tr("beam width K"))
        self.penalty_label.setText(self.tr("length penalty"))
        self.penalty.setToolTip(
            self.tr("score = log p / length^penalty (0: the plain sum; 1: the mean per token)")
        )
        self.search_button.setText(self.tr("Search"))
        if self.result is not None:
            self._show()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----- running -------------------------------------------------------------------------------
    def _changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.search()

    def _later(self) -> None:
        self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.search()

    def search(self) -> None:
        session = self.session
        if session.trace is None or session.example is None:
            return
        if not decoding_ready(session):
            self._stale = True  # searched once they are (_kernels_ready)
            self.result = None
            self.table.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.ranking.setText(
                self.tr(
                    "Preparing the compiled kernels for beam search (only the first start is slow)…"
                )
            )
            return
        self._stale = False
        self.searched_width = self.width.value()
        self.result = session.network.beam_search(
            session.example.source_ids[None],
            beam_width=self.searched_width,
            length_penalty=self.penalty.value(),
        )  # the engine's search, with what each step held (Decoded.steps)
        self._show()

    def _waits_for(self, key: str) -> bool:
        return (
            self.result is None
            and self.session.project is not None
            and (key == decoding_key(self.session))
        )

    def _kernels_ready(self, key: str) -> None:
        if self._waits_for(key) and self.isVisible():
            self.search()

    def _compiling(self, key: str, done: int, total: int) -> None:
        if self._waits_for(key) and self.session.trace is not None:
            self.ranking.setText(compile_status(key, done, total))

    # ----- showing -------------------------------------------------------------------------------
    def _text(self, tokens) -> str:
        vocabulary = self.session.task.target_vocabulary
        words = [vocabulary.tokens[t] for t in tokens]
        separator = getattr(self.session.task, "target_separator", " ")
        return separator.join(words) if words else "∅"

    def _tail(self, tokens, shown: int = 4) -> str:
        """The last few tokens of a hypothesis (a cell is narrow; the tooltip has them all)."""
        text = self._text(tokens[-shown:])
        return ("…" if len(tokens) > shown else "") + text

    def _show(self) -> None:
        K, steps, final = self.searched_width, self.result.steps[0], self.result.hypotheses[0]
        self.table.clear()
        self.table.setColumnCount(len(steps))
        self.table.setRowCount(2 * K)
        self.table.setHorizontalHeaderLabels([str(s + 1) for s in range(len(steps))])
        self.table.setVerticalHeaderLabels(
            [self.tr("beam {0}").format(k) for k in range(K)]
            + [self.tr("ended") if k == 0 else "" for k in range(K)]
        )
        best_tokens = tuple(int(t) for t in final[0].tokens) if final else None
        for s, step in enumerate(steps):
            for k, beam in enumerate(step.live):
                item = QTableWidgetItem(f"{self._tail(beam.tokens)}  {beam.log_probability:.2f}")
                tip = self._text(beam.tokens)
                if s > 0:
                    tip += "\n" + self.tr("extends beam {0} of the step before with '{1}'").format(
                        beam.parent, self._text(beam.tokens[-1:])
                    )
                item.setToolTip(tip)
                self.table.setItem(k, s, item)
            for k, beam in enumerate(step.ended):
                text = f"{self._tail(beam.tokens[:-1], 3)} <eos>"
                item = QTableWidgetItem(f"{text}  {beam.log_probability:.2f} → {beam.score:.2f}")
                best = beam.tokens == best_tokens
                item.setBackground(QBrush(BEST if best else ENDED))
                item.setToolTip(
                    self._text(beam.tokens[:-1])
                    + "\n"
                    + self.tr("ended here; score = log p / length^penalty")
                )
                self.table.setItem(K + k, s, item)
        rows = []
        length_word, score_word = self.tr("length"), self.tr("score")
        for rank, found in enumerate(final):
            mark = "" if found.ended else self.tr(" (did not end)")
            written = [int(t) for t in found.tokens if t != EOS]
            rows.append(
                f"<tr><td>{rank + 1}.</td><td><b>{self._text(written)}"
                f"</b>{mark}</td><td>log p {found.log_probability:.3f}</td>"
                f"<td>{length_word} {len(found.tokens)}</td>"
                f"<td>{score_word} {found.score:.3f}</td></tr>"
            )
        title = self.tr("Final ranking")
        self.ranking.setText(f"<b>{title}</b><table cellspacing='4'>{''.join(rows)}</table>")
