"""The commands that take a run or a network's weights out of rnnsim, and weights in.

rnnsim trace FILE [--input TEXT] -o OUT.npz|OUT.h5
    run the project's network on TEXT (or the first test example) and write the trace:
    every array (.npz) or the states per layer in LSTMVis's layout (.h5)
rnnsim weights export FILE -o W.safetensors
rnnsim weights import FILE W.safetensors [-o OUT]
    the parameters under PyTorch's names; import checks names, shapes and dtypes first and
    saves the project (to OUT, or FILE itself)
"""

from __future__ import annotations

import numpy as np

COMMANDS = ("trace", "weights")


def add_parsers(sub) -> None:
    trace = sub.add_parser(
        "trace", help="write a run's every array (.npz) or its states for LSTMVis (.h5)"
    )
    trace.add_argument("file")
    trace.add_argument(
        "--input",
        metavar="TEXT",
        help="what the network reads (a tree project: a bracketed tree); default: the first "
        "test example",
    )
    trace.add_argument("-o", "--output", required=True, help="OUT.npz or OUT.h5")
    weights = sub.add_parser(
        "weights", help="a network's parameters in and out as .safetensors (PyTorch's names)"
    )
    actions = weights.add_subparsers(dest="action", required=True, parser_class=type(weights))
    export = actions.add_parser("export", help="write the parameters to W.safetensors")
    export.add_argument("file")
    export.add_argument("-o", "--output", required=True, help="W.safetensors")
    load = actions.add_parser("import", help="read the parameters from W.safetensors")
    load.add_argument("file")
    load.add_argument("weights", help="W.safetensors")
    load.add_argument("-o", "--output", help="save to this project file instead of FILE")


def _open(path: str):
    from .project import Project

    project = Project.load(path)
    return project, project.make_task(), project.make_network()


def trace_command(args) -> int:
    from .trace_export import export_trace

    project, task, network = _open(args.file)
    with np.errstate(all="ignore"):  # an exploding network's inf is a result, not an error
        trace = _typed_run(network, task, args.input) if args.input else _first_test(network, task)
    written = export_trace(args.output, trace, task)
    print("wrote " + ", ".join(str(p) for p in written))
    return 0


def _first_test(network, task):
    x, y, lengths = task.test.batch([0])
    return network.run(x, y, lengths)


def _typed_run(network, task, text: str):
    """The network on typed text, with the target the task's rule gives (or the network's own
    guess) so the trace has its gradients; a tree reads brackets, an encoder-decoder's target
    is its own greedy output."""
    if getattr(task, "view", None) == "trees":
        flat = task.encode_tree(text)
        return network.run(flat, y=flat.label[None])
    ids = task.encode(text)
    if hasattr(network, "greedy"):
        return network.greedy(ids[None]).trace
    guess = network.run(ids[None]).predictions()[0]
    rule = task.target_for(text)
    target = guess if rule is None else np.where(rule >= 0, rule, guess)
    return network.run(ids[None], np.asarray(target, np.int64)[None])


def weights_command(args) -> int:
    from pathlib import Path

    from .files import check_writable
    from .project import Project
    from .weights_exchange import export_weights, import_weights

    project = Project.load(args.file)  # the task's data is not needed
    network = project.make_network()
    if args.action == "export":
        export_weights(network, args.output)
        print(f"wrote {args.output}: {network.num_parameters} parameters")
        return 0
    out = args.output or args.file
    check_writable(Path(out))
    import_weights(network, args.weights)
    project.parameters = network.state_dict()
    project.optimizer_state = {}  # the optimiser's moments belonged to the old weights
    project.save(out)
    print(f"read {args.weights} into {out}: {network.num_parameters} parameters")
    return 0


HANDLERS = {"trace": trace_command, "weights": weights_command}
