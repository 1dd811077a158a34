"""Every view at once: `write_figures` writes NAME.png and NAME.svg for each named figure;
`export_figures(window)` is File > Export figures…: a folder, a progress dialog when there is
more than a moment's work, and one message if anything fails (the window itself is unchanged)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog

from .image import save_png
from .menu import FOLDER_KEY
from .svg import save_svg


def write_figures(figures: dict, folder: Path, progress=None) -> list[Path]:
    """Each figure as NAME.png and NAME.svg in `folder` (made if missing); returns the files.
    `progress(done, total)` is called after each figure and returns False to stop."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for done, (name, figure) in enumerate(figures.items(), 1):
        written.append(save_png(figure, folder / f"{name}.png"))
        written.append(save_svg(figure, folder / f"{name}.svg"))
        if progress is not None and progress(done, len(figures)) is False:
            break
    return written


def export_figures(window) -> list[Path]:
    """Ask for a folder and write every view of the window into it."""
    start = QSettings().value(FOLDER_KEY, str(Path.home()))
    chosen = QFileDialog.getExistingDirectory(
        window, QCoreApplication.translate("ExportFigures", "Export figures into"), start
    )
    if not chosen:
        return []
    QSettings().setValue(FOLDER_KEY, chosen)
    dialog = QProgressDialog(
        QCoreApplication.translate("ExportFigures", "Writing the figures…"),
        QCoreApplication.translate("ExportFigures", "Stop"),
        0,
        1,
        window,
    )
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)

    def progress(done: int, total: int) -> bool:
        dialog.setMaximum(total)
        dialog.setValue(done)
        QApplication.processEvents()
        return not dialog.wasCanceled()

    try:
        written = write_figures(window.figures(), Path(chosen), progress)
    except (OSError, RuntimeError, ValueError) as err:
        dialog.close()
        QMessageBox.warning(
            window,
            QCoreApplication.translate("ExportFigures", "Export figures"),
            QCoreApplication.translate("ExportFigures", "Cannot write the figures: {0}").format(
                err
            ),
        )
        return []
    dialog.close()
    window.statusBar().showMessage(
        QCoreApplication.translate("ExportFigures", "{0} figures written into {1}.").format(
            len(written) // 2, chosen
        ),
        8000,
    )
    return written
