"""The README's screenshots of the encoder-decoder's and the trees' views (run by hand):

    .venv/bin/python resources/screenshots/make_views_screenshots.py [OUT_DIR] [WxH]

encoder_decoder.png: reversing, at the attention of decoder step 4 (heat map, attention lines,
the inspector's two steps); beam_search.png and attention_playground.png: the other two tabs;
tree_rntn.png: the rntn composing "don't avoid his songs" (tensor term beside the W term);
tree_error.png: a tree typed with a bracket missing, marked in place. Rendered offscreen."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def shot(app, out: Path, size, example: str, event: str, prepare=None) -> None:
    from simulator.project import Project
    from simulator.resources import example as example_path
    from ui.app import settle
    from ui.main_window import MainWindow
    from ui.session import Session

    session = Session(kernels=None)
    window = MainWindow(session, remember_layout=False)
    window.file_actions.ask_discard = lambda: "discard"
    window.resize(*size)
    window.show()
    session.open_project(Project.load(example_path(example)), None, name=example)
    if prepare is not None:
        prepare(window)
    session.goto(session.stepper.find(event))
    settle(window)
    for _ in range(20):
        app.processEvents()
    window.grab().save(str(out))
    print(out)
    window.close()


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else Path(__file__).resolve().parent
    size = tuple(map(int, argv[1].split("x"))) if len(argv) > 1 else (1600, 1000)
    from ui.app import _application

    app = _application()

    def tab(index):
        return lambda window: window.view_sets.sets["encoder-decoder"].tabs.setCurrentIndex(index)

    def broken(window):
        editor = window.view_sets.sets["tree"].editor
        editor.text.setPlainText("(3 (2 not) (3 (3 very) (4 good))")
        editor.read_text()

    shot(app, out / "encoder_decoder.png", size, "reverse_attention", "attention:4")
    shot(app, out / "beam_search.png", size, "dates_input_feeding", "loss", tab(1))
    shot(app, out / "attention_playground.png", size, "reverse_attention", "attention:2", tab(2))
    shot(app, out / "tree_rntn.png", size, "tree_sentiment_rntn", "forward:10")
    shot(app, out / "tree_error.png", size, "tree_sentiment_rvnn", "backward:9", broken)


if __name__ == "__main__":
    main(sys.argv[1:])
