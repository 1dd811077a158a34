"""A matrix's transposed copy, BLOCK x BLOCK at a time through vector shuffles.

BPTT at B = 1 multiplies by U^T at every step, on a transposed copy of U made once per run
(steps.backward_operand); a batch's forward pass reads one too (steps.forward_operand).
Element by element, LLVM compiles that copy to one scalar load and store per number, and the
stores of one column land a whole output row apart, in the same few cache sets: a float64
256 x 64 copy took 16 us (a third of the 20-step decoder's forward pass it serves), 512 x 128
63 us. Here a block of 8 rows is loaded as 8 vectors, transposed in registers by log2 8 = 3
stages of shuffles, and stored as 8 vectors of the output: 3.8-7.6 and 16 us.

Numba has no shuffle of its own, so `_transpose_block` writes the LLVM instructions
(shufflevector) itself; LLVM lowers them to the CPU's permutes (AVX-512, AVX2 or SSE alike).
"""

from llvmlite import ir
from numba import njit, types
from numba.core import cgutils
from numba.core.errors import TypingError
from numba.extending import intrinsic

BLOCK = 8  # rows and columns of a block: 8 float64 fill one AVX-512 register, 8 float32 AVX's


def _stages(n: int) -> list[list[tuple[int, int, list[int], list[int]]]]:
    """The shuffles that transpose n vectors of n numbers (n a power of 2), as log2 n stages.
    In the stage of `step`, vectors a and b = a + step trade blocks of `step` numbers: the new a
    takes the even blocks of both (a's, then b's), the new b their odd blocks. Each operation is
    (a, b, mask of the new a, mask of the new b) over the concatenation a ++ b."""
    stages, step = [], 1
    while step < n:
        stage = []
        for base in range(0, n, 2 * step):
            for a in range(base, base + step):
                even, odd = [], []
                for block in range(0, n, 2 * step):
                    even += [block + i for i in range(step)] + [n + block + i for i in range(step)]
                    odd += [block + step + i for i in range(step)]
                    odd += [n + block + step + i for i in range(step)]
                stage.append((a, a + step, even, odd))
        stages.append(stage)
        step *= 2
    return stages


@intrinsic
def _transpose_block(typingctx, source, target, row, column):
    """target[column : column + BLOCK, row : row + BLOCK] = source[row : row + BLOCK,
    column : column + BLOCK].T, for C-contiguous 2-D arrays of one dtype; no bounds check."""
    if not (
        isinstance(source, types.Array)
        and isinstance(target, types.Array)
        and source.ndim == target.ndim == 2
        and source.layout == target.layout == "C"
        and source.dtype == target.dtype
    ):
        raise TypingError("_transpose_block takes two C-contiguous 2-D arrays of one dtype")
    signature = types.void(source, target, types.intp, types.intp)

    def codegen(context, builder, signature, args):
        source_type, target_type = signature.args[:2]
        source_array = context.make_array(source_type)(context, builder, args[0])
        target_array = context.make_array(target_type)(context, builder, args[1])
        row, column = args[2], args[3]
        vector = ir.VectorType(context.get_data_type(source_type.dtype), BLOCK)
        align = source_type.dtype.bitwidth // 8  # the numbers' own alignment

        def pointer(array, i, j):
            data = cgutils.get_item_pointer2(
                context,
                builder,
                array.data,
                cgutils.unpack_tuple(builder, array.shape, 2),
                cgutils.unpack_tuple(builder, array.strides, 2),
                "C",
                [i, j],
            )
            return builder.bitcast(data, vector.as_pointer())

        def offset(value, i):
            return builder.add(value, ir.Constant(value.type, i))

        rows = [
            builder.load(pointer(source_array, offset(row, i), column), align=align)
            for i in range(BLOCK)
        ]
        mask_type = ir.VectorType(ir.IntType(32), BLOCK)
        for stage in _stages(BLOCK):
            shuffled = list(rows)
            for a, b, even, odd in stage:
                shuffled[a] = builder.shuffle_vector(rows[a], rows[b], ir.Constant(mask_type, even))
                shuffled[b] = builder.shuffle_vector(rows[a], rows[b], ir.Constant(mask_type, odd))
            rows = shuffled
        for j in range(BLOCK):  # rows[j] now holds column j of the block
            builder.store(rows[j], pointer(target_array, offset(column, j), row), align=align)
        return context.get_dummy_value()

    return signature, codegen


@njit(inline="always")
def transpose_into(w, out):
    """out = w.T for w (G, K) and out (K, G), both C-contiguous."""
    G, K = w.shape
    whole_rows, whole_columns = G - G % BLOCK, K - K % BLOCK
    for k in range(0, whole_columns, BLOCK):  # out's rows in order: 8 write streams
        for g in range(0, whole_rows, BLOCK):
            _transpose_block(w, out, g, k)
    for g in range(G):  # the edges: the last rows and columns short of a block
        for k in range(whole_columns if g < whole_rows else 0, K):
            out[k, g] = w[g, k]
