"""TrainingSettings: how to train, validated like a NetworkSpec, with a JSON round trip."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..fields import JsonFields, check_choice, check_int, check_real

OPTIMIZERS = ("sgd", "momentum", "adam")


@dataclass(frozen=True)
class TrainingSettings(JsonFields):
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

    PREFIX: ClassVar[str] = "training."
    SECTION: ClassVar[str] = "training"

    def __post_init__(self):
        check_choice("training.optimizer", self.optimizer, OPTIMIZERS)
        _real("learning_rate", self.learning_rate, low=0.0, above=True)
        _real("momentum", self.momentum, low=0.0, high=1.0, below=True)
        _real("beta1", self.beta1, low=0.0, high=1.0, below=True)
        _real("beta2", self.beta2, low=0.0, high=1.0, below=True)
        _real("epsilon", self.epsilon, low=0.0, above=True)
        _real("clip_norm", self.clip_norm, low=0.0)
        _real("clip_value", self.clip_value, low=0.0)
        _real("weight_decay", self.weight_decay, low=0.0)
        _int("batch_size", self.batch_size, 1, 1_000_000)
        _int("tbptt", self.tbptt, 0, 1_000_000)
        _int("seed", self.seed, 0, 2**63 - 1)
        _int("steps", self.steps, 0, 10**9)
        _int("eval_every", self.eval_every, 0, 10**9)


def _real(name, value, **bounds):
    check_real(f"training.{name}", value, **bounds)


def _int(name, value, low, high):
    check_int(f"training.{name}", value, low, high)
