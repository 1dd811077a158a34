"""Two threads running one kernel in step: each computes half of a layer's units.

At B = 1 a recurrent step is one matrix-vector product and the element-wise work of its units,
and each step needs the whole state of the step before: a batch's halves (simulator/halves.py)
do not exist. The units do split: the thread of part p computes half p of the units at every
step (their rows of U, their gates and states), and before the next step reads the previous
state (or BPTT's the other half's share of U^T dz) it waits until the other part has finished
the step too.

A team is an int64 array of shape (parts, 8): row p holds part p's progress, alone on its
64-byte cache line, written only by that part's thread (`publish`) and read by the other's
(`wait_for`). A team of one row is one thread computing both halves in turn; it never waits.
Numba has no atomics of its own, so the two accesses are written as LLVM's: a release store,
an acquire load (on x86 plain moves, kept in order and in the loop by the compiler), and the
CPU's `pause` while spinning. The wait is ~0.13 us when the other part is ready (two cores,
measured).
"""

import platform
import sys

import numpy as np
from llvmlite import ir
from numba import njit, types
from numba.core import cgutils
from numba.core.errors import TypingError
from numba.extending import intrinsic

CACHE_LINE_INTS = 8  # int64 per 64-byte cache line: a part's row of the team
_X86 = platform.machine().lower() in ("x86_64", "amd64", "i386", "i686")
_YIELDS = sys.platform.startswith("linux")  # sched_yield: where a team runs (halves.py)
SPINS_BEFORE_YIELD = 1 << 6  # pauses (~3 us) before the waiting thread offers its core


def new_team(parts: int) -> np.ndarray:
    """A team of `parts` threads, nobody started."""
    return np.zeros((parts, CACHE_LINE_INTS), np.int64)


def _progress_pointer(context, builder, team_type, team, part):
    """The address of team[part, 0]."""
    array = context.make_array(team_type)(context, builder, team)
    first = ir.Constant(part.type, 0)
    return cgutils.get_item_pointer(context, builder, team_type, array, [part, first])


def _check_team(team):
    if not (isinstance(team, types.Array) and team.ndim == 2 and team.dtype == types.int64):
        raise TypingError("a team is a 2-D int64 array (parts, 8)")


@intrinsic
def publish(typingctx, team, part, progress):
    """team[part, 0] = progress, after every write before it (a release store)."""
    _check_team(team)
    signature = types.void(team, types.intp, types.int64)

    def codegen(context, builder, signature, args):
        pointer = _progress_pointer(context, builder, signature.args[0], args[0], args[1])
        builder.store_atomic(args[2], pointer, ordering="release", align=8)
        return context.get_dummy_value()

    return signature, codegen


@intrinsic
def _progress(typingctx, team, part):
    """team[part, 0], before every read after it (an acquire load)."""
    _check_team(team)
    signature = types.int64(team, types.intp)

    def codegen(context, builder, signature, args):
        pointer = _progress_pointer(context, builder, signature.args[0], args[0], args[1])
        return builder.load_atomic(pointer, ordering="acquire", align=8)

    return signature, codegen


@intrinsic
def _pause(typingctx):
    """The CPU's spin-wait hint (x86's pause; elsewhere nothing)."""
    signature = types.void()

    def codegen(context, builder, signature, args):
        if not _X86:
            return context.get_dummy_value()
        function_type = ir.FunctionType(ir.VoidType(), [])
        pause = cgutils.get_or_insert_function(builder.module, function_type, "llvm.x86.sse2.pause")
        builder.call(pause, [])
        return context.get_dummy_value()

    return signature, codegen


@intrinsic
def _offer_core(typingctx):
    """sched_yield(): the waiting thread offers its core, so a part that another program's
    thread took its core from gets one sooner (Linux; elsewhere nothing)."""
    signature = types.void()

    def codegen(context, builder, signature, args):
        if not _YIELDS:
            return context.get_dummy_value()
        function_type = ir.FunctionType(ir.IntType(32), [])
        sched_yield = cgutils.get_or_insert_function(builder.module, function_type, "sched_yield")
        builder.call(sched_yield, [])
        return context.get_dummy_value()

    return signature, codegen


@njit(inline="always")
def wait_for(team, part, progress):
    """Wait until part `part` has published `progress` or more: spinning (the other part is
    a fraction of a microsecond away when both have a core), then, after SPINS_BEFORE_YIELD,
    offering the core at every look (when another program's thread has the other part's)."""
    spins = 0
    while _progress(team, part) < progress:
        if spins < SPINS_BEFORE_YIELD:
            _pause()
            spins += 1
        else:
            _offer_core()


@njit(inline="always")
def in_step(team, part, progress):
    """Publish this part's `progress` and, in a team of two, wait until the other part has
    reached it too."""
    publish(team, part, progress)
    if team.shape[0] > 1:
        wait_for(team, 1 - part, progress)


HALVES = 2  # a team's kernels split the units in two halves, whether one thread or two run them


@njit(inline="always")
def own_halves(team, part):
    """(first, last): the halves of the units part `part` computes, range(first, last): its own
    in a team of two, both in a team of one (one thread, the same numbers)."""
    if team.shape[0] == 1:
        return 0, HALVES
    return part, part + 1


@njit(inline="always")
def half_units(H, half):
    """(lo, hi): the units of half `half` of H (H even)."""
    n = H // HALVES
    return half * n, (half + 1) * n
