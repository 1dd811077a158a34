"""The gradient of an embedding table: each row gets the gradients of the steps that read it."""

from numba import njit


@njit(cache=True, nogil=True, error_model="numpy")
def embedding_backward(ids, lengths, grad_embedded, grad_table):
    """grad_table[ids[b, t]] += grad_embedded[b, t] for every real step t < lengths[b]."""
    B = ids.shape[0]
    E = grad_table.shape[1]
    for b in range(B):
        for t in range(lengths[b]):
            row = grad_table[ids[b, t]]
            g = grad_embedded[b, t]
            for j in range(E):
                row[j] += g[j]
