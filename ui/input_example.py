"""InputExample: the one example the window feeds to the network, typed or taken from the task.

Qt-free, so it can be tested and used from scripts. A typed sentence is tokenised the way the
task tokenises, every token outside the vocabulary is marked (the network reads it as <unk>),
and a target is chosen that the person can then change.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

# How characters that are hard to see are shown on a chip or an axis.
VISIBLE = {" ": "␣", "\n": "↵", "\t": "⇥"}


class InputProblem(ValueError):
    """The input cannot be used; the message says what to change."""


@dataclass(frozen=True, eq=False)
class InputExample:
    source: str  # "typed", "train" or "test"
    index: int  # position in the split (-1 when typed)
    text: str  # what was typed ("" for an example from the task)
    tokens: tuple[str, ...]  # one label per step, for chips and axes
    unknown: tuple[bool, ...]  # True where a token is not in the vocabulary
    inputs: np.ndarray  # (T,) token ids or (T, D) floats
    target: np.ndarray  # () class id, (T,) class ids, (O,) or (T, O) values

    @property
    def length(self) -> int:
        return len(self.tokens)

    @property
    def typed(self) -> bool:
        return self.source == "typed"

    def with_target(self, target) -> InputExample:
        return replace(self, target=np.array(target, dtype=self.target.dtype))

    def to_view(self) -> dict:
        """What a project file keeps to show this example again."""
        if self.typed:
            return {"text": self.text, "target": self.target.tolist()}
        return {"split": self.source, "index": self.index, "target": self.target.tolist()}


def show_token(token: str) -> str:
    return "".join(VISIBLE.get(c, c) for c in token)


def from_dataset(task, split: str, index: int) -> InputExample:
    if split not in ("train", "test"):
        raise InputProblem(f"split {split!r}: choose train or test")
    data = task.train if split == "train" else task.test
    if not 0 <= index < len(data):
        raise InputProblem(f"the {split} set has examples 0 to {len(data) - 1}; not {index}")
    length = int(data.lengths[index])
    inputs = np.array(data.inputs[index, :length])
    target = np.array(data.targets[index])
    if data.per_step:
        target = np.array(target[:length])
    return InputExample(
        source=split,
        index=index,
        text="",
        tokens=step_labels(task, inputs),
        unknown=(False,) * length,
        inputs=inputs,
        target=target,
    )


def step_labels(task, inputs: np.ndarray) -> tuple[str, ...]:
    """A short label for each step: the token, or the task's text for a dense step."""
    if task.vocabulary is not None:
        return tuple(show_token(t) for t in task.vocabulary.decode(inputs))
    if task.show_input is not None:
        return tuple(task.show_input(inputs[t : t + 1]) for t in range(len(inputs)))
    return tuple(str(t) for t in range(len(inputs)))


def from_text(task, text: str, network=None) -> InputExample:
    """A typed sentence, with the target the task's rule gives it (Task.target_for) or else the
    network's own prediction, for the person to change."""
    if task.vocabulary is None:
        raise InputProblem(
            f"task {task.name} reads numbers, not text: take an example from the task instead"
        )
    tokens = task.tokenize(text)
    if not tokens:
        raise InputProblem("type at least one word (or character) for the network to read")
    ids = task.vocabulary.encode(tokens)
    unknown = tuple(t not in task.vocabulary.ids for t in tokens)
    example = InputExample(
        source="typed",
        index=-1,
        text=text,
        tokens=tuple(show_token(t) for t in tokens),
        unknown=unknown,
        inputs=ids,
        target=np.zeros((), np.int64),
    )
    return example.with_target(_rule_target(task, text, ids, network))


def _rule_target(task, text: str, ids: np.ndarray, network) -> np.ndarray:
    """The task's rule for the text (Task.target_for), with the network's own prediction where
    the rule has nothing to say."""
    per_step = task.spec_fields.get("mode") == "seq2seq"
    rule = task.target_for(text)
    guess = _predicted(network, ids, per_step)
    if rule is None:
        return guess
    return np.where(rule >= 0, rule, guess).astype(np.int64)


def _predicted(network, ids: np.ndarray, per_step: bool) -> np.ndarray:
    """The network's prediction (None: class 0 everywhere, e.g. before the kernels are ready)."""
    if network is None:
        return np.zeros(len(ids) if per_step else (), np.int64)
    return np.asarray(network.run(ids[None]).predictions()[0], dtype=np.int64)


def from_view(task, view: dict, network=None) -> InputExample | None:
    """The example a project file asks to show (see InputExample.to_view), or None."""
    if not isinstance(view, dict):
        return None
    try:
        if "text" in view:
            example = from_text(task, str(view["text"]), network)
        else:
            example = from_dataset(task, str(view.get("split", "test")), int(view.get("index", 0)))
        if "target" in view:
            target = np.array(view["target"], dtype=example.target.dtype)
            if target.shape == example.target.shape:
                example = example.with_target(target)
        return example
    except (InputProblem, ValueError, TypeError, KeyError):
        return None
