"""Taking runs and weights out (and weights in): `rnnsim trace` writes every recorded array of
all three kinds to .npz (read back without pickle) or the states in LSTMVis's layout to .h5;
`rnnsim weights export/import` round-trips the parameters; mistakes are one line, exit 2."""

import sys

import numpy as np
import pytest

from simulator import Network, NetworkSpec, cli
from simulator.errors import ProjectError
from simulator.interventions import ClampGate
from simulator.project import Project
from simulator.resources import example
from simulator.trace_export import export_trace, trace_arrays

EXAMPLES = {  # one project of each kind
    "recurrent": "pos_tags_bigru",
    "encoder-decoder": "dates_input_feeding",
    "tree": "tree_sentiment_rntn",
}


def _run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _first_test_trace(name):
    project = Project.load(example(EXAMPLES[name]))
    task, network = project.make_task(), project.make_network()
    x, y, lengths = task.test.batch([0])
    return network.run(x, y, lengths), task


@pytest.mark.parametrize("kind", list(EXAMPLES))
def test_the_npz_holds_every_recorded_array_and_reads_back_without_pickle(tmp_path, kind):
    trace, task = _first_test_trace(kind)
    export_trace(tmp_path / "run.npz", trace, task)
    data = np.load(tmp_path / "run.npz", allow_pickle=False)
    arrays = trace_arrays(trace)
    assert set(arrays) <= set(data.files)
    for name, value in arrays.items():
        np.testing.assert_array_equal(data[name], value, err_msg=name)
    expected = {
        "recurrent": ["layer0.forward.hidden", "layer0.reverse.gates.z", "grads.weight_hh_l0"],
        "encoder-decoder": [
            "attention.weights",
            "encoder.layer0.forward.hidden",
            "grads.output.weight",
        ],
        "tree": ["vectors", "deltas", "batch.left", "grads.tensor.weight"],
    }[kind]
    assert set(expected) <= set(data.files)


def test_the_names_say_what_each_array_is():
    spec = NetworkSpec(cell="lstm", vocab_size=5, embedding_dim=2, hidden_size=3, num_layers=2)
    network = Network(spec, seed=1)
    trace = network.run(np.array([[1, 2, 3]]), np.array([[0, 1, 1]]))
    arrays = trace_arrays(trace)
    d = trace.layers[1][0]
    np.testing.assert_array_equal(arrays["layer1.forward.gates.f"], d.gate_values[:, :, 3:6])
    np.testing.assert_array_equal(arrays["layer1.forward.cell_state"], d.cell_state)
    np.testing.assert_array_equal(arrays["grads.weight_ih_l1"], trace.grads["weight_ih_l1"])
    assert arrays["loss"].shape == () and float(arrays["loss"]) == trace.loss
    assert "grad_flat" not in arrays and "layer0.forward.gate_values" not in arrays


def test_tokens_and_interventions_are_text_that_needs_no_pickle(tmp_path):
    trace, task = _first_test_trace("recurrent")
    network = Project.load(example(EXAMPLES["recurrent"])).make_network()
    x, y, lengths = task.test.batch([0, 1])
    trace = network.run(x, y, lengths, interventions=[ClampGate(gate="z", value=1.0, steps=0)])
    export_trace(tmp_path / "run.npz", trace, task)
    data = np.load(tmp_path / "run.npz", allow_pickle=False)
    assert data["tokens"].dtype.kind == "U" and data["tokens"].shape == trace.inputs.shape
    words = task.vocabulary.decode(x[1, : lengths[1]])
    assert list(data["tokens"][1, : lengths[1]]) == words
    assert set(data["tokens"][1, lengths[1] :]) <= {""}
    assert "clamp z = 1 at t = 0" in str(data["interventions"])
    assert '"cell": "gru"' in str(data["spec"])


@pytest.mark.parametrize("kind", list(EXAMPLES))
def test_the_h5_has_the_layout_lstmvis_reads(tmp_path, kind):
    h5py = pytest.importorskip("h5py")
    trace, task = _first_test_trace(kind)
    written = export_trace(tmp_path / "states.h5", trace, task)
    assert [p.name for p in written] == ["states.h5", "states.dict", "lstm.yml"]
    with h5py.File(tmp_path / "states.h5", "r") as f:
        tables = {name: f[name][()] for name in f}
    words = {}
    for line in (tmp_path / "states.dict").read_text("utf-8").splitlines():
        word, number = line.split()  # as LSTMVis's data_handler splits each line
        words[int(number)] = word
    ids = tables["word_ids"]
    if kind == "tree":
        assert tables["states1"].shape == trace.vectors.shape
        assert [words[i] for i in ids] == [w.replace(" ", "␣") for w in _node_words(trace)]
        return
    layers = trace.layers if kind == "recurrent" else trace.encoder
    lengths = trace.lengths if kind == "recurrent" else trace.source_lengths
    N = int(lengths.sum())
    for k, directions in enumerate(layers, start=1):
        states = tables[f"states{k}"]
        assert states.shape == (N, sum(d.hidden_size for d in directions))  # steps x units
        np.testing.assert_array_equal(
            states[: lengths[0], : directions[0].hidden_size], directions[0].hidden[0, : lengths[0]]
        )
    source = trace.inputs if kind == "recurrent" else trace.source
    assert [words[i] for i in ids] == task.vocabulary.decode(source[0, : lengths[0]])
    config = (tmp_path / "lstm.yml").read_text()
    assert "states: states.h5" in config and "dict_file: words" in config
    assert "{type: state, layer: 1, path: states1}" in config


def _node_words(trace):
    from simulator.trace_export import trace_tokens

    return list(trace_tokens(trace)["node_tokens"])


def test_a_person_s_own_lstm_yml_is_left_alone(tmp_path):
    pytest.importorskip("h5py")
    trace, task = _first_test_trace("recurrent")
    (tmp_path / "lstm.yml").write_text("name: mine\n")
    written = export_trace(tmp_path / "a.h5", trace, task)
    assert (tmp_path / "lstm.yml").read_text() == "name: mine\n" and len(written) == 2


def test_without_h5py_the_h5_is_refused_with_one_line(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "h5py", None)  # import h5py raises ImportError
    trace, task = _first_test_trace("recurrent")
    with pytest.raises(ProjectError, match=r"needs h5py: pip install 'rnnsim\[h5\]'"):
        export_trace(tmp_path / "a.h5", trace, task)
    assert not list(tmp_path.iterdir())


def test_rnnsim_trace_writes_the_typed_input(tmp_path, capsys):
    out_file = tmp_path / "typed.npz"
    code, out, err = _run(
        capsys,
        "trace",
        example("sentiment_en_lstm"),
        "--input",
        "a truly great film",
        "-o",
        out_file,
    )
    assert code == 0, err
    assert str(out_file) in out
    data = np.load(out_file, allow_pickle=False)
    assert list(data["tokens"][0]) == ["<unk>", "truly", "great", "film"]
    assert data["grads.weight_hh_l0"].any()  # the rule's target gave it a loss and BPTT


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["trace", "{ex}", "-o", "{tmp}/run.csv"], "exported as .npz .* or .h5"),
        (["trace", "{tmp}/none.rnnsim.json", "-o", "{tmp}/run.npz"], "none.rnnsim.json"),
        (["trace", "{ex}", "-o", "{tmp}/no/such/run.npz"], "cannot write in"),
        (["weights", "import", "{ex}", "{tmp}/none.safetensors"], "no such file"),
        (["weights", "frobnicate", "{ex}"], "invalid choice"),
    ],
)
def test_mistakes_are_one_line_and_exit_2(tmp_path, capsys, argv, message):
    argv = [a.format(ex=example("sentiment_en_lstm"), tmp=tmp_path) for a in argv]
    code, out, err = _run(capsys, *argv)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert pytest.importorskip("re").search(message, err), err


def test_rnnsim_weights_export_then_import_round_trips(tmp_path, capsys):
    source = example("copy_gru")
    code, out, err = _run(capsys, "weights", "export", source, "-o", tmp_path / "w.safetensors")
    assert code == 0 and "w.safetensors" in out, err
    original = Project.load(source).make_network()
    fresh = Project.load(source)
    fresh.parameters, fresh.init_seed = None, 99  # the same network, other weights
    fresh.save(tmp_path / "p.rnnsim.json")
    code, out, err = _run(
        capsys,
        "weights",
        "import",
        tmp_path / "p.rnnsim.json",
        tmp_path / "w.safetensors",
        "-o",
        tmp_path / "q.rnnsim.json",
    )
    assert code == 0, err
    loaded = Project.load(tmp_path / "q.rnnsim.json").make_network()
    for name, value in original.state_dict().items():
        np.testing.assert_array_equal(loaded.params[name], value)


def test_weights_of_another_network_are_refused_and_the_project_is_kept(tmp_path, capsys):
    _run(
        capsys, "weights", "export", example("sentiment_en_lstm"), "-o", tmp_path / "w.safetensors"
    )
    target = tmp_path / "pos.rnnsim.json"
    Project.load(example("pos_tags_bigru")).save(target)
    before = target.read_bytes()
    code, _, err = _run(capsys, "weights", "import", target, tmp_path / "w.safetensors")
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "w.safetensors" in err and ("does not have" in err or "shape" in err or "lacks" in err)
    assert target.read_bytes() == before
