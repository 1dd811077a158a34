"""Help: the keyboard shortcuts as the window's actions have them, and what rnnsim is."""

from ui.help_menu import shortcuts


def test_the_shortcut_list_is_read_from_the_actions_that_work(window):
    keys = dict((name, key) for key, name in shortcuts(window))
    assert keys["Play"] == "Space" and keys["Save"] == "Ctrl+S"
    assert keys["Keyboard shortcuts"] == "F1"
    window.stepper_bar.play_action.setShortcut("P")  # the list follows the actions
    assert dict((name, key) for key, name in shortcuts(window))["Play"] == "P"
    html = window.help_menu.shortcuts_html()
    assert "<b>Ctrl+Z</b>" in html and "Undo" in html


def test_about_names_the_program_and_its_version(window):
    from ui.help_menu import program_version

    assert f"rnnsim {program_version()}" in window.help_menu.about_html()
