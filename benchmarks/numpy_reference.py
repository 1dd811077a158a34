"""The engine's maths for one seq2seq layer in plain NumPy: forward, cross-entropy, BPTT.

Written to be read next to the kernels' docstrings (PyTorch's names, shapes and gate order), in
the style of karpathy's min-char-rnn: a Python loop over time, NumPy over the batch. Every step
keeps what it computed, the output layer adds one cross-entropy per step, and back-propagation
walks the steps in reverse carrying dL/dh (and dL/dc for the LSTM).

    L = (1/B) sum_b sum_t CE(softmax(V h_bt + v), y_bt),   V = output.weight, v = output.bias
"""

import numpy as np


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


# ----- forward: states[t + 1] holds what step t computed, states[0] the zero initial state ----
def rnn_forward(x, W, U, b, c):
    B, T, _ = x.shape
    states = [{"h": np.zeros((B, U.shape[1]), x.dtype)}]
    for t in range(T):
        h_prev = states[-1]["h"]
        h = np.tanh(x[:, t] @ W.T + b + h_prev @ U.T + c)  # h_t = tanh(W x_t + b + U h_{t-1} + c)
        states.append({"h": h})
    return states


def gru_forward(x, W, U, b, c):
    B, T, _ = x.shape
    H = U.shape[1]
    states = [{"h": np.zeros((B, H), x.dtype)}]
    for t in range(T):
        h_prev = states[-1]["h"]
        a = x[:, t] @ W.T + b  # input side of r, z, n: W x_t + b
        u = h_prev @ U.T + c  # hidden side of r, z, n: U h_{t-1} + c
        r = sigmoid(a[:, :H] + u[:, :H])  # r_t = sigma(W_r x_t + b_r + U_r h_{t-1} + c_r)
        z = sigmoid(a[:, H : 2 * H] + u[:, H : 2 * H])  # z_t, same form
        u_n = u[:, 2 * H :]  # U_n h_{t-1} + c_n
        n = np.tanh(a[:, 2 * H :] + r * u_n)  # n_t = tanh(W_n x_t + b_n + r_t * (U_n h + c_n))
        h = (1.0 - z) * n + z * h_prev  # h_t = (1 - z_t) n_t + z_t h_{t-1}
        states.append({"r": r, "z": z, "n": n, "u_n": u_n, "h": h})
    return states


def lstm_forward(x, W, U, b, c):
    B, T, _ = x.shape
    H = U.shape[1]
    zeros = np.zeros((B, H), x.dtype)
    states = [{"h": zeros, "c": zeros}]
    for t in range(T):
        h_prev, c_prev = states[-1]["h"], states[-1]["c"]
        a = x[:, t] @ W.T + b + h_prev @ U.T + c  # W x_t + b + U h_{t-1} + c, rows i, f, g, o
        i = sigmoid(a[:, :H])  # input gate
        f = sigmoid(a[:, H : 2 * H])  # forget gate
        g = np.tanh(a[:, 2 * H : 3 * H])  # candidate
        o = sigmoid(a[:, 3 * H :])  # output gate
        cell = f * c_prev + i * g  # c_t = f c_{t-1} + i g
        h = o * np.tanh(cell)  # h_t = o tanh(c_t)
        states.append({"i": i, "f": f, "g": g, "o": o, "c": cell, "h": h})
    return states


# ----- output layer: one softmax cross-entropy per step ----------------------------------------
def cross_entropy(states, y, V, v):
    """Loss, dL/dh_t from the output layer at every step, and dL/dV, dL/dv."""
    B, T = y.shape
    rows = np.arange(B)
    loss = 0.0
    grad_h = []
    dV, dv = np.zeros_like(V), np.zeros_like(v)
    for t in range(T):
        h = states[t + 1]["h"]
        logits = h @ V.T + v  # o_t = V h_t + v
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)  # p_t = softmax(o_t)
        loss -= np.log(p[rows, y[:, t]]).sum() / B  # L += -(1/B) sum_b log p_t[y_t]
        dlogits = p.copy()
        dlogits[rows, y[:, t]] -= 1.0
        dlogits /= B  # dL/do_t = (p_t - onehot(y_t)) / B
        dV += dlogits.T @ h  # dL/dV += dL/do_t h_t^T
        dv += dlogits.sum(axis=0)
        grad_h.append(dlogits @ V)  # dL/dh_t from the output: V^T dL/do_t
    return loss, grad_h, dV, dv


# ----- back-propagation through time: dW, dU, db, dc --------------------------------------------
def rnn_backward(x, states, grad_h, W, U):
    dW, dU = np.zeros_like(W), np.zeros_like(U)
    db = np.zeros(U.shape[0], x.dtype)
    dh_next = np.zeros_like(states[0]["h"])  # dL/dh_t arriving from step t+1
    for t in reversed(range(x.shape[1])):
        h, h_prev = states[t + 1]["h"], states[t]["h"]
        dh = grad_h[t] + dh_next  # dL/dh_t: from the output at t and from step t+1
        da = dh * (1.0 - h * h)  # dL/da_t through tanh
        dW += da.T @ x[:, t]  # dL/dW += da_t x_t^T
        dU += da.T @ h_prev  # dL/dU += da_t h_{t-1}^T
        db += da.sum(axis=0)  # dL/db = dL/dc = sum_t da_t
        dh_next = da @ U  # dL/dh_{t-1} = U^T da_t
    return dW, dU, db, db.copy()


def gru_backward(x, states, grad_h, W, U):
    H = U.shape[1]
    dW, dU = np.zeros_like(W), np.zeros_like(U)
    db, dc = np.zeros(3 * H, x.dtype), np.zeros(3 * H, x.dtype)
    dh_next = np.zeros_like(states[0]["h"])
    for t in reversed(range(x.shape[1])):
        s, h_prev = states[t + 1], states[t]["h"]
        r, z, n = s["r"], s["z"], s["n"]
        dh = grad_h[t] + dh_next  # dL/dh_t
        dn_pre = dh * (1.0 - z) * (1.0 - n * n)  # dL/d(W_n x + b_n + r * u_n) through tanh
        dz_pre = dh * (h_prev - n) * z * (1.0 - z)  # dL/d(z's pre-activation)
        dr_pre = dn_pre * s["u_n"] * r * (1.0 - r)  # dL/d(r's pre-activation)
        da = np.concatenate([dr_pre, dz_pre, dn_pre], axis=1)  # dL/d(W x_t + b)
        du = np.concatenate([dr_pre, dz_pre, dn_pre * r], axis=1)  # dL/d(U h_{t-1} + c)
        dW += da.T @ x[:, t]  # dL/dW += da_t x_t^T
        dU += du.T @ h_prev  # dL/dU += du_t h_{t-1}^T
        db += da.sum(axis=0)
        dc += du.sum(axis=0)
        dh_next = dh * z + du @ U  # dL/dh_{t-1} = z_t dh_t + U^T du_t
    return dW, dU, db, dc


def lstm_backward(x, states, grad_h, W, U):
    dW, dU = np.zeros_like(W), np.zeros_like(U)
    db = np.zeros(U.shape[0], x.dtype)
    dh_next = np.zeros_like(states[0]["h"])  # dL/dh_t arriving from step t+1
    dc_next = np.zeros_like(states[0]["c"])  # dL/dc_t arriving from step t+1
    for t in reversed(range(x.shape[1])):
        s, h_prev, c_prev = states[t + 1], states[t]["h"], states[t]["c"]
        i, f, g, o = s["i"], s["f"], s["g"], s["o"]
        tanh_c = np.tanh(s["c"])
        dh = grad_h[t] + dh_next  # dL/dh_t
        dc = dc_next + dh * o * (1.0 - tanh_c * tanh_c)  # dL/dc_t: from c_{t+1} and from h_t
        da = np.concatenate(
            [
                dc * g * i * (1.0 - i),  # dL/d(i's pre-activation)
                dc * c_prev * f * (1.0 - f),  # dL/d(f's pre-activation)
                dc * i * (1.0 - g * g),  # dL/d(g's pre-activation)
                dh * tanh_c * o * (1.0 - o),  # dL/d(o's pre-activation)
            ],
            axis=1,
        )
        dW += da.T @ x[:, t]  # dL/dW += da_t x_t^T
        dU += da.T @ h_prev  # dL/dU += da_t h_{t-1}^T
        db += da.sum(axis=0)  # dL/db = dL/dc = sum_t da_t
        dh_next = da @ U  # dL/dh_{t-1} = U^T da_t
        dc_next = dc * f  # dL/dc_{t-1} = f_t dL/dc_t
    return dW, dU, db, db.copy()


CELLS = {
    "rnn": (rnn_forward, rnn_backward),
    "gru": (gru_forward, gru_backward),
    "lstm": (lstm_forward, lstm_backward),
}
LAYER_NAMES = ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")


def run(cell: str, params: dict, x: np.ndarray, y: np.ndarray) -> tuple[float, dict]:
    """Loss and gradients (keyed like the engine's state_dict) of a one-layer seq2seq network on
    x (B, T, D) and class ids y (B, T)."""
    forward, backward = CELLS[cell]
    W, U, b, c = (params[name] for name in LAYER_NAMES)
    states = forward(x, W, U, b, c)
    loss, grad_h, dV, dv = cross_entropy(states, y, params["output.weight"], params["output.bias"])
    grads = dict(zip(LAYER_NAMES, backward(x, states, grad_h, W, U), strict=True))
    return loss, {**grads, "output.weight": dV, "output.bias": dv}
