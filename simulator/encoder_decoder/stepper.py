"""EncoderDecoderStepper: a cursor over the ordered events of one sentence pair's trace.

Events follow the order the engine computes them:

    encoder   each layer, each direction in its reading order         encoder:LAYER:DIRECTION:n
    bridge    the decoder's initial state                             bridge
    decoder   context at the output: each decoder layer over every    decoder:LAYER:t
              step, then the attention of every step                  attention:t
              input feeding: step by step, the attention (query
              s_{t-1}) then each layer
    loss
    backward  the same in reverse: decoder and attention from the     backward:decoder:LAYER:t
              last target step back, the bridge, then the encoder     backward:attention:t
              from its top layer down                                 backward:bridge
                                                                      backward:encoder:LAYER:DIRECTION:n

The stepper never recomputes; it answers "what is known at this point" so a view can show the
past (a row of the attention heat map appears when its step has run) and hide the future.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..stepper import DIRECTION_NAMES, EventCursor
from .trace import EncoderDecoderTrace

NEVER = np.iinfo(np.int64).max


@dataclass(frozen=True)
class EncoderDecoderEvent:
    phase: str  # "forward", "loss" or "backward"
    part: str = ""  # "encoder", "bridge", "decoder" or "attention"
    layer: int = -1
    direction: int = 0
    position: int = -1  # n in the source (encoder), t in the target (decoder, attention)

    @property
    def name(self) -> str:
        if self.phase == "loss":
            return "loss"
        where = {
            "encoder": f"encoder:{self.layer}:{DIRECTION_NAMES[self.direction]}:{self.position}",
            "bridge": "bridge",
            "decoder": f"decoder:{self.layer}:{self.position}",
            "attention": f"attention:{self.position}",
        }[self.part]
        return where if self.phase == "forward" else f"backward:{where}"


class EncoderDecoderStepper(EventCursor):
    def __init__(self, trace: EncoderDecoderTrace, example: int = 0):
        self.trace = trace
        self.example = example
        spec = trace.spec
        self.source_length = S = int(trace.source_lengths[example])
        self.target_length = T = int(trace.target_lengths[example])
        E, D, L = spec.encoder_layers, spec.num_directions, spec.decoder_layers
        shape = {"encoder": (E, D, S), "decoder": (L, T), "attention": (T,), "bridge": ()}
        self.forward_at = {k: np.full(s, NEVER, np.int64) for k, s in shape.items()}
        self.backward_at = {k: np.full(s, NEVER, np.int64) for k, s in shape.items()}
        self.events: list[EncoderDecoderEvent] = []
        self.index = 0
        self.loss_at = None

        def add(phase, part, layer=-1, direction=0, position=-1):
            table = (self.forward_at if phase == "forward" else self.backward_at)[part]
            key = {
                "encoder": (layer, direction, position),
                "decoder": (layer, position),
                "attention": (position,),
                "bridge": (),
            }[part]
            table[key] = len(self.events)
            self.events.append(EncoderDecoderEvent(phase, part, layer, direction, position))

        for layer in range(E):
            for d in range(D):
                for n in _reading_order(S, d):
                    add("forward", "encoder", layer, d, n)
        add("forward", "bridge")
        attends, feeding = spec.attends, spec.input_feeding
        if feeding:
            for t in range(T):
                add("forward", "attention", position=t)
                for layer in range(L):
                    add("forward", "decoder", layer, position=t)
        else:
            for layer in range(L):
                for t in range(T):
                    add("forward", "decoder", layer, position=t)
            for t in range(T if attends else 0):
                add("forward", "attention", position=t)
        if not trace.has_gradients:
            return
        self.loss_at = len(self.events)
        self.events.append(EncoderDecoderEvent("loss"))
        if feeding:
            for t in reversed(range(T)):
                for layer in reversed(range(L)):
                    add("backward", "decoder", layer, position=t)
                add("backward", "attention", position=t)
        else:
            for t in reversed(range(T if attends else 0)):
                add("backward", "attention", position=t)
            for layer in reversed(range(L)):
                for t in reversed(range(T)):
                    add("backward", "decoder", layer, position=t)
        add("backward", "bridge")
        for layer in reversed(range(E)):
            for d in range(D):
                for n in reversed(_reading_order(S, d)):
                    add("backward", "encoder", layer, d, n)

    def find(self, name: str) -> int:
        """The index of an event: a number, or a name as EncoderDecoderEvent.name writes it
        (`encoder:0:forward:3`, `bridge`, `decoder:1:4`, `attention:4`, `loss`,
        `backward:attention:4`, ...). Raises ValueError naming what exists."""
        text = name.strip().lower()
        if text.lstrip("-").isdigit() and 0 <= int(text) < len(self.events):
            return int(text)
        for index, event in enumerate(self.events):
            if event.name == text:
                return index
        raise ValueError(
            f"no event {name!r}: use 0 to {len(self.events) - 1} or a name such as "
            f"'encoder:0:forward:0', 'bridge', 'decoder:0:0', 'attention:0', 'loss', "
            f"'backward:decoder:0:0' (source positions 0 to {self.source_length - 1}, target "
            f"steps 0 to {self.target_length - 1})"
        )

    # ----- what is known ---------------------------------------------------------------------
    def known_encoder(self, layer: int, direction: int = 0) -> np.ndarray:
        """(source length,) bool: positions whose forward values have been computed."""
        return self.forward_at["encoder"][layer, direction] <= self.index

    def known_decoder(self, layer: int) -> np.ndarray:
        """(target length,) bool: steps of a decoder layer computed so far."""
        return self.forward_at["decoder"][layer] <= self.index

    def known_attention(self) -> np.ndarray:
        """(target length,) bool: steps whose attention distribution has been computed."""
        return self.forward_at["attention"] <= self.index

    def known_gradients(self, part: str, *key) -> np.ndarray | bool:
        """Which gradients are known: part "encoder" (layer, direction), "decoder" (layer),
        "attention" or "bridge"."""
        return self.backward_at[part][key] <= self.index

    @property
    def phase(self) -> str:
        return self.event.phase


def _reading_order(length: int, direction: int) -> list[int]:
    positions = list(range(length))
    return positions[::-1] if direction == 1 else positions
