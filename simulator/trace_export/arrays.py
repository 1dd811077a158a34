"""Every array a trace recorded, under a name that says what it is.

    layer0.forward.hidden          (B, T, H) h_t of layer 0 reading forward
    layer1.reverse.gates.f         (B, T, H) an LSTM's forget gate, layer 1, reverse direction
    layer0.forward.cell_state      (B, T, H) c_t
    grads.weight_hh_l0             dL/dW, named as in PyTorch's state_dict
    encoder.layer0.forward.hidden  an encoder-decoder's encoder (decoder.layer0.forward...)
    attention.weights              (B, target steps, source steps) alpha
    vectors, deltas, batch.left    a tree trace: one row per node, bottom-up
    loss                           0-d

Names follow the trace's own fields (simulator/trace.py, encoder_decoder/trace.py,
trees/trace.py), so the docstrings there say what each holds. Arrays that only repeat others
are left out (grad_flat holds every gradient again, gate_values is split into gates.NAME, the
input-feeding decoder's time_major arrays are the decoder's layers again). The spec and the
interventions are text: 0-d unicode arrays `spec` (its JSON) and `interventions` (one line
each), readable with np.load(..., allow_pickle=False).
"""

from __future__ import annotations

import dataclasses

import numpy as np

from ..stepper import DIRECTION_NAMES
from ..trace import DirectionTrace

SKIPPED = {"grad_flat", "time_major", "gate_values", "edits", "spec", "trees", "interventions"}


def trace_arrays(trace) -> dict[str, np.ndarray]:
    """name -> array for every array the trace recorded (see the module's docstring)."""
    out: dict[str, np.ndarray] = {}
    _collect(trace, "", out)
    out["spec"] = np.array(trace.spec.to_json())
    interventions = getattr(trace, "interventions", ())
    out["interventions"] = np.array("\n".join(i.describe() for i in interventions))
    return out


def _collect(record, prefix: str, out: dict) -> None:
    for item in dataclasses.fields(record):
        if item.name in SKIPPED:
            continue
        value = getattr(record, item.name)
        name = prefix + item.name
        if isinstance(value, np.ndarray):
            out[name] = value
        elif isinstance(value, float):
            out[name] = np.array(value)
        elif isinstance(value, dict):  # the gradients, keyed like state_dict()
            out.update({f"{name}.{key}": array for key, array in value.items()})
        elif dataclasses.is_dataclass(value):  # an attention trace, a batch of trees
            _collect(value, name + ".", out)
        elif isinstance(value, list) and value and isinstance(value[0], list):
            stack = "" if item.name == "layers" else name + "."
            for layer, directions in enumerate(value):
                for direction in directions:
                    _direction(direction, f"{stack}layer{layer}", out)
        elif isinstance(value, list):  # per-layer arrays (the bridge), None where absent
            for k, array in enumerate(value):
                if isinstance(array, np.ndarray):
                    out[f"{name}.layer{k}"] = array


def _direction(direction: DirectionTrace, layer: str, out: dict) -> None:
    prefix = f"{layer}.{DIRECTION_NAMES[direction.direction]}."
    for item in dataclasses.fields(direction):
        value = getattr(direction, item.name)
        if item.name not in SKIPPED and isinstance(value, np.ndarray):
            out[prefix + item.name] = value
    for gate, values in direction.gates.items():
        out[f"{prefix}gates.{gate}"] = np.ascontiguousarray(values)
