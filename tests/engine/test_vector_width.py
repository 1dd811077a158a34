"""Numba compiles the kernels for the CPU's whole vector registers where it has AVX-512."""

import numpy as np
import pytest
from llvmlite import binding

from simulator import vector_width
from simulator.kernels import steps


def test_avx512_turns_off_llvms_256_bit_preference_and_keeps_every_feature():
    host = binding.FeatureMap({"avx2": True, "avx512f": True, "amx-tile": False})
    assert vector_width.features(host) == "-amx-tile,+avx2,+avx512f,-prefer-256-bit"


def test_without_avx512_llvm_keeps_its_choice():
    assert vector_width.features(binding.FeatureMap({"avx2": True, "avx512f": False})) is None
    assert vector_width.features(binding.FeatureMap({"sse2": True})) is None


def test_a_persons_setting_wins(monkeypatch):
    monkeypatch.setenv("NUMBA_CPU_FEATURES", "+avx2")
    vector_width.configure()
    assert vector_width.os.environ["NUMBA_CPU_FEATURES"] == "+avx2"


@pytest.mark.skipif(
    not binding.get_host_cpu_features().get("avx512f"), reason="the CPU has no AVX-512"
)
def test_the_kernels_compile_to_512_bit_vectors():
    w = np.random.default_rng(0).standard_normal((16, 32))
    v = np.random.default_rng(1).standard_normal(32)
    out = np.empty(16)
    steps.matvec(w, v, out)
    np.testing.assert_allclose(out, w @ v, rtol=1e-13)
    assembly = steps.matvec.inspect_asm(steps.matvec.signatures[0])
    assert "zmm" in assembly
