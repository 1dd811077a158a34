"""The text of each step (or tree node) of a trace, for export beside its arrays.

Fixed-width unicode arrays (numpy dtype <U...), which np.load reads with allow_pickle=False:
    tokens          (B, T)  a recurrent network's inputs; "" on padding
    source_tokens   (B, S)  an encoder-decoder's source; target_tokens (B, T) what each decoder
                            step read (<bos>, y_1, ...)
    node_tokens     (N,)    a tree's nodes: the word at a leaf, the category (or the words
                            under it) at a phrase
Dense inputs have no words: their steps are shown as the task shows them, or numbered.
"""

from __future__ import annotations

import numpy as np

MAX_PHRASE = 40  # characters of a phrase's words kept as its label


def trace_tokens(trace, task=None) -> dict[str, np.ndarray]:
    if hasattr(trace, "batch"):  # a tree trace: every node knows its words
        return {"node_tokens": _text(_node_labels(trace))}
    if hasattr(trace, "source"):  # an encoder-decoder trace
        source = _decode(trace.source, trace.source_lengths, task, "vocabulary")
        target = _decode(trace.decoder_inputs, trace.target_lengths, task, "target_vocabulary")
        return {"source_tokens": source, "target_tokens": target}
    if trace.spec.tokens:
        return {"tokens": _decode(trace.inputs, trace.lengths, task, "vocabulary")}
    return {"tokens": _dense_steps(trace, task)}


def _text(rows) -> np.ndarray:
    return np.array(rows, dtype=str)


def _decode(ids: np.ndarray, lengths: np.ndarray, task, vocabulary: str) -> np.ndarray:
    words = getattr(task, vocabulary, None)
    rows = []
    for b, length in enumerate(lengths):
        row = ids[b, :length]
        shown = words.decode(row) if words is not None else [str(int(i)) for i in row]
        rows.append(list(shown) + [""] * (ids.shape[1] - length))
    return _text(rows)


def _dense_steps(trace, task) -> np.ndarray:
    show = getattr(task, "show_input", None)
    B, T = trace.inputs.shape[:2]
    rows = []
    for b in range(B):
        length = int(trace.lengths[b])
        steps = [
            show(trace.inputs[b, t : t + 1]) if show is not None else f"x{t}" for t in range(length)
        ]
        rows.append(steps + [""] * (T - length))
    return _text(rows)


def _node_labels(trace) -> list[str]:
    labels = []
    for tree in trace.batch.trees:
        for n in range(tree.size):
            if tree.tokens[n] is not None:
                labels.append(str(tree.tokens[n]))
            elif tree.categories[n]:
                labels.append(str(tree.categories[n]))
            else:
                first, last = tree.span[n]
                words = [
                    str(tree.tokens[k]) for k in range(tree.size) if tree.tokens[k] is not None
                ]
                labels.append(" ".join(words[first:last])[:MAX_PHRASE])
    return labels
