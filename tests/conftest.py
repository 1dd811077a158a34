import os

# Qt needs a platform plugin; without a display use the offscreen one (before Qt is imported).
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
