"""`rnnsim FILE --goto EVENT --screenshot OUT.png` and friends, run as a person would."""

import pytest

from simulator.resources import DEFAULT_EXAMPLE

from ..run_rnnsim import rnnsim

pytestmark = pytest.mark.slow  # each starts the program afresh (~1.3 s a run)


def test_screenshot_and_export_of_a_project_at_an_event(tmp_path):
    shot = tmp_path / "shot.png"
    result = rnnsim(
        str(DEFAULT_EXAMPLE),
        "--goto",
        "backward:2",
        "--screenshot",
        str(shot),
        "--export-plots",
        str(tmp_path / "plots"),
    )
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 10_000
    assert (tmp_path / "plots" / "hidden_state.svg").exists()
    assert "Traceback" not in result.stderr


def test_bad_file_or_event_is_one_line_and_exit_code_2(tmp_path):
    missing = rnnsim(str(tmp_path / "nope.rnnsim.json"), "--screenshot", str(tmp_path / "a.png"))
    assert missing.returncode == 2
    assert missing.stderr.strip().count("\n") == 0 and "no such file" in missing.stderr
    event = rnnsim(
        str(DEFAULT_EXAMPLE), "--goto", "sideways:3", "--screenshot", str(tmp_path / "b.png")
    )
    assert event.returncode == 2
    assert event.stderr.strip().count("\n") == 0 and "sideways:3" in event.stderr
    assert not (tmp_path / "b.png").exists()


def test_without_a_display_the_window_says_so_and_points_to_screenshot():
    result = rnnsim(env=dict.fromkeys(("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "--screenshot" in result.stderr and "display" in result.stderr
