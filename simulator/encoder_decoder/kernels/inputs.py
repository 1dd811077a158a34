"""Checks of token ids and lengths, compiled: a handful of NumPy reductions cost more than the
encoder's whole forward pass at B=1. The kernels only report; Python raises the error."""

from numba import njit


@njit(cache=True, nogil=True)
def check_ids(ids, lengths, vocab_size):
    """-1 when every length lies in 1..T and every real id in 0..vocab_size-1 (padding is then
    set to 0); -2 - b when length b does not; b * T + t for the first id that does not."""
    B, T = ids.shape
    for b in range(B):
        if lengths[b] < 1 or lengths[b] > T:
            return -2 - b
    for b in range(B):
        for t in range(lengths[b]):
            if ids[b, t] < 0 or ids[b, t] >= vocab_size:
                return b * T + t
    for b in range(B):
        for t in range(lengths[b], T):
            ids[b, t] = 0
    return -1


@njit(cache=True, nogil=True)
def decoder_inputs(target, lengths, bos, out):
    """out[b] = <bos>, y_1, ..., y_{L-1} then padding (0): what the decoder reads at each step."""
    B, T = target.shape
    for b in range(B):
        out[b, 0] = bos
        for t in range(1, lengths[b]):
            out[b, t] = target[b, t - 1]
        for t in range(lengths[b], T):
            out[b, t] = 0
