from simulator import warmup


def test_warming_a_cell_stamps_it_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(tmp_path))
    assert not warmup.is_cached("rnn", "float64")
    warmup.warm("rnn", "float64")
    assert warmup.is_cached("rnn", "float64")
    assert not warmup.is_cached("gru", "float64")
    assert any(p.name.startswith("rnnsim-warm-rnn-float64-") for p in tmp_path.iterdir())


def test_the_model_kinds_are_warmed_and_stamped_the_same_way(tmp_path, monkeypatch):
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(tmp_path))
    warmup.warm("tree", "float64")
    assert warmup.is_cached("tree", "float64")
    assert not warmup.is_cached("encoder-decoder", "float64")


def test_an_unknown_name_is_refused_with_the_choices():
    import pytest

    with pytest.raises(ValueError, match="encoder-decoder"):
        warmup.warm("transformer")
