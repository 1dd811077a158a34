"""TrainingSettings: how to train, validated like a NetworkSpec, with a JSON round trip."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..errors import SpecError

OPTIMIZERS = ("sgd", "momentum", "adam")


@dataclass(frozen=True)
class TrainingSettings:
    """Fields are named as in the project file's `training` section.

    clip_norm / clip_value: 0 turns clipping off (the notes' 梯度截断, gradient clipping).
    weight_decay: lambda in p <- p - lr (g + lambda p) (the notes' 权重衰减).
    tbptt: truncated back-propagation through time: gradients flow back at most this many steps
    (the state still flows forward across the cut); 0 means full BPTT.
    """

    optimizer: str = "adam"
    learning_rate: float = 0.01
    momentum: float = 0.9
    beta1: float = 0.9
    beta2: float = 0.999
    epsilon: float = 1e-8
    clip_norm: float = 0.0
    clip_value: float = 0.0
    weight_decay: float = 0.0
    batch_size: int = 32
    tbptt: int = 0
    seed: int = 0
    steps: int = 1000
    eval_every: int = 100

    def __post_init__(self):
        if self.optimizer not in OPTIMIZERS:
            raise SpecError("training.optimizer", self.optimizer, "one of " + ", ".join(OPTIMIZERS))
        _real("learning_rate", self.learning_rate, low=0.0, strict=True)
        _real("momentum", self.momentum, low=0.0, high=1.0, open_high=True)
        _real("beta1", self.beta1, low=0.0, high=1.0, open_high=True)
        _real("beta2", self.beta2, low=0.0, high=1.0, open_high=True)
        _real("epsilon", self.epsilon, low=0.0, strict=True)
        _real("clip_norm", self.clip_norm, low=0.0)
        _real("clip_value", self.clip_value, low=0.0)
        _real("weight_decay", self.weight_decay, low=0.0)
        _int("batch_size", self.batch_size, 1, 1_000_000)
        _int("tbptt", self.tbptt, 0, 1_000_000)
        _int("seed", self.seed, 0, 2**63 - 1)
        _int("steps", self.steps, 0, 10**9)
        _int("eval_every", self.eval_every, 0, 10**9)

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> TrainingSettings:
        if not isinstance(data, dict):
            raise SpecError("training", data, "expected an object of training settings")
        known = {f.name for f in dataclasses.fields(cls)}
        for key in data:
            if key not in known:
                raise SpecError(
                    f"training.{key}",
                    data[key],
                    f"unknown setting; known: {', '.join(sorted(known))}",
                )
        return cls(**data)

    def replace(self, **changes) -> TrainingSettings:
        return dataclasses.replace(self, **changes)


def _real(name, value, low=None, high=None, strict=False, open_high=False):
    ok = isinstance(value, int | float) and not isinstance(value, bool) and value == value
    if ok and low is not None:
        ok = value > low if strict else value >= low
    if ok and high is not None:
        ok = value < high if open_high else value <= high
    if not ok:
        bounds = f"{'above' if strict else 'at least'} {low}" if low is not None else ""
        if high is not None:
            bounds += f" and {'below' if open_high else 'at most'} {high}"
        raise SpecError(f"training.{name}", value, f"a number {bounds}".strip())


def _int(name, value, low, high):
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise SpecError(f"training.{name}", value, f"an integer from {low} to {high}")
