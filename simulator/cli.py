"""The `rnnsim` command."""

from __future__ import annotations

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rnnsim",
        description="Build, step through and train recurrent neural networks for NLP.",
    )
    sub = parser.add_subparsers(dest="command")
    sub.add_parser(
        "demo", help="print a short headless demonstration of BPTT and vanishing gradients"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command in (None, "demo"):
        from . import demo

        demo.run()
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
