"""rnnsim's window: Qt (PySide6) panels and pyqtgraph plots over the engine in `simulator`.

One adapter object (`ui.session.Session`) owns the current project, network, trace and stepper
and emits signals; every panel subscribes to it and never talks to another panel. Modules here
import `simulator` (and with it Numba) lazily, so the window can show before the kernels load.
"""
