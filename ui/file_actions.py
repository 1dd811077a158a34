"""FileActions: new, open, save, save as and recent files, asking before anything unsaved is
thrown away. Problems (a file that does not load or cannot be written) become a message in the
window; the project on screen stays as it was."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from simulator.resources import EXAMPLES, PROJECT_SUFFIX

RECENT_KEY = "recent_files"
MOST_RECENT = 8
FILTER = "rnnsim projects (*.rnnsim.json);;JSON (*.json)"


def shipped(path: Path) -> bool:
    """True for a file among the examples that come with rnnsim."""
    return Path(path).resolve().is_relative_to(EXAMPLES.resolve())


class FileActions(QObject):
    def __init__(self, window, session):
        super().__init__(window)
        self.window, self.session = window, session
        self.new_action = self._action(self.tr("&New…"), QKeySequence.StandardKey.New, self.new)
        self.open_action = self._action(self.tr("&Open…"), QKeySequence.StandardKey.Open, self.open)
        self.save_action = self._action(self.tr("&Save"), QKeySequence.StandardKey.Save, self.save)
        self.save_as_action = self._action(
            self.tr("Save &as…"), QKeySequence("Ctrl+Shift+S"), self.save_as
        )
        self.recent_menu = QMenu(self.tr("Open &recent"), window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        # Tests answer the "unsaved changes" question by replacing this.
        self.ask_discard = self._ask_discard

    def retranslate(self) -> None:
        self.new_action.setText(self.tr("&New…"))
        self.open_action.setText(self.tr("&Open…"))
        self.save_action.setText(self.tr("&Save"))
        self.save_as_action.setText(self.tr("Save &as…"))
        self.recent_menu.setTitle(self.tr("Open &recent"))

    def _action(self, text, keys, slot) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        return action

    # ----- unsaved changes --------------------------------------------------------------------
    def _ask_discard(self) -> str:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("{0} has changes that are not saved.").format(self.session.name),
            parent=self.window,
        )
        box.setInformativeText(self.tr("Save them first?"))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        answer = box.exec()
        return {
            QMessageBox.StandardButton.Save: "save",
            QMessageBox.StandardButton.Discard: "discard",
        }.get(QMessageBox.StandardButton(answer), "cancel")

    def may_discard(self) -> bool:
        """True when nothing unsaved would be lost (saved, discarded, or nothing changed)."""
        if not self.session.dirty:
            return True
        answer = self.ask_discard()
        if answer == "save":
            return self.save()
        return answer == "discard"

    # ----- actions -------------------------------------------------------------------------------
    def new(self) -> None:
        from .new_project_dialog import NewProjectDialog

        if not self.may_discard():
            return
        dialog = NewProjectDialog(self.window)
        if dialog.exec() and dialog.project is not None:
            self._show(dialog.project, None, self.tr("untitled"))

    def open(self) -> None:
        if not self.may_discard():
            return
        start = str(self.session.path.parent) if self.session.path else str(EXAMPLES)
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open a project"), start, FILTER)
        if path:
            self.open_path(path, ask=False)

    def open_path(self, path, example: bool = False, ask: bool = True, event: str = "loss") -> bool:
        """Open a project file (an example opens as an unsaved copy, so saving never
        overwrites the shipped file). Returns False when it did not open."""
        if ask and not self.may_discard():
            return False
        from simulator.project import Project, ProjectError

        path = Path(path)
        try:
            project = Project.load(path)
            name = (
                path.name[: -len(PROJECT_SUFFIX)]
                if path.name.endswith(PROJECT_SUFFIX)
                else path.name
            )
            self.session.open_project(
                project,
                None if example else path,
                self.tr("{0} (example)").format(name) if example else "",
                event=event,
            )
        except (ProjectError, ValueError, OSError) as err:
            self.session.problem.emit(self.tr("Could not open {0}: {1}").format(path.name, err))
            return False
        if not example:
            self._remember(path)
        return True

    def _show(self, project, path, name) -> None:
        from simulator.project import ProjectError

        try:
            self.session.open_project(project, path, name)
        except (ProjectError, ValueError) as err:
            self.session.problem.emit(str(err))

    def save(self) -> bool:
        """Save to the project's file; a new project, or a shipped example (never overwritten
        by Save), asks where to save instead."""
        if self.session.project is None:
            return False
        if self.session.path is None or shipped(self.session.path):
            return self.save_as()
        return self._write(self.session.path)

    def save_as(self) -> bool:
        if self.session.project is None:
            return False
        path = self.session.path
        if path is None:
            start = str(Path.home() / ("project" + PROJECT_SUFFIX))
        else:
            start = str(Path.home() / path.name if shipped(path) else path)
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save the project"), start, FILTER
        )
        if not path:
            return False
        if not path.endswith(".json"):
            path += PROJECT_SUFFIX
        return self._write(Path(path))

    def _write(self, path: Path) -> bool:
        from simulator.project import ProjectError

        try:
            self.session.save(path)
        except (ProjectError, OSError, ValueError) as err:
            self.session.problem.emit(self.tr("Could not save: {0}").format(err))
            return False
        self.session.status.emit(self.tr("Saved {0}").format(path))
        self._remember(path)
        return True

    # ----- recent files --------------------------------------------------------------------------
    def recent(self) -> list[str]:
        value = QSettings().value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [p for p in (value or []) if isinstance(p, str)]

    def _remember(self, path: Path) -> None:
        path = str(Path(path).resolve())
        files = [path] + [p for p in self.recent() if p != path]
        QSettings().setValue(RECENT_KEY, files[:MOST_RECENT])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = [p for p in self.recent() if Path(p).exists()]
        for path in files:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not files:
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)
