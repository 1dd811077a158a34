"""Names a package exports, loaded on first use (PEP 562): importing one light module of the
package (a spec, the tree brackets, a constant) then does not load Numba and every kernel, which
the window needs before it can show itself.

    _WHERE = {"TreeNetwork": ".network", ...}
    __all__ = sorted(_WHERE)
    __getattr__ = lazy_names(__name__, _WHERE, globals())
"""

from importlib import import_module


def lazy_names(package: str, where: dict[str, str], namespace: dict):
    """A module __getattr__ that imports `name` from the module `where[name]` (relative to
    `package`) on first use and keeps it in the package's `namespace`."""

    def __getattr__(name: str):  # noqa: N807 (the name Python looks for)
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(where[name], package), name)
        namespace[name] = value
        return value

    return __getattr__
