"""The encoder-decoder with attention in plain NumPy: forward, cross-entropy and
back-propagation through all of it, written to be read next to the notes (异步的序列到序列模式,
注意力机制) and to check simulator/encoder_decoder by (tests/reference).

An LSTM encoder reads the source; an LSTM decoder, started from the encoder's final state
(copied: the `auto` bridge of a one-directional encoder as wide as the decoder), reads the
target shifted right (teacher forcing). Attention follows the notes' two steps:

    alpha_n = softmax_n(s(x_n, q))            the attention distribution over the source
    c       = att(X, q) = sum_n alpha_n x_n   the weighted average of the encoder's outputs

with every score function s the engine has (x_n: an encoder output, width M; q: the query):

    additive    s = v^T tanh(W x_n + U q)     W (A, M), U (A, Q), v (A,)   attention.W/.U/.v
    dot         s = x_n^T q                   (M = Q)
    scaled_dot  s = x_n^T q / sqrt(M)
    bilinear    s = x_n^T W q                 W (M, Q)                      attention.W

and the context in one of two places:

    output (Luong)     q_t = s_t, the decoder's state after step t; s_t = LSTM(e_t, s_{t-1})
    input (Bahdanau)   q_t = s_{t-1}, the state before it;     s_t = LSTM([e_t; c_t], s_{t-1})
    both               L = (1/B) sum_b sum_t -log softmax(V [s_t; c_t] + v)[y_t]
    none               no attention: L = (1/B) sum_b sum_t -log softmax(V s_t + v)[y_t]

where e_t is the embedding of y_{t-1} (y_0 = <bos>). A Python loop over time, NumPy over the
batch, every sentence of full length; PyTorch's names, shapes and gate order (i, f, g, o).
"""

import numpy as np

BOS = 2
SCORES = ("additive", "dot", "scaled_dot", "bilinear")


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


# ----- attention: scores, softmax, context, and back ---------------------------------------
def score(memory, q, p, kind):
    """s(x_n, q) for every source position: memory (B, S, M), q (B, Q) -> (B, S), and what the
    backward needs (the additive score's tanh layer)."""
    if kind == "additive":
        hidden = np.tanh(memory @ p["attention.W"].T + (q @ p["attention.U"].T)[:, None, :])
        return hidden @ p["attention.v"], hidden  # v^T tanh(W x_n + U q)
    if kind == "bilinear":
        return np.einsum("bsm,bm->bs", memory, q @ p["attention.W"].T), None  # x_n^T W q
    scale = 1.0 / np.sqrt(memory.shape[2]) if kind == "scaled_dot" else 1.0
    return scale * np.einsum("bsm,bm->bs", memory, q), None  # x_n^T q (/ sqrt(M))


def score_backward(ds, memory, q, hidden, p, kind, grads, dmemory):
    """dL/ds (B, S) -> dL/dq; adds dL/dx_n to dmemory and the score's parameter gradients."""
    if kind == "additive":
        W, U, v = p["attention.W"], p["attention.U"], p["attention.v"]
        grads["attention.v"] += np.einsum("bs,bsa->a", ds, hidden)
        dpre = ds[:, :, None] * v * (1.0 - hidden**2)  # dL/d(W x_n + U q) through tanh
        grads["attention.W"] += np.einsum("bsa,bsm->am", dpre, memory)
        dmemory += dpre @ W
        du = dpre.sum(axis=1)  # dL/d(U q): U q is shared by every n
        grads["attention.U"] += du.T @ q
        return du @ U
    if kind == "bilinear":
        W = p["attention.W"]
        dmemory += ds[:, :, None] * (q @ W.T)[:, None, :]  # dL/dx_n = ds_n W q
        weighted = np.einsum("bs,bsm->bm", ds, memory)  # sum_n ds_n x_n
        grads["attention.W"] += weighted.T @ q
        return weighted @ W  # dL/dq = W^T sum_n ds_n x_n
    scale = 1.0 / np.sqrt(memory.shape[2]) if kind == "scaled_dot" else 1.0
    dmemory += scale * ds[:, :, None] * q[:, None, :]
    return scale * np.einsum("bs,bsm->bm", ds, memory)


def attend(memory, q, p, kind):
    """The notes' two steps for one query per example: alpha (B, S), context (B, M)."""
    s, hidden = score(memory, q, p, kind)
    e = np.exp(s - s.max(axis=1, keepdims=True))
    alpha = e / e.sum(axis=1, keepdims=True)  # alpha_n = softmax(s)_n
    context = np.einsum("bs,bsm->bm", alpha, memory)  # c = sum_n alpha_n x_n
    return context, (q, hidden, alpha)


def attend_backward(cache, dcontext, memory, p, kind, grads, dmemory):
    """dL/dc -> dL/dq; adds dL/dx_n (through c and through the scores) and the parameters'."""
    q, hidden, alpha = cache
    dalpha = np.einsum("bsm,bm->bs", memory, dcontext)  # dL/dalpha_n = x_n^T dL/dc
    dmemory += alpha[:, :, None] * dcontext[:, None, :]  # dL/dx_n through c: alpha_n dL/dc
    ds = alpha * (dalpha - (alpha * dalpha).sum(axis=1, keepdims=True))  # through the softmax
    return score_backward(ds, memory, q, hidden, p, kind, grads, dmemory)


# ----- the whole model ---------------------------------------------------------------------
def run(params: dict, source, target, context: str, score_kind: str = "additive"):
    """Loss and gradients keyed like EncoderDecoder.state_dict(). context: none (no
    attention), output or input; score_kind: one of SCORES."""
    p = params
    B, S = source.shape
    T = target.shape[1]
    encoder = [p[f"encoder.{n}_l0"] for n in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
    decoder = [p[f"decoder.{n}_l0"] for n in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
    H = encoder[1].shape[1]
    attends = context != "none"
    # ----- forward: the encoder over the source ------------------------------------------
    x = p["encoder.embedding.weight"][source]
    h, c = np.zeros((B, H)), np.zeros((B, H))
    encoder_caches, outputs = [], []
    for t in range(S):
        h, c, cache = lstm_step(x[:, t], h, c, *encoder)
        encoder_caches.append(cache)
        outputs.append(h)
    memory = np.stack(outputs, axis=1)  # x_1 .. x_S, what attention reads (B, S, H)
    # ----- the decoder, started from the encoder's final state (h, c) ----------------------
    previous = np.concatenate([np.full((B, 1), BOS), target[:, :-1]], axis=1)
    e = p["decoder.embedding.weight"][previous]
    decoder_caches, attention_caches, features = [], [], []
    for t in range(T):
        inputs = e[:, t]
        if context == "input":  # q_t = s_{t-1}; the decoder reads [e_t; c_t]
            ctx, attention = attend(memory, h, p, score_kind)
            inputs = np.concatenate([inputs, ctx], axis=1)
        h, c, cache = lstm_step(inputs, h, c, *decoder)
        decoder_caches.append(cache)
        if context == "output":  # q_t = s_t
            ctx, attention = attend(memory, h, p, score_kind)
        if attends:
            attention_caches.append(attention)
            features.append(np.concatenate([h, ctx], axis=1))  # [s_t; c_t]
        else:
            features.append(h)
    features = np.stack(features, axis=1)  # (B, T, F)
    logits = features @ p["output.weight"].T + p["output.bias"]
    z = np.exp(logits - logits.max(axis=2, keepdims=True))
    prob = z / z.sum(axis=2, keepdims=True)
    rows, steps = np.arange(B)[:, None], np.arange(T)[None, :]
    loss = -np.log(prob[rows, steps, target]).sum() / B
    # ----- backward: the output layer --------------------------------------------------------
    g = {name: np.zeros_like(a) for name, a in p.items()}
    dlogits = prob.copy()
    dlogits[rows, steps, target] -= 1.0
    dlogits /= B  # dL/dlogits = (p - onehot(y)) / B
    g["output.weight"] = np.einsum("btv,btf->vf", dlogits, features)
    g["output.bias"] = dlogits.sum(axis=(0, 1))
    dfeatures = dlogits @ p["output.weight"]
    # ----- the decoder in reverse, through attention into the encoder's outputs --------------
    dmemory = np.zeros_like(memory)
    decoder_grads = {
        "W": g["decoder.weight_ih_l0"],
        "U": g["decoder.weight_hh_l0"],
        "b": g["decoder.bias_ih_l0"],
    }
    dh, dc = np.zeros((B, H)), np.zeros((B, H))
    de = np.zeros_like(e)
    E = e.shape[2]
    for t in reversed(range(T)):
        dh = dh + dfeatures[:, t, :H]
        if context == "output":
            dcontext = dfeatures[:, t, H:]
            dh = dh + attend_backward(
                attention_caches[t], dcontext, memory, p, score_kind, g, dmemory
            )
        dx, dh, dc = lstm_step_backward(
            decoder_caches[t], dh, dc, decoder[0], decoder[1], decoder_grads
        )
        de[:, t] = dx[:, :E]
        if context == "input":  # c_t reached the output layer and the decoder's input
            dcontext = dfeatures[:, t, H:] + dx[:, E:]
            dh = dh + attend_backward(
                attention_caches[t], dcontext, memory, p, score_kind, g, dmemory
            )
    g["decoder.bias_hh_l0"][...] = g["decoder.bias_ih_l0"]  # b and c enter together
    np.add.at(g["decoder.embedding.weight"], previous, de)
    # ----- the encoder in reverse: dh, dc arrive from the decoder's initial state ------------
    encoder_grads = {
        "W": g["encoder.weight_ih_l0"],
        "U": g["encoder.weight_hh_l0"],
        "b": g["encoder.bias_ih_l0"],
    }
    dx_encoder = np.zeros_like(x)
    for t in reversed(range(S)):
        dx_encoder[:, t], dh, dc = lstm_step_backward(
            encoder_caches[t], dh + dmemory[:, t], dc, encoder[0], encoder[1], encoder_grads
        )
    g["encoder.bias_hh_l0"][...] = g["encoder.bias_ih_l0"]
    np.add.at(g["encoder.embedding.weight"], source, dx_encoder)
    return loss, g
