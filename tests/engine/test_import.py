import subprocess
import sys


def test_importing_the_engine_does_not_import_qt():
    code = (
        "import sys, simulator, simulator.gradient_flow, simulator.stepper, simulator.gradcheck\n"
        "qt = ('PySide6', 'pyqtgraph', 'shiboken6')\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in qt]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
