"""Every built-in task's data has the shapes, dtypes and padding its spec fields promise."""

import numpy as np

from simulator import NetworkSpec

from .common import SMALL


def test_sizes_follow_the_settings(small_task):
    assert len(small_task.train) == SMALL["train_size"]
    assert len(small_task.test) == SMALL["test_size"]


def test_spec_fields_make_a_valid_network_spec(small_task):
    fields = small_task.spec_fields
    extra = {"embedding_dim": 4} if "vocab_size" in fields else {}
    spec = NetworkSpec(hidden_size=8, **fields, **extra)
    assert spec.mode == fields["mode"]


def test_shapes_and_dtypes(small_task):
    fields = small_task.spec_fields
    for data in (small_task.train, small_task.test):
        N, T = data.inputs.shape[:2]
        assert data.lengths.shape == (N,) and data.lengths.dtype == np.int64
        assert data.lengths.min() >= 1 and data.lengths.max() == T
        if "vocab_size" in fields:
            assert data.inputs.dtype == np.int64 and data.inputs.ndim == 2
            assert data.inputs.min() >= 0 and data.inputs.max() < fields["vocab_size"]
        else:
            assert data.inputs.dtype == np.float64
            assert data.inputs.shape == (N, T, fields["input_size"])
        per_step = (T,) if fields["mode"] == "seq2seq" else ()
        if fields["loss"] == "cross_entropy":
            assert data.targets.shape == (N, *per_step) and data.targets.dtype == np.int64
            assert data.targets.min() >= 0 and data.targets.max() < fields["output_size"]
            assert fields["output_size"] == len(small_task.labels)
        else:
            assert data.targets.shape == (N, *per_step, fields["output_size"])
            assert data.targets.dtype == np.float64


def test_inputs_are_padded_with_zero_beyond_each_length(small_task):
    for data in (small_task.train, small_task.test):
        steps = np.arange(data.inputs.shape[1])
        padding = steps[None, :] >= data.lengths[:, None]
        assert np.all(data.inputs[padding] == 0)
        real = data.inputs[~padding]
        if data.inputs.ndim == 2:  # token ids: <pad> (0) only in the padding
            assert np.all(real != 0)


def test_a_batch_is_trimmed_to_its_longest_example(small_task):
    data = small_task.train
    rows = np.argsort(data.lengths)[:3]
    x, y, lengths = data.batch(rows)
    assert x.shape[1] == lengths.max() == data.lengths[rows].max()
    assert np.array_equal(lengths, data.lengths[rows])
    if small_task.spec_fields["mode"] == "seq2seq":
        assert y.shape[:2] == x.shape[:2]
    else:
        assert y.shape[0] == 3 and y.shape[1:] == data.targets.shape[1:]
