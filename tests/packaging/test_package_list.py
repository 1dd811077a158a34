"""pyproject.toml lists the wheel's packages by hand (resources/ is installed under another
name, which `packages.find` cannot do): every folder of simulator/ and ui/ holding an
__init__.py must be in that list, or the installed program fails to import it. The slow wheel
test finds the same mistake by building and running the wheel; this finds it in a second."""

import tomllib

from ..run_rnnsim import ROOT


def test_every_code_package_is_in_the_wheel_list():
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("simulator", "ui")
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    assert {name for name in listed if not name.startswith("rnnsim_resources")} <= found
