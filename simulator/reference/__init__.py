"""Readable NumPy references of every model the engine computes: forward and back-propagation
written to be read next to the notes (karpathy's min-char-rnn style: a Python loop over time or
over a tree's nodes, the equation of each line in a comment), with no Numba and no speed tricks.

    recurrent          simple RNN, GRU (PyTorch's and the textbook's variant), LSTM; BPTT
    encoder_decoder    LSTM encoder-decoder, attention with every score function, the context
                       at the decoder's output or input
    trees              rvnn, su-rvnn, mv-rnn, rntn; back-propagation through structure

The tests hold the compiled kernels to them (tests/reference, tests/trees/test_gradients.py:
loss and every gradient within 1e-10), and benchmarks/ times the engine against them.
"""
