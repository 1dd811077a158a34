"""Parameters in one flat vector with a view per name, and their initial values (the names
and shapes, in PyTorch's naming and layout, are the spec's: simulator.spec.shapes).

All parameters of a network live in one flat array; each name is a view into it. Optimisers and
gradient clipping then work on one vector, while `state_dict()` speaks PyTorch's language:
weight_ih_l{k}, weight_hh_l{k}, bias_ih_l{k}, bias_hh_l{k} (suffix _reverse for the backward
direction), embedding.weight, output.weight, output.bias.
"""

from __future__ import annotations

import math
from functools import cached_property

import numpy as np

from .errors import InputError
from .spec import NetworkSpec


class ParameterLayout:
    """Where each named parameter sits in the flat vector, given every name's shape in order."""

    def __init__(self, shapes: dict[str, tuple[int, ...]]):
        self.shapes = dict(shapes)
        self.offsets: dict[str, tuple[int, int]] = {}
        start = 0
        for name, shape in self.shapes.items():
            size = math.prod(shape)
            self.offsets[name] = (start, start + size)
            start += size
        self.size = start

    def views(self, flat: np.ndarray) -> dict[str, np.ndarray]:
        """name -> a view into `flat` with the parameter's shape (writes go through)."""
        return {
            name: flat[lo:hi].reshape(self.shapes[name]) for name, (lo, hi) in self.offsets.items()
        }


class ParameterSet:
    """What every model with named parameters in one flat vector offers (recurrent networks,
    encoder-decoders, recursive networks): `state_dict()` / `load_state_dict()` in PyTorch's
    manner. A subclass sets `layout` (a ParameterLayout), `flat` and `params`."""

    layout: ParameterLayout
    flat: np.ndarray
    params: dict[str, np.ndarray]

    @cached_property
    def step_work(self) -> int:
        """Multiply-adds of one step's largest recurrent product U h_{t-1}, per example (0 for a
        model without one): what simulator/threads.py weighs before giving a run a second
        thread. The shapes never change, so it is counted once."""
        return max((a.size for name, a in self.params.items() if "weight_hh" in name), default=0)

    def state_dict(self) -> dict[str, np.ndarray]:
        """Copies of every parameter, by name."""
        return {name: view.copy() for name, view in self.params.items()}

    def load_state_dict(self, state: dict[str, np.ndarray]) -> None:
        """Replace every parameter. Names and shapes must match exactly; nothing changes if not."""
        missing = [n for n in self.params if n not in state]
        unknown = [n for n in state if n not in self.params]
        if missing or unknown:
            raise InputError(
                "state_dict does not fit this network:"
                + (f" missing {', '.join(missing)};" if missing else "")
                + (f" unknown {', '.join(unknown)};" if unknown else "")
            )
        arrays = {}
        for name, view in self.params.items():
            value = np.asarray(state[name])
            if value.shape != view.shape:
                raise InputError(f"{name} has shape {value.shape}; this network needs {view.shape}")
            if value.dtype.kind not in "biuf" or not np.all(np.isfinite(value)):
                raise InputError(f"{name} must hold finite real numbers")
            arrays[name] = value
        for name, value in arrays.items():
            self.params[name][...] = value

    @property
    def num_parameters(self) -> int:
        return self.layout.size


def initialise(spec: NetworkSpec, params: dict[str, np.ndarray], rng: np.random.Generator) -> None:
    """PyTorch's defaults: recurrent and output weights U(-1/sqrt(fan), 1/sqrt(fan)) with fan the
    hidden size (recurrent) or the input width (output layer); embeddings N(0, 1). With
    spec.recurrent_sigma_max set, each recurrent matrix is then scaled to that sigma_max."""
    bound = 1.0 / math.sqrt(spec.hidden_size)
    for name, view in params.items():
        if name == "embedding.weight":
            view[...] = rng.standard_normal(view.shape)
        elif name.startswith("output."):
            fan_in = params["output.weight"].shape[1]
            view[...] = rng.uniform(-1.0, 1.0, view.shape) / math.sqrt(fan_in)
        else:
            view[...] = rng.uniform(-bound, bound, view.shape)
    if spec.recurrent_sigma_max is not None:
        for name, view in params.items():
            if name.startswith("weight_hh"):
                scale_largest_singular_value(view, spec.hidden_size, spec.recurrent_sigma_max)


def scale_largest_singular_value(weight_hh: np.ndarray, hidden: int, sigma_max: float) -> None:
    """Scale each gate's (hidden, hidden) block U of weight_hh in place so that its largest
    singular value is sigma_max: U <- U * sigma_max / ||U||_2."""
    for start in range(0, weight_hh.shape[0], hidden):
        block = weight_hh[start : start + hidden]
        block *= sigma_max / np.linalg.norm(block, ord=2)
