"""Values no file or command should hold end in one line and exit 2, never a traceback."""

import json

import pytest

from simulator import cli
from simulator.project import new_project
from simulator.resources import EXAMPLES


def _one_line_error(capsys, *argv) -> str:
    code = cli.main(list(argv))
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and err.startswith("rnnsim: error:"), err
    return err


def test_sample_with_a_negative_seed(capsys):
    path = EXAMPLES / "char_lm_stacked_lstm.rnnsim.json"
    err = _one_line_error(capsys, "sample", str(path), "--prompt", "th", "--seed", "-1")
    assert "seed = -1" in err


@pytest.mark.parametrize(
    "field, raw, message",
    [
        ("embedding_dim", "Infinity", "Infinity is not a JSON number"),
        ("embedding_dim", "1e400", "too large"),
        ("embedding_dim", "5000", "network.embedding_dim = 5000"),  # unused by dense inputs
        ("hidden_size", "1" + "0" * 5000, "a number of 5,001 digits"),
        ("cell", '"' + "x" * 100_000 + '"', "(100,002 characters)"),
    ],
)
def test_a_value_a_project_cannot_hold(tmp_path, capsys, field, raw, message):
    path = tmp_path / "p.rnnsim.json"
    new_project("adding").save(path)
    data = json.loads(path.read_text())
    data["network"][field] = "@RAW@"
    path.write_text(json.dumps(data).replace('"@RAW@"', raw))
    assert message in _one_line_error(capsys, "evaluate", str(path))


def test_sizes_within_each_limit_but_huge_together(tmp_path, capsys):
    sets = ["network.hidden_size=4096", "network.num_layers=16", "network.bidirectional=true"]
    argv = ["new", "--task", "adding", "-o", str(tmp_path / "big.rnnsim.json")]
    for item in sets:
        argv += ["--set", item]
    err = _one_line_error(capsys, *argv)
    # LSTM, H = 4096, 2 inputs, 1 output: layer 0 takes 4H(2 + H + 2) per direction, layers
    # 1-15 take 4H(2H + H + 2), the output 2H + 1: 2 x 67,174,400 + 30 x 201,359,360 + 8,193
    assert "6,175,137,793 parameters; at most 50,000,000" in err


def test_a_data_path_that_is_a_fifo_or_a_device_is_refused_unopened(tmp_path, capsys):
    import os

    fifo = tmp_path / "fifo.tsv"
    os.mkfifo(fifo)
    for target, words in [(fifo, "FIFO"), ("/dev/zero", "device"), (tmp_path, "folder")]:
        argv = ["new", "--task", "labelled_file", "--set", f"task.path={target}", "-o", "x.json"]
        assert words in _one_line_error(capsys, *argv)
