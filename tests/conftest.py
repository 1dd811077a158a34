import os

# Qt needs a platform plugin; without a display use the offscreen one (before Qt is imported).
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Numba reads its cache folder when it is first imported: point it at the per-user folder (as
# importing simulator.kernels does) before a test module imports numba itself.
from simulator.numba_cache import configure  # noqa: E402

configure()
