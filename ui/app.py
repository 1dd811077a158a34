"""`rnnsim [FILE] [--goto EVENT] [--screenshot OUT.png] [--export-plots DIR]`: the window.

The window shows first; a background thread then imports the engine and compiles (or loads from
Numba's cache) the kernels, and the project appears once its kernels are ready. With
--screenshot or --export-plots nothing is shown on screen: the window is rendered offscreen, the
files are written, and the program exits (exit code 2 with one line on stderr when FILE or EVENT
is wrong).
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

from simulator.resources import DEFAULT_EXAMPLE, PROJECT_SUFFIX
from simulator.threads import engine_threads

from .display import display_problem, use_offscreen

SCREENSHOT_SIZE = (1600, 1000)
# The window shares the GIL with its worker threads (kernels loading, training, lessons): each
# time another thread holds it, the GUI thread waits up to the switch interval (Python's default
# 5 ms, often several times over). Two networks training with a third program busy: event-loop
# p99 gap 35-40 ms at 0.5 ms against 43-60 ms at 5 ms, steps/s level (docs/speed.md).
SWITCH_INTERVAL = 0.0005


def run(args) -> int:
    batch = bool(args.screenshot or args.export_plots)
    if batch:
        use_offscreen()
    else:
        problem = display_problem()
        if problem is not None:
            print(problem, file=sys.stderr)
            return 2
    app = _application()
    if batch:
        return _batch(app, args)
    return _interactive(app, args)


def _application():
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qInstallMessageHandler(_qt_message)
    sys.setswitchinterval(SWITCH_INTERVAL)
    engine_threads.sharing = False  # the GUI thread needs the core a large run could take
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("rnnsim")
    app.setApplicationName("rnnsim")
    from .i18n import start_language

    app.setProperty("font_problem", start_language())  # the window shows it
    return app


QUIET = ("propagateSizeHints",)  # what the offscreen platform says about every window


def _qt_message(_kind, _context, message: str) -> None:
    if not any(part in message for part in QUIET):
        print(message, file=sys.stderr)


def _fail(message: str) -> int:
    print(f"rnnsim: error: {message}", file=sys.stderr)
    return 2


def _load(path):
    """The project at `path`: (project, None) or (None, the reason it does not load)."""
    from simulator.project import Project, ProjectError

    try:
        return Project.load(path), None
    except ProjectError as err:
        return None, str(err)


# ----- the window, for a person ----------------------------------------------------------------
def _interactive(app, args) -> int:
    project = None
    if args.file:  # a wrong file is reported before any window appears
        project, problem = _load(args.file)
        if problem:
            return _fail(problem)
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C in the terminal ends the window
    open_window(args, project)
    return app.exec()


def open_window(args, project=None):
    """Show the window now; open the project (or the default example) once the engine is
    imported and its kernels are compiled, in a background thread. Returns the window."""
    from .kernels import ALL_CELLS, KernelWarmup, kernel_key
    from .main_window import MainWindow
    from .session import Session

    kernels = KernelWarmup()
    session = Session(kernels)
    window = MainWindow(session)
    _catch_errors(window)
    window.show()
    from PySide6.QtCore import QCoreApplication

    font_problem = QCoreApplication.instance().property("font_problem")
    if font_problem:  # Chinese was asked for, but no font can show it
        print(f"rnnsim: {font_problem}", file=sys.stderr)
        window.show_problem(font_problem)
    session.status.emit(
        QCoreApplication.translate(
            "MainWindow",
            "Preparing the compiled kernels (the first start compiles "
            "them: this takes a while; later starts are quick)…",
        )
    )
    event = args.goto or "loss"

    def open_first() -> None:
        kernels.imported.disconnect(open_first)
        if project is not None:
            try:
                session.open_project(project, args.file, event=event)
            except ValueError as err:
                session.problem.emit(str(err))
        else:
            window.file_actions.open_path(DEFAULT_EXAMPLE, example=True, ask=False, event=event)

    def prefetch(_key: str) -> None:  # once the first kernels are in, warm the others
        if not fetched:
            fetched.append(True)
            kernels.request(*(kernel_key(c) for c in ALL_CELLS), urgent=False)

    fetched = []

    kernels.imported.connect(open_first)
    kernels.key_ready.connect(prefetch)
    kernels.failed.connect(session.problem.emit)
    kernels.request(kernel_key(_first_cell(project)))
    return window


def _first_cell(project) -> str:
    """The cell whose kernels this thread loads first: a recurrent project's own, else the
    default example's. A project of another kind opens once the engine is imported, and its
    runner then prepares its kernel set (ui.kinds.kernels)."""
    from simulator.kinds import RECURRENT, kind_of

    if project is not None and kind_of(project.spec) is RECURRENT:
        return RECURRENT.kernel_set(project.spec)
    return "lstm"


def _catch_errors(window) -> None:
    """An unexpected error becomes a message in the window (the traceback goes to stderr for a
    bug report); what the person built stays as it was."""

    from PySide6.QtCore import QCoreApplication

    def hook(kind, value, tb):
        traceback.print_exception(kind, value, tb)
        window.show_problem(
            QCoreApplication.translate(
                "MainWindow",
                "Something went wrong: {0}. Your network is unchanged; "
                "please report this with the text printed in the "
                "terminal.",
            ).format(value)
        )

    sys.excepthook = hook


# ----- files without a screen ------------------------------------------------------------------
def _batch(app, args) -> int:
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow
    from .session import Session
    from .worker import Worker

    path = Path(args.file) if args.file else DEFAULT_EXAMPLE
    project, problem = _load(path)
    if problem:
        return _fail(problem)
    errors = []
    sys.excepthook = lambda kind, value, tb: (
        errors.append(value),
        traceback.print_exception(kind, value, tb),
    )
    session = Session(kernels=None)
    window = MainWindow(session, remember_layout=False)
    window.resize(*SCREENSHOT_SIZE)
    name = path.name[: -len(PROJECT_SUFFIX)] if path.name.endswith(PROJECT_SUFFIX) else path.name
    try:
        session.open_project(project, path if args.file else None, name=name)
    except ValueError as err:
        return _fail(str(err))
    if session.trace is None:
        return _fail(f"{path}: the network could not run on its example")
    if args.goto:
        try:
            session.goto(session.stepper.find(args.goto))
        except ValueError as err:
            return _fail(f"--goto {args.goto}: {err}")
    window.show()
    settle(window)
    code = 0
    if args.screenshot:
        out = Path(args.screenshot)
        if not window.grab().save(str(out)):
            code = _fail(f"cannot write the screenshot {out}")
    if args.export_plots and code == 0:
        try:
            window.export_plots(args.export_plots)
        except OSError as err:
            code = _fail(f"cannot write the plots into {args.export_plots}: {err}")
    window.close()
    Worker.stop_all()
    QApplication.processEvents()
    if errors and code == 0:
        code = _fail(f"drawing the window failed: {errors[0]}")
    return code


def settle(window) -> None:
    """Let layouts, workers (the gradient flow) and repaints finish."""
    from PySide6.QtWidgets import QApplication

    from .worker import Worker

    for _ in range(3):
        QApplication.processEvents()
    for worker in Worker.running():
        worker.wait()
    for _ in range(3):
        QApplication.processEvents()
