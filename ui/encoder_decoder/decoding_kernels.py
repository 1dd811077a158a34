"""The encoder-decoder's decoding kernels (greedy and beam search) are a set of their own
(simulator.warmup.DECODING), prepared in the background after the teacher-forcing set: the
diagram never waits for them; the beam view and a typed source whose target the model writes
do, each saying so, and act once `manager().ready` names the key."""

from __future__ import annotations

from ..kernels import kernel_key
from ..kinds.kernels import is_ready, manager


def decoding_key(session) -> str:
    from simulator.warmup import DECODING

    return kernel_key(DECODING, session.spec.dtype)


def decoding_ready(session) -> bool:
    """True when greedy and beam search can run now without compiling in the GUI thread; if
    not, their kernels are asked for."""
    if session.kernels is None or is_ready(decoding_key(session)):
        return True
    manager().request(decoding_key(session))
    return False
