"""Same weights, same numbers as PyTorch: each score function, and whole encoder-decoders
written with torch.nn.LSTM/GRU/RNN for the encoder and torch cells stepped in a Python loop for
the decoder (skipped without PyTorch)."""

import numpy as np
import pytest

from simulator.encoder_decoder import EncoderDecoder, attend, attend_backward

from .examples import random_pairs, small_spec
from .test_attention import SCORES, problem

torch = pytest.importorskip("torch")
F = torch.nn.functional
STACKS = {"rnn": torch.nn.RNN, "gru": torch.nn.GRU, "lstm": torch.nn.LSTM}
CELLS = {"rnn": torch.nn.RNNCell, "gru": torch.nn.GRUCell, "lstm": torch.nn.LSTMCell}


def torch_attention(score, memory, mask, query, p):
    """alpha = softmax(s(x_n, q)) over unmasked n, c = sum_n alpha_n x_n; memory (B, S, M),
    mask (B, S), query (B, Q)."""
    if score == "additive":
        s = torch.tanh(memory @ p["W"].T + (query @ p["U"].T)[:, None, :]) @ p["v"]
    elif score == "bilinear":
        s = ((memory @ p["W"]) * query[:, None, :]).sum(-1)
    else:
        s = (memory * query[:, None, :]).sum(-1)
        if score == "scaled_dot":
            s = s / memory.shape[-1] ** 0.5
    alpha = torch.softmax(s.masked_fill(~mask, -torch.inf), dim=-1)
    return s, alpha, (alpha[..., None] * memory).sum(1)


@pytest.mark.parametrize("score", SCORES)
def test_each_score_function_matches_pytorch_forward_and_backward(score):
    X, queries, params = problem(score, seed=7)
    rng = np.random.default_rng(8)
    g_c = rng.standard_normal((len(queries), X.shape[1]))
    g_a = rng.standard_normal((len(queries), X.shape[0]))
    length = 4
    result = attend(X, queries, score, length=length, **params)
    grads = attend_backward(result, g_c, g_a)

    tx = torch.tensor(X, requires_grad=True)
    tq = torch.tensor(queries, requires_grad=True)
    tp = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
    mask = torch.arange(X.shape[0])[None, :] < length
    memory = tx[None].expand(len(queries), -1, -1)
    s, alpha, context = torch_attention(score, memory, mask.expand(len(queries), -1), tq, tp)
    loss = (context * torch.tensor(g_c)).sum() + (alpha * torch.tensor(g_a)).sum()
    loss.backward()
    assert np.allclose(result.weights, alpha.detach().numpy(), atol=1e-13)
    assert np.allclose(result.context, context.detach().numpy(), atol=1e-13)
    assert np.allclose(result.scores[:, :length], s.detach().numpy()[:, :length], atol=1e-13)
    assert np.allclose(grads.inputs, tx.grad.numpy(), atol=1e-12)
    assert np.allclose(grads.query, tq.grad.numpy(), atol=1e-12)
    for name, tensor in tp.items():
        assert np.allclose(grads.params[name], tensor.grad.numpy(), atol=1e-12), name


def torch_loss(spec, state, source, target, source_lengths, target_lengths):
    """The encoder-decoder's loss written with PyTorch, and its parameters as tensors."""
    t = {k: torch.tensor(v, requires_grad=True) for k, v in state.items()}
    B, S = source.shape
    T = target.shape[1]
    source = np.where(np.arange(S)[None, :] < np.asarray(source_lengths)[:, None], source, 0)
    target = np.where(np.arange(T)[None, :] < np.asarray(target_lengths)[:, None], target, 0)
    kwargs = {"nonlinearity": "tanh"} if spec.encoder_cell == "rnn" else {}
    encoder = STACKS[spec.encoder_cell](
        spec.source_embedding_dim,
        spec.encoder_hidden_size,
        num_layers=spec.encoder_layers,
        bidirectional=spec.bidirectional,
        batch_first=True,
        dtype=torch.float64,
        **kwargs,
    )
    weights = {name: t["encoder." + name] for name, _ in encoder.named_parameters()}
    embedded = t["encoder.embedding.weight"][torch.tensor(source)]
    packed = torch.nn.utils.rnn.pack_padded_sequence(
        embedded, torch.tensor(source_lengths), batch_first=True, enforce_sorted=False
    )
    out, h_n = torch.func.functional_call(encoder, weights, (packed,))
    memory, _ = torch.nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=S)
    c_n = None
    if spec.encoder_cell == "lstm":
        h_n, c_n = h_n
    D, H = spec.num_directions, spec.decoder_hidden_size
    states, cells = [], []
    for layer in range(spec.decoder_layers):
        e = spec.encoder_layer_for(layer)
        h = torch.cat([h_n[e * D + d] for d in range(D)], dim=1)
        c = torch.cat([c_n[e * D + d] for d in range(D)], dim=1) if c_n is not None else None
        zeros = torch.zeros(B, H, dtype=torch.float64)
        if spec.bridge == "zeros":
            h, c = zeros, zeros
        elif spec.bridge_learned:
            h = torch.tanh(h @ t[f"bridge.weight_l{layer}"].T + t[f"bridge.bias_l{layer}"])
            if spec.bridge_cell:
                c = c @ t[f"bridge.cell_weight_l{layer}"].T + t[f"bridge.cell_bias_l{layer}"]
        states.append(h)
        cells.append(c if spec.bridge_cell else zeros)
    steps = []
    for layer in range(spec.decoder_layers):
        width = spec.decoder_input_size if layer == 0 else H
        cell = CELLS[spec.decoder_cell](width, H, dtype=torch.float64)
        w = {n: t[f"decoder.{n}_l{layer}"] for n, _ in cell.named_parameters()}
        steps.append((cell, w))
    previous = np.concatenate([np.full((B, 1), 2), target[:, :-1]], axis=1)  # <bos>, y_<T
    dec_embedded = t["decoder.embedding.weight"][torch.tensor(previous)]
    mask = torch.tensor(np.arange(S)[None, :] < np.asarray(source_lengths)[:, None])
    att = {k[len("attention.") :]: v for k, v in t.items() if k.startswith("attention.")}
    logits, alphas = [], []
    for step in range(T):
        x = dec_embedded[:, step]
        if spec.input_feeding:  # the query is s_{t-1}
            _, alpha, context = torch_attention(spec.attention, memory, mask, states[-1], att)
            x = torch.cat([x, context], dim=1)
        for layer, (cell, w) in enumerate(steps):
            if spec.decoder_cell == "lstm":
                states[layer], cells[layer] = torch.func.functional_call(
                    cell, w, (x, (states[layer], cells[layer]))
                )
            else:
                states[layer] = torch.func.functional_call(cell, w, (x, states[layer]))
            x = states[layer]
        features = states[-1]
        if spec.attends:
            if not spec.input_feeding:  # the query is s_t
                _, alpha, context = torch_attention(spec.attention, memory, mask, states[-1], att)
            features = torch.cat([states[-1], context], dim=1)
            alphas.append(alpha)
        logits.append(features @ t["output.weight"].T + t["output.bias"])
    logits = torch.stack(logits, dim=1)
    valid = torch.tensor(np.arange(T)[None, :] < np.asarray(target_lengths)[:, None])
    targets = torch.tensor(np.where(valid.numpy(), target, 0))
    per_step = F.cross_entropy(logits.reshape(B * T, -1), targets.reshape(-1), reduction="none")
    loss = (per_step.reshape(B, T) * valid).sum() / B
    return loss, t, torch.stack(alphas, dim=1) if alphas else None


CASES = [
    dict(encoder_cell="lstm", decoder_cell="lstm", bidirectional=True, attention="additive"),
    dict(encoder_cell="gru", decoder_cell="gru", attention="bilinear", context="input"),
    dict(encoder_cell="rnn", decoder_cell="rnn", attention="dot", decoder_layers=2),
    dict(
        encoder_cell="lstm",
        decoder_cell="lstm",
        encoder_layers=2,
        decoder_layers=2,
        bidirectional=True,
        attention="scaled_dot",
        context="input",
    ),
    dict(encoder_cell="gru", decoder_cell="lstm", attention="none", bridge="learned"),
    dict(
        encoder_cell="lstm",
        decoder_cell="gru",
        attention="additive",
        context="input",
        bridge="zeros",
        bidirectional=True,
    ),
]


@pytest.mark.parametrize("fields", CASES)
def test_loss_gradients_and_attention_match_pytorch(fields):
    spec = small_spec(**fields)
    model = EncoderDecoder(spec, seed=3)
    source, target, sl, tl = random_pairs(spec, seed=6)
    trace = model.run(source, target, sl, tl)
    loss, tensors, alphas = torch_loss(spec, model.state_dict(), source, target, sl, tl)
    loss.backward()
    assert trace.loss == pytest.approx(loss.item(), abs=1e-12)
    for name, tensor in tensors.items():
        assert np.allclose(trace.grads[name], tensor.grad.numpy(), atol=1e-12), name
    if alphas is not None:
        valid = np.arange(target.shape[1])[None, :] < tl[:, None]
        assert np.allclose(trace.attention.weights[valid], alphas.detach().numpy()[valid])
