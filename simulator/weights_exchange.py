"""A network's parameters in and out as .safetensors, under PyTorch's names.

    export_weights(network, "w.safetensors")    every parameter, named as in state_dict()
    import_weights(network, "w.safetensors")    names, shapes and dtypes checked first

A recurrent network's names are nn.RNN/GRU/LSTM's (weight_ih_l0, weight_hh_l0_reverse, ...; gate
rows i, f, g, o and r, z, n), with embedding.weight (nn.Embedding) and output.weight,
output.bias (nn.Linear): a model built from those modules loads the file with
load_state_dict, and its state_dict saved with safetensors opens here. Names under one module's
prefix ("lstm.weight_ih_l0") are read as the recurrent layer's (simulator/files/safetensors.py).
"""

from __future__ import annotations

from pathlib import Path

from .errors import FileRefused, InputError, ProjectError
from .files.safetensors import read_safetensors, write_safetensors

SUFFIX = ".safetensors"


def export_weights(network, path) -> Path:
    path = Path(path)
    metadata = {"format": "pt", "rnnsim.network": network.spec.to_json()}
    write_safetensors(path, network.state_dict(), metadata)
    return path


def import_weights(network, path) -> None:
    """Load the parameters in `path` into `network`. Raises ProjectError (one line) naming
    the file and what does not fit; the network is unchanged then."""
    path = Path(path)
    shapes = {name: value.shape for name, value in network.params.items()}
    try:
        arrays, _ = read_safetensors(path, shapes, network.spec.dtype)
        network.load_state_dict(arrays)
    except (FileRefused, InputError) as err:
        raise ProjectError(f"{path}: {err}") from None
