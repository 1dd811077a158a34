"""The engine's encoder-decoder maths in plain NumPy: LSTM encoder, LSTM decoder started from the
encoder's final state (copied), additive attention with the context at the output (Luong) or at
the input (Bahdanau's input feeding), cross-entropy, and back-propagation through all of it.

Written to be read next to simulator/encoder_decoder (PyTorch's names, shapes and gate order):
a Python loop over time, NumPy over the batch, every sentence of full length (the benchmark's
cases).

    e_t   = E_dec[y_{t-1}]                      y_0 = <bos>
    q_t   = s_t (output) or s_{t-1} (input)
    alpha = softmax_n(v^T tanh(W x_n + U q_t)),  c_t = sum_n alpha_n x_n
    s_t   = LSTM(e_t, s_{t-1})  or  LSTM([e_t; c_t], s_{t-1})
    L     = (1/B) sum_b sum_t -log softmax(V [s_t; c_t] + v)[y_t]
"""

import numpy as np

BOS = 2


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


# ----- one LSTM step and its backward ------------------------------------------------------
def lstm_step(x, h_prev, c_prev, W, U, b, c):
    H = U.shape[1]
    a = x @ W.T + b + h_prev @ U.T + c  # W x_t + b + U h_{t-1} + c, rows i, f, g, o
    i, f = sigmoid(a[:, :H]), sigmoid(a[:, H : 2 * H])
    g, o = np.tanh(a[:, 2 * H : 3 * H]), sigmoid(a[:, 3 * H :])
    cell = f * c_prev + i * g  # c_t = f c_{t-1} + i g
    h = o * np.tanh(cell)  # h_t = o tanh(c_t)
    return h, cell, (x, h_prev, c_prev, i, f, g, o, cell)


def lstm_step_backward(cache, dh, dc_next, W, U, grads):
    """dL/dh_t, dL/dc_t from t+1 -> dL/dx_t, dL/dh_{t-1}, dL/dc_{t-1}; adds dW, dU, db."""
    x, h_prev, c_prev, i, f, g, o, cell = cache
    tanh_c = np.tanh(cell)
    dc = dc_next + dh * o * (1.0 - tanh_c**2)
    da = np.concatenate(
        [
            dc * g * i * (1 - i),
            dc * c_prev * f * (1 - f),
            dc * i * (1 - g * g),
            dh * tanh_c * o * (1 - o),
        ],
        axis=1,
    )
    grads["W"] += da.T @ x
    grads["U"] += da.T @ h_prev
    grads["b"] += da.sum(axis=0)
    return da @ W, da @ U, dc * f


# ----- additive attention and its backward -------------------------------------------------
def attend(memory, keys, q, Ua, va):
    """keys = memory W^T (B, S, A) precomputed; q (B, H) -> alpha (B, S), context (B, M)."""
    hidden = np.tanh(keys + (q @ Ua.T)[:, None, :])  # tanh(W x_n + U q)
    s = hidden @ va  # s_n = v^T tanh(...)
    e = np.exp(s - s.max(axis=1, keepdims=True))
    alpha = e / e.sum(axis=1, keepdims=True)
    context = (alpha[:, :, None] * memory).sum(axis=1)
    return alpha, context, (q, hidden, alpha)


def attend_backward(cache, dcontext, memory, Ua, va, grads, dkeys, dmemory):
    """Adds dL/dU, dL/dv, dL/dkeys, dL/dmemory (through c); returns dL/dq."""
    q, hidden, alpha = cache
    dalpha = (memory * dcontext[:, None, :]).sum(axis=2)  # x_n^T dL/dc
    dmemory += alpha[:, :, None] * dcontext[:, None, :]  # alpha_n dL/dc
    ds = alpha * (dalpha - (alpha * dalpha).sum(axis=1, keepdims=True))  # through softmax
    grads["v"] += np.einsum("bs,bsa->a", ds, hidden)
    dpre = ds[:, :, None] * va * (1.0 - hidden**2)  # through tanh
    dkeys += dpre
    du = dpre.sum(axis=1)  # dL/d(U q)
    grads["Ua"] += du.T @ q
    return du @ Ua


# ----- the whole model ---------------------------------------------------------------------
def run(params: dict, source: np.ndarray, target: np.ndarray, context: str):
    """Loss and gradients keyed like EncoderDecoder.state_dict(); context: none, output, input."""
    p = params
    B, S = source.shape
    T = target.shape[1]
    We, Ue, be, ce = (
        p[f"encoder.{n}_l0"] for n in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
    )
    Wd, Ud, bd, cd = (
        p[f"decoder.{n}_l0"] for n in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
    )
    H = Ue.shape[1]
    attends = context != "none"
    # encoder
    x = p["encoder.embedding.weight"][source]
    h, c = np.zeros((B, H)), np.zeros((B, H))
    enc_caches, outputs = [], []
    for t in range(S):
        h, c, cache = lstm_step(x[:, t], h, c, We, Ue, be, ce)
        enc_caches.append(cache)
        outputs.append(h)
    memory = np.stack(outputs, axis=1)  # (B, S, H)
    keys = memory @ p["attention.W"].T if attends else None
    # decoder, started from the encoder's final state
    previous = np.concatenate([np.full((B, 1), BOS), target[:, :-1]], axis=1)
    e = p["decoder.embedding.weight"][previous]
    dec_caches, att_caches, features = [], [], []
    for t in range(T):
        inputs = e[:, t]
        if context == "input":
            alpha, ctx, att = attend(memory, keys, h, p["attention.U"], p["attention.v"])
            inputs = np.concatenate([inputs, ctx], axis=1)
        h, c, cache = lstm_step(inputs, h, c, Wd, Ud, bd, cd)
        dec_caches.append(cache)
        if context == "output":
            alpha, ctx, att = attend(memory, keys, h, p["attention.U"], p["attention.v"])
        if attends:
            att_caches.append((att, ctx))
            features.append(np.concatenate([h, ctx], axis=1))
        else:
            features.append(h)
    features = np.stack(features, axis=1)  # (B, T, F)
    logits = features @ p["output.weight"].T + p["output.bias"]
    z = np.exp(logits - logits.max(axis=2, keepdims=True))
    prob = z / z.sum(axis=2, keepdims=True)
    rows, steps = np.arange(B)[:, None], np.arange(T)[None, :]
    loss = -np.log(prob[rows, steps, target]).sum() / B
    # backward
    g = {name: np.zeros_like(a) for name, a in p.items()}
    dlogits = prob.copy()
    dlogits[rows, steps, target] -= 1.0
    dlogits /= B
    g["output.weight"] = np.einsum("btv,btf->vf", dlogits, features)
    g["output.bias"] = dlogits.sum(axis=(0, 1))
    dfeatures = dlogits @ p["output.weight"]
    dmemory, dkeys = np.zeros_like(memory), np.zeros((B, S, keys.shape[2])) if attends else None
    att_g = {"Ua": g.get("attention.U"), "v": g.get("attention.v")}
    dec_g = {
        "W": g["decoder.weight_ih_l0"],
        "U": g["decoder.weight_hh_l0"],
        "b": g["decoder.bias_ih_l0"],
    }
    dh, dc = np.zeros((B, H)), np.zeros((B, H))
    de = np.zeros_like(e)
    for t in reversed(range(T)):
        dh = dh + dfeatures[:, t, :H]
        if context == "output":
            att, _ = att_caches[t]
            dh = dh + attend_backward(
                att,
                dfeatures[:, t, H:],
                memory,
                p["attention.U"],
                p["attention.v"],
                att_g,
                dkeys,
                dmemory,
            )
        dx, dh, dc = lstm_step_backward(dec_caches[t], dh, dc, Wd, Ud, dec_g)
        de[:, t] = dx[:, : e.shape[2]]
        if context == "input":
            att, _ = att_caches[t]
            dcontext = dfeatures[:, t, H:] + dx[:, e.shape[2] :]
            dh = dh + attend_backward(
                att, dcontext, memory, p["attention.U"], p["attention.v"], att_g, dkeys, dmemory
            )
    g["decoder.bias_hh_l0"][...] = g["decoder.bias_ih_l0"]
    np.add.at(g["decoder.embedding.weight"], previous, de)
    if attends:
        g["attention.W"] = np.einsum("bsa,bsm->am", dkeys, memory)
        dmemory += dkeys @ p["attention.W"]
    enc_g = {
        "W": g["encoder.weight_ih_l0"],
        "U": g["encoder.weight_hh_l0"],
        "b": g["encoder.bias_ih_l0"],
    }
    dx_enc = np.zeros_like(x)
    for t in reversed(range(S)):  # dh, dc: the decoder's initial state is the encoder's final
        dx_enc[:, t], dh, dc = lstm_step_backward(
            enc_caches[t], dh + dmemory[:, t], dc, We, Ue, enc_g
        )
    g["encoder.bias_hh_l0"][...] = g["encoder.bias_ih_l0"]
    np.add.at(g["encoder.embedding.weight"], source, dx_enc)
    return loss, g
