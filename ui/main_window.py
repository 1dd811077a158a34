"""MainWindow: the panels as docks around the model's page, the menus and the status line.

It wires panels to the session and nothing else: panels only listen to the session. The model's
own views (a page in the centre, the "Network" and "Inspector" docks' contents, docks of the
kind's own) come from its kind (ui.kinds.view_sets), built when a model of that kind is first
shown. More docks (training, translations) can be added with `add_dock`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from . import explanation_panel, lessons
from .dock_tabs import follow_tabs
from .exchange_actions import ExchangeActions
from .figures import write_figures
from .figures.export_all import export_figures
from .file_actions import FileActions
from .gallery_panel import GalleryPanel
from .help_menu import HelpMenu
from .i18n import LanguageMenu
from .kinds import view_sets
from .kinds.registry import WINDOW_KINDS
from .presentation import Presentation
from .status_line import StatusLine
from .stepper_bar import StepperBar
from .training import docks as training_docks
from .worker import Worker

LAYOUT_VERSION = 2  # 2: the Lessons dock
# Docks sharing one place as tabs, the first one raised.
TAB_GROUPS = (
    ("builder", "gallery", "training", "lessons"),
    ("inspector", "explanation"),
    ("gradients", "flow", "parameters", "curves"),
)


class ProblemBar(QFrame):
    """A message for the person about something to change, with a button to dismiss it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setStyleSheet("ProblemBar { background: #fff4ce; border: 1px solid #e0b000; }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.clicked.connect(lambda: self.show_text(""))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        row.addWidget(self.text, 1)
        row.addWidget(close)
        self.hide()

    def show_text(self, text: str) -> None:
        self.text.setText(text)
        self.setVisible(bool(text))


class MainWindow(QMainWindow):
    def __init__(self, session, remember_layout: bool = True, parent=None):
        super().__init__(parent)
        self.session = session
        self.remember_layout = remember_layout
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AllowNestedDocks
        )
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.BottomDockWidgetArea)

        self.problem_bar = ProblemBar()
        self.stepper_bar = StepperBar(session)
        self.views = QStackedWidget()  # one page per kind of model shown so far
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.problem_bar)
        column.addWidget(self.views, 1)
        column.addWidget(self.stepper_bar)
        self.setCentralWidget(central)

        self.gallery = GalleryPanel()
        self.docks: dict[str, QDockWidget] = {}
        self.dock_areas: dict[str, Qt.DockWidgetArea] = {}
        area = Qt.DockWidgetArea
        self.add_dock("builder", self.tr("Network"), None, area.LeftDockWidgetArea)
        self.add_dock("gallery", self.tr("Examples"), self.gallery, area.LeftDockWidgetArea)
        self.add_dock("inspector", self.tr("Inspector"), None, area.RightDockWidgetArea)
        for name, title in _kind_dock_titles().items():  # filled when their kind is shown
            self.add_dock(name, title, None, area.BottomDockWidgetArea)
        bottom = [self.docks[n] for n in ("hidden", "gates", "outputs", "gradients")]
        for left, right in zip(bottom, bottom[1:], strict=False):
            self.splitDockWidget(left, right, Qt.Orientation.Horizontal)
        self._laid_out = False
        self.training = training_docks.install(self)
        self.explanation = explanation_panel.install(self)
        self.lessons = lessons.install(self)  # the LessonGuide: the Lessons dock and menu
        self.view_sets = view_sets.install(self)  # each kind's views, built when first shown

        self.file_actions = FileActions(self, session)
        self.exchange_actions = ExchangeActions(self, session)
        self.presentation = Presentation(self)  # the remembered scale, F11, Ctrl+= / - / 0
        self._menus()
        self.status = StatusLine()  # said again in a new language
        self.statusBar().addWidget(self.status, 1)
        self.gallery.open_requested.connect(
            lambda path: self.file_actions.open_path(path, example=True)
        )
        session.problem.connect(self.problem_bar.show_text)
        session.status.connect(self.show_status)
        session.file_changed.connect(self._title)
        self._title()
        self.resize(self._first_size())
        if remember_layout:
            self._restore_layout()

    def _first_size(self) -> QSize:
        """1600 x 1000, or the screen's free area when that is smaller (a laptop at 1280 x 720
        must see the whole window, not its top-left part)."""
        return QSize(1600, 1000).boundedTo(self._screen_area())

    def _screen_area(self) -> QSize:
        screen = self.screen()
        return screen.availableGeometry().size() if screen is not None else QSize(1600, 1000)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._laid_out:
            self._laid_out = True
            self.fit_docks()

    def fit_docks(self) -> None:
        """Share the window between the docks for its size: the plots get the lower 40%; on a
        narrow screen the gates share a tab with the hidden state."""
        width, height = self.width(), self.height()
        horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        docks = self.docks
        for group in TAB_GROUPS:
            present = [docks[name] for name in group if name in docks]
            for first, second in zip(present, present[1:], strict=False):
                self.tabifyDockWidget(first, second)
            present[0].raise_()
        if width < 1450:
            self.tabifyDockWidget(docks["hidden"], docks["gates"])
            docks["hidden"].raise_()
            bottom = [docks["hidden"], docks["outputs"], docks["gradients"]]
            shares = [0.36, 0.30, 0.34]
        else:
            bottom = [docks[n] for n in ("hidden", "gates", "outputs", "gradients")]
            shares = [0.22, 0.30, 0.22, 0.26]
        self.resizeDocks(bottom, [int(width * s) for s in shares], horizontal)
        left = [docks[name] for name in TAB_GROUPS[0] if name in docks]
        self.resizeDocks(
            [docks["builder"], docks["inspector"]],
            [max(250, int(width * 0.18), self._tabs_width(left)), max(330, int(width * 0.26))],
            horizontal,
        )
        self.resizeDocks([docks["hidden"]], [int(height * 0.40)], vertical)
        self._hide_unused_tab_bars()

    def _tabs_width(self, docks) -> int:
        """Pixels a row of these docks' tabs needs to show every title whole."""
        metrics = self.fontMetrics()
        return sum(metrics.horizontalAdvance(dock.windowTitle()) + 26 for dock in docks)

    def add_dock(self, name: str, title: str, widget: QWidget | None, area) -> QDockWidget:
        """A dock holding `widget` (None: one a kind's views fill when first shown)."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{name}")
        if widget is not None:
            dock.setWidget(widget)
        follow_tabs(dock)  # a panel in a lowered tab waits, and catches up when raised
        self.addDockWidget(area, dock)
        self.docks[name] = dock
        self.dock_areas[name] = area
        return dock

    def reset_layout(self) -> None:
        """Every dock back in its first place, tab group and share of the window (a dock the
        model on screen has closed stays closed)."""
        for name, dock in self.docks.items():
            dock.setFloating(False)
            self.addDockWidget(self.dock_areas[name], dock)
        self.fit_docks()

    def _hide_unused_tab_bars(self) -> None:
        """Regrouping docks leaves Qt's old tab bars on screen over the plots (Qt shows the ones
        a group uses each time it lays the docks out): hide them all, relayout, and Qt shows
        those in use again."""
        for bar in self.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            bar.hide()
        self.layout().invalidate()
        self.layout().activate()

    def _menus(self) -> None:
        files = self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        fa = self.file_actions
        files.addAction(fa.new_action)
        files.addAction(fa.open_action)
        files.addMenu(fa.recent_menu)
        files.addSeparator()
        files.addAction(fa.save_action)
        files.addAction(fa.save_as_action)
        files.addSeparator()
        files.addActions(self.exchange_actions.actions())
        self.export_figures_action = files.addAction(
            self.tr("Export &figures…"), lambda: export_figures(self)
        )
        files.addSeparator()
        self.quit_action = files.addAction(
            self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close
        )
        self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.redo_action = None
        self._undo_actions()
        self.edit_menu.addSeparator()
        self.clear_interventions_action = self.edit_menu.addAction(
            self.tr("Clear interventions"), self.session.clear_interventions
        )
        self.session.trace_changed.connect(self._interventions_changed)
        self._interventions_changed()
        step = self.step_menu = self.menuBar().addMenu(self.tr("&Step"))
        for action in self.stepper_bar.actions_:
            step.addAction(action)
            self.addAction(action)  # shortcuts work wherever the focus is in the window
        view = self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        for action in self.presentation.actions():
            view.addAction(action)
            self.addAction(action)  # shortcuts work wherever the focus is, full screen too
        view.addSeparator()
        self.reset_layout_action = view.addAction(self.tr("Reset layout"), self.reset_layout)
        self.menuBar().addMenu(self.lessons_menu)
        self.menuBar().addMenu(LanguageMenu(self))
        self.help_menu = HelpMenu(self)
        self.menuBar().addMenu(self.help_menu)

    def _interventions_changed(self) -> None:
        self.clear_interventions_action.setEnabled(bool(self.session.interventions))

    def _undo_actions(self) -> None:
        """Undo and redo in the Edit menu. The stack writes "PREFIX command" into them, with the
        prefix given here: a new language needs new actions."""
        stack = self.session.undo_stack
        old = (self.undo_action, self.redo_action)
        self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for previous, action in zip(old, (self.undo_action, self.redo_action), strict=True):
            if previous is None:
                self.edit_menu.addAction(action)
            else:
                self.edit_menu.insertAction(previous, action)
                self.edit_menu.removeAction(previous)
                previous.deleteLater()

    # ----- language ----------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every text the window itself owns again (the panels do their own)."""
        titles = {
            "builder": self.tr("Network"),
            "gallery": self.tr("Examples"),
            "inspector": self.tr("Inspector"),
            **_kind_dock_titles(),
        }
        for name, title in titles.items():
            self.docks[name].setWindowTitle(title)
        training_docks.retranslate(self)
        explanation_panel.retranslate(self)
        lessons.retranslate(self)
        self.file_menu.setTitle(self.tr("&File"))
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self._undo_actions()
        self.clear_interventions_action.setText(self.tr("Clear interventions"))
        self.step_menu.setTitle(self.tr("&Step"))
        self.view_menu.setTitle(self.tr("&View"))
        self.reset_layout_action.setText(self.tr("Reset layout"))
        self.presentation.retranslate()
        self.export_figures_action.setText(self.tr("Export &figures…"))
        self.file_actions.retranslate()
        self.exchange_actions.retranslate()
        self._title()

    # ----- messages ----------------------------------------------------------------------------
    def show_status(self, text) -> None:
        self.status.say(text)

    def show_problem(self, text: str) -> None:
        self.problem_bar.show_text(text)

    def _title(self) -> None:
        session = self.session
        name = session.name or self.tr("no project")
        self.setWindowTitle(f"{name}{'*' if session.dirty else ''} — rnnsim")

    # ----- the recurrent network's views (built on first use) ------------------------------------
    @property
    def recurrent_views(self):
        return self.view_sets.views("recurrent")

    @property
    def builder(self):
        return self.recurrent_views.builder

    @property
    def inspector(self):
        return self.recurrent_views.inspector

    @property
    def input_panel(self):
        return self.recurrent_views.input_panel

    @property
    def diagram(self):
        return self.recurrent_views.diagram

    @property
    def plots(self) -> dict:
        return self.recurrent_views.plots

    # ----- figures -------------------------------------------------------------------------------
    def figures(self) -> dict:
        """name -> figure (ui.figures) for every view showing something: the kind's views and
        the training curves once a run has drawn them."""
        figures = self.view_sets.figures()
        if self.training_curves.items:
            figures["training_curves"] = self.training_curves.view.ci
        return figures

    def export_plots(self, folder) -> list[Path]:
        """Every figure as PNG and vector SVG in `folder`; returns the files written."""
        return write_figures(self.figures(), Path(folder))

    # ----- layout memory and closing ------------------------------------------------------------
    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        state = settings.value("window/state")
        if settings.value("window/screen") != self._screen_area():
            return  # another screen: its docks' sizes would not fit, lay them out afresh
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None and self.restoreState(state, LAYOUT_VERSION):
            self._laid_out = True  # the person's own arrangement

    def closeEvent(self, event) -> None:
        self.training.stop_and_wait()  # the weights reached go into the project, to be saved
        if not self.file_actions.may_discard():
            event.ignore()
            return
        self.stepper_bar.pause()
        self.view_sets.close_work()
        if self.session.kernels is not None and self.session.kernels.isRunning():
            self.hide()  # a kernel being compiled cannot be interrupted: finish out of sight
            self.session.kernels.stop()
        Worker.stop_all()
        if self.remember_layout:
            settings = QSettings()
            settings.setValue("window/geometry", self.saveGeometry())
            settings.setValue("window/state", self.saveState(LAYOUT_VERSION))
            settings.setValue("window/screen", self._screen_area())
        event.accept()


def _kind_dock_titles() -> dict[str, str]:
    """Every kind's own docks, titled in the interface's language."""
    return {
        name: QCoreApplication.translate("MainWindow", title)
        for kind in WINDOW_KINDS
        for name, title in kind.docks.items()
    }
