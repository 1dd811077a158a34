"""The window remembers where the person put its docks, on the same screen only: a layout saved
on a large screen would squeeze the docks to nothing on a small one."""

from PySide6.QtCore import QSettings, QSize

from ui.app import settle
from ui.main_window import TAB_GROUPS, MainWindow
from ui.session import Session

from .conftest import small_project


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


def _tab_bars_on_screen(window) -> list[tuple[str, ...]]:
    from PySide6.QtWidgets import QTabBar

    bars = window.findChildren(QTabBar)
    return sorted(
        tuple(bar.tabText(i) for i in range(bar.count())) for bar in bars if bar.isVisible()
    )


def test_no_old_tab_bar_is_left_over_the_plots(qtbot):
    # Qt left the tab bar of a group it regrouped on screen, drawn over the output plots, when a
    # project opened before the first layout had settled
    window = MainWindow(Session(kernels=None), remember_layout=False)
    window.file_actions.ask_discard = lambda: "discard"
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    window.session.open_project(small_project("char_lm", num_layers=2), None, name="test")
    groups = [[window.docks[name].windowTitle() for name in group] for group in TAB_GROUPS]
    expected = sorted(tuple(titles) for titles in groups)
    settle(window)
    assert _tab_bars_on_screen(window) == expected
    window.docks["gates"].setFloating(True)
    settle(window)
    window.reset_layout_action.trigger()
    settle(window)
    assert _tab_bars_on_screen(window) == expected
    window.close()
