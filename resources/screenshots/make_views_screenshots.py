"""The README's screenshots of the encoder-decoder's and the trees' views (run by hand):

    .venv/bin/python resources/screenshots/make_views_screenshots.py [OUT_DIR] [WxH]

encoder_decoder.png: reversing, at the attention of decoder step 4 (heat map, attention lines,
the inspector's two steps); beam_search.png and attention_playground.png: the other two tabs;
tree_rntn.png: the rntn composing the first test tree at its root (tensor term beside the W term);
tree_error.png: a tree typed with a bracket missing, marked in place. Rendered offscreen."""

from __future__ import annotations

import sys
from pathlib import Path

from shooting import arguments, open_window, save


def shot(app, out: Path, size, example: str, event: str, prepare=None) -> None:
    from simulator.project import Project
    from simulator.resources import example as example_path

    window = open_window(Project.load(example_path(example)), example, size)
    if prepare is not None:
        prepare(window)
    window.session.goto(window.session.stepper.find(event))
    save(app, window, out)


def main(argv: list[str]) -> None:
    out, size, app = arguments(argv)

    def tab(index):
        return lambda window: window.view_sets.sets["encoder-decoder"].tabs.setCurrentIndex(index)

    def broken(window):
        editor = window.view_sets.sets["tree"].editor
        editor.text.setPlainText("(3 (2 not) (3 (3 very) (4 good))")
        editor.read_text()

    shot(app, out / "encoder_decoder.png", size, "reverse_attention", "attention:4")
    shot(app, out / "beam_search.png", size, "dates_input_feeding", "loss", tab(1))
    shot(app, out / "attention_playground.png", size, "reverse_attention", "attention:2", tab(2))
    shot(app, out / "tree_rntn.png", size, "tree_sentiment_rntn", "forward:6")
    shot(app, out / "tree_error.png", size, "tree_sentiment_rvnn", "backward:5", broken)


if __name__ == "__main__":
    main(sys.argv[1:])
