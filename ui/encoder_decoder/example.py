"""EncoderDecoderExample: the one sentence pair the window feeds to an encoder-decoder. Qt-free.

The source is typed (tokenised as the task does; tokens outside the vocabulary are marked and
read as <unk>) or taken from the task. The target is typed, taken from the task, or, when left
empty, written by the model itself (greedy decoding) for the person to correct: the loss and the
backward pass then follow the model's own output.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..input_example import InputProblem, show_token

EOS_ID = 3  # <eos> in every target vocabulary (simulator.encoder_decoder.spec)


@dataclass(frozen=True, eq=False)
class EncoderDecoderExample:
    source: str  # "typed", "train" or "test"
    index: int  # position in the split (-1 when typed)
    text: str  # the typed source ("" for an example from the task)
    target_text: str  # the typed target ("" when the task or the model gave it)
    source_tokens: tuple[str, ...]
    source_unknown: tuple[bool, ...]
    source_ids: np.ndarray  # (S,)
    target_tokens: tuple[str, ...]  # y_1 ... <eos>, one per decoder step
    target_unknown: tuple[bool, ...]
    target_ids: np.ndarray  # (T,) ending with <eos>
    target_origin: str  # "typed", "task" or "model"

    @property
    def typed(self) -> bool:
        return self.source == "typed"

    @property
    def tokens(self) -> tuple[str, ...]:
        return self.source_tokens

    @property
    def decoder_tokens(self) -> tuple[str, ...]:
        """What each decoder step reads: <bos>, y_1, ..., y_{T-1}."""
        return ("<bos>", *self.target_tokens[:-1])

    def to_view(self) -> dict:
        """What a project file keeps to show this example again."""
        if self.typed:
            return {"text": self.text, "target": self.target_text}
        return {"split": self.source, "index": self.index}


def from_dataset(task, split: str, index: int) -> EncoderDecoderExample:
    if split not in ("train", "test"):
        raise InputProblem(f"split {split!r}: choose train or test")
    data = task.train if split == "train" else task.test
    if not 0 <= index < len(data):
        raise InputProblem(f"the {split} set has examples 0 to {len(data) - 1}; not {index}")
    source = np.array(data.source[index, : data.source_lengths[index]])
    target = np.array(data.target[index, : data.target_lengths[index]])
    return EncoderDecoderExample(
        source=split,
        index=index,
        text="",
        target_text="",
        source_tokens=_shown(task.vocabulary.decode(source)),
        source_unknown=(False,) * len(source),
        source_ids=source,
        target_tokens=_shown(task.target_vocabulary.decode(target)),
        target_unknown=(False,) * len(target),
        target_ids=target,
        target_origin="task",
    )


def from_text(task, text: str, target_text: str = "", network=None) -> EncoderDecoderExample:
    """A typed source sentence, with a typed target or (empty) the model's own output."""
    tokens = task.tokenize(text)
    if not tokens:
        raise InputProblem("type a source sentence of at least one word (or character)")
    ids = task.vocabulary.encode(tokens)
    unknown = tuple(t not in task.vocabulary.ids for t in tokens)
    vocabulary = task.target_vocabulary
    if target_text.strip():
        target = list(task.target_tokenize(target_text))
        target_ids = np.append(vocabulary.encode(target), EOS_ID)
        target_unknown = (*(t not in vocabulary.ids for t in target), False)
        origin = "typed"
    else:
        target_ids = _decoded(network, ids)
        target_unknown = (False,) * len(target_ids)
        origin = "model"
    return EncoderDecoderExample(
        source="typed",
        index=-1,
        text=text,
        target_text=target_text.strip(),
        source_tokens=_shown(tokens),
        source_unknown=unknown,
        source_ids=ids,
        target_tokens=_shown(vocabulary.decode(target_ids)),
        target_unknown=target_unknown,
        target_ids=target_ids,
        target_origin=origin,
    )


def _decoded(network, ids: np.ndarray) -> np.ndarray:
    """The model's greedy output for the source, ending with <eos> (just <eos> when there is no
    network to ask yet)."""
    if network is None:
        return np.array([EOS_ID], np.int64)
    hypothesis = network.greedy(ids[None]).best[0]
    tokens = [int(t) for t in hypothesis.tokens if t != EOS_ID]
    return np.array([*tokens, EOS_ID], np.int64)


def from_view(task, view, network=None) -> EncoderDecoderExample | None:
    """The example a project file asks to show (see EncoderDecoderExample.to_view), or None."""
    if not isinstance(view, dict):
        return None
    try:
        if "text" in view:
            return from_text(task, str(view["text"]), str(view.get("target") or ""), network)
        return from_dataset(task, str(view.get("split", "test")), int(view.get("index", 0)))
    except (InputProblem, ValueError, TypeError, KeyError):
        return None


def _shown(tokens) -> tuple[str, ...]:
    return tuple(show_token(t) for t in tokens)
