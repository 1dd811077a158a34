"""Weights in and out as .safetensors with PyTorch's names (simulator/weights_exchange.py):
through torch.nn.RNN/GRU/LSTM + nn.Linear both ways, through the safetensors package both ways,
and a damaged or foreign file refused with one line."""

import json
import struct

import numpy as np
import pytest

from simulator import Network, NetworkSpec
from simulator.errors import ProjectError
from simulator.files.safetensors import safetensors_bytes
from simulator.weights_exchange import export_weights, import_weights

CASES = [
    dict(cell="rnn"),
    dict(cell="gru", num_layers=2, bidirectional=True),
    dict(cell="lstm", num_layers=2, bidirectional=True),
    dict(cell="lstm", vocab_size=7, embedding_dim=3),
]


def _network(seed: int, **fields) -> Network:
    base = {"hidden_size": 4, "output_size": 3, "mode": "seq2seq"}
    if "vocab_size" not in fields:
        base["input_size"] = 2
    return Network(NetworkSpec(**base, **fields), seed=seed)


def _inputs(spec, seed):
    rng = np.random.default_rng(seed)
    if spec.tokens:
        return rng.integers(0, spec.vocab_size, (2, 5))
    return rng.standard_normal((2, 5, spec.input_size))


class _TorchModel:
    """nn.Embedding (token inputs) + nn.RNN/GRU/LSTM + nn.Linear, as a PyTorch user builds it."""

    def __init__(self, torch, spec):
        cells = {"rnn": torch.nn.RNN, "gru": torch.nn.GRU, "lstm": torch.nn.LSTM}
        modules = {}
        if spec.tokens:
            modules["embedding"] = torch.nn.Embedding(spec.vocab_size, spec.embedding_dim)
        modules[spec.cell] = cells[spec.cell](
            spec.features,
            spec.hidden_size,
            num_layers=spec.num_layers,
            bidirectional=spec.bidirectional,
            batch_first=True,
        )
        modules["output"] = torch.nn.Linear(spec.hidden_size * spec.num_directions, 3)
        self.torch, self.spec = torch, spec
        self.module = torch.nn.ModuleDict(modules).double()

    def __call__(self, x):
        torch = self.torch
        with torch.no_grad():
            x = torch.tensor(x)
            if self.spec.tokens:
                x = self.module["embedding"](x)
            out, _ = self.module[self.spec.cell](x)
            return self.module["output"](out).numpy()


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("fields", CASES, ids=lambda f: "-".join(map(str, f.values())))
def test_weights_go_to_torch_and_come_back_with_the_same_outputs(tmp_path, fields, seed):
    torch = pytest.importorskip("torch")
    st_torch = pytest.importorskip("safetensors.torch")
    network = _network(seed, **fields)
    x = _inputs(network.spec, seed)
    ours = network.run(x).logits
    # rnnsim -> torch: the safetensors package reads our file into the torch modules
    export_weights(network, tmp_path / "w.safetensors")
    state = st_torch.load_file(str(tmp_path / "w.safetensors"))
    model = _TorchModel(torch, network.spec)
    recurrent = {k: v for k, v in state.items() if not k.startswith(("embedding.", "output."))}
    named = {f"{network.spec.cell}.{k}": v for k, v in recurrent.items()}
    rest = {k: v for k, v in state.items() if k not in recurrent}
    model.module.load_state_dict({**named, **rest}, strict=True)
    np.testing.assert_allclose(model(x), ours, rtol=0, atol=1e-12)
    # torch -> rnnsim: a model's own state_dict ("lstm.weight_ih_l0", ...) after new weights
    for p in model.module.parameters():
        torch.nn.init.uniform_(p, -0.5, 0.5, generator=torch.Generator().manual_seed(seed))
    st_torch.save_file(model.module.state_dict(), str(tmp_path / "torch.safetensors"))
    fresh = _network(seed + 7, **fields)
    import_weights(fresh, tmp_path / "torch.safetensors")
    np.testing.assert_allclose(fresh.run(x).logits, model(x), rtol=0, atol=1e-12)


def test_the_safetensors_package_reads_ours_and_we_read_its(tmp_path):
    st_numpy = pytest.importorskip("safetensors.numpy")
    network = _network(3, cell="gru", bidirectional=True)
    export_weights(network, tmp_path / "ours.safetensors")
    read = st_numpy.load_file(str(tmp_path / "ours.safetensors"))
    assert list(read) == list(network.state_dict()) or set(read) == set(network.state_dict())
    for name, value in network.state_dict().items():
        np.testing.assert_array_equal(read[name], value)
    other = {k: (v * 2).astype(np.float32) for k, v in network.state_dict().items()}
    st_numpy.save_file(other, str(tmp_path / "theirs.safetensors"))
    import_weights(network, tmp_path / "theirs.safetensors")
    for name, value in other.items():  # float32 read into the float64 network
        np.testing.assert_array_equal(network.params[name], value.astype(np.float64))


def test_bfloat16_is_read_as_the_top_half_of_a_float32(tmp_path):
    network = _network(0, cell="rnn")
    state = network.state_dict()
    halves = {
        k: (v.astype(np.float32).view(np.uint32) >> 16).astype(np.uint16) for k, v in state.items()
    }
    header, chunks, offset = {}, [], 0
    for name, value in halves.items():
        header[name] = {
            "dtype": "BF16",
            "shape": list(value.shape),
            "data_offsets": [offset, offset + value.nbytes],
        }
        chunks.append(value.tobytes())
        offset += value.nbytes
    text = json.dumps(header).encode()
    (tmp_path / "bf16.safetensors").write_bytes(
        struct.pack("<Q", len(text)) + text + b"".join(chunks)
    )
    import_weights(network, tmp_path / "bf16.safetensors")
    for name, value in halves.items():
        expected = (value.astype(np.uint32) << 16).view(np.float32)
        np.testing.assert_array_equal(network.params[name], expected)
        assert np.abs(network.params[name] - state[name]).max() < 1e-2  # bf16 keeps ~3 digits


def _file(arrays, header_change=None, tail=b""):
    data = safetensors_bytes(arrays, {})
    (size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + size])
    if header_change:
        header_change(header)
    text = json.dumps(header).encode()
    return struct.pack("<Q", len(text)) + text + data[8 + size :] + tail


def _first_weight(header):
    return header["weight_ih_l0"]


REFUSED = {
    "foreign name": (
        lambda h: h.__setitem__("fc.weight", h.pop("output.weight")),
        "holds 'fc.weight'",
    ),
    "missing": (lambda h: h.pop("output.bias"), "lacks output.bias"),
    "shape": (
        lambda h: _first_weight(h).__setitem__("shape", [4, 3]),
        "weight_ih_l0 has shape \\[4, 3\\]",
    ),
    "dtype": (lambda h: _first_weight(h).__setitem__("dtype", "I64"), "weight_ih_l0 holds I64"),
    "gap": (
        lambda h: _first_weight(h).__setitem__("data_offsets", [8, 40]),
        "overlap or leave gaps",
    ),
    "twice": (lambda h: h.__setitem__("rnn.weight_ih_l0", dict(_first_weight(h))), "twice"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_file_that_does_not_fit_is_refused_with_one_line(tmp_path, case):
    network = _network(0, cell="rnn")
    change, message = REFUSED[case]
    path = tmp_path / "w.safetensors"
    path.write_bytes(_file(network.state_dict(), change))
    before = network.state_dict()
    with pytest.raises(ProjectError, match=message) as err:
        import_weights(network, path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)
    for name, value in before.items():  # nothing was loaded
        np.testing.assert_array_equal(network.params[name], value)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "shorter than its 8-byte header length"),
        (struct.pack("<Q", 1 << 40) + b"{}", "a header of"),
        (struct.pack("<Q", 4) + b"[1] ", "not a JSON object"),
        (struct.pack("<Q", 2) + b"{]", "damaged header"),
    ],
)
def test_a_damaged_file_is_refused(tmp_path, data, message):
    path = tmp_path / "w.safetensors"
    path.write_bytes(data)
    with pytest.raises(ProjectError, match=message):
        import_weights(_network(0, cell="rnn"), path)


def test_nan_and_a_cut_file_are_refused(tmp_path):
    network = _network(0, cell="rnn")
    state = network.state_dict()
    state["bias_ih_l0"][1] = np.nan
    (tmp_path / "nan.safetensors").write_bytes(safetensors_bytes(state, {}))
    with pytest.raises(ProjectError, match="bias_ih_l0 holds NaN"):
        import_weights(network, tmp_path / "nan.safetensors")
    whole = safetensors_bytes(network.state_dict(), {})
    (tmp_path / "cut.safetensors").write_bytes(whole[:-8])
    with pytest.raises(ProjectError, match="bytes of data"):
        import_weights(network, tmp_path / "cut.safetensors")
