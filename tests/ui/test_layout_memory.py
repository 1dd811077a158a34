"""The window remembers where the person put its docks, on the same screen only: a layout saved
on a large screen would squeeze the docks to nothing on a small one."""

from PySide6.QtCore import QSettings, QSize

from ui.main_window import MainWindow
from ui.session import Session


def _closed_window(qtbot, screen_area=None):
    window = MainWindow(Session(kernels=None), remember_layout=True)
    window.file_actions.ask_discard = lambda: "discard"
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.docks["inspector"].setFloating(True)  # the person's own arrangement
    window.close()
    if screen_area is not None:
        QSettings().setValue("window/screen", screen_area)


def test_the_layout_comes_back_on_the_same_screen(qtbot):
    _closed_window(qtbot)
    window = MainWindow(Session(kernels=None), remember_layout=True)
    qtbot.addWidget(window)
    assert window.docks["inspector"].isFloating()
    assert window._laid_out  # the saved arrangement is used as it is


def test_a_layout_from_another_screen_is_laid_out_afresh(qtbot):
    _closed_window(qtbot, screen_area=QSize(2560, 1440))
    window = MainWindow(Session(kernels=None), remember_layout=True)
    qtbot.addWidget(window)
    assert not window.docks["inspector"].isFloating()
    assert not window._laid_out
    area = window.screen().availableGeometry().size()
    assert window.width() <= area.width() and window.height() <= area.height()


def test_reset_layout_brings_every_dock_back_to_its_place_and_tab_group(window):
    docks = window.docks
    docks["inspector"].setFloating(True)
    window.removeDockWidget(docks["training"])  # dragged away from its tab group
    window.addDockWidget(window.dock_areas["curves"], docks["training"])
    docks["training"].show()
    window.reset_layout_action.trigger()
    assert not docks["inspector"].isFloating()
    assert docks["explanation"] in window.tabifiedDockWidgets(docks["inspector"])
    assert docks["training"] in window.tabifiedDockWidgets(docks["builder"])
    assert window.dockWidgetArea(docks["training"]) == window.dock_areas["training"]
