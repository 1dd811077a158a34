"""The `rnnsim` command.

    rnnsim [FILE] [--goto EVENT] [--screenshot OUT.png] [--export-plots DIR]   the window
    rnnsim demo                                       a short headless demonstration
    rnnsim tasks                                      the built-in tasks
    rnnsim new --task NAME [--set FIELD=VALUE ...] -o FILE
    rnnsim train FILE [--steps N] [-o OUT]
    rnnsim evaluate FILE [--json]
    rnnsim gradcheck FILE [--json]
    rnnsim sample FILE --prompt TEXT [--length N] [--temperature T] [--seed S]
                                         (an encoder-decoder writes its output for the prompt)
    rnnsim trace FILE [--input TEXT] -o OUT.npz|OUT.h5   a run's arrays, or states for LSTMVis
    rnnsim weights export FILE -o W.safetensors       the parameters under PyTorch's names
    rnnsim weights import FILE W.safetensors [-o OUT] and back, checked against the network
    rnnsim lessons                                    the lessons, one a line
    rnnsim lesson NAME [--check] [--seed S] [--json]  a lesson; --check its claim headless

Every mistake the person can make (a missing file, broken JSON, a wrong field, an .npz that
needs pickle, a bad line in their data) is one line on stderr and exit code 2.

This module is the engine's side of the command and never imports the window: the console script
is ui/launcher.py, which hands `main` the function that opens the window. `python -m
simulator.cli` runs the headless commands alone.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Callable

from . import exchange_commands
from .lessons import command as lesson_commands
from .threads import engine_threads

COMMANDS = ("demo", "tasks", "new", "train", "evaluate", "gradcheck", "sample")
COMMANDS += exchange_commands.COMMANDS + lesson_commands.COMMANDS
BEAM_WIDTH = 4  # what `rnnsim sample` searches with on an encoder-decoder


class UsageError(Exception):
    """A mistake in how the command was called or in what it was given."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="rnnsim",
        description="Build, step through and train recurrent neural networks for NLP.",
        epilog="Without a command, rnnsim opens the window: "
        "rnnsim [FILE] [--goto EVENT] [--screenshot OUT.png] [--export-plots DIR] "
        "(see `rnnsim FILE --help`).",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    sub.add_parser("demo", help="a headless demonstration of BPTT and vanishing gradients")
    sub.add_parser("tasks", help="list the built-in tasks and their settings")
    new = sub.add_parser("new", help="create a project for a task")
    new.add_argument("--task", required=True, help="task name (see `rnnsim tasks`)")
    new.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="any field of the project file by dotted path, e.g. network.cell=gru, "
        "task.length=50, training.learning_rate=0.003",
    )
    new.add_argument("-o", "--output", required=True, help="NAME.rnnsim.json to write")
    train = sub.add_parser("train", help="train a project (Ctrl-C stops cleanly and saves)")
    train.add_argument("file")
    train.add_argument("--steps", type=int, help="steps to train (default: training.steps)")
    train.add_argument("-o", "--output", help="save to this file instead of FILE")
    train.add_argument(
        "--force",
        action="store_true",
        help="save even when the run diverged to weights worse than those it started from",
    )
    evaluate = sub.add_parser("evaluate", help="loss and accuracy on the task's test set")
    evaluate.add_argument("file")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")
    check = sub.add_parser("gradcheck", help="BPTT against central finite differences")
    check.add_argument("file")
    check.add_argument("--json", action="store_true", help="print one JSON object")
    sample = sub.add_parser(
        "sample",
        help="let a language model write after a prompt, or an encoder-decoder write its "
        "output for it",
    )
    sample.add_argument("file")
    sample.add_argument("--prompt", required=True)
    sample.add_argument("--length", type=int, default=200)
    sample.add_argument("--temperature", type=float, default=1.0)
    sample.add_argument("--seed", type=int, default=0)
    exchange_commands.add_parsers(sub)
    lesson_commands.add_parsers(sub)
    return parser


def build_window_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="rnnsim",
        description="Open the rnnsim window (other commands: "
        + ", ".join(COMMANDS)
        + "; see `rnnsim demo --help`).",
    )
    parser.add_argument("file", nargs="?", help="a project file (NAME.rnnsim.json) to open")
    parser.add_argument(
        "--goto", metavar="EVENT", help="move to an event: an index, forward:5, loss, backward:3"
    )
    parser.add_argument(
        "--screenshot", metavar="OUT.png", help="save a PNG of the whole window and exit"
    )
    parser.add_argument(
        "--export-plots", metavar="DIR", help="save every plot as PNG and SVG into DIR and exit"
    )
    return parser


def main(
    argv: list[str] | None = None, window: Callable[[argparse.Namespace], int] | None = None
) -> int:
    """Run one command. `window` opens the window for the window's arguments (the launcher
    passes ui.app.run); without it there is no window, and `rnnsim` alone shows the demo."""
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        if argv and argv[0] in COMMANDS or argv[:1] in (["-h"], ["--help"]):
            args = build_parser().parse_args(argv)
            return _COMMANDS[args.command](args)
        return _window(build_window_parser().parse_args(argv), window)
    except UsageError as err:
        print(f"{err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader went away (e.g. `rnnsim tasks | head`): stop quietly
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes stdout at exit
        return 0
    except _expected_errors() as err:  # one line: a tree file's caret display stays in the window
        first = next((line for line in str(err).splitlines() if line.strip()), "")
        print(f"rnnsim: error: {first or type(err).__name__}", file=sys.stderr)
        return 2


def _expected_errors() -> tuple[type[BaseException], ...]:
    from .errors import InputError, SpecError
    from .project import ProjectError
    from .tasks import TaskError

    return (ProjectError, TaskError, SpecError, InputError, OSError)


def _window(args, window) -> int:
    if window is None:  # the window is not installed: show the headless demo instead
        if args.file or args.screenshot or args.export_plots or args.goto:
            raise UsageError("rnnsim: the window is not available in this installation")
        return _demo(args)
    return window(args)


def _demo(args) -> int:
    from . import demo

    demo.run()
    return 0


def _tasks(args) -> int:
    from .tasks import DEFAULTS, PAIR_DEFAULTS, make_task

    for name, defaults in {**DEFAULTS, **PAIR_DEFAULTS}.items():
        settings = ", ".join(f"{k}={v!r}" for k, v in defaults.items())
        try:
            description = make_task(name).description["en"]
        except ValueError:  # a file task has no data until a path is given
            description = "reads your own file (set task.path)"
        print(f"{name:<14} {description}\n{'':<14} settings: {settings}")
    return 0


def _new(args) -> int:
    from .kinds import kind_of
    from .project import new_project, parse_value

    sets = {}
    for item in args.set:
        field, sep, value = item.partition("=")
        if not sep or not field:
            raise UsageError(f"rnnsim new: --set {item!r}: expected FIELD=VALUE")
        sets[field.strip()] = parse_value(value)
    project = new_project(args.task, sets)
    project.save(args.output)
    print(
        f"wrote {args.output}: {kind_of(project.spec).describe(project.spec)} on {args.task}, "
        f"{project.make_network().num_parameters} parameters"
    )
    return 0


def _open(path: str):
    from .project import Project

    project = Project.load(path)
    task = project.make_task()
    network = project.make_network()
    return project, task, network


def _train(args) -> int:
    from pathlib import Path

    from tqdm import tqdm

    from .files import check_writable
    from .training.keeping import RunStart

    project, task, network = _open(args.file)
    out = args.output or args.file
    check_writable(Path(out))  # before the work, not after it
    trainer = project.make_trainer(network, task)
    start = RunStart(trainer)
    steps = project.training.steps if args.steps is None else args.steps
    if steps < 0:
        raise UsageError("rnnsim train: --steps must be 0 or more")
    # On a terminal: steps done, steps/s and the latest loss, redrawn in place; elsewhere (a
    # pipe, a log file, CI) nothing (disable=None), so the output holds only the summary line.
    bar = tqdm(
        total=trainer.step + steps, initial=trainer.step, unit="step", disable=None, leave=True
    )

    def progress(p) -> None:
        bar.set_postfix(loss=f"{p.loss:.4g}", refresh=False)
        bar.update(p.step - bar.n)

    def interrupted(signum, frame):  # first Ctrl-C: stop at the next chunk; second: abort
        trainer.stop()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        result = trainer.train(steps, callback=progress)
    finally:
        signal.signal(signal.SIGINT, previous)
        bar.close()
    verdict = start.verdict(result, out, args.force)
    if verdict.save:
        project.capture(trainer)
        project.save(out)
    if verdict.message:
        print(f"rnnsim: {verdict.message}", file=sys.stderr)
    if result.reason == "diverged" or not verdict.save:
        return 1
    evaluation = verdict.evaluation
    summary = f"test loss {evaluation['loss']:.4g}, accuracy {evaluation['accuracy']:.3f}"
    verb = "stopped" if result.reason == "stopped" else "trained"
    print(f"{verb} to step {trainer.step}; {summary}; saved {out}")
    return 0


_EVALUATE_SHOWN = ("loss", "accuracy", "step", "examples")  # the rest (mse, ...) follows them


def _evaluate(args) -> int:
    project, task, network = _open(args.file)
    trainer = project.make_trainer(network, task)
    result = {**trainer.evaluate(), "step": trainer.step, "examples": len(task.test)}
    if args.json:
        print(json.dumps(result))
    else:
        extra = "".join(f", {k} {result[k]:.6g}" for k in result if k not in _EVALUATE_SHOWN)
        print(
            f"{args.file}: step {result['step']}, test loss {result['loss']:.6g}, "
            f"accuracy {result['accuracy']:.4f}{extra} on {result['examples']} examples"
        )
    return 0


def _gradcheck(args) -> int:
    from .gradcheck import gradient_check
    from .kinds import build_model, kind_of

    project, task, network = _open(args.file)
    check_net = build_model(network.spec.replace(dtype="float64"))
    check_net.load_state_dict(network.state_dict())
    x, y, lengths = task.test.batch(range(min(2, len(task.test))))
    if kind_of(network.spec).cuts_sequences:  # a short prefix exercises every path
        steps = min(int(lengths.max()), 12)
        lengths = lengths.clip(max=steps)
        x = x[:, :steps]
        y = y[:, :steps] if network.spec.mode == "seq2seq" else y
    check = gradient_check(check_net, x, y, lengths, max_entries=30, seed=0)
    if args.json:
        print(
            json.dumps({"max_rel_error": check.max_rel_error, "per_parameter": check.per_parameter})
        )
    else:
        for name, error in check.per_parameter.items():
            print(f"{name:<28} {error:.2e}")
        print(
            f"max relative error {check.max_rel_error:.2e} "
            f"({'ok' if check.max_rel_error < 1e-6 else 'TOO LARGE'})"
        )
    return 0 if check.max_rel_error < 1e-6 else 1


def _sample(args) -> int:
    """A language model writes on after the prompt; an encoder-decoder writes its output for
    the prompt (beam search); anything else cannot write."""
    from .kinds import kind_of
    from .tasks.char_lm import sample

    project, task, network = _open(args.file)
    kind = kind_of(project.spec)
    if kind.decodes:
        source = task.encode(args.prompt)
        if not len(source):
            raise UsageError(f"rnnsim sample: the prompt {args.prompt!r} has no tokens to read")
        decoded = network.beam_search(source[None], beam_width=BEAM_WIDTH)
        print(task.show_target(decoded.tokens[0]))
        return 0
    if task.name != "char_lm":
        raise UsageError(
            f"rnnsim sample: {args.file} holds the {kind.describe(project.spec)} on {task.name}; "
            "sample writes text with a language model (char_lm) or an encoder-decoder (e.g. dates)"
        )
    text = sample(network, task, args.prompt, args.length, args.temperature, args.seed)
    print(args.prompt + text)
    return 0


_COMMANDS = {  # the commands that run the engine hold its BLAS threads once, for the whole command
    "demo": engine_threads(_demo),
    "tasks": _tasks,
    "new": _new,
    "train": engine_threads(_train),
    "evaluate": engine_threads(_evaluate),
    "gradcheck": engine_threads(_gradcheck),
    "sample": engine_threads(_sample),
    **{name: engine_threads(run) for name, run in exchange_commands.HANDLERS.items()},
    **{name: engine_threads(run) for name, run in lesson_commands.HANDLERS.items()},
}


if __name__ == "__main__":
    sys.exit(main())
