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


def test_warm_all_skips_what_is_stamped_and_reports_a_set_that_fails(tmp_path, monkeypatch):
    import io

    monkeypatch.setenv("NUMBA_CACHE_DIR", str(tmp_path))
    warmup.warm("rnn", "float64")
    out = io.StringIO()
    assert not warmup.warm_all(("rnn/float64", "transformer/float64"), processes=2, stream=out)
    lines = out.getvalue().splitlines()
    assert "1 sets" in lines[0] and "[1/1] transformer/float64" in lines[1] and "FAILED" in lines[1]
    out = io.StringIO()
    monkeypatch.setattr(warmup.subprocess, "Popen", None)  # nothing may be started
    assert warmup.warm_all(("rnn/float64",), stream=out)
    assert "ready" in out.getvalue()


def test_a_stamp_from_a_checkout_elsewhere_does_not_count(tmp_path, monkeypatch):
    """Numba keys its cache by the sources' path: another checkout's stamp says nothing here."""
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(tmp_path))
    warmup.warm("rnn", "float64")
    (stamp,) = tmp_path.glob("rnnsim-warm-rnn-float64-*")
    elsewhere = stamp.name.rsplit("-", 1)[0] + "-00000000"
    stamp.rename(tmp_path / elsewhere)
    assert not warmup.is_cached("rnn", "float64")


def test_set_up_compiles_every_kernel_set_of_every_kind():
    from simulator.kinds import KINDS

    every = {name for kind in KINDS for name in kind.kernel_sets}
    assert sorted(warmup.SETUP_ORDER) == sorted(every)
