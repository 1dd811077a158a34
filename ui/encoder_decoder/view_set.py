"""EncoderDecoderViewSet: the encoder-decoder's page in the window's centre (input, the unrolled
encoder and decoder, and below them the attention heat map, beam search and the attention
playground as tabs), with its builder and inspector for the "Network" and "Inspector" docks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout

from simulator.kinds import ENCODER_DECODER

from ..attention_playground.panel import AttentionPlayground
from ..kernels import kernel_key
from ..kinds.focus import Focus
from ..kinds.kernels import is_ready, manager
from ..kinds.view_set import ViewSet
from .beam_view import BeamView
from .builder import EncoderDecoderBuilder
from .diagram import EncoderDecoderDiagram
from .heatmap import AttentionHeatmap
from .input_panel import EncoderDecoderInput
from .inspector import EncoderDecoderInspector


class EncoderDecoderViewSet(ViewSet):
    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.focus = Focus(session, self)
        self.input_panel = EncoderDecoderInput(session)
        self.diagram = EncoderDecoderDiagram(session, self.focus)
        self.heatmap = AttentionHeatmap(session, self.focus)
        self.beams = BeamView(session)
        self.playground = AttentionPlayground(self._attention_ready)
        manager().ready.connect(self._kernels_ready)  # the playground draws once they are
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for widget in (self.heatmap, self.beams, self.playground):
            self.tabs.addTab(widget, "")
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.diagram)
        self.split.addWidget(self.tabs)
        self.split.setSizes([560, 440])  # shares kept as the window is resized
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.input_panel)
        layout.addWidget(self.split, 1)
        self.builder = EncoderDecoderBuilder(session)
        self.inspector = EncoderDecoderInspector(session, self.focus)
        self._split_for = None  # the diagram shape the split was last fitted to
        session.trace_changed.connect(self._fit_split)
        self.retranslate()

    def _fit_split(self) -> None:
        """Give the diagram the height its picture needs at this width (a long sentence is
        wide and low), between 30% and 60%; the tabs get the rest. Once per new shape."""
        shape = self.diagram._shape
        total = sum(self.split.sizes())
        if shape is None or shape == self._split_for or total <= 0 or not self.isVisible():
            return
        self._split_for = shape
        rect = self.diagram.scene.sceneRect()
        width = max(self.split.width() - 4, 1)
        scale = min(max(width / rect.width(), self.diagram.minimum_scale()), 1.4)
        needed = rect.height() * scale + 50  # the caption line and a margin
        share = int(min(max(needed, 0.3 * total), 0.6 * total))
        self.split.setSizes([share, total - share])
        self.diagram.fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_split()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_split()

    def _attention_ready(self) -> bool:
        """The playground attends in float64: whether those kernels can run now; if not, they
        are asked for (the session's own may be float32), and _kernels_ready redraws it."""
        key = kernel_key(ENCODER_DECODER.name)
        if self.session.kernels is None or is_ready(key):
            return True
        if self.isVisible():
            manager().request(key, self.session)
        return False

    def _kernels_ready(self, key: str) -> None:
        if key == kernel_key(ENCODER_DECODER.name):
            self.playground.update_views()

    def figures(self) -> dict:
        """The unrolled encoder and decoder, the attention heat map and the beam search (each
        tab shown a moment: a hidden tab has no size to draw; the tab in front stays)."""
        from PySide6.QtWidgets import QApplication

        shown = self.tabs.currentWidget()
        figures = {"encoder_decoder": self.diagram.scene}
        self.tabs.setCurrentWidget(self.heatmap)
        QApplication.processEvents()
        figures.update(self.heatmap.plot_items())
        self.tabs.setCurrentWidget(self.beams)
        QApplication.processEvents()
        figures["beam_search"] = self.beams
        self.tabs.setCurrentWidget(shown)
        return figures

    def retranslate(self) -> None:
        for index, text in enumerate(
            (self.tr("Attention heat map"), self.tr("Beam search"), self.tr("Attention playground"))
        ):
            self.tabs.setTabText(index, text)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
