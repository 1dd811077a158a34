"""Numba's cache folder: named after every kernel source, so a change to a helper that other
kernels inline (which Numba itself does not notice) starts a fresh cache; old folders go."""

import os
import time

from simulator import numba_cache


def _sources(root, helper: str):
    for folder in numba_cache.KERNEL_FOLDERS:
        (root / folder).mkdir(parents=True)
    (root / "kernels" / "lstm.py").write_text("from .rows import add\n")
    (root / "kernels" / "rows.py").write_text(helper)


def test_a_change_to_any_kernel_source_or_to_numba_names_another_folder(tmp_path):
    _sources(tmp_path / "a", "def add(): return 1\n")
    _sources(tmp_path / "b", "def add(): return 2\n")  # only the inlined helper differs
    a = numba_cache.sources_hash(tmp_path / "a", "0.61.0")
    assert a != numba_cache.sources_hash(tmp_path / "b", "0.61.0")
    assert a != numba_cache.sources_hash(tmp_path / "a", "0.62.0")
    assert a == numba_cache.sources_hash(tmp_path / "a", "0.61.0")


def test_configure_uses_the_fingerprint_folder_and_removes_all_but_the_recent(
    tmp_path, monkeypatch
):
    monkeypatch.delenv("NUMBA_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    root = tmp_path / "rnnsim" / "numba"
    root.mkdir(parents=True)
    old = [root / f"{k:016x}" for k in range(5)]
    for age, folder in enumerate(old):
        folder.mkdir()
        stamp = time.time() - 1000 * (age + 1)
        os.utime(folder, (stamp, stamp))
    (root / "kernels_0123abcd").mkdir()  # what versions before the fingerprint wrote
    (root / "rnnsim-warm-lstm-float64-0123").touch()
    numba_cache.configure()
    current = root / numba_cache.fingerprint()
    assert os.environ["NUMBA_CACHE_DIR"] == str(current)
    kept = {p.name for p in root.iterdir()}
    assert kept == {current.name, *(f.name for f in old[: numba_cache.KEPT])}


def test_an_explicit_cache_folder_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "elsewhere"))
    numba_cache.configure()
    assert os.environ["NUMBA_CACHE_DIR"] == str(tmp_path)
    assert not (tmp_path / "elsewhere").exists()
