"""One recurrent layer in plain NumPy: forward, cross-entropy at every step, and
back-propagation through time, for the simple RNN, the GRU (PyTorch's variant and the
textbook's) and the LSTM.

Written to be read next to the notes (循环神经网络, 参数学习和长程依赖问题, 门控循环单元,
长短期记忆神经网络) and to check the compiled kernels by (tests/reference): karpathy's
min-char-rnn style, a Python loop over time and NumPy over the batch. Every step keeps what it
computed; the output layer adds one cross-entropy per step (the notes' L = sum_t L_t, here
averaged over the batch); back-propagation walks the steps in reverse carrying dL/dh (and dL/dc
for the LSTM), which is the notes' delta_{t,k} = delta_{t,t} prod_tau U^T f'(z_tau) built up
one factor per step.

PyTorch's names, shapes and gate order: W = weight_ih_l0 (gates*H, D), U = weight_hh_l0
(gates*H, H), b = bias_ih_l0, c = bias_hh_l0; GRU rows r, z, n; LSTM rows i, f, g, o.

    L = (1/B) sum_b sum_t CE(softmax(V h_bt + v), y_bt),   V = output.weight, v = output.bias

Interventions (simulator/interventions.py) are `fixed`: quantity name ("h", "c", a gate "i",
"f", "g", "o", "r", "z", "n") -> (mask (T, H) bool, values (T, H)). The forward pass puts the
values where the mask is set; back-propagation lets no gradient through a fixed entry into what
computed it (`keep`), because a value set by hand is a constant.
"""

import numpy as np


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def fix(fixed, name, t, value):
    """`value` (B, H) at step t with the entries set by hand replaced."""
    if name not in fixed:
        return value
    mask, values = fixed[name]
    return np.where(mask[t], values[t], value)


def keep(fixed, name, t, grad):
    """`grad` flowing into the computation of `name` at step t: 0 where it was set by hand."""
    if name not in fixed:
        return grad
    return np.where(fixed[name][0][t], 0.0, grad)


# ----- each cell's forward and its back-propagation through time -----------------------------
# forward: states[t + 1] holds what step t computed, states[0] the zero initial state;
# backward: dL/dh_t from the output (grad_h) -> dW, dU, db, dc, walking t = T-1 .. 0
def rnn_forward(x, W, U, b, c, fixed):
    """The notes' h_t = f(U h_{t-1} + W x_t + b) with f = tanh (b and c both biases)."""
    B, T, _ = x.shape
    states = [{"h": np.zeros((B, U.shape[1]), x.dtype)}]
    for t in range(T):
        h_prev = states[-1]["h"]
        h = np.tanh(x[:, t] @ W.T + b + h_prev @ U.T + c)  # h_t = tanh(W x_t + b + U h_{t-1} + c)
        states.append({"h": fix(fixed, "h", t, h)})
    return states


def rnn_backward(x, states, grad_h, W, U, fixed):
    dW, dU = np.zeros_like(W), np.zeros_like(U)
    db = np.zeros(U.shape[0], x.dtype)
    dh_next = np.zeros_like(states[0]["h"])  # dL/dh_t arriving from step t+1
    for t in reversed(range(x.shape[1])):
        h, h_prev = states[t + 1]["h"], states[t]["h"]
        dh = grad_h[t] + dh_next  # dL/dh_t: from the output at t and from step t+1
        da = keep(fixed, "h", t, dh) * (1.0 - h * h)  # dL/da_t through tanh
        dW += da.T @ x[:, t]  # dL/dW += da_t x_t^T
        dU += da.T @ h_prev  # dL/dU += da_t h_{t-1}^T
        db += da.sum(axis=0)  # dL/db = dL/dc = sum_t da_t
        dh_next = da @ U  # dL/dh_{t-1} = U^T da_t
    return dW, dU, db, db.copy()


def gru_forward(x, W, U, b, c, fixed):
    """PyTorch's GRU: the reset gate scales U_n h_{t-1} + c_n."""
    B, T, _ = x.shape
    H = U.shape[1]
    states = [{"h": np.zeros((B, H), x.dtype)}]
    for t in range(T):
        h_prev = states[-1]["h"]
        a = x[:, t] @ W.T + b  # input side of r, z, n: W x_t + b
        u = h_prev @ U.T + c  # hidden side of r, z, n: U h_{t-1} + c
        r = sigmoid(a[:, :H] + u[:, :H])  # r_t = sigma(W_r x_t + b_r + U_r h_{t-1} + c_r)
        z = sigmoid(a[:, H : 2 * H] + u[:, H : 2 * H])  # z_t, same form
        r, z = fix(fixed, "r", t, r), fix(fixed, "z", t, z)
        u_n = u[:, 2 * H :]  # U_n h_{t-1} + c_n
        n = np.tanh(a[:, 2 * H :] + r * u_n)  # n_t = tanh(W_n x_t + b_n + r_t * (U_n h + c_n))
        n = fix(fixed, "n", t, n)
        h = fix(fixed, "h", t, (1.0 - z) * n + z * h_prev)  # h_t = (1 - z_t) n_t + z_t h_{t-1}
        states.append({"r": r, "z": z, "n": n, "u_n": u_n, "h": h})
    return states


def gru_backward(x, states, grad_h, W, U, fixed):
    H = U.shape[1]
    dW, dU = np.zeros_like(W), np.zeros_like(U)
    db, dc = np.zeros(3 * H, x.dtype), np.zeros(3 * H, x.dtype)
    dh_next = np.zeros_like(states[0]["h"])
    for t in reversed(range(x.shape[1])):
        s, h_prev = states[t + 1], states[t]["h"]
        r, z, n = s["r"], s["z"], s["n"]
        dh = keep(fixed, "h", t, grad_h[t] + dh_next)  # dL/dh_t into the step
        dn_pre = dh * (1.0 - z) * (1.0 - n * n)  # dL/d(W_n x + b_n + r * u_n) through tanh
        dn_pre = keep(fixed, "n", t, dn_pre)
        dz_pre = keep(fixed, "z", t, dh * (h_prev - n) * z * (1.0 - z))  # dL/d(z's pre-act.)
        dr_pre = keep(fixed, "r", t, dn_pre * s["u_n"] * r * (1.0 - r))  # dL/d(r's pre-act.)
        da = np.concatenate([dr_pre, dz_pre, dn_pre], axis=1)  # dL/d(W x_t + b)
        du = np.concatenate([dr_pre, dz_pre, dn_pre * r], axis=1)  # dL/d(U h_{t-1} + c)
        dW += da.T @ x[:, t]  # dL/dW += da_t x_t^T
        dU += du.T @ h_prev  # dL/dU += du_t h_{t-1}^T
        db += da.sum(axis=0)
        dc += du.sum(axis=0)
        dh_next = dh * z + du @ U  # dL/dh_{t-1} = z_t dh_t + U^T du_t
    return dW, dU, db, dc


def gru_textbook_forward(x, W, U, b, c, fixed):
    """The textbook GRU: the reset gate scales h_{t-1} before U_n reads it (PyTorch's scales
    U_n h_{t-1} + c_n after)."""
    B, T, _ = x.shape
    H = U.shape[1]
    states = [{"h": np.zeros((B, H), x.dtype)}]
    for t in range(T):
        h_prev = states[-1]["h"]
        a = x[:, t] @ W.T + b  # W x_t + b, rows r, z, n
        u_rz = h_prev @ U[: 2 * H].T + c[: 2 * H]  # U_r h_{t-1} + c_r, U_z h_{t-1} + c_z
        r = sigmoid(a[:, :H] + u_rz[:, :H])  # reset gate
        z = sigmoid(a[:, H : 2 * H] + u_rz[:, H:])  # update gate
        r, z = fix(fixed, "r", t, r), fix(fixed, "z", t, z)
        rh = r * h_prev  # r_t * h_{t-1}: how much of the past the candidate sees
        # n_t = tanh(W_n x_t + b_n + U_n (r_t * h_{t-1}) + c_n)
        n = fix(fixed, "n", t, np.tanh(a[:, 2 * H :] + rh @ U[2 * H :].T + c[2 * H :]))
        h = fix(fixed, "h", t, (1.0 - z) * n + z * h_prev)  # h_t = (1 - z_t) n_t + z_t h_{t-1}
        states.append({"r": r, "z": z, "n": n, "rh": rh, "h": h})
    return states


def gru_textbook_backward(x, states, grad_h, W, U, fixed):
    H = U.shape[1]
    U_rz, U_n = U[: 2 * H], U[2 * H :]
    dW, dU = np.zeros_like(W), np.zeros_like(U)
    db = np.zeros(3 * H, x.dtype)
    dh_next = np.zeros_like(states[0]["h"])
    for t in reversed(range(x.shape[1])):
        s, h_prev = states[t + 1], states[t]["h"]
        r, z, n = s["r"], s["z"], s["n"]
        dh = keep(fixed, "h", t, grad_h[t] + dh_next)  # dL/dh_t into the step
        dn_pre = keep(fixed, "n", t, dh * (1.0 - z) * (1.0 - n * n))  # through tanh
        dz_pre = keep(fixed, "z", t, dh * (h_prev - n) * z * (1.0 - z))  # dL/d(z's pre-act.)
        drh = dn_pre @ U_n  # dL/d(r_t * h_{t-1}) = U_n^T dn
        dr_pre = keep(fixed, "r", t, drh * h_prev * r * (1.0 - r))  # dL/d(r's pre-act.)
        d_rz = np.concatenate([dr_pre, dz_pre], axis=1)  # dL/d(U_rz h_{t-1} + c_rz)
        da = np.concatenate([dr_pre, dz_pre, dn_pre], axis=1)  # dL/d(W x_t + b)
        dW += da.T @ x[:, t]  # dL/dW += da_t x_t^T
        dU[: 2 * H] += d_rz.T @ h_prev  # dL/dU_rz += d_rz h_{t-1}^T
        dU[2 * H :] += dn_pre.T @ s["rh"]  # dL/dU_n += dn (r_t h_{t-1})^T
        db += da.sum(axis=0)  # c enters where b does: dL/dc = dL/db
        dh_next = dh * z + d_rz @ U_rz + drh * r  # dL/dh_{t-1}: through z, r, and r * h
    return dW, dU, db, db.copy()


def lstm_forward(x, W, U, b, c, fixed):
    B, T, _ = x.shape
    H = U.shape[1]
    zeros = np.zeros((B, H), x.dtype)
    states = [{"h": zeros, "c": zeros}]
    for t in range(T):
        h_prev, c_prev = states[-1]["h"], states[-1]["c"]
        a = x[:, t] @ W.T + b + h_prev @ U.T + c  # W x_t + b + U h_{t-1} + c, rows i, f, g, o
        i = fix(fixed, "i", t, sigmoid(a[:, :H]))  # input gate
        f = fix(fixed, "f", t, sigmoid(a[:, H : 2 * H]))  # forget gate
        g = fix(fixed, "g", t, np.tanh(a[:, 2 * H : 3 * H]))  # candidate
        o = fix(fixed, "o", t, sigmoid(a[:, 3 * H :]))  # output gate
        cell = fix(fixed, "c", t, f * c_prev + i * g)  # c_t = f c_{t-1} + i g
        h = fix(fixed, "h", t, o * np.tanh(cell))  # h_t = o tanh(c_t)
        states.append({"i": i, "f": f, "g": g, "o": o, "c": cell, "h": h})
    return states


def lstm_backward(x, states, grad_h, W, U, fixed):
    dW, dU = np.zeros_like(W), np.zeros_like(U)
    db = np.zeros(U.shape[0], x.dtype)
    dh_next = np.zeros_like(states[0]["h"])  # dL/dh_t arriving from step t+1
    dc_next = np.zeros_like(states[0]["c"])  # dL/dc_t arriving from step t+1
    for t in reversed(range(x.shape[1])):
        s, h_prev, c_prev = states[t + 1], states[t]["h"], states[t]["c"]
        i, f, g, o = s["i"], s["f"], s["g"], s["o"]
        tanh_c = np.tanh(s["c"])
        dh = keep(fixed, "h", t, grad_h[t] + dh_next)  # dL/dh_t into the step
        dc = dc_next + dh * o * (1.0 - tanh_c * tanh_c)  # dL/dc_t: from c_{t+1} and from h_t
        dc = keep(fixed, "c", t, dc)  # ... into the step
        da = np.concatenate(
            [
                keep(fixed, "i", t, dc * g * i * (1.0 - i)),  # dL/d(i's pre-activation)
                keep(fixed, "f", t, dc * c_prev * f * (1.0 - f)),  # dL/d(f's pre-activation)
                keep(fixed, "g", t, dc * i * (1.0 - g * g)),  # dL/d(g's pre-activation)
                keep(fixed, "o", t, dh * tanh_c * o * (1.0 - o)),  # dL/d(o's pre-activation)
            ],
            axis=1,
        )
        dW += da.T @ x[:, t]  # dL/dW += da_t x_t^T
        dU += da.T @ h_prev  # dL/dU += da_t h_{t-1}^T
        db += da.sum(axis=0)  # dL/db = dL/dc = sum_t da_t
        dh_next = da @ U  # dL/dh_{t-1} = U^T da_t
        dc_next = dc * f  # dL/dc_{t-1} = f_t dL/dc_t
    return dW, dU, db, db.copy()


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


CELLS = {
    "rnn": (rnn_forward, rnn_backward),
    "gru": (gru_forward, gru_backward),
    "gru_textbook": (gru_textbook_forward, gru_textbook_backward),
    "lstm": (lstm_forward, lstm_backward),
}
LAYER_NAMES = ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")


def run(
    cell: str,
    params: dict,
    x: np.ndarray,
    y: np.ndarray,
    gru_variant: str = "pytorch",
    fixed: dict | None = None,
) -> tuple[float, dict]:
    """Loss and gradients (keyed like the engine's state_dict) of a one-layer network tagging
    every step (mode seq2seq) on x (B, T, D) and class ids y (B, T). `gru_variant`: pytorch or
    textbook, as NetworkSpec.gru_variant; `fixed`: interventions (see the module's docstring)."""
    loss, grads, _ = run_with_states(cell, params, x, y, gru_variant, fixed)
    return loss, grads


def run_with_states(cell, params, x, y, gru_variant="pytorch", fixed=None):
    """run(), and the states of every step (states[t + 1] holds step t's h, c, gates)."""
    fixed = fixed or {}
    key = "gru_textbook" if cell == "gru" and gru_variant == "textbook" else cell
    forward, backward = CELLS[key]
    W, U, b, c = (params[name] for name in LAYER_NAMES)
    states = forward(x, W, U, b, c, fixed)
    loss, grad_h, dV, dv = cross_entropy(states, y, params["output.weight"], params["output.bias"])
    grads = dict(zip(LAYER_NAMES, backward(x, states, grad_h, W, U, fixed), strict=True))
    return loss, {**grads, "output.weight": dV, "output.bias": dv}, states
