"""The `rnnsim` console script: the one module that starts both layers.

The engine's command line (simulator.cli) parses the arguments and runs the headless commands
without importing Qt; when no command is named it calls back here to open the window (ui.app).
Both the window and the commands run with the allocator setting of simulator.allocator, which
`import simulator` alone leaves to the host program.
"""

from __future__ import annotations

import sys
from importlib.util import find_spec

from simulator import cli
from simulator.allocator import keep_freed_memory


def main(argv: list[str] | None = None) -> int:
    keep_freed_memory()
    return cli.main(argv, window=_open_window if find_spec("PySide6") else None)


def _open_window(args) -> int:
    from .app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
