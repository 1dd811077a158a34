"""ExplanationPanel: a short explanation of the model on screen, in the interface's language
(resources/explanations/KEY.{en,zh}.html, written from the notes): what the cell computes, what
its gates mean, why it helps (or not) with long-range dependencies. It follows the network as
it changes; the list above it shows any other model's explanation."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QTextBrowser, QVBoxLayout, QWidget

from simulator.resources import EXPLANATIONS

from .i18n import current_language
from .translation_marks import QT_TRANSLATE_NOOP

FOLDER = EXPLANATIONS
# key -> the model's name in the list (translated where shown)
MODELS = {
    "rnn": QT_TRANSLATE_NOOP("ExplanationPanel", "simple RNN"),
    "residual_rnn": QT_TRANSLATE_NOOP("ExplanationPanel", "residual RNN"),
    "tdnn": QT_TRANSLATE_NOOP("ExplanationPanel", "time-delay network (TDNN)"),
    "gru_pytorch": QT_TRANSLATE_NOOP("ExplanationPanel", "GRU (PyTorch variant)"),
    "gru_textbook": QT_TRANSLATE_NOOP("ExplanationPanel", "GRU (textbook variant)"),
    "lstm": QT_TRANSLATE_NOOP("ExplanationPanel", "LSTM"),
    "stacked": QT_TRANSLATE_NOOP("ExplanationPanel", "stacked RNN"),
    "bidirectional": QT_TRANSLATE_NOOP("ExplanationPanel", "bidirectional RNN"),
    "encoder_decoder": QT_TRANSLATE_NOOP("ExplanationPanel", "encoder-decoder"),
    "attention": QT_TRANSLATE_NOOP("ExplanationPanel", "attention"),
    "rvnn": QT_TRANSLATE_NOOP("ExplanationPanel", "recursive network (RvNN)"),
    "su_rvnn": QT_TRANSLATE_NOOP("ExplanationPanel", "syntactically untied RvNN"),
    "mv_rnn": QT_TRANSLATE_NOOP("ExplanationPanel", "matrix-vector RNN"),
    "rntn": QT_TRANSLATE_NOOP("ExplanationPanel", "recursive neural tensor network"),
}
THIS_NETWORK = ""


def explanation_keys(spec) -> list[str]:
    """The explanations that describe `spec` (any kind's: ui.kinds.registry)."""
    if spec is None:
        return []
    from .kinds.registry import window_kind

    return window_kind(spec).explanation_keys(spec)


def explanation(key: str, language: str) -> str:
    """The HTML of one explanation in "en" or "zh" (English when a translation is missing)."""
    path = FOLDER / f"{key}.{language}.html"
    if not path.exists():
        path = FOLDER / f"{key}.en.html"
    return path.read_text(encoding="utf-8")


class ExplanationPanel(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.choice = QComboBox()
        self.choice.setObjectName("explanation_choice")
        self.choice.addItem("", THIS_NETWORK)
        for key in MODELS:
            self.choice.addItem("", key)
        self.choice.currentIndexChanged.connect(self.refresh)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.choice)
        layout.addWidget(self.text, 1)
        session.network_changed.connect(self.refresh)
        session.project_changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.choice.setItemText(0, self.tr("This network"))
        for index, name in enumerate(MODELS.values(), start=1):
            self.choice.setItemText(index, self.tr(name))
        self.choice.setToolTip(self.tr("Explain the network on screen, or any other model"))
        self.refresh()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def keys(self) -> list[str]:
        chosen = self.choice.currentData()
        return [chosen] if chosen else explanation_keys(self.session.spec)

    def refresh(self) -> None:
        keys = self.keys()
        if not keys:
            self.text.setHtml(self.tr("Open or build a network to see its explanation."))
            return
        language = current_language()
        self.text.setHtml("<hr>".join(explanation(key, language) for key in keys))


def install(window) -> ExplanationPanel:
    """The panel as a dock (tabbed with the inspector: main_window.TAB_GROUPS)."""
    from PySide6.QtCore import QCoreApplication, Qt

    panel = ExplanationPanel(window.session)
    title = QCoreApplication.translate("ExplanationPanel", "About this model")
    window.add_dock("explanation", title, panel, Qt.DockWidgetArea.RightDockWidgetArea)
    return panel


def retranslate(window) -> None:
    from PySide6.QtCore import QCoreApplication

    if "explanation" in window.docks:
        title = QCoreApplication.translate("ExplanationPanel", "About this model")
        window.docks["explanation"].setWindowTitle(title)
