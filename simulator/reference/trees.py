"""The tree models in plain NumPy, one node at a time: the notes' 递归神经网络 (rvnn,
Syntactically-Untied RvNN, Matrix-Vector RNN, Recursive Neural Tensor Network) read a second,
independent way (the equations are in simulator.trees.spec), to check the kernels by and to time
them against.

Written like min-char-rnn: a forward loop over the nodes bottom-up that keeps what it computed,
a softmax at every node, and a backward loop top-down carrying dL/dp (and dL/dP for the mv-rnn).
tanh only. Reads V directly (x^T V_i x, and (V_i + V_i^T) x going back), unlike the kernels.
"""

from __future__ import annotations

import numpy as np


def run(model: str, params: dict, left, right, word, labels, pair=None, trees: int = 1):
    """Loss and gradients (by state_dict name) of one batch of flattened trees (children before
    parents; -1 for none), averaged over `trees` like TreeNetwork.run."""
    E, W, b = params["embedding.weight"], params["compose.weight"], params["compose.bias"]
    Ws, bs = params["output.weight"], params["output.bias"]
    N, d = len(left), W.shape[0]
    p = np.zeros((N, d))
    P = np.zeros((N, d, d)) if model == "mv-rnn" else None
    x = np.zeros((N, 2 * d))
    # ----- forward, bottom-up --------------------------------------------------------------
    for n in range(N):
        if left[n] < 0:
            p[n] = E[word[n]]  # p = L[w]
            if P is not None:
                P[n] = params["word_matrix.weight"][word[n]]  # P = M[w]
            continue
        l, r = left[n], right[n]
        if model == "mv-rnn":
            x[n] = np.concatenate([P[r] @ p[l], P[l] @ p[r]])  # [B a; A b]
            P[n] = params["compose_matrix.weight"] @ np.vstack([P[l], P[r]])  # W_M [A; B]
        else:
            x[n] = np.concatenate([p[l], p[r]])  # [c1; c2]
        z = W @ x[n] + b
        if model == "su-rvnn" and pair is not None and pair[n] >= 0:
            z += params["untied.weight"][pair[n]] @ x[n] + params["untied.bias"][pair[n]]
        if model == "rntn":
            z += (params["tensor.weight"] @ x[n]) @ x[n]  # x^T V_i x
        p[n] = np.tanh(z)
    # ----- a softmax at every labelled node ----------------------------------------------------
    logits = p @ Ws.T + bs
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    probs = e / e.sum(axis=1, keepdims=True)
    labelled = np.flatnonzero(labels >= 0)
    loss = -np.log(probs[labelled, labels[labelled]]).sum() / trees
    dlogits = np.zeros_like(logits)
    dlogits[labelled] = probs[labelled]
    dlogits[labelled, labels[labelled]] -= 1.0
    dlogits /= trees
    grads = {name: np.zeros_like(value) for name, value in params.items()}
    grads["output.weight"] = dlogits.T @ p
    grads["output.bias"] = dlogits.sum(axis=0)
    dp = dlogits @ Ws  # dL/dp_n from each node's classifier
    dP = np.zeros_like(P) if P is not None else None
    # ----- backward, top-down ------------------------------------------------------------------
    for n in reversed(range(N)):
        if left[n] < 0:
            grads["embedding.weight"][word[n]] += dp[n]
            if dP is not None:
                grads["word_matrix.weight"][word[n]] += dP[n]
            continue
        l, r = left[n], right[n]
        dz = dp[n] * (1.0 - p[n] ** 2)  # tanh' = 1 - p^2
        grads["compose.weight"] += np.outer(dz, x[n])
        grads["compose.bias"] += dz
        dx = W.T @ dz
        if model == "su-rvnn" and pair is not None and pair[n] >= 0:
            k = pair[n]
            grads["untied.weight"][k] += np.outer(dz, x[n])
            grads["untied.bias"][k] += dz
            dx += params["untied.weight"][k].T @ dz
        if model == "rntn":
            V = params["tensor.weight"]
            grads["tensor.weight"] += dz[:, None, None] * np.outer(x[n], x[n])[None]
            dx += dz @ (V @ x[n]) + dz @ (x[n] @ V)  # sum_i dz_i (V_i + V_i^T) x
        if model == "mv-rnn":
            a, bv, A, B = p[l], p[r], P[l], P[r]
            u1, u2 = dx[:d], dx[d:]
            dP[r] += np.outer(u1, a)  # from B a
            dp[l] += B.T @ u1
            dP[l] += np.outer(u2, bv)  # from A b
            dp[r] += A.T @ u2
            WM = params["compose_matrix.weight"]
            dAB = WM.T @ dP[n]  # from P = W_M [A; B]
            dP[l] += dAB[:d]
            dP[r] += dAB[d:]
            grads["compose_matrix.weight"] += dP[n] @ np.vstack([A, B]).T
        else:
            dp[l] += dx[:d]
            dp[r] += dx[d:]
    return loss, grads, p
