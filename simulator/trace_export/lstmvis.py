"""A trace in the layout LSTMVis reads (github.com/HendrikStrobelt/LSTMVis, "Adding Your Own
Data"): one HDF5 file of states, a words dictionary, and the project's lstm.yml.

    OUT.h5     states1, states2, ...   (N, units) h_t of layer 1, 2, ... at every position
                                       (both directions side by side in a bidirectional layer)
               cells1, ...             (N, units) c_t (LSTM)
               word_ids                (N,) int, the word at each position
    OUT.dict   "word id" per line: the dictionary from word_ids to words
    lstm.yml   the configuration naming both (unless the folder has one rnnsim did not write)

N runs over the trace's examples one after another, each over its own steps (no padding): LSTMVis
reads one long sequence. An encoder-decoder writes its encoder's states over the source words
(states1, ... as above) and its decoder's as decoder_states1, ... with decoder_word_ids; a tree
writes its node vectors bottom-up as states1 with each node's label as its word. LSTMVis splits
dictionary lines at white space, so a space inside a token is written as ␣.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from ..errors import ProjectError
from ..files.writing import write_atomically
from .tokens import trace_tokens

CONFIG = "lstm.yml"
MARK = b"name: rnnsim trace"  # the first line of an lstm.yml that rnnsim wrote
WHITE = {" ": "␣", "\t": "⇥", "\n": "↵", "\r": "↵"}


def _h5py():
    try:
        import h5py
    except ImportError:
        raise ProjectError(
            "writing .h5 needs h5py: pip install 'rnnsim[h5]' (or write .npz, which needs nothing)"
        ) from None
    return h5py


def lstmvis_tables(trace, task=None) -> tuple[dict[str, np.ndarray], list[str], list[str]]:
    """(datasets of the .h5, the words in the dictionary's order, the state paths for lstm.yml)."""
    tokens = trace_tokens(trace, task)
    tables: dict[str, np.ndarray] = {}
    if "node_tokens" in tokens:  # a tree: its node vectors, bottom-up
        words = list(tokens["node_tokens"])
        tables["states1"] = trace.vectors
        groups = {"word_ids": words}
    elif "source_tokens" in tokens:
        _layers(tables, "", trace.encoder, trace.source_lengths)
        _layers(tables, "decoder_", trace.decoder, trace.target_lengths)
        groups = {
            "word_ids": _valid(tokens["source_tokens"], trace.source_lengths),
            "decoder_word_ids": _valid(tokens["target_tokens"], trace.target_lengths),
        }
    else:
        _layers(tables, "", trace.layers, trace.lengths)
        groups = {"word_ids": _valid(tokens["tokens"], trace.lengths)}
    dictionary = sorted({_word(w) for words in groups.values() for w in words})
    ids = {word: k + 1 for k, word in enumerate(dictionary)}  # 0: no word, as LSTMVis's tools
    for name, words in groups.items():
        tables[name] = np.array([ids[_word(w)] for w in words], np.int64)
    paths = [name for name in tables if name.startswith(("states", "cells"))]
    return tables, dictionary, paths


def write_lstmvis(path: Path, trace, task=None) -> list[Path]:
    h5py = _h5py()
    tables, dictionary, paths = lstmvis_tables(trace, task)

    def write_h5(handle) -> None:
        with h5py.File(handle, "w") as out:
            for name, table in tables.items():
                out.create_dataset(name, data=np.ascontiguousarray(table))

    write_atomically(path, write_h5)
    words = path.with_suffix(".dict")
    text = "".join(f"{word} {k + 1}\n" for k, word in enumerate(dictionary))
    write_atomically(words, lambda handle: handle.write(text.encode("utf-8")))
    written = [path, words]
    config = path.parent / CONFIG
    if not config.exists() or _ours(config):  # a person's own lstm.yml is left alone
        yml = _config(path.name, words.name, paths)
        write_atomically(config, lambda handle: handle.write(yml.encode("utf-8")))
        written.append(config)
    return written


def _layers(tables: dict, prefix: str, layers, lengths: np.ndarray) -> None:
    for layer, directions in enumerate(layers, start=1):
        hidden = np.concatenate([d.hidden for d in directions], axis=2)
        tables[f"{prefix}states{layer}"] = _valid_rows(hidden, lengths)
        if directions[0].cell_state is not None:
            cells = np.concatenate([d.cell_state for d in directions], axis=2)
            tables[f"{prefix}cells{layer}"] = _valid_rows(cells, lengths)


def _valid_rows(values: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """(B, T, H) -> (sum of lengths, H): each example's own steps, one after another."""
    return np.concatenate([values[b, :length] for b, length in enumerate(lengths)])


def _valid(tokens: np.ndarray, lengths: np.ndarray) -> list[str]:
    return [str(w) for b, length in enumerate(lengths) for w in tokens[b, :length]]


def _word(token: str) -> str:
    shown = "".join(WHITE.get(c, c) for c in token)
    return shown or "∅"


def _ours(config: Path) -> bool:
    try:
        with open(config, "rb") as handle:
            return handle.read(len(MARK)) == MARK
    except OSError:
        return False


def _config(states: str, words: str, paths: list[str]) -> str:
    """lstm.yml: LSTMVis's project file (the format of its README)."""
    types = ",\n".join(
        f"    {{type: state, layer: {_layer(p)}, path: {p}}}"
        for p in paths
        if not p.startswith("decoder_")
    )
    return (
        f"{MARK.decode()}\n"
        "description: hidden states exported by rnnsim\n"
        "files:\n"
        f"  states: {states}\n"
        f"  words: {words}\n"
        "word_sequence:\n"
        "  file: states\n"
        "  path: word_ids\n"
        "  dict_file: words\n"
        "states:\n"
        "  file: states\n"
        "  types: [\n"
        f"{types}\n"
        "  ]\n"
    )


def _layer(path: str) -> int:
    """states12 -> 12."""
    return int(re.search(r"\d+$", path).group())
