"""Same weights, same numbers as torch.nn.RNN/GRU/LSTM + Linear (skipped without PyTorch)."""

import numpy as np
import pytest

from simulator import Network, NetworkSpec

from .examples import random_batch

torch = pytest.importorskip("torch")
TORCH_CELLS = {"rnn": torch.nn.RNN, "gru": torch.nn.GRU, "lstm": torch.nn.LSTM}

CASES = [
    dict(cell="rnn", activation="tanh"),
    dict(cell="rnn", activation="relu", num_layers=2),
    dict(cell="gru", bidirectional=True),
    dict(cell="gru", num_layers=2, bidirectional=True, mode="seq2class"),
    dict(cell="lstm"),
    dict(cell="lstm", num_layers=2, bidirectional=True),
    dict(cell="lstm", bidirectional=True, mode="seq2class", loss="mse", output_size=2),
    dict(cell="rnn", num_layers=2, bidirectional=True, mode="seq2class", pooling="mean"),
    dict(cell="gru", vocab_size=7, embedding_dim=3, mode="seq2class"),
    dict(cell="lstm", vocab_size=7, embedding_dim=3, num_layers=2, loss="mse", output_size=2),
]


def _torch_run(spec: NetworkSpec, state: dict, x, y, lengths):
    """The same network built from torch modules, and its loss with the notes' reduction."""
    t = {k: torch.tensor(v, requires_grad=True) for k, v in state.items()}
    kwargs = {"nonlinearity": spec.activation} if spec.cell == "rnn" else {}
    rnn = TORCH_CELLS[spec.cell](
        spec.features,
        spec.hidden_size,
        num_layers=spec.num_layers,
        bidirectional=spec.bidirectional,
        batch_first=True,
        dtype=torch.float64,
        **kwargs,
    )
    weights = {name: t[name] for name, _ in rnn.named_parameters()}
    inputs = t["embedding.weight"][torch.tensor(x)] if spec.tokens else torch.tensor(x)
    packed = torch.nn.utils.rnn.pack_padded_sequence(
        inputs, torch.tensor(lengths), batch_first=True, enforce_sorted=False
    )
    out, h_n = torch.func.functional_call(rnn, weights, (packed,))
    B, T = len(lengths), int(max(lengths))
    out, _ = torch.nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=T)
    if spec.cell == "lstm":
        h_n = h_n[0]
    if spec.mode == "seq2seq":
        features = out
        mask = torch.tensor(np.arange(T)[None, :] < np.asarray(lengths)[:, None])
    elif spec.pooling == "mean":
        mask = torch.tensor(np.arange(T)[None, :] < np.asarray(lengths)[:, None])
        features = (out * mask[..., None]).sum(1) / torch.tensor(lengths)[:, None]
        mask = torch.ones(B, dtype=torch.bool)
    else:  # last layer's final states of both directions, like our `last` pooling
        features = torch.cat([h_n[-spec.num_directions + d] for d in range(spec.num_directions)], 1)
        mask = torch.ones(B, dtype=torch.bool)
    logits = features @ t["output.weight"].T + t["output.bias"]
    if spec.loss == "cross_entropy":
        per = torch.nn.functional.cross_entropy(
            logits.reshape(-1, spec.output_size), torch.tensor(y).reshape(-1), reduction="none"
        )
    else:
        per = 0.5 * ((logits - torch.tensor(y)) ** 2).sum(-1).reshape(-1)
    loss = (per * mask.reshape(-1)).sum() / B
    loss.backward()
    return logits.detach().numpy(), loss.item(), {k: v.grad.numpy() for k, v in t.items()}


@pytest.mark.parametrize("fields", CASES, ids=[str(i) for i in range(len(CASES))])
def test_outputs_loss_and_every_gradient_equal_pytorch(fields):
    fields = {"input_size": 3, "output_size": 4, **fields}
    if "vocab_size" in fields:
        del fields["input_size"]
    spec = NetworkSpec(hidden_size=5, **fields)
    network = Network(spec, seed=4)
    x, y, lengths = random_batch(spec, lengths=[6, 4, 1], seed=8)
    if spec.tokens:
        x = np.where(np.arange(6)[None, :] < lengths[:, None], x, 0)
    else:
        x = np.where((np.arange(6)[None, :] < lengths[:, None])[..., None], x, 0.0)
    if spec.mode == "seq2seq" and spec.loss == "cross_entropy":
        y = np.where(np.arange(6)[None, :] < lengths[:, None], y, 0)
    trace = network.run(x, y, lengths)
    logits, loss, grads = _torch_run(spec, network.state_dict(), x, y, lengths)
    valid = np.arange(6)[None, :] < lengths[:, None] if spec.mode == "seq2seq" else slice(None)
    assert np.allclose(trace.logits[valid], logits[valid], rtol=0, atol=1e-8)
    assert abs(trace.loss - loss) < 1e-8
    for name, grad in grads.items():
        assert np.allclose(trace.grads[name], grad, rtol=0, atol=1e-8), name
