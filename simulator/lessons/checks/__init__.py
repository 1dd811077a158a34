"""Every lesson's check, by the name its lesson file gives: a function of the seed that returns
an Outcome. `SLOW` names the checks that train for tens of seconds (tests mark them slow).

`WHERE` names the module of each check (the function has the check's name). Reading the lessons
needs only the names, so the window can list them before Numba loads; `CHECKS`, the functions,
is built on first use (PEP 562).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

WHERE = {
    "rnn_forward": "exact",
    "stacked": "exact",
    "bptt": "exact",
    "chain_is_rnn": "exact",
    "attention_steps": "exact",
    "long_range": "gradients",
    "pooling": "gradients",
    "tdnn_window": "learning",
    "segmentation": "learning",
    "bidirectional": "learning",
    "encoder_decoder": "learning",
    "gru": "remedies",
    "rvnn": "learning",
    "exploding": "remedies",
    "residual": "remedies",
    "lstm_adding": "remedies",
    "lstm_memory": "remedies",
    "negation": "remedies",
}
SLOW = frozenset(("residual", "gru", "lstm_adding", "lstm_memory", "negation"))


def __getattr__(name: str):  # noqa: N807 (the name Python looks for)
    if name != "CHECKS":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    checks: dict[str, Callable] = {
        check: getattr(import_module(f".{module}", __name__), check)
        for check, module in WHERE.items()
    }
    globals()["CHECKS"] = checks
    return checks
